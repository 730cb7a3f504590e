import { Pool, types } from 'pg';
import type { Db, Queryable, QueryResult } from './db';

// int8 (counts, audit ids) fit doubles for any realistic table; numeric stays text unless cast.
types.setTypeParser(20, (value) => Number(value));

/**
 * A `Db` over a real PostgreSQL server.
 *
 * `schema` (optional) puts every object in its own schema through `search_path`; the test suites
 * use it so parallel files do not see each other's rows.
 */
export function openPgDb(connectionString: string, options: { schema?: string; max?: number } = {}): Db {
  const pool = new Pool({
    connectionString,
    max: options.max ?? 10,
    ...(options.schema ? { options: `-c search_path=${quoteIdent(options.schema)}` } : {}),
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const query = async <R>(
    runner: Pick<Pool, 'query'>,
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<R>> => {
    const result = await runner.query(sql, params ? [...params] : undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  };

  return {
    kind: 'postgres',
    query: (sql, params) => query(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          query: (sql, params) => query(client, sql, params),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** Quotes a schema name for `search_path`; names are restricted to simple identifiers. */
function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`invalid schema name ${name}`);
  return name;
}
