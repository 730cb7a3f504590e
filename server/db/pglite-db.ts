import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable, QueryResult } from './db';

/**
 * A `Db` over embedded PGlite (PostgreSQL compiled to WebAssembly), so `npm run server` needs no
 * installed database. `dataDir` persists the cluster; `undefined` keeps it in memory (tests).
 *
 * PGlite has a single connection: its own mutex serialises transactions, which is enough for a
 * one-team server and keeps the same SQL and the same transaction semantics as real PostgreSQL.
 */
export async function openPgliteDb(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = new PGlite(dataDir);
  await pg.waitReady;

  const run = async <R>(
    runner: Pick<PGlite, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> => {
    const result = await runner.query<R>(sql, params ? [...params] : undefined);
    // Statements that return rows (SELECT, … RETURNING) count rows, like pg's rowCount does.
    const rowCount = result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0);
    return { rows: result.rows, rowCount };
  };

  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    exec: async (sql) => {
      await pg.exec(sql);
    },
    transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      return pg.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      );
    },
    close: () => pg.close(),
  };
}
