import { moveAcross, oneLineProposal, setApprovalChain, TRAVEL_ADS_V1 } from './fixtures';
import {
  moveProposal,
  postProposal,
  postVersion,
  startTestServer,
  type TestServer,
  ENGINES,
  type Json,
} from './helpers';
import { newVersion } from '../model/sample-version';

jest.setTimeout(120_000);

const CHAIN = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48, reminderHours: 24 },
  { name: 'Finance controller', role: 'controller', costCentre: 'affected', deadlineHours: 48 },
  { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50_000, deadlineHours: 72 },
];

/** The team: who holds which roles and cost centres. */
async function team(server: TestServer) {
  return {
    root: await server.token('root', 'admin', '*'),
    alice: await server.token('alice', ['analyst', 'budget_owner'], ['CC1']),
    bob: await server.token('bob', 'approver', ['CC1']),
    carol: await server.token('carol', 'controller', '*'),
    cfo: await server.token('cleo', 'cfo', '*'),
    dual: await server.token('dan', ['analyst', 'approver'], ['CC1']),
    twoSteps: await server.token('tess', ['approver', 'controller'], ['CC1']),
    otherApprover: await server.token('olaf', 'approver', ['CC2']),
  };
}

describe.each(ENGINES)('approval chains and versions (%s)', (engine) => {
  let server: TestServer;
  let t: Awaited<ReturnType<typeof team>>;
  let n = 0;
  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'team' });
    t = await team(server);
    await setApprovalChain(server, t.root, CHAIN);
    const base = await postVersion(server, t.root, newVersion('Budget 2026', TRAVEL_ADS_V1));
    expect(base.json()).toMatchObject({ number: 1, name: 'Budget 2026' });
  });
  afterAll(() => server.close());

  const act = (token: string, p: Json, verb: string, comment?: string) =>
    moveProposal(server, token, p, verb, comment === undefined ? {} : { comment });
  async function draft(token: string, lines: Json[], reason = 'rebalance'): Promise<Json> {
    const r = await postProposal(server, token, { fiscalYear: 2026, reason, lines });
    expect(r.statusCode).toBe(201);
    return r.json();
  }
  /** A proposal in its own accounts (so applying finds 0 before), drafted and submitted by `token`. */
  async function submitted(token: string, amount = 1000): Promise<Json> {
    n += 1;
    const p = await draft(token, [
      { costCentre: 'CC1', account: `X${n}`, period: '2026-05', before: 0, after: -amount },
      { costCentre: 'CC1', account: `Y${n}`, period: '2026-05', before: 0, after: amount },
    ]);
    const s = await act(token, p, 'submit');
    expect(s.statusCode).toBe(200);
    return s.json();
  }

  test('the chain: step by step, each by its role; the CFO step only above the amount', async () => {
    const small = await submitted(t.alice, 1000);
    expect(small.chain.map((s: Json) => [s.role, s.state])).toEqual([
      ['approver', 'pending'],
      ['controller', 'waiting'],
    ]);
    expect(small.chain[0].dueAt).toEqual(expect.any(String));
    const one = await act(t.bob, small, 'approve');
    expect(one.json()).toMatchObject({
      state: 'submitted',
      chain: [{ state: 'approved', decidedBy: 'bob', delayMs: 0 }, { state: 'pending' }],
    });
    const two = await act(t.carol, one.json(), 'approve');
    expect(two.json().state).toBe('approved');
    const big = await submitted(t.alice, 60_000);
    expect(big.chain.map((s: Json) => s.role)).toEqual(['approver', 'controller', 'cfo']);
    expect(big.amount).toBe(60_000);
  });

  test('applying creates one immutable version with lineage, in the same transaction; an applied reversal makes the next', async () => {
    const p = await draft(t.alice, [
      { id: 'travel', costCentre: 'CC1', account: '6100', period: '2026-03', before: 5000, after: 2500 },
      { id: 'ads', costCentre: 'CC1', account: '6200', period: '2026-03', before: 1000, after: 3500 },
    ]);
    let current = (await act(t.alice, p, 'submit')).json();
    current = (await act(t.bob, current, 'approve')).json();
    current = (await act(t.carol, current, 'approve')).json();
    const applied = await act(t.alice, current, 'apply');
    expect(applied.statusCode).toBe(200);
    const body = applied.json();
    expect(body.state).toBe('applied');
    expect(body.versions).toEqual([{ id: expect.any(String), costCentre: 'CC1', name: 'v2', action: 'apply' }]);
    const version = (await server.as(t.alice, { method: 'GET', url: `/api/versions/${body.versions[0].id}` })).json();
    expect(version).toMatchObject({ number: 2, proposalId: p.id, kind: 'budget', fiscalYear: 2026 });
    expect(version.lineage).toMatchObject({
      action: 'apply',
      proposalId: p.id,
      submittedBy: 'alice',
      appliedBy: 'alice',
      approvers: [
        { step: 1, role: 'approver', who: 'bob' },
        { step: 2, role: 'controller', who: 'carol' },
      ],
    });
    expect(version.lines).toEqual([
      { account: '6100', period: '2026-03', amount: 2500 },
      { account: '6200', period: '2026-03', amount: 3500 },
      { account: '7000', period: '2026-04', amount: 42 },
    ]);
    const made = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM budget_versions WHERE proposal_id = $1',
      [p.id],
    );
    expect(made.rows[0].n).toBe(1);
    const audits = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'proposal.apply'",
      [p.id],
    );
    expect(audits.rows[0].n).toBe(1);
    // A version is immutable, even to the application's own database role.
    await expect(server.db.query("UPDATE version_lines SET amount = 0 WHERE account = '6100'")).rejects.toMatchObject({
      code: '42501',
    });
    await expect(server.db.query('DELETE FROM budget_versions')).rejects.toMatchObject({ code: '42501' });

    // Revert asks for a reversal, which goes through the same chain; applying it makes the next version.
    const asked = await act(t.alice, body, 'revert', 'campaign cancelled');
    expect(asked.statusCode).toBe(201);
    let reversal = asked.json().reversal;
    expect(reversal.chain.map((s: Json) => s.role)).toEqual(['approver', 'controller']);
    expect(asked.json().message).toBe(
      `Reversal ${reversal.id} of ${p.id} is submitted: 2 approval steps, first Cost-centre approver (approver role). ` +
        'The budget does not change until another person approves it and it is applied; you may not approve it yourself.',
    );
    reversal = (await act(t.bob, reversal, 'approve')).json();
    reversal = (await act(t.carol, reversal, 'approve')).json();
    const reversed = await act(t.alice, reversal, 'apply');
    expect(reversed.json().versions.map((v: Json) => [v.name, v.action])).toEqual([['v3', 'apply']]);
    const v3 = (
      await server.as(t.alice, { method: 'GET', url: `/api/versions/${reversed.json().versions[0].id}` })
    ).json();
    expect(v3.lines.slice(0, 2).map((l: Json) => l.amount)).toEqual([5000, 1000]);
    expect(v3.parentId).toBe(version.id);
    expect(v3.lineage).toMatchObject({ proposalId: reversal.id, reverts: p.id, appliedBy: 'alice' });
    const original = (await server.as(t.alice, { method: 'GET', url: `/api/proposals/${p.id}` })).json();
    expect(original).toMatchObject({ state: 'reverted', revertedBy: 'alice', reversal: { id: reversal.id } });
    expect(original.versions.map((v: Json) => v.name)).toEqual(['v2']);
  });

  test('a proposal made on an old budget is refused at apply (409 naming the lines), and nothing is written', async () => {
    const p = await draft(t.alice, [{ costCentre: 'CC1', account: '7000', period: '2026-04', before: 40, after: 10 }]);
    let current = (await act(t.alice, p, 'submit')).json();
    current = (await act(t.bob, current, 'approve')).json();
    current = (await act(t.carol, current, 'approve')).json();
    const before = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM budget_versions');
    const refused = await act(t.alice, current, 'apply');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'SERVER_BUDGET_CHANGED',
      details: { lines: [{ account: '7000', expected: 40, found: 42 }] },
    });
    expect((await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM budget_versions')).rows[0].n).toBe(
      before.rows[0].n,
    );
    expect((await server.as(t.alice, { method: 'GET', url: `/api/proposals/${p.id}` })).json().state).toBe('approved');
  });

  test('separation of duties: the submitter and authors never approve, through any route or role union (403 saying why)', async () => {
    // An admin drafts, submits and tries to approve their own proposal (the probe's finding).
    const own = await submitted(t.root);
    const self = await act(t.root, own, 'approve');
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({
      code: 'SERVER_FORBIDDEN_STEP',
      message: expect.stringMatching(/root wrote or submitted this proposal/),
    });
    expect((await act(t.root, own, 'reject', 'no')).statusCode).toBe(403);
    // Whatever version it sends (authorisation comes before concurrency).
    expect((await act(t.root, { ...own, version: 99 }, 'approve')).statusCode).toBe(403);
    // A user holding analyst + approver may propose (union of roles) but not approve what they wrote.
    const dual = await submitted(t.dual);
    const dualSelf = await act(t.dual, dual, 'approve');
    expect(dualSelf.statusCode).toBe(403);
    expect(dualSelf.json().error.message).toMatch(/dan wrote or submitted/);
    // An editor of a draft is an author too.
    n += 1;
    const edited = await draft(t.alice, [
      { costCentre: 'CC1', account: `E${n}`, period: '2026-05', before: 0, after: 5 },
    ]);
    const patch = await server.as(t.dual, {
      method: 'PATCH',
      url: `/api/proposals/${edited.id}`,
      payload: { reason: 'dan tweaks it' },
      headers: { 'if-match': '"1"' },
    });
    expect(patch.statusCode).toBe(200);
    const sub = (await act(t.alice, patch.json(), 'submit')).json();
    expect((await act(t.dual, sub, 'approve')).statusCode).toBe(403);
    // Nobody decides two steps: tess holds approver and controller.
    const twice = await submitted(t.alice);
    const first = await act(t.twoSteps, twice, 'approve');
    expect(first.statusCode).toBe(200);
    const second = await act(t.twoSteps, first.json(), 'approve');
    expect(second.statusCode).toBe(403);
    expect(second.json().error.message).toMatch(/already decided a step/);
    // A step only by its role and cost centres.
    const wrongRole = await act(t.root, await submitted(t.alice), 'approve');
    expect(wrongRole.json().error.message).toMatch(/is for the approver role, and root holds admin/);
    const p2 = await submitted(t.alice);
    expect((await act(t.carol, p2, 'approve')).json().error.message).toMatch(/is for the approver role/);
    // An approver of another cost centre does not even see it: the 404 of an unknown id.
    expect((await act(t.otherApprover, p2, 'approve')).statusCode).toBe(404);
    // The state cannot be smuggled through create or edit.
    const smuggled = await postProposal(server, t.alice, { ...oneLineProposal('CC1', 'Z'), state: 'approved' });
    expect(smuggled.statusCode).toBe(400);
    const late = await server.as(t.alice, {
      method: 'PATCH',
      url: `/api/proposals/${p2.id}`,
      payload: { reason: 'x' },
      headers: { 'if-match': `"${p2.version}"` },
    });
    expect(late.json().error.code).toBe('SERVER_INVALID_TRANSITION');
    // Apply before the chain completes is refused; the proposal never was approved.
    expect((await act(t.alice, p2, 'apply')).json().error.code).toBe('SERVER_INVALID_TRANSITION');
    // The database itself refuses a decision by an author, and a second decision by one person.
    await expect(
      server.db.query("UPDATE proposal_steps SET decided_by = 'root' WHERE proposal_id = $1 AND step_no = 1", [own.id]),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(
      server.db.query("UPDATE proposal_steps SET decided_by = 'tess' WHERE proposal_id = $1 AND step_no = 2", [
        twice.id,
      ]),
    ).rejects.toMatchObject({ code: '23505' });
  });

  test('lines outside the token’s cost centres are refused (the probe: toCostCentre)', async () => {
    const outside = await postProposal(server, t.alice, {
      fiscalYear: 2026,
      costCentre: 'CC1',
      lines: moveAcross('6100', '2026-03', 'CC1', 'CC9', 10),
    });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error).toMatchObject({
      code: 'SERVER_FORBIDDEN_COST_CENTRE',
      message: expect.stringContaining('CC9'),
    });
    const p = await draft(t.alice, [{ costCentre: 'CC1', account: 'Q1', period: '2026-03', before: 0, after: 1 }]);
    const widen = await server.as(t.alice, {
      method: 'PATCH',
      url: `/api/proposals/${p.id}`,
      payload: { lines: [{ costCentre: 'CC9', account: 'Q1', period: '2026-03', before: 0, after: 1 }] },
      headers: { 'if-match': '"1"' },
    });
    expect(widen.statusCode).toBe(403);
  });

  test('the inbox lists what I may decide, and not my own', async () => {
    const p = await submitted(t.dual);
    const bobs = (await server.as(t.bob, { method: 'GET', url: '/api/approvals' })).json() as Json[];
    expect(bobs.map((x) => x.id)).toContain(p.id);
    const dans = (await server.as(t.dual, { method: 'GET', url: '/api/approvals' })).json() as Json[];
    expect(dans.map((x) => x.id)).not.toContain(p.id);
    const carols = (await server.as(t.carol, { method: 'GET', url: '/api/approvals' })).json() as Json[];
    expect(carols.map((x) => x.id)).not.toContain(p.id); // step 1 is the approver's
  });
});
