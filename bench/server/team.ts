/**
 * The team case of `npm run bench:server`: 50 simulated users work against one server at once for
 * a bounded time — analysts draft and submit proposals, approvers and controllers decide the steps
 * in their inboxes, budget owners apply what is approved — then the result is checked through the
 * API: every applied proposal made exactly one budget version and one `proposal.apply` audit
 * record, and the audit chain verifies.
 */
import type { DevIssuer } from '../../server/auth/dev-issuer';

const COST_CENTRES = Array.from({ length: 10 }, (_, i) => `CC${i + 1}`);
const CHAIN = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48 },
  { name: 'Finance controller', role: 'controller', costCentre: 'affected', deadlineHours: 48 },
];
const OPS = ['propose', 'submit', 'inbox', 'approve', 'list approved', 'apply'] as const;
type Op = (typeof OPS)[number];
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TeamRow {
  op: Op | 'all';
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  /** 409 (stale version, a step decided meanwhile) and 403 (the step moved on): lost races, expected. */
  lostRaces: number;
  /** Anything else that is not 2xx, and network failures. */
  errors: number;
}

export interface TeamResult {
  rows: TeamRow[];
  users: number;
  seconds: number;
  applied: number;
  /** Applied proposals with exactly one version and one apply audit record, and no strays. */
  consistent: boolean;
  chainOk: boolean;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function benchTeam(url: string, issuer: DevIssuer, seconds: number): Promise<TeamResult> {
  const samples = new Map<Op, { ms: number[]; lost: number; errors: number }>(
    OPS.map((op) => [op, { ms: [], lost: 0, errors: 0 }]),
  );
  const call = async (token: string, op: Op, method: string, path: string, body?: unknown, version?: number) => {
    const started = performance.now();
    const sample = samples.get(op)!;
    try {
      const response = await fetch(url + path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(version === undefined ? {} : { 'if-match': `"${version}"` }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      sample.ms.push(performance.now() - started);
      if (response.ok) return JSON.parse(text) as Json;
      if (response.status === 409 || response.status === 403) sample.lost += 1;
      else sample.errors += 1;
    } catch {
      sample.errors += 1;
    }
    return undefined;
  };

  const admin = await issuer.sign({ user: 'bench-admin', role: 'admin', costCentres: '*' });
  const chain = await fetch(`${url}/api/approval-chain`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'if-match': '"0"' },
    body: JSON.stringify({ steps: CHAIN }),
  });
  if (!chain.ok) throw new Error(`bench:server team: PUT /api/approval-chain answered ${chain.status}`);

  const until = performance.now() + seconds * 1000;
  const idle = () => new Promise((resolve) => setTimeout(resolve, 25));
  let drafted = 0;
  const analyst = async (i: number) => {
    const cc = COST_CENTRES[i % COST_CENTRES.length];
    const token = await issuer.sign({ user: `analyst-${i}`, role: 'analyst', costCentres: [cc] });
    while (performance.now() < until) {
      const n = (drafted += 1);
      const lines = [
        { costCentre: cc, account: `A${n}`, period: '2026-06', before: 0, after: -250 },
        { costCentre: cc, account: `B${n}`, period: '2026-06', before: 0, after: 250 },
      ];
      const p = await call(token, 'propose', 'POST', '/api/proposals', { fiscalYear: 2026, reason: 'bench', lines });
      if (p) await call(token, 'submit', 'POST', `/api/proposals/${p.id}/submit`, {}, p.version);
    }
  };
  const decider = (role: 'approver' | 'controller') => async (i: number) => {
    const costCentres = role === 'approver' ? [COST_CENTRES[i % COST_CENTRES.length]] : COST_CENTRES;
    const token = await issuer.sign({ user: `${role}-${i}`, role, costCentres });
    while (performance.now() < until) {
      const inbox = ((await call(token, 'inbox', 'GET', '/api/approvals')) ?? []) as Json[];
      if (inbox.length === 0) await idle();
      // Each starts at another place in the inbox, as colleagues sharing one inbox do.
      const start = inbox.length === 0 ? 0 : i % inbox.length;
      for (const p of [...inbox.slice(start), ...inbox.slice(0, start)].slice(0, 5))
        await call(token, 'approve', 'POST', `/api/proposals/${p.id}/approve`, {}, p.version);
    }
  };
  const owner = async (i: number) => {
    const cc = COST_CENTRES[i % COST_CENTRES.length];
    const token = await issuer.sign({ user: `owner-${i}`, role: 'budget_owner', costCentres: [cc] });
    while (performance.now() < until) {
      const path = `/api/proposals?costCentre=${cc}&state=approved`;
      const approved = ((await call(token, 'list approved', 'GET', path)) ?? []) as Json[];
      if (approved.length === 0) await idle();
      for (const p of approved.slice(0, 5))
        await call(token, 'apply', 'POST', `/api/proposals/${p.id}/apply`, {}, p.version);
    }
  };
  const team = [
    ...Array.from({ length: 20 }, (_, i) => analyst(i)),
    ...Array.from({ length: 10 }, (_, i) => decider('approver')(i)),
    ...Array.from({ length: 10 }, (_, i) => decider('controller')(i)),
    ...Array.from({ length: 10 }, (_, i) => owner(i)),
  ];
  const started = performance.now();
  await Promise.all(team);
  const elapsed = (performance.now() - started) / 1000;

  const rows: TeamRow[] = [];
  const all: number[] = [];
  let lost = 0;
  let errors = 0;
  for (const op of OPS) {
    const s = samples.get(op)!;
    const sorted = [...s.ms].sort((a, b) => a - b);
    all.push(...sorted);
    lost += s.lost;
    errors += s.errors;
    rows.push(row(op, sorted, elapsed, s.lost, s.errors));
  }
  rows.push(
    row(
      'all',
      all.sort((a, b) => a - b),
      elapsed,
      lost,
      errors,
    ),
  );
  return { rows, users: team.length, seconds: elapsed, ...(await check(url, admin)) };
}

function row(op: TeamRow['op'], sorted: number[], seconds: number, lostRaces: number, errors: number): TeamRow {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    op,
    requests: sorted.length,
    rps: sorted.length / seconds,
    p50: round(percentile(sorted, 50)),
    p99: round(percentile(sorted, 99)),
    lostRaces,
    errors,
  };
}

/** Every applied proposal: one version (its `versions`) and one apply audit record; the chain verifies. */
async function check(url: string, admin: string): Promise<Pick<TeamResult, 'applied' | 'consistent' | 'chainOk'>> {
  const get = async (path: string) =>
    (await (await fetch(url + path, { headers: { authorization: `Bearer ${admin}` } })).json()) as Json;
  const applied: Json[] = [];
  for (const cc of COST_CENTRES)
    applied.push(...((await get(`/api/proposals?costCentre=${cc}&state=applied`)) as Json[]));
  const audits = new Map<string, number>();
  for (let before: number | undefined; ;) {
    const page = (await get(
      `/api/audit?action=proposal.apply&limit=500${before ? `&before=${before}` : ''}`,
    )) as unknown as Json[];
    for (const entry of page) audits.set(entry.entityId, (audits.get(entry.entityId) ?? 0) + 1);
    if (page.length < 500) break;
    before = page[page.length - 1].id;
  }
  const oneEach = applied.every(
    (p) => p.versions.filter((v: Json) => v.action === 'apply').length === 1 && audits.get(p.id) === 1,
  );
  const noStrays = audits.size === applied.length;
  const chain = await get('/api/audit/verify');
  return { applied: applied.length, consistent: oneEach && noStrays, chainOk: chain.ok === true };
}
