import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { ephemeralDevIssuer, type DevIssuer } from '../../server/auth/dev-issuer';
import type { Role } from '../../src/model/roles';
import type { NewBudgetVersion } from '../../src/model/version';
import { localIssuer } from '../../server/auth/verify-token';
import { DEV_AUDIENCE, DEV_ISSUER, loadConfig, type ServerConfig } from '../../server/config';
import type { Db } from '../../server/db/db';
import { openPgDb } from '../../server/db/pg-db';
import { openServerDb, type AuditProtection } from '../../server/db/open-db';
import type { RegisteredRoute } from '../../server/auth/policy';

/** Real PostgreSQL when DATABASE_URL is set (CI), embedded PGlite otherwise. */
export const DATABASE_URL = process.env.DATABASE_URL || undefined;

/** The engines a suite runs on with describe.each: PostgreSQL (when DATABASE_URL is set) and PGlite. */
export const ENGINES: ('auto' | 'pglite')[] = DATABASE_URL ? ['auto', 'pglite'] : ['pglite'];

/** A response body as the tests read it. */
export type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/**
 * The application role's connection: OPENFPA_APP_DATABASE_URL, else DATABASE_URL (the owner) with
 * the role scripts/ci-postgres.sh creates (openfpa_app:openfpa_app).
 */
export const APP_DATABASE_URL =
  process.env.OPENFPA_APP_DATABASE_URL ||
  (DATABASE_URL ? DATABASE_URL.replace(/\/\/[^@/]*@/, '//openfpa_app:openfpa_app@') : undefined);
export function describeIfPg(name: string, body: () => void): void {
  (DATABASE_URL ? describe : describe.skip)(name, body);
}

export interface TestServer {
  app: FastifyInstance;
  /** The application's connection (the restricted role on PostgreSQL). */
  db: Db;
  protection: AuditProtection;
  /** The owner's connection on PostgreSQL (a DBA's powers, for tampering probes); PGlite's db otherwise. */
  owner(): Db;
  schema?: string;
  routes: RegisteredRoute[];
  issuer: DevIssuer;
  config: ServerConfig;
  /** A token for `user` holding one role or several (`more`: an email claim, as a provider sends it). */
  token(
    user: string,
    role: Role | readonly Role[],
    costCentres: readonly string[] | '*',
    more?: { email?: string; emailVerified?: boolean },
  ): Promise<string>;
  /** Base URL of the listening server (127.0.0.1, random port). */
  url: string;
  /** Sends a request with a bearer token for the given identity. */
  as(token: string, options: RequestSpec): Promise<TestResponse>;
  /** Sends a request as is (no token). */
  send(options: RequestSpec): Promise<TestResponse>;
  close(): Promise<void>;
}

/**
 * A test server for the enclosing describe: started before its tests and closed after them. The
 * object it returns stands for the server once started (use it inside tests and hooks only).
 */
export function useTestServer(options: Parameters<typeof startTestServer>[0] = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(options);
  });
  afterAll(() => started?.close());
  return new Proxy({} as TestServer, {
    get(_target, key) {
      if (!started) throw new Error('the test server is used before beforeAll started it');
      return started[key as keyof TestServer];
    },
  });
}

/** A record's identity in any list (ids, flags by flag id, actuals by account and month). */
export const keyOf = (r: Json): string => String(r.id ?? r.flagId ?? `${r.account}|${r.period}`);

/**
 * A proposal of two CC1 lines of its own (accounts `P<n>` and `Q<n>`, 100 moved in 2026-05), drafted
 * and submitted by `author`: the submitted proposal.
 */
export async function submitOwnLines(
  server: Pick<TestServer, 'as'>,
  author: string,
  n: number,
  reason: string,
): Promise<Json> {
  const lines = [
    { costCentre: 'CC1', account: `P${n}`, period: '2026-05', before: 0, after: -100 },
    { costCentre: 'CC1', account: `Q${n}`, period: '2026-05', before: 0, after: 100 },
  ];
  const draft = await postProposal(server, author, { fiscalYear: 2026, reason, lines });
  if (draft.statusCode !== 201) throw new Error(`draft: ${draft.statusCode} ${draft.body}`);
  const submitted = await moveProposal(server, author, draft.json(), 'submit');
  if (submitted.statusCode !== 200) throw new Error(`submit: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json();
}

/**
 * A proposal's move (`submit`, `approve`, `reject`, `apply`, …) by `token`, sent with the version
 * the mover saw (the proposal's `version`) as If-Match, as the pane sends it.
 */
export function moveProposal(
  server: Pick<TestServer, 'as'>,
  token: string,
  proposal: Readonly<Record<string, unknown>>,
  verb: string,
  payload: object = {},
): Promise<TestResponse> {
  return server.as(token, {
    method: 'POST',
    url: `/api/proposals/${String(proposal.id)}/${verb}`,
    payload,
    headers: { 'if-match': `"${String(proposal.version)}"` },
  });
}

/**
 * Expects `token` to be refused the current step of `proposal` (approve and reject alike: 403
 * `SERVER_FORBIDDEN_STEP` with a message holding `why`), with no step of it decided meanwhile, and
 * not offered it in their inbox.
 */
export async function expectStepRefused(
  server: Pick<TestServer, 'as' | 'db'>,
  token: string,
  proposal: Readonly<Record<string, unknown>>,
  why: string,
): Promise<void> {
  const decided = async () =>
    (
      await server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM proposal_steps WHERE proposal_id = $1 AND decided_by IS NOT NULL',
        [proposal.id],
      )
    ).rows[0].n;
  const before = await decided();
  const inbox = await server.as(token, { method: 'GET', url: '/api/approvals' });
  expect((inbox.json() as { id: string }[]).map((listed) => listed.id)).not.toContain(proposal.id);
  for (const verb of ['approve', 'reject']) {
    const r = await moveProposal(server, token, proposal, verb, { comment: 'mine' });
    expect(r.statusCode).toBe(403);
    expect(r.json().error).toMatchObject({ code: 'SERVER_FORBIDDEN_STEP', message: expect.stringContaining(why) });
  }
  expect(await decided()).toBe(before);
}

/**
 * POST /api/proposals by `token`: drafts a proposal of the fiscal year with its lines (account ×
 * period, before and after) and whatever else the test sends (reason, cost centre, a field the
 * route must refuse), with `headers` when the test sends any (an idempotency key, a method override).
 */
export function postProposal(
  server: Pick<TestServer, 'as'>,
  token: string,
  proposal: { fiscalYear: number; lines: readonly object[]; [field: string]: unknown },
  headers?: Record<string, string>,
): Promise<TestResponse> {
  return server.as(token, { method: 'POST', url: '/api/proposals', payload: proposal, headers });
}

/** POST /api/versions by `token`: creates `version` with its lines. */
export function postVersion(
  server: Pick<TestServer, 'as'>,
  token: string,
  version: NewBudgetVersion,
): Promise<TestResponse> {
  return server.as(token, { method: 'POST', url: '/api/versions', payload: version });
}

/**
 * A later budget version, made the only way the server allows (a direct budget version is only the
 * baseline): `author` proposes `lines` of `costCentre` (account × period, before and after) and
 * submits, each of `approvers` decides the next step of the chain, and `author` applies (so `author`
 * needs propose and apply: budget_owner or admin). `words` sets the proposal's reason and a comment on
 * each move. Answers the applied proposal, whose `versions` name the budget version made; any refusal on
 * the way throws.
 */
export async function reviseBudget(
  server: Pick<TestServer, 'as'>,
  { author, approvers }: { author: string; approvers: readonly string[] },
  costCentre: string,
  fiscalYear: number,
  lines: readonly { account: string; period: string; before: number; after: number }[],
  words: { reason?: string; comment?: string } = {},
) {
  const step = async (response: Promise<TestResponse>, what: string, status = 200) => {
    const answer = await response;
    if (answer.statusCode !== status) throw new Error(`reviseBudget ${what}: ${answer.statusCode} ${answer.body}`);
    return answer.json();
  };
  let proposal = await step(
    postProposal(server, author, {
      costCentre,
      fiscalYear,
      reason: words.reason ?? 'budget revision',
      lines: lines.map((l) => ({ ...l, costCentre })),
    }),
    'propose',
    201,
  );
  const said = words.comment === undefined ? {} : { comment: words.comment };
  proposal = await step(moveProposal(server, author, proposal, 'submit', said), 'submit');
  for (const approver of approvers)
    proposal = await step(moveProposal(server, approver, proposal, 'approve', said), 'approve');
  return step(moveProposal(server, author, proposal, 'apply', said), 'apply');
}

/** A fresh schema name, so test files sharing one PostgreSQL database never see each other. */
export function freshSchema(prefix: string): string {
  return `t_${prefix}_${randomBytes(4).toString('hex')}`;
}

/**
 * For a describe that spawns server processes itself (crash tests): a fresh schema, a data folder
 * and the owner's connection to that schema, all removed after the describe's tests.
 */
export function useSpawnSpace(prefix: string): { schema: string; dataDir: string; db: Db } {
  const schema = freshSchema(prefix);
  const dataDir = mkdtempSync(join(tmpdir(), `openfpa-${prefix}-`));
  const db = openPgDb(DATABASE_URL!, { schema });
  afterAll(async () => {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return { schema, dataDir, db };
}

export async function startTestServer(
  options: {
    engine?: 'auto' | 'pglite';
    overrides?: Partial<ServerConfig>;
    prefix?: string;
    /** Join another test server's schema (a second instance on one PostgreSQL); its owner drops it. */
    schema?: string;
    /** Trust another test server's issuer (its tokens work on both). */
    issuer?: DevIssuer;
  } = {},
): Promise<TestServer> {
  const usePg = options.engine !== 'pglite' && DATABASE_URL !== undefined;
  const joined = usePg && options.schema !== undefined;
  const schema = usePg ? (options.schema ?? freshSchema(options.prefix ?? 'srv')) : undefined;
  const { db, protection } = await openServerDb({
    databaseUrl: usePg ? APP_DATABASE_URL : undefined,
    ownerDatabaseUrl: usePg ? DATABASE_URL : undefined,
    schema,
  });
  let ownerDb: Db | undefined;
  const owner = () => (ownerDb ??= usePg ? openPgDb(DATABASE_URL!, { schema }) : db);
  const issuer = options.issuer ?? (await ephemeralDevIssuer());
  const config = loadConfig(
    [],
    {},
    {
      rateLimitMax: 1_000_000,
      logLevel: 'silent',
      // The tests' webhook receivers listen on 127.0.0.1.
      webhookAllowPrivate: true,
      ...options.overrides,
    },
  );
  const { app, routes } = await buildApp(config, db, {
    issuers: [localIssuer(issuer.issuer, DEV_AUDIENCE, [issuer.publicJwk])],
    logger: process.env.OPENFPA_TEST_LOG === '1',
    protection,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    db,
    protection,
    owner,
    schema,
    routes,
    issuer,
    config,
    token: (user, role, costCentres, more = {}) =>
      issuer.sign({ user, ...(Array.isArray(role) ? { roles: role } : { role: role as Role }), costCentres, ...more }),
    url,
    as: (token, spec) => send(url, { ...spec, headers: { authorization: `Bearer ${token}`, ...spec.headers } }),
    send: (spec) => send(url, spec),
    async close() {
      await app.close();
      await db.close();
      if (schema && !joined) {
        const dba = owner();
        await dba.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await dba.close();
      } else if (ownerDb && ownerDb !== db) await ownerDb.close();
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
  'proposal_steps',
  'audit_log',
  'idempotency_keys',
  'outbox_events',
  'webhook_deliveries',
  'flags',
  'kpis',
  'adjustments',
  'person_aliases',
  'account_aliases',
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

/** How many rows of `table` match `where` (SQL over the table's columns, with `params` as $1, …). */
export async function countRows(db: Db, table: string, where: string, params: unknown[] = []): Promise<number> {
  const found = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, params);
  return found.rows[0].n;
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

/**
 * Reverts an applied proposal the only way the server allows: `asker` asks for a reversal (with
 * `comment`), each of `approvers` decides the next step of its chain, and `applier` (default the
 * asker) applies it. Answers the applied reversal; any refusal on the way throws.
 */
export async function revertThroughChain(
  server: Pick<TestServer, 'as'>,
  { asker, approvers, applier = asker }: { asker: string; approvers: readonly string[]; applier?: string },
  proposal: Readonly<Record<string, unknown>>,
  comment = 'reverted',
) {
  const step = async (response: Promise<TestResponse>, what: string, status = 200) => {
    const answer = await response;
    if (answer.statusCode !== status)
      throw new Error(`revertThroughChain ${what}: ${answer.statusCode} ${answer.body}`);
    return answer.json();
  };
  let reversal = (await step(moveProposal(server, asker, proposal, 'revert', { comment }), 'revert', 201)).reversal;
  for (const approver of approvers)
    reversal = await step(moveProposal(server, approver, reversal, 'approve'), 'approve');
  return step(moveProposal(server, applier, reversal, 'apply'), 'apply');
}

/**
 * The claims of a good token from the development issuer for the token probes (mallory, a viewer of
 * CC1, valid for ten minutes), with `claims` over them: each probe changes the one thing it tries.
 */
export function probeClaims(claims: Record<string, unknown> = {}): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: 'mallory',
    roles: ['viewer'],
    cost_centres: ['CC1'],
    iss: DEV_ISSUER,
    aud: DEV_AUDIENCE,
    iat: now,
    exp: now + 600,
    ...claims,
  };
}
