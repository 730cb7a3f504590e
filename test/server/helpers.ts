import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { ephemeralDevIssuer, type DevIssuer } from '../../server/auth/dev-issuer';
import type { Role } from '../../src/model/roles';
import { localIssuer } from '../../server/auth/verify-token';
import { DEV_AUDIENCE, loadConfig, type ServerConfig } from '../../server/config';
import type { Db } from '../../server/db/db';
import { migrate } from '../../server/db/migrate';
import { openDb } from '../../server/db/open-db';
import type { RegisteredRoute } from '../../server/auth/policy';

/** Real PostgreSQL when DATABASE_URL is set (CI), embedded PGlite otherwise. */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;
export function describeIfPg(name: string, body: () => void): void {
  (DATABASE_URL ? describe : describe.skip)(name, body);
}

export interface TestServer {
  app: FastifyInstance;
  db: Db;
  routes: RegisteredRoute[];
  issuer: DevIssuer;
  config: ServerConfig;
  token(user: string, role: Role, costCentres: readonly string[] | '*'): Promise<string>;
  /** Base URL of the listening server (127.0.0.1, random port). */
  url: string;
  /** Sends a request with a bearer token for the given identity. */
  as(token: string, options: RequestSpec): Promise<TestResponse>;
  /** Sends a request as is (no token). */
  send(options: RequestSpec): Promise<TestResponse>;
  close(): Promise<void>;
}

/** A fresh schema name, so test files sharing one PostgreSQL database never see each other. */
export function freshSchema(prefix: string): string {
  return `t_${prefix}_${randomBytes(4).toString('hex')}`;
}

export async function startTestServer(
  options: { engine?: 'auto' | 'pglite'; overrides?: Partial<ServerConfig>; prefix?: string } = {},
): Promise<TestServer> {
  const usePg = options.engine !== 'pglite' && DATABASE_URL !== undefined;
  const schema = usePg ? freshSchema(options.prefix ?? 'srv') : undefined;
  const db = await openDb({ databaseUrl: usePg ? DATABASE_URL : undefined, schema });
  await migrate(db);
  const issuer = await ephemeralDevIssuer();
  const config = loadConfig([], {}, { rateLimitMax: 1_000_000, logLevel: 'silent', ...options.overrides });
  const { app, routes } = await buildApp(config, db, {
    issuers: [localIssuer(issuer.issuer, DEV_AUDIENCE, [issuer.publicJwk])],
    logger: false,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    routes,
    issuer,
    config,
    token: (user, role, costCentres) => issuer.sign({ user, role, costCentres }),
    url,
    as: (token, spec) => send(url, { ...spec, headers: { authorization: `Bearer ${token}`, ...spec.headers } }),
    send: (spec) => send(url, spec),
    async close() {
      await app.close();
      if (schema) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

const TABLES = [
  'models',
  'scenarios',
  'budget_versions',
  'version_lines',
  'actual_batches',
  'actuals',
  'review_decisions',
  'proposals',
  'audit_log',
  'idempotency_keys',
];

/** Row counts of every table; two equal snapshots mean nothing was written in between. */
export async function snapshot(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const found = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
    counts[table] = found.rows[0].n;
  }
  return counts;
}

/** What a test sends: `payload` objects go as JSON unless a content-type header says otherwise. */
export interface RequestSpec {
  method: string;
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

export interface TestResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  json<T = any>(): T; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A small real-HTTP stand-in for `inject` (light-my-request pulls in an ESM-only dependency jest cannot load). */
export async function send(base: string, spec: RequestSpec): Promise<TestResponse> {
  const headers: Record<string, string> = { ...spec.headers };
  let body: string | undefined;
  if (spec.payload !== undefined && spec.method !== 'GET') {
    if (typeof spec.payload === 'string') body = spec.payload;
    else {
      body = JSON.stringify(spec.payload);
      headers['content-type'] ??= 'application/json';
    }
  }
  const response = await fetch(base + spec.url, { method: spec.method, headers, body });
  const text = await response.text();
  return {
    statusCode: response.status,
    headers: Object.fromEntries(response.headers.entries()),
    body: text,
    json: () => JSON.parse(text),
  };
}
