import type { Db } from './db';
import { openPgDb } from './pg-db';
import { openPgliteDb } from './pglite-db';

/** Real PostgreSQL when a connection string is given, embedded PGlite in `dataDir` otherwise. */
export async function openDb(options: { databaseUrl?: string; dataDir?: string; schema?: string }): Promise<Db> {
  if (options.databaseUrl) {
    const db = openPgDb(options.databaseUrl, { schema: options.schema });
    // The schema name was checked by openPgDb; search_path already points at it.
    if (options.schema) await db.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    return db;
  }
  return openPgliteDb(options.dataDir);
}
