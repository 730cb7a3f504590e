/**
 * The one database interface the server talks to.
 *
 * Both real PostgreSQL (`pg.Pool`) and the embedded PGlite implement it, so repositories and routes
 * never know which one they run on. Every multi-row change goes through `transaction`, which
 * commits when the callback resolves and rolls back when it throws.
 */
/** A row as a query returns it: column (or alias) → value. */
export type Row = Record<string, unknown>;

export interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

export interface Queryable {
  /** Runs one parameterised statement (`$1`, `$2`, …). Values are never spliced into SQL text. */
  query<R = Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Runs a script of several statements without parameters (migrations only). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction (READ COMMITTED); rolls back and rethrows if `fn` throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** PostgreSQL error codes the server maps to HTTP answers. */
export const PgCodes = {
  uniqueViolation: '23505',
  foreignKeyViolation: '23503',
  checkViolation: '23514',
  insufficientPrivilege: '42501',
} as const;

/** True for SQLSTATE class 22 (data exception: a value out of range, a bad date or number). */
export const isDataException = (code: string | undefined): boolean => code?.startsWith('22') ?? false;

/** The SQLSTATE of a driver error, or undefined when `error` is not a database error. */
export function pgCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
  }
  return undefined;
}
