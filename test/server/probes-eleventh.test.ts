/**
 * Eleventh attack pass (2026-12-08): ten attacks written down before any was tried, none of a class
 * the passes before tried (docs/server.md, "Eleventh pass"), and the two open items (flag ids,
 * positions counted from 1). Each test names what it found, or that it held. Run on PostgreSQL (when
 * DATABASE_URL is set) and PGlite.
 *
 * E1  the same Idempotency-Key sent twice at the same moment, on every write route (from the route
 *     table's fixtures): both answer the first's outcome (one replayed), one change, one audit record?
 * E2  two identical requests at once, no key, on every write route: a 500? a write under If-Match
 *     applied twice?
 * E3  state-machine matrix: every proposal verb from every state by every role: anything succeeds that
 *     the model's machine and the role table do not allow? anything changed by a refusal?
 * E4  the cost centre in two places: a route whose policy reads it from the query sent one in the body
 *     too, and the reverse: does the handler act on another than the policy checked?
 * E5  routes taking two ids (compare): one own and one of another cost centre, in either order?
 * E6  flag ids guessed (the open item): another cost centre's flag ids through every flag-taking route?
 * E7  amounts with more decimals than stored (numeric(20, 4)): a move of 49,999.99996 where the CFO
 *     decides from 50,000, applied as 50,000.0000 without the CFO?
 * E8  look-alike ids in every id field (account, flag id, batch id, adjustment id, line id): merged with
 *     the real record?
 * E9  webhook host forms not tried before: `localhost.`, `LOCALHOST`, `foo.localhost`, `[::]`, `127.1`,
 *     `0`, a zone id, userinfo and fragment tricks.
 * E10 the cost of one request: a compare of two versions of 20,000 lines each (not a paged list).
 */
import { callerFor, cfoTeam, createVersion, FIXTURES, ok } from './fixtures';
import { MAX_VERSION_LINES } from '../../src/model/limits';
import { refusedUrl } from '../../server/notify/webhook-target';
import { newVersion } from '../model/sample-version';
import {
  nextState,
  PROPOSAL_STATES,
  PROPOSAL_VERBS,
  TRANSITIONS,
  type ProposalState,
  type ProposalVerb,
} from '../../src/model/proposal';
import { GRANTS, ROLES, type Role } from '../../src/model/roles';
import {
  ENGINES,
  moveProposal,
  postProposal,
  countRows,
  postVersion,
  revertThroughChain,
  snapshot,
  useTestServer,
  type Json,
  type TestResponse,
} from './helpers';

jest.setTimeout(600_000);

/** Every registered write route's fixture key ("POST /api/proposals", …). */
const WRITES = Object.keys(FIXTURES).filter((key) => !key.startsWith('GET '));

describe.each(ENGINES)('probes: eleventh pass (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbeleventh' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });
  let unique = 0;
  const prepare = async (key: string) => {
    unique += 1;
    const spec = await FIXTURES[key]({ server, admin, cc: `CC${40 + (unique % 40)}`, unique: `e${unique}` });
    return { spec, caller: await callerFor(key, server, admin) };
  };

  test.each(WRITES)('E1: %s sent twice at once with one Idempotency-Key answers one outcome twice', async (key) => {
    const { spec, caller } = await prepare(key);
    const headers = { ...spec.headers, 'idempotency-key': `e1-${engine}-${unique}-twice` };
    const before = await snapshot(server.owner());
    const both: TestResponse[] = await Promise.all([0, 1].map(() => server.as(caller, { ...spec, headers })));
    const after = await snapshot(server.owner());
    const shown = both.map((r) => [r.statusCode, r.json()]);
    expect(both[0].statusCode).toBeLessThan(300);
    expect(shown[1]).toEqual(shown[0]);
    expect(both.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(1);
    // One change: what one request of the same kind writes, not twice that.
    const { spec: other } = await prepare(key);
    const alone0 = await snapshot(server.owner());
    expect((await server.as(caller, other)).statusCode).toBeLessThan(300);
    const alone1 = await snapshot(server.owner());
    const grew = (a: Json, b: Json) =>
      Object.keys(b)
        .filter((t) => t !== 'idempotency_keys')
        .map((t) => `${t} +${Number(b[t]) - Number(a[t])}`);
    expect(grew(before, after)).toEqual(grew(alone0, alone1));
    const again = await server.as(caller, { ...spec, headers });
    expect([again.statusCode, again.json()]).toEqual(shown[0]);
  });
  test.each(WRITES)(
    'E2: %s sent twice at once without a key: no 500, a write under If-Match made once (held)',
    async (key) => {
      unique += 1;
      const spec = await FIXTURES[key]({ server, admin, cc: 'CC7', unique: `r${unique}` });
      const caller = await callerFor(key, server, admin);
      const both = await Promise.all([0, 1].map(() => server.as(caller, spec)));
      const statuses = both.map((r) => r.statusCode).sort();
      expect(statuses.every((s) => s < 500)).toBe(true);
      expect(statuses[0]).toBeLessThan(300);
      // A change made from one version is made once: the other is told the version moved (or the state).
      if (spec.headers?.['if-match']) expect(statuses[1]).toBeGreaterThanOrEqual(400);
    },
  );

  test('E2: the audit chain holds after every route raced (held)', async () => {
    const verified = ok(await server.as(admin, { method: 'GET', url: '/api/audit/verify' }), 'verify');
    expect([verified.ok, verified.complete]).toEqual([true, true]);
  });

  test.each(WRITES)(
    'E4: %s with a cost centre of no token’s in the other place writes nothing there (held)',
    async (key) => {
      unique += 1;
      const spec = await FIXTURES[key]({ server, admin, cc: 'CC8', unique: `s${unique}` });
      const narrow = /\/(approve|reject)$/.test(key)
        ? await server.token('cc8-approver', 'approver', ['CC8'])
        : await server.token('cc8-admin', 'admin', ['CC8']);
      const withQuery = `${spec.url}${spec.url.includes('?') ? '&' : '?'}costCentre=CC99`;
      const inBody =
        typeof spec.payload === 'object' && spec.payload !== null && !Array.isArray(spec.payload)
          ? { ...(spec.payload as object), costCentre: 'CC99' }
          : spec.payload;
      const tries = [
        { ...spec, url: withQuery },
        { ...spec, payload: inBody },
        { ...spec, url: withQuery, payload: inBody },
      ];
      for (const attempt of tries) {
        const r = await server.as(narrow, attempt);
        expect(r.statusCode).toBeLessThan(500);
      }
      const mentions = "cost_centre = 'CC99' OR after::text LIKE '%CC99%' OR before::text LIKE '%CC99%'";
      expect(await countRows(server.owner(), 'audit_log', mentions)).toBe(0);
    },
  );

  test('E5: a compare of one’s own version with another cost centre’s, in either order, is the unknown id’s 404 (held)', async () => {
    const own = await createVersion({ server, admin, cc: 'CC5', unique: 'own' });
    const other = await createVersion({ server, admin, cc: 'CC6', unique: 'other' });
    const reader = await server.token('cc5-viewer', 'viewer', ['CC5']);
    const unknown = '00000000-0000-4000-8000-000000000000';
    const answer = async (a: string, b: string) => {
      const r = await server.as(reader, { method: 'GET', url: `/api/versions/${a}/compare/${b}` });
      return [r.statusCode, r.body];
    };
    expect(await answer(own.id, own.id)).toEqual([200, expect.any(String)]);
    const none = await answer(own.id, unknown);
    expect(none[0]).toBe(404);
    // The same bytes as an id nobody holds (the message names the id sent, whichever it is).
    const asUnknown = ([status, body]: (string | number)[], id: string) => [status, String(body).replace(id, unknown)];
    expect(asUnknown(await answer(own.id, other.id), other.id)).toEqual(none);
    expect(asUnknown(await answer(other.id, own.id), other.id)).toEqual(await answer(unknown, own.id));
  });

  test('E8: look-alike ids (full-width digits, Cyrillic letters, a trailing dot) are refused in every id field (held)', async () => {
    const before = await snapshot(server.owner());
    const lookAlikes = ['６１００', '61０0', 'А100', 'flag:6100@3\u200b', '6100\u00ad', 'CC1\u0301'];
    const refused: string[] = [];
    for (const text of lookAlikes) {
      const line = { costCentre: 'CC1', account: text, period: '2026-03', before: 0, after: 10 };
      const other = { costCentre: 'CC1', account: 'B1', period: '2026-03', before: 0, after: -10 };
      const sends = [
        server.as(admin, {
          method: 'POST',
          url: '/api/proposals',
          payload: { fiscalYear: 2026, lines: [line, other] },
        }),
        server.as(admin, {
          method: 'POST',
          url: '/api/proposals',
          payload: { fiscalYear: 2026, lines: [{ ...line, account: 'A1', id: text }, other] },
        }),
        server.as(admin, {
          method: 'POST',
          url: '/api/versions',
          payload: {
            costCentre: 'CC1',
            fiscalYear: 2026,
            kind: 'forecast',
            name: `F ${refused.length}`,
            lines: [{ account: text, period: '2026-01', amount: 1 }],
          },
        }),
        server.as(admin, {
          method: 'POST',
          url: '/api/flags',
          payload: { costCentre: 'CC1', flags: [{ flagId: text, kind: 'overspend', severity: 0.1, amount: 1 }] },
        }),
        server.as(admin, {
          method: 'POST',
          url: '/api/reviews',
          payload: { costCentre: 'CC1', flagId: text, decision: 'accepted' },
        }),
        server.as(admin, {
          method: 'POST',
          url: `/api/actuals/imports?batchId=${encodeURIComponent(text)}&costCentre=CC1`,
          payload: { rows: [] },
        }),
        server.as(admin, {
          method: 'POST',
          url: '/api/actuals/imports?batchId=lookalike&costCentre=CC1',
          payload: { rows: [{ account: text, period: '2026-01', amount: 1 }] },
        }),
      ];
      for (const r of await Promise.all(sends))
        if (r.statusCode < 400 || r.statusCode >= 500) refused.push(`${text}: ${r.statusCode} ${r.body.slice(0, 100)}`);
    }
    expect(refused).toEqual([]);
    expect(await snapshot(server.owner())).toEqual(before);
    // An imported cell is read trimmed of white space (a CSV's padding, a no-break space pasted from
    // the web), as the importer meant it: `6100` and a no-break space is the importer's own 6100.
    const padded = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=padded&costCentre=CC1',
      payload: { rows: [{ account: '6100\u00a0', period: '2026-01', amount: 1 }] },
    });
    expect(padded.statusCode).toBe(201);
    const actuals = ok(await server.as(admin, { method: 'GET', url: '/api/actuals?costCentre=CC1' }), 'actuals');
    expect(actuals.map((a: Json) => a.account)).toEqual(['6100']);
  });

  test('E10: a compare of two versions of 20,000 lines each costs one bounded answer (held)', async () => {
    const many = (prefix: string) =>
      Array.from({ length: MAX_VERSION_LINES }, (_, i) => ({
        account: `${prefix}${i % 1000}`,
        period: `2026-${String(1 + (Math.floor(i / 1000) % 12)).padStart(2, '0')}`,
        amount: i + 0.25,
      })).filter((l, i, all) => all.findIndex((m) => m.account === l.account && m.period === l.period) === i);
    const a = ok(
      await postVersion(server, admin, newVersion('Big A', many('A'), { costCentre: 'CC4', kind: 'forecast' })),
      'a',
    );
    const b = ok(
      await postVersion(server, admin, newVersion('Big B', many('B'), { costCentre: 'CC4', kind: 'forecast' })),
      'b',
    );
    const started = Date.now();
    const r = await server.as(admin, { method: 'GET', url: `/api/versions/${String(a.id)}/compare/${String(b.id)}` });
    const ms = Date.now() - started;
    expect(r.statusCode).toBe(200);
    const body = r.json();
    console.log(`E10 (${engine}): compare of ${body.lines.length} lines, ${r.body.length} bytes, ${ms} ms`);
    expect(body.lines.length).toBeLessThanOrEqual(2 * MAX_VERSION_LINES);
    expect(r.body.length).toBeLessThan(8 * 1024 * 1024);
  });
});

describe.each(ENGINES)('the server’s messages count positions from 1 (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbcount' });
  let admin: string;
  beforeAll(async () => {
    admin = await server.token('root', 'admin', '*');
  });
  const refusal = async (method: string, url: string, payload: unknown, headers: Record<string, string> = {}) => {
    const r = await server.as(admin, { method, url, payload: payload as object, headers });
    return [r.statusCode, r.json().error?.message, r.json().error?.details?.errors];
  };
  const line = (account: string, period = '2026-03', before = 0, after = 10) => ({
    costCentre: 'CC1',
    account,
    period,
    before,
    after,
  });

  test('a proposal’s, a version’s and a report’s items: [1] is the first (found: counted from 0)', async () => {
    // The first line is the one at fault each time.
    expect(
      await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100', '1899-12'), line('6200')] }),
    ).toEqual([400, expect.stringMatching(/^body\.lines\[1\]\.period must be a month written YYYY-MM/), undefined]);
    expect(
      await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100', '2031-01'), line('6200')] }),
    ).toEqual([400, 'lines[1]: 2031-01 is no month of fiscal year 2026, whose months lie in 2025 to 2027.', undefined]);
    expect(
      await refusal('POST', '/api/proposals', {
        fiscalYear: 2026,
        lines: [{ ...line('6100'), before: null }, line('6200')],
      }),
    ).toEqual([
      400,
      'body.lines[1].before must be sent as a JSON number, not null; the server converts nothing.',
      undefined,
    ]);
    // The second line repeats the first.
    expect(await refusal('POST', '/api/proposals', { fiscalYear: 2026, lines: [line('6100'), line('6100')] })).toEqual([
      400,
      'lines[2] repeats 6100 2026-03 of CC1 (or its id).',
      undefined,
    ]);
    const version = { costCentre: 'CC1', fiscalYear: 2026, kind: 'forecast', name: 'F count' };
    const amounts = [{ account: '6100', period: '2026-01', amount: 1 }];
    expect(await refusal('POST', '/api/versions', { ...version, lines: [...amounts, ...amounts] })).toEqual([
      400,
      'lines[2] repeats account 6100 in 2026-01.',
      undefined,
    ]);
    expect(
      await refusal('POST', '/api/versions', {
        ...version,
        lines: [{ account: '6100', period: '2026-01', amount: 'x' }],
      }),
    ).toEqual([400, 'body.lines[1].amount must be number', undefined]);
    const flag = { flagId: 'flag:6100@3', kind: 'overspend', severity: 0.2, amount: 1 };
    expect(await refusal('POST', '/api/flags', { costCentre: 'CC1', flags: [flag, flag] })).toEqual([
      400,
      'flags[2] repeats the flag flag:6100@3: report each flag once.',
      undefined,
    ]);
    expect(await refusal('POST', '/api/flags', { costCentre: 'CC1', flags: [{ ...flag, severity: 2 }] })).toEqual([
      400,
      'body.flags[1].severity must be <= 1',
      undefined,
    ]);
  });

  test('an import’s row 1 is the first data row, the header row 0 (held)', async () => {
    const csv = 'account,period,amount\n\n6100,2026-13,1\n6200,2026-01,2\n6300,2026-01,x\n';
    const r = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=count-1&costCentre=CC1',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.details.errors.map((e: Json) => [e.row, e.field])).toEqual([
      [1, 'period'],
      [3, 'amount'],
    ]);
    const json = await server.as(admin, {
      method: 'POST',
      url: '/api/actuals/imports?batchId=count-2&costCentre=CC1',
      payload: {
        rows: [
          { account: '6100', period: '2026-01', amount: 1 },
          { account: '6100', period: '2026-1', amount: 1 },
        ],
      },
    });
    expect(json.json().error.details.errors.map((e: Json) => [e.row, e.field])).toEqual([[2, 'period']]);
  });
});

describe.each(ENGINES)('probes: eleventh pass, amounts and ids (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbelevamt' });
  const t: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(t, await cfoTeam(server));
    const lines = ['6300', '6400', '6500'].map((account) => ({ account, period: '2026-03', amount: 100_000 }));
    ok(await postVersion(server, t.root, newVersion('v1', lines)), 'baseline CC1');
  });

  test('E7: a move of 49,999.99996 where the CFO decides from 50,000 goes to the CFO, as the budget stores 50,000 (held)', async () => {
    const lines = [
      { costCentre: 'CC1', account: '6300', period: '2026-03', before: 100_000, after: 50_000.00004 },
      { costCentre: 'CC1', account: '7630', period: '2026-03', before: 0, after: 49_999.99996 },
    ];
    const draft = ok(await postProposal(server, t.alice, { fiscalYear: 2026, reason: 'sub-unit', lines }), 'propose');
    const submitted = ok(await moveProposal(server, t.alice, draft, 'submit'), 'submit');
    // The amount is kept as the budget keeps it (four decimals), and the chain is chosen by it.
    expect(submitted.amount).toBe(50_000);
    expect(submitted.chain.map((s: Json) => s.name)).toEqual(['Cost-centre approver', 'CFO']);
    const approved = ok(await moveProposal(server, t.bob, submitted, 'approve'), 'approve');
    const applying = await moveProposal(server, t.owner, approved, 'apply');
    expect(applying.statusCode).toBe(409);
  });
  test('E6: another cost centre’s flag ids, guessed, tell and change nothing through any flag route (held: no change)', async () => {
    // Flag ids are predictable by design (flag:<line>@<period index>: a review follows its flag from
    // scan to scan and pane to pane); what a guess could reach is only what the routes let through.
    const flagId = 'flag:6300@2';
    const flag = { flagId, kind: 'overspend', severity: 0.9, amount: 5000, explanation: 'over plan' };
    ok(
      await server.as(t.alice, { method: 'POST', url: '/api/flags', payload: { costCentre: 'CC1', flags: [flag] } }),
      'report',
    );
    ok(
      await server.as(t.bob, {
        method: 'POST',
        url: '/api/reviews',
        payload: { costCentre: 'CC1', flagId, decision: 'explained', comment: 'timing' },
      }),
      'review',
    );
    const mallory = await server.token('mallory', ['analyst', 'approver'], ['CC2']);
    const before = await snapshot(server.owner());
    const as = (method: string, url: string, payload?: object) => server.as(mallory, { method, url, payload });
    // Reading or writing CC1 by a guessed id: refused before any record is read.
    for (const r of [
      await as('GET', `/api/flags?costCentre=CC1`),
      await as('GET', `/api/reviews?costCentre=CC1&flagId=${encodeURIComponent(flagId)}`),
      await as('POST', '/api/reviews', { costCentre: 'CC1', flagId, decision: 'dismissed', comment: 'noise' }),
      await as('POST', '/api/flags', { costCentre: 'CC1', flags: [{ ...flag, severity: 0.01 }] }),
    ])
      expect([r.statusCode, r.json().error.code]).toEqual([403, 'SERVER_FORBIDDEN_COST_CENTRE']);
    expect(await snapshot(server.owner())).toEqual(before);
    // Through her own cost centre the id names her own flag and her own reviews: CC1's answer the same
    // bytes for an id CC1 holds and for one nobody holds.
    const mine = async (id: string) =>
      (await as('GET', `/api/reviews?costCentre=CC2&flagId=${encodeURIComponent(id)}`)).body;
    expect(await mine(flagId)).toBe(await mine('flag:NOBODY@1'));
    ok(await as('POST', '/api/reviews', { costCentre: 'CC2', flagId, decision: 'dismissed', comment: 'noise' }), 'own');
    ok(await as('POST', '/api/flags', { costCentre: 'CC2', flags: [{ ...flag, severity: 0.01 }] }), 'own report');
    // CC1's flag and its reviews are as they were.
    const flags = ok(await server.as(t.bob, { method: 'GET', url: '/api/flags?costCentre=CC1' }), 'flags');
    expect(flags.map((f: Json) => [f.flagId, f.severity, f.reportedBy])).toEqual([[flagId, 0.9, 'alice']]);
    const reviews = ok(await server.as(t.bob, { method: 'GET', url: '/api/reviews?costCentre=CC1' }), 'reviews');
    expect(reviews.map((r: Json) => [r.flagId, r.decision, r.decidedBy])).toEqual([[flagId, 'explained', 'bob']]);
  });
});

describe.each(ENGINES)('probes: eleventh pass, the proposal state machine (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbelevsm' });
  const t: Record<string, string> = {};
  const role: Partial<Record<Role, string>> = {};
  beforeAll(async () => {
    t.author = await server.token('sm-author', ['analyst', 'budget_owner'], ['CC9']);
    t.approver = await server.token('sm-approver', 'approver', ['CC9']);
    t.root = await server.token('root', 'admin', '*');
    for (const r of ROLES) role[r] = await server.token(`sm-${r}`, r, ['CC9']);
    ok(await postVersion(server, t.root, { ...newVersion('v1', []), costCentre: 'CC9' }), 'baseline CC9');
  });
  let n = 0;
  /** A proposal of the author's in `state`, moving 10 between two accounts of its own (no stale budget). */
  const inState = async (state: ProposalState): Promise<Json> => {
    n += 1;
    const lines = [
      { costCentre: 'CC9', account: `A${n}`, period: '2026-03', before: 0, after: 10 },
      { costCentre: 'CC9', account: `B${n}`, period: '2026-03', before: 0, after: -10 },
    ];
    let p = ok(await postProposal(server, t.author, { fiscalYear: 2026, reason: 'matrix', lines }), 'propose');
    if (state === 'draft') return p;
    p = ok(await moveProposal(server, t.author, p, 'submit'), 'submit');
    if (state === 'submitted') return p;
    if (state === 'rejected')
      return ok(await moveProposal(server, t.approver, p, 'reject', { comment: 'no' }), 'reject');
    p = ok(await moveProposal(server, t.approver, p, 'approve'), 'approve');
    if (state === 'approved') return p;
    p = ok(await moveProposal(server, t.author, p, 'apply'), 'apply');
    if (state === 'applied') return p;
    const other = await server.token('sm-other-owner', 'budget_owner', ['CC9']);
    await revertThroughChain(server, { asker: other, approvers: [t.approver], applier: t.author }, p);
    return ok(await server.as(t.author, { method: 'GET', url: `/api/proposals/${String(p.id)}` }), 'read');
  };
  /** What the model's machine and the role table allow (the default chain's one step is the approver's). */
  const allowed = (state: ProposalState, verb: ProposalVerb | 'edit', r: Role): boolean => {
    if (verb === 'edit') return state === 'draft' && GRANTS.propose.includes(r);
    if (!nextState(state, verb)) return false;
    if (verb === 'approve' || verb === 'reject') return r === 'approver';
    return GRANTS[TRANSITIONS[verb].action].includes(r);
  };
  const send = (token: string, p: Json, verb: ProposalVerb | 'edit') =>
    verb === 'edit'
      ? server.as(token, {
          method: 'PATCH',
          url: `/api/proposals/${String(p.id)}`,
          payload: { reason: 'edited' },
          headers: { 'if-match': `"${String(p.version)}"` },
        })
      : moveProposal(server, token, p, verb, { comment: 'matrix' });

  test.each([...PROPOSAL_STATES])(
    'E3: from %s, every verb by every role does only what the machine and the roles allow (held)',
    async (state) => {
      const shared = await inState(state);
      const before = await snapshot(server.owner());
      const outcome: string[] = [];
      for (const verb of [...PROPOSAL_VERBS, 'edit' as const])
        for (const r of ROLES) {
          const expected = allowed(state, verb, r);
          const p = expected ? await inState(state) : shared;
          const answer = await send(role[r]!, p, verb);
          const good = answer.statusCode < 300;
          if (good !== expected) outcome.push(`${verb} by ${r}: ${answer.statusCode} ${answer.body.slice(0, 120)}`);
          if (!good && answer.statusCode >= 500) outcome.push(`${verb} by ${r}: ${answer.statusCode}`);
        }
      expect(outcome).toEqual([]);
      // Every refusal changed nothing of the shared proposal.
      const after = ok(
        await server.as(t.author, { method: 'GET', url: `/api/proposals/${String(shared.id)}` }),
        'read',
      );
      expect([after.state, after.version]).toEqual([shared.state, shared.version]);
      if (!PROPOSAL_VERBS.some((v) => ROLES.some((r) => allowed(state, v, r))) && state !== 'draft')
        expect(await snapshot(server.owner())).toEqual(before);
    },
  );
});

describe('probes: eleventh pass, webhook host forms', () => {
  const server = useTestServer({ engine: 'pglite', prefix: 'prbelevhook', overrides: { webhookAllowPrivate: false } });
  // Each names a loopback, unspecified, link-local or private address, or cannot be read: none saved.
  const FORMS = [
    'http://localhost./',
    'http://LOCALHOST/',
    'http://foo.localhost/',
    'http://foo.localhost./',
    'http://[::]/',
    'http://127.1/',
    'http://0/',
    'http://[fe80::1%25lo]/',
    'http://example.com@127.0.0.1/',
    'http://127.0.0.1#@example.com/',
    'http://127.0.0.1\\@example.com/',
    'http://169.254.169.254./',
    'http://0x7f.1/',
    'http://%31%32%37.0.0.1/',
    'http://127.0.0.1%2e/',
    'http://[0:0:0:0:0:0:0:1]/',
    'http://①②⑦.0.0.1/',
    'http://127。0。0。1/',
    'http://localhost%00.example.com/',
    'http://0177.0.0.01/',
    'http://127.000000000000000.1/',
  ];

  test('E9: host forms not tried before are refused when saved (held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const saved: string[] = [];
    for (const url of FORMS) {
      expect([url, refusedUrl(url, false)]).toEqual([url, expect.any(String)]);
      const r = await server.as(admin, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url, format: 'generic', events: ['flag.raised'], costCentres: ['CC1'] },
      });
      if (r.statusCode !== 400) saved.push(`${url}: ${r.statusCode}`);
    }
    expect(saved).toEqual([]);
    // The metadata address with a trailing dot stays refused when private addresses are allowed.
    expect(refusedUrl('http://169.254.169.254./', true)).toMatch(/link-local/);
    // A host name is checked where it resolves, at each delivery (probes-webhooks): saved here.
    expect(refusedUrl('http://metadata.google.internal/', false)).toBeNull();
  });
});
