import type { AdjustmentRecord } from '../../src/model/kpi';
import { moveProposal, postVersion } from './helpers';
import { newVersion } from '../model/sample-version';
import type { Json, RequestSpec as InjectOptions, TestResponse, TestServer } from './helpers';

/** A request to send for one route, prepared in cost centre `cc` by an all-powerful admin. */
export type Fixture = (ctx: FixtureContext) => Promise<InjectOptions>;

export interface FixtureContext {
  server: TestServer;
  admin: string;
  cc: string;
  unique: string;
}

const json = (method: string, url: string, payload?: object, headers: Record<string, string> = {}): InjectOptions => ({
  method,
  url,
  payload: payload ?? {},
  headers,
});

export async function createModel({
  server,
  admin,
  cc,
  unique,
}: FixtureContext): Promise<{ id: string; version: number }> {
  const response = await server.as(
    admin,
    json('POST', '/api/models', {
      costCentre: cc,
      name: `Model ${unique}`,
      expression: 'units * price',
      drivers: [
        { name: 'units', distribution: 'normal', params: { mean: 100, sd: 10 } },
        { name: 'price', distribution: 'fixed', params: { value: 5 } },
      ],
    }),
  );
  if (response.statusCode !== 201) throw new Error(`fixture model: ${response.body}`);
  return response.json();
}

/**
 * A forecast version of `cc` for 2025 with `lineCount` lines. A forecast, so fixtures may make as many
 * as they need: a budget version is made directly only once per cost centre and year (the baseline).
 */
export async function createVersion(
  { server, admin, cc, unique }: FixtureContext,
  lineCount = 3,
): Promise<{ id: string }> {
  const lines = Array.from({ length: lineCount }, (_, i) => ({
    account: `${4000 + (i % 100)}`,
    period: `2025-${String(1 + (Math.floor(i / 100) % 12)).padStart(2, '0')}`,
    amount: 100 + i,
  }));
  const response = await postVersion(
    server,
    admin,
    newVersion(`V ${unique}`, lines, { costCentre: cc, fiscalYear: 2025, kind: 'forecast' }),
  );
  if (response.statusCode !== 201) throw new Error(`fixture version: ${response.body}`);
  return response.json();
}

/** Two lines of cost centre `cc` moving 2,500 between accounts no other fixture uses (so applying finds 0 before). */
export const proposalBody = (cc: string, unique: string) => ({
  costCentre: cc,
  fiscalYear: 2026,
  reason: 'travel freeze',
  lines: [
    { id: `travel-${unique}`, costCentre: cc, account: `T-${unique}`, period: '2026-03', before: 0, after: -2500 },
    { id: `ads-${unique}`, costCentre: cc, account: `A-${unique}`, period: '2026-03', before: 0, after: 2500 },
  ],
});

/** The least proposal of 2026: one line, account `account` of cost centre `cc`, from 0 to 1 in January. */
export const oneLineProposal = (cc: string, account: string) => ({
  fiscalYear: 2026,
  lines: [{ costCentre: cc, account, period: '2026-01', before: 0, after: 1 }],
});

/**
 * A proposal the admin drafts and submits, moved through `verbs` (e.g. ['submit', 'approve']):
 * the approval is someone else's (an approver of every cost centre), as separation of duties wants.
 */
export async function createProposal(
  { server, admin, cc, unique }: FixtureContext,
  verbs: string[] = [],
): Promise<{ id: string; version: number }> {
  let response = await server.as(admin, json('POST', '/api/proposals', proposalBody(cc, unique)));
  if (response.statusCode !== 201) throw new Error(`fixture proposal: ${response.body}`);
  let proposal = response.json() as { id: string; version: number };
  const approver = await server.token('fixture-approver', 'approver', '*');
  for (const verb of verbs) {
    response = await moveProposal(server, verb === 'approve' ? approver : admin, proposal, verb);
    if (response.statusCode !== 200) throw new Error(`fixture ${verb}: ${response.body}`);
    proposal = response.json();
  }
  return proposal;
}

/** A KPI of cost centre `cc`: leads, higher is better, linked to one ads line. */
export const kpiBody = (cc: string, unique: string) => ({
  ownerCostCentre: cc,
  name: `Leads ${unique}`,
  unit: 'leads',
  direction: 'higher',
  priority: 1,
  target: [100, 110, 120],
  actual: [97, null, null],
  links: [{ line: `ADS-${unique}`, lag: 1 }],
});

export async function createKpi({
  server,
  admin,
  cc,
  unique,
}: FixtureContext): Promise<{ id: string; version: number }> {
  const response = await server.as(admin, json('POST', '/api/kpis', kpiBody(cc, unique)));
  if (response.statusCode !== 201) throw new Error(`fixture KPI: ${response.body}`);
  return response.json();
}

/**
 * Writes that take a display name, by `admin` in cost centre `cc`: a KPI (its name and unit), a
 * forecast version and a driver model, for the name-rule probes.
 */
export const nameWriters = (server: Pick<TestServer, 'as'>, admin: string, cc: string) => ({
  kpi: (name: string, unit = 'units') =>
    server.as(admin, { method: 'POST', url: '/api/kpis', payload: { ...kpiBody(cc, 'x'), name, unit } }),
  version: (name: string) =>
    server.as(admin, {
      method: 'POST',
      url: '/api/versions',
      payload: { costCentre: cc, fiscalYear: 2026, kind: 'forecast', name, lines: [] },
    }),
  model: (name: string) =>
    server.as(admin, {
      method: 'POST',
      url: '/api/models',
      payload: {
        costCentre: cc,
        name,
        expression: 'a',
        drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }],
      },
    }),
});

/** GETs each URL of `cases` as `token`: each answers its status (the URL is named when one does not). */
export async function expectGetStatuses(
  server: Pick<TestServer, 'as'>,
  token: string,
  cases: readonly (readonly [string, number])[],
): Promise<void> {
  for (const [url, status] of cases) {
    const r = await server.as(token, { method: 'GET', url });
    expect({ url, status: r.statusCode }).toEqual({ url, status });
  }
}

/** Each of `names` is taken as a KPI's name and as a forecast version's (201 and 201). */
export async function expectNamesTaken(
  writers: ReturnType<typeof nameWriters>,
  names: readonly string[],
): Promise<void> {
  for (const name of names) {
    expect({
      name,
      statuses: [(await writers.kpi(name)).statusCode, (await writers.version(name)).statusCode],
    }).toEqual({
      name,
      statuses: [201, 201],
    });
  }
}

/**
 * Each of `names` is refused by every one of `writes` (made one after another, given the name and its
 * place in `names`): 400 SERVER_INVALID_REQUEST with a message that says `why`.
 */
export async function expectNamesRefused(
  names: readonly string[],
  writes: readonly ((name: string, at: number) => Promise<TestResponse>)[],
  why: RegExp,
): Promise<void> {
  for (const [at, name] of names.entries()) {
    const answers: TestResponse[] = [];
    for (const write of writes) answers.push(await write(name, at));
    expect({ name, statuses: answers.map((w) => w.statusCode) }).toEqual({ name, statuses: writes.map(() => 400) });
    for (const w of answers) {
      expect(w.json().error.code).toBe('SERVER_INVALID_REQUEST');
      expect(w.json().error.message).toMatch(why);
    }
  }
}

/** A remembered raise of line ADS-<unique> in cost centre `cc`, not measured yet. */
export const adjustmentBody = (cc: string, unique: string): AdjustmentRecord => ({
  costCentre: cc,
  id: `adj:ADS-${unique}@5:0`,
  line: `ADS-${unique}`,
  kpi: null,
  before: 60_000,
  after: 66_000,
  context: {
    kinds: ['run-rate'],
    direction: 'raise',
    gapShare: 0.08,
    moveShare: 0.1,
    kpiAttainment: null,
    period: 5,
    monthsLeft: 6,
  },
  expected: { spendWithout: 21_000, planAdded: 2_000, kpiWithout: null, kpiTarget: null, gap: 9_600 },
  proposal: `P-20260606-${unique}`,
});

export const outcomeBody = { measuredAt: 7, gapClosed: 0.6, passThrough: 0.8, kpiLift: null };

export async function createAdjustment({ server, admin, cc, unique }: FixtureContext): Promise<{ id: string }> {
  const response = await server.as(admin, json('POST', '/api/adjustments', adjustmentBody(cc, unique)));
  if (response.statusCode !== 201) throw new Error(`fixture adjustment: ${response.body}`);
  return response.json();
}

async function importBatch({ server, admin, cc, unique }: FixtureContext): Promise<string> {
  const batchId = `fx-${unique}`;
  const response = await server.as(admin, {
    method: 'POST',
    url: `/api/actuals/imports?batchId=${batchId}&costCentre=${cc}`,
    payload: { rows: [{ account: '4000', period: '2025-01', amount: 10 }] },
  });
  if (response.statusCode !== 201) throw new Error(`fixture batch: ${response.body}`);
  return batchId;
}

function transition(verb: string, before: string[]): Fixture {
  return async (ctx) => {
    const p = await createProposal(ctx, before);
    return json('POST', `/api/proposals/${p.id}/${verb}`, { comment: 'ok' }, { 'if-match': `"${p.version}"` });
  };
}

/**
 * Who sends a fixture's request in suites that act as one all-powerful user: the admin, except for
 * deciding a chain step, which separation of duties leaves to an approver who did not write it.
 */
export async function callerFor(key: string, server: TestServer, admin: string): Promise<string> {
  return /\/(approve|reject)$/.test(key) ? server.token('probe-approver', 'approver', '*') : admin;
}

/**
 * One valid request per registered route, keyed "METHOD url". The matrix test fails when a route
 * has no fixture here (or a fixture has no route), so a new route cannot skip the matrix.
 */
export const FIXTURES: Record<string, Fixture> = {
  'GET /api/models': async ({ cc }) => ({ method: 'GET', url: `/api/models?costCentre=${cc}` }),
  'POST /api/models': async ({ cc, unique }) =>
    json('POST', '/api/models', {
      costCentre: cc,
      name: `M ${unique}`,
      expression: 'a',
      drivers: [{ name: 'a', distribution: 'fixed', params: { value: 1 } }],
    }),
  'GET /api/models/:id': async (ctx) => ({ method: 'GET', url: `/api/models/${(await createModel(ctx)).id}` }),
  'PUT /api/models/:id': async (ctx) => {
    const m = await createModel(ctx);
    return json(
      'PUT',
      `/api/models/${m.id}`,
      { name: 'Renamed', expression: 'b', drivers: [] },
      { 'if-match': `"${m.version}"` },
    );
  },
  'GET /api/models/:id/scenarios': async (ctx) => ({
    method: 'GET',
    url: `/api/models/${(await createModel(ctx)).id}/scenarios`,
  }),
  'POST /api/models/:id/scenarios': async (ctx) =>
    json('POST', `/api/models/${(await createModel(ctx)).id}/scenarios`, {
      name: 'Downside',
      overrides: { units: { mean: 80 } },
    }),
  'GET /api/versions': async ({ cc }) => ({ method: 'GET', url: `/api/versions?costCentre=${cc}&fiscalYear=2025` }),
  'POST /api/versions': async ({ cc, unique }) =>
    json('POST', '/api/versions', {
      costCentre: cc,
      fiscalYear: 2026,
      kind: 'forecast',
      name: `F ${unique}`,
      lines: [{ account: '4000', period: '2026-01', amount: 5 }],
    }),
  'GET /api/versions/:id': async (ctx) => ({ method: 'GET', url: `/api/versions/${(await createVersion(ctx)).id}` }),
  'GET /api/versions/:id/compare/:otherId': async (ctx) => {
    const a = await createVersion(ctx);
    const b = await createVersion({ ...ctx, unique: `${ctx.unique}b` });
    return { method: 'GET', url: `/api/versions/${a.id}/compare/${b.id}` };
  },
  'POST /api/actuals/imports': async ({ cc, unique }) => ({
    method: 'POST',
    url: `/api/actuals/imports?batchId=b-${unique}&costCentre=${cc}`,
    headers: { 'content-type': 'text/csv' },
    payload: 'account,period,amount\n4000,2025-01,12.5\n4010,2025-01,-3\n',
  }),
  'GET /api/actuals/imports/:batchId': async (ctx) => ({
    method: 'GET',
    url: `/api/actuals/imports/${await importBatch(ctx)}?costCentre=${ctx.cc}`,
  }),
  'GET /api/actuals': async ({ cc }) => ({
    method: 'GET',
    url: `/api/actuals?costCentre=${cc}&from=2025-01&to=2025-12`,
  }),
  'GET /api/reviews': async ({ cc }) => ({ method: 'GET', url: `/api/reviews?costCentre=${cc}` }),
  'POST /api/reviews': async ({ cc, unique }) =>
    json('POST', '/api/reviews', {
      costCentre: cc,
      flagId: `flag-${unique}`,
      decision: 'accepted',
      comment: 'known timing',
    }),
  'GET /api/proposals': async ({ cc }) => ({ method: 'GET', url: `/api/proposals?costCentre=${cc}` }),
  'POST /api/proposals': async ({ cc, unique }) => json('POST', '/api/proposals', proposalBody(cc, unique)),
  'GET /api/proposals/:id': async (ctx) => ({ method: 'GET', url: `/api/proposals/${(await createProposal(ctx)).id}` }),
  'PATCH /api/proposals/:id': async (ctx) => {
    const p = await createProposal(ctx);
    return json('PATCH', `/api/proposals/${p.id}`, { reason: 'smaller cut' }, { 'if-match': `"${p.version}"` });
  },
  'POST /api/proposals/:id/submit': transition('submit', []),
  'POST /api/proposals/:id/approve': transition('approve', ['submit']),
  'POST /api/proposals/:id/reject': transition('reject', ['submit']),
  'POST /api/proposals/:id/apply': transition('apply', ['submit', 'approve']),
  'POST /api/proposals/:id/revert': transition('revert', ['submit', 'approve', 'apply']),
  'GET /api/audit': async ({ cc }) => ({ method: 'GET', url: `/api/audit?costCentre=${cc}&limit=5` }),
  'GET /api/audit/verify': async () => ({ method: 'GET', url: '/api/audit/verify' }),
  'GET /api/approval-chain': async () => ({ method: 'GET', url: '/api/approval-chain' }),
  'PUT /api/approval-chain': async ({ server, admin }) => {
    const current = await server.as(admin, { method: 'GET', url: '/api/approval-chain' });
    return json('PUT', '/api/approval-chain', { steps: current.json().steps }, { 'if-match': current.headers.etag });
  },
  'GET /api/approvals': async () => ({ method: 'GET', url: '/api/approvals' }),
  'GET /api/me': async () => ({ method: 'GET', url: '/api/me' }),
  'GET /api/status': async () => ({ method: 'GET', url: '/api/status' }),
  'GET /api/flags': async ({ cc }) => ({ method: 'GET', url: `/api/flags?costCentre=${cc}` }),
  'POST /api/flags': async ({ cc, unique }) =>
    json('POST', '/api/flags', {
      costCentre: cc,
      flags: [{ flagId: `flag:L-${unique}@3`, kind: 'overspend', severity: 0.4, amount: 120 }],
    }),
  'GET /api/kpis': async ({ cc }) => ({ method: 'GET', url: `/api/kpis?costCentre=${cc}` }),
  'POST /api/kpis': async ({ cc, unique }) => json('POST', '/api/kpis', kpiBody(cc, unique)),
  'GET /api/kpis/:id': async (ctx) => ({ method: 'GET', url: `/api/kpis/${(await createKpi(ctx)).id}` }),
  'PUT /api/kpis/:id': async (ctx) => {
    const k = await createKpi(ctx);
    const { ownerCostCentre: _owner, ...definition } = kpiBody(ctx.cc, ctx.unique);
    return json('PUT', `/api/kpis/${k.id}`, { ...definition, priority: 2 }, { 'if-match': `"${k.version}"` });
  },
  'PUT /api/kpis/:id/actual': async (ctx) => {
    const k = await createKpi(ctx);
    return json('PUT', `/api/kpis/${k.id}/actual`, { actual: [97, 104, null] }, { 'if-match': `"${k.version}"` });
  },
  'DELETE /api/kpis/:id': async (ctx) => {
    const k = await createKpi(ctx);
    return json('DELETE', `/api/kpis/${k.id}`, {}, { 'if-match': `"${k.version}"` });
  },
  'GET /api/adjustments': async ({ cc }) => ({ method: 'GET', url: `/api/adjustments?costCentre=${cc}` }),
  'POST /api/adjustments': async ({ cc, unique }) => json('POST', '/api/adjustments', adjustmentBody(cc, unique)),
  'PUT /api/adjustments/:id/outcome': async (ctx) => {
    const a = await createAdjustment(ctx);
    return json('PUT', `/api/adjustments/${encodeURIComponent(a.id)}/outcome?costCentre=${ctx.cc}`, outcomeBody);
  },
  'POST /api/adjustments/:id/forget': async (ctx) => {
    const a = await createAdjustment(ctx);
    return json('POST', `/api/adjustments/${encodeURIComponent(a.id)}/forget?costCentre=${ctx.cc}`, {
      reason: 'proposal reverted: wrong month',
    });
  },
  'GET /api/people': async () => ({ method: 'GET', url: '/api/people' }),
  'POST /api/people': async ({ unique }) =>
    json('POST', '/api/people', { account: `acct-${unique}`, person: `person-${unique}` }),
  'POST /api/people/remove': async ({ server, admin, unique }) => {
    const declared = await server.as(
      admin,
      json('POST', '/api/people', { account: `gone-${unique}`, person: `person-${unique}` }),
    );
    if (declared.statusCode !== 201) throw new Error(`fixture person alias: ${declared.body}`);
    return json('POST', '/api/people/remove', { account: `gone-${unique}` });
  },
  'GET /api/account-aliases': async ({ cc }) => ({ method: 'GET', url: `/api/account-aliases?costCentre=${cc}` }),
  'POST /api/account-aliases': async ({ cc, unique }) =>
    json('POST', '/api/account-aliases', { costCentre: cc, account: `0${unique}`, canonical: `C${unique}` }),
  'POST /api/account-aliases/remove': async ({ server, admin, cc, unique }) => {
    const alias = { costCentre: cc, account: `0${unique}`, canonical: `C${unique}` };
    const declared = await server.as(admin, json('POST', '/api/account-aliases', alias));
    if (declared.statusCode !== 201) throw new Error(`fixture account alias: ${declared.body}`);
    return json('POST', '/api/account-aliases/remove', { costCentre: cc, account: alias.account });
  },
  'GET /api/webhooks': async () => ({ method: 'GET', url: '/api/webhooks' }),
  'POST /api/webhooks': async ({ cc }) =>
    json('POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      format: 'slack',
      events: ['proposal.applied'],
      costCentres: [cc],
    }),
  'PATCH /api/webhooks/:id': async (ctx) => {
    const hook = await createWebhook(ctx);
    return json('PATCH', `/api/webhooks/${hook.id}`, { active: false }, { 'if-match': `"${hook.version}"` });
  },
  'GET /api/webhooks/:id/deliveries': async (ctx) => ({
    method: 'GET',
    url: `/api/webhooks/${(await createWebhook(ctx)).id}/deliveries`,
  }),
};

/** A webhook of `cc`'s events (an admin reaches it when their token holds `cc`). */
async function createWebhook({ server, admin, cc }: FixtureContext): Promise<{ id: string; version: number }> {
  const response = await server.as(
    admin,
    json('POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/hook',
      format: 'generic',
      events: ['flag.raised'],
      costCentres: [cc],
    }),
  );
  if (response.statusCode !== 201) throw new Error(`fixture webhook: ${response.body}`);
  return response.json();
}

/** The two-step chain the team tests use: the cost centre's approver, then the finance controller. */
export const TWO_STEP_CHAIN = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48 },
  { name: 'Finance controller', role: 'controller', costCentre: 'affected', deadlineHours: 48 },
];

/** Budget v1 of CC1 for 2026, which the travel → ads proposals (6100 5,000 → 2,500; 6200 1,000 → 3,500) start from. */
export const TRAVEL_ADS_V1 = [
  { account: '6100', period: '2026-03', amount: 5000 },
  { account: '6200', period: '2026-03', amount: 1000 },
  { account: '7000', period: '2026-04', amount: 42 },
];

/** Sets `steps` as the approval chain (as `admin`, a token that may configure), over its current version. */
export async function setApprovalChain(server: Pick<TestServer, 'as'>, admin: string, steps: object[]): Promise<void> {
  const chain = await server.as(admin, { method: 'GET', url: '/api/approval-chain' });
  const put = await server.as(admin, {
    method: 'PUT',
    url: '/api/approval-chain',
    payload: { steps },
    headers: { 'if-match': String(chain.headers.etag) },
  });
  if (put.statusCode !== 200) throw new Error(`fixture chain: ${put.body}`);
}

/** Configures `steps` as the approval chain and stores v1 of CC1 (as `admin`, a token that may configure). */
export async function twoStepTeam(server: TestServer, admin: string, steps = TWO_STEP_CHAIN): Promise<void> {
  await setApprovalChain(server, admin, steps);
  const v1 = await postVersion(server, admin, newVersion('v1', TRAVEL_ADS_V1));
  if (v1.statusCode !== 201) throw new Error(`fixture v1: ${v1.body}`);
}

/** Cost-centre approver, then the CFO from 50,000 (the chain docs/server.md describes). */
export const CFO_CHAIN = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48 },
  { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50000, deadlineHours: 72 },
];

/**
 * The split tests' team in CC1, with `CFO_CHAIN` set as the approval chain: `root` (admin of all),
 * `alice` (analyst and budget owner, with an email), `owner` (budget owner) and `bob` (approver).
 */
export async function cfoTeam(server: TestServer): Promise<Record<string, string>> {
  const t: Record<string, string> = {
    root: await server.token('root', 'admin', '*'),
    alice: await server.token('alice', ['analyst', 'budget_owner'], ['CC1'], { email: 'alice@corp.example' }),
    owner: await server.token('olga', 'budget_owner', ['CC1']),
    bob: await server.token('bob', 'approver', ['CC1']),
  };
  await setApprovalChain(server, t.root, CFO_CHAIN);
  return t;
}

/** The JSON of a 200 or 201 answer; anything else throws, naming `what`. */
export const ok = (r: TestResponse, what: string): Json => {
  if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.json() as Json;
};

/** The audit records of proposal `proposal` with `action` (`proposal.submit`, …), as `token` reads them. */
export const proposalAudit = async (
  server: Pick<TestServer, 'as'>,
  token: string,
  proposal: Json,
  action: string,
): Promise<Json[]> =>
  ok(
    await server.as(token, {
      method: 'GET',
      url: `/api/audit?entity=proposal&entityId=${String(proposal.id)}&action=${action}`,
    }),
    `audit ${action}`,
  ) as Json[];

/** A proposal's lines: a move of `amount` from `from` to `to` (accounts of `costCentre`) in `period`. */
export const move = (costCentre: string, from: string, to: string, period: string, amount: number) => [
  { costCentre, account: from, period, before: 100_000, after: 100_000 - amount },
  { costCentre, account: to, period, before: 0, after: amount },
];

/**
 * A proposal's lines: `amount` of account `account` moved in `period` from cost centre `from` (which
 * holds `before` there) to cost centre `to` (which holds none).
 */
export const moveAcross = (
  account: string,
  period: string,
  from: string,
  to: string,
  amount: number,
  before = amount,
) => [
  { costCentre: from, account, period, before, after: before - amount },
  { costCentre: to, account, period, before: 0, after: amount },
];
