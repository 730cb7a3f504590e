import type { Db } from './db';
import { MIGRATIONS, type Migration } from './migrations';

/**
 * Applies every migration newer than the database's, each in its own transaction, and returns
 * the versions applied. On real PostgreSQL an advisory lock makes concurrent starts safe.
 *
 * @example await migrate(db) // → [1] on a fresh database, [] afterwards
 */
export async function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      if (db.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock(8787001)');
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (seen.rowCount > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** The highest applied migration version, or 0 on an empty database. */
export async function schemaVersion(db: Db): Promise<number> {
  const result = await db.query<{ v: number | null }>('SELECT max(version)::int AS v FROM schema_migrations');
  return result.rows[0]?.v ?? 0;
}
