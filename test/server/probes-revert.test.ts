import { eventText, type OutboxEvent } from '../../server/notify/format';
import { adjustmentBody, oneLineProposal } from './fixtures';
import { moveProposal, postProposal, type TestServer, useTestServer, ENGINES, type Json } from './helpers';

jest.setTimeout(180_000);

/**
 * Attack probe: revert as one person's act. `POST /api/proposals/:id/revert` (the apply roles)
 * undid an approved, applied proposal without a second person: a budget owner whose budget an
 * approved proposal cut applied it and reverted it alone. Revert now asks for a reversal proposal
 * (lines after → before, `reverts` the original) that goes through the approval chain; applying it
 * reverts the original. Probed: one person alone, the asker approving (by id and by a second account
 * with the same email), a second reversal while one is open (also two at once), a reversal applied
 * over a budget that moved, a proposal not applied, a reversal of a reversal, the database's own
 * rule, and the happy path through two people.
 */
describe.each(ENGINES)('revert is a reversal through the chain (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'prbrevert' });
  let t: Record<string, string>;
  let month = 0;
  beforeAll(async () => {
    const as = (user: string, role: Parameters<TestServer['token']>[1], email?: string) =>
      server.token(user, role, ['CC1'], email ? { email } : {});
    t = {
      bob: await as('bob', 'analyst', 'bob@corp.example'),
      ann: await as('ann', 'approver', 'ann@corp.example'),
      alice: await as('alice', 'budget_owner', 'alice@corp.example'),
      // One person holding every role of the path: asks for a reversal, then tries to approve it.
      mallory: await as('mallory', ['analyst', 'budget_owner', 'approver'], 'mallory@corp.example'),
      malloryApprover: await as('mallory-approver', 'approver', 'Mallory@Corp.Example'),
    };
  });

  const get = async (id: string): Promise<Json> =>
    (await server.as(t.alice, { method: 'GET', url: `/api/proposals/${id}` })).json();
  /** The amounts of CC1's latest 2026 budget version on `lines`' accounts and period. */
  const amounts = async (period: string): Promise<Record<string, number>> => {
    const found = await server.db.query<{ account: string; amount: number }>(
      `SELECT l.account, l.amount::float8 AS amount FROM version_lines l
       WHERE l.version_id = (SELECT id FROM budget_versions WHERE cost_centre = 'CC1' AND fiscal_year = 2026
         AND kind = 'budget' ORDER BY number DESC LIMIT 1) AND l.period = $1 ORDER BY l.account`,
      [period],
    );
    return Object.fromEntries(found.rows.map((r) => [r.account, r.amount]));
  };
  const expectStatus = async (response: Promise<{ statusCode: number; body: string }>, status: number) => {
    const answer = await response;
    if (answer.statusCode !== status) throw new Error(`expected ${status}, got ${answer.statusCode} ${answer.body}`);
    return JSON.parse(answer.body) as Json;
  };

  /** Bob proposes moving 100 from 6100 to 6200 in a month of its own, ann approves, `applier` applies. */
  async function appliedProposal(applier = t.alice, lines?: object[]): Promise<Json> {
    month += 1;
    const period = `2026-${String(month).padStart(2, '0')}`;
    const posted = await expectStatus(
      postProposal(server, t.bob, {
        fiscalYear: 2026,
        reason: 'cut travel',
        lines: lines ?? [
          { costCentre: 'CC1', account: '6100', period, before: 0, after: -100 },
          { costCentre: 'CC1', account: '6200', period, before: 0, after: 100 },
        ],
      }),
      201,
    );
    const submitted = await expectStatus(moveProposal(server, t.bob, posted, 'submit'), 200);
    const approved = await expectStatus(moveProposal(server, t.ann, submitted, 'approve'), 200);
    return { ...(await expectStatus(moveProposal(server, applier, approved, 'apply'), 200)), period };
  }
  const askReversal = (token: string, proposal: Json, comment = 'wrong month') =>
    moveProposal(server, token, proposal, 'revert', { comment });

  test('one person applying and reverting alone gets a pending reversal; the budget does not change', async () => {
    const p = await appliedProposal(t.alice);
    expect(await amounts(p.period)).toEqual({ 6100: -100, 6200: 100 });
    const asked = await askReversal(t.alice, p, 'cut by mistake');
    expect(asked.statusCode).toBe(201);
    const { reversal, message } = asked.json();
    expect(reversal).toMatchObject({
      state: 'submitted',
      reverts: p.id,
      reason: 'cut by mistake',
      createdBy: 'alice',
      submittedBy: 'alice',
      authors: ['alice'],
      amount: 100,
      versions: [],
    });
    expect(reversal.lines.map((l: Json) => [l.account, l.before, l.after])).toEqual([
      ['6100', -100, 0],
      ['6200', 100, 0],
    ]);
    expect(reversal.chain).toMatchObject([{ step: 1, role: 'approver', state: 'pending' }]);
    expect(message).toMatch(new RegExp(`Reversal ${reversal.id} of ${p.id} is submitted.*you may not approve it`));
    // Nothing moved: the original is still applied (showing its reversal), the budget as applied.
    expect(await get(p.id)).toMatchObject({ state: 'applied', version: p.version, reversal: { id: reversal.id } });
    expect(await amounts(p.period)).toEqual({ 6100: -100, 6200: 100 });
    // Alone she cannot finish it: not approved yet (409), and she holds no approving role (403).
    expect((await moveProposal(server, t.alice, reversal, 'apply')).statusCode).toBe(409);
    expect((await moveProposal(server, t.alice, reversal, 'approve')).statusCode).toBe(403);
    expect((await get(reversal.id)).state).toBe('submitted');
  });

  test('the reversal’s author may not approve it, nor may a second account with the same email', async () => {
    const p = await appliedProposal(t.mallory);
    const reversal = (await expectStatus(askReversal(t.mallory, p), 201)).reversal;
    for (const token of [t.mallory, t.malloryApprover]) {
      const refused = await moveProposal(server, token, reversal, 'approve');
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('SERVER_FORBIDDEN_STEP');
      // Whatever version they send: the refusal comes before the version check.
      expect((await moveProposal(server, token, { ...reversal, version: 99 }, 'approve')).statusCode).toBe(403);
    }
    // Nor is it in their inbox; another approver decides it.
    for (const token of [t.mallory, t.malloryApprover])
      expect(
        (await server.as(token, { method: 'GET', url: '/api/approvals' })).json().map((x: Json) => x.id),
      ).not.toContain(reversal.id);
    const annInbox = (await server.as(t.ann, { method: 'GET', url: '/api/approvals' })).json();
    expect(annInbox.find((x: Json) => x.id === reversal.id)).toMatchObject({ reverts: p.id });
    expect(await amounts(p.period)).toEqual({ 6100: -100, 6200: 100 });
  });

  test('a second reversal while one is open is a 409 naming it (also when two are asked at once)', async () => {
    const p = await appliedProposal();
    const first = (await expectStatus(askReversal(t.alice, p), 201)).reversal;
    const again = await askReversal(t.mallory, p, 'me too');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'SERVER_REVERSAL_REFUSED',
      details: { reversal: { id: first.id } },
    });
    expect(again.json().error.message).toContain(`reversal ${first.id} is already submitted`);
    // Approved but not applied: still open.
    await expectStatus(moveProposal(server, t.ann, first, 'approve'), 200);
    expect((await askReversal(t.alice, p)).statusCode).toBe(409);

    const q = await appliedProposal();
    const raced = await Promise.all([askReversal(t.alice, q, 'a'), askReversal(t.mallory, q, 'b')]);
    expect(raced.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const { rows } = await server.db.query('SELECT id FROM proposals WHERE reverts = $1', [q.id]);
    expect(rows).toHaveLength(1);
  });

  test('a rejected reversal leaves the original applied; another may then be asked for', async () => {
    const p = await appliedProposal();
    const first = (await expectStatus(askReversal(t.alice, p), 201)).reversal;
    await expectStatus(moveProposal(server, t.ann, first, 'reject', { comment: 'the cut stands' }), 200);
    expect(await get(p.id)).toMatchObject({ state: 'applied', reversal: { id: first.id, state: 'rejected' } });
    expect(await amounts(p.period)).toEqual({ 6100: -100, 6200: 100 });
    const second = (await expectStatus(askReversal(t.alice, p, 'asked again'), 201)).reversal;
    expect((await get(p.id)).reversal).toEqual({ id: second.id, state: 'submitted' });
  });

  test('applying a reversal after the budget moved is a 409; nothing is written and the original stays applied', async () => {
    const p = await appliedProposal();
    const reversal = (await expectStatus(askReversal(t.alice, p), 201)).reversal;
    const approved = await expectStatus(moveProposal(server, t.ann, reversal, 'approve'), 200);
    // Meanwhile another approved proposal moves 6100 again.
    await appliedProposal(t.alice, [
      { costCentre: 'CC1', account: '6100', period: p.period, before: -100, after: -150 },
      { costCentre: 'CC1', account: '6300', period: p.period, before: 0, after: 50 },
    ]);
    const versionsBefore = await server.db.query('SELECT count(*)::int AS n FROM budget_versions');
    const stale = await moveProposal(server, t.alice, approved, 'apply');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'SERVER_BUDGET_CHANGED',
      details: { lines: [{ account: '6100', expected: -100, found: -150 }] },
    });
    expect((await server.db.query('SELECT count(*)::int AS n FROM budget_versions')).rows).toEqual(versionsBefore.rows);
    expect(await get(p.id)).toMatchObject({ state: 'applied', revertedBy: null });
    expect((await get(reversal.id)).state).toBe('approved');
  });

  test('a proposal that is not applied is not reversed (409), nor is a reverted one', async () => {
    month += 1;
    const period = `2026-${String(month).padStart(2, '0')}`;
    const draft = await expectStatus(
      postProposal(server, t.bob, {
        fiscalYear: 2026,
        lines: [{ costCentre: 'CC1', account: '6100', period, before: 0, after: 5 }],
      }),
      201,
    );
    const submitted = await expectStatus(moveProposal(server, t.bob, draft, 'submit'), 200);
    const refused = async (p: Json) => {
      const answer = await askReversal(t.alice, p);
      expect(answer.statusCode).toBe(409);
      expect(answer.json().error).toMatchObject({ code: 'SERVER_REVERSAL_REFUSED' });
      expect(answer.json().error.message).toContain(`only an applied proposal is reversed, and this one is ${p.state}`);
    };
    await refused(submitted);
    await refused(await expectStatus(moveProposal(server, t.ann, submitted, 'reject', { comment: 'no' }), 200));
    const other = await expectStatus(
      postProposal(server, t.bob, {
        fiscalYear: 2026,
        lines: [{ costCentre: 'CC1', account: '6400', period, before: 0, after: 5 }],
      }),
      201,
    );
    expect((await askReversal(t.alice, other)).statusCode).toBe(409);
    // The apply role, a comment, the version read: as before.
    const p = await appliedProposal();
    expect((await askReversal(t.bob, p)).statusCode).toBe(403);
    expect((await askReversal(t.alice, p, '  ')).statusCode).toBe(400);
    expect((await moveProposal(server, t.alice, p, 'revert', {})).statusCode).toBe(400);
    expect((await askReversal(t.alice, { ...p, version: p.version - 1 })).statusCode).toBe(409);
    expect(await server.db.query('SELECT id FROM proposals WHERE reverts = $1', [p.id])).toMatchObject({ rows: [] });
  });

  test('happy path through two people: asked, approved by another, applied; the original is reverted and forgettable', async () => {
    const p = await appliedProposal();
    const asked = await expectStatus(askReversal(t.alice, p, 'campaign cancelled'), 201);
    const approved = await expectStatus(moveProposal(server, t.ann, asked.reversal, 'approve'), 200);
    const applied = await expectStatus(moveProposal(server, t.alice, approved, 'apply'), 200);
    expect(applied).toMatchObject({ state: 'applied', reverts: p.id });
    expect(await amounts(p.period)).toEqual({ 6100: 0, 6200: 0 });
    const version = (
      await server.as(t.alice, { method: 'GET', url: `/api/versions/${applied.versions[0].id}` })
    ).json();
    expect(version).toMatchObject({
      proposalId: applied.id,
      lineage: {
        action: 'apply',
        proposalId: applied.id,
        reverts: p.id,
        appliedBy: 'alice',
        reason: 'campaign cancelled',
      },
    });
    expect(version.lineage.approvers.map((a: Json) => a.who)).toEqual(['ann']);
    // Chat notifications name it a reversal too.
    const events = await server.db.query<OutboxEvent>(
      `SELECT id::text, kind, payload, created_at::text AS "createdAt" FROM outbox_events
       WHERE payload -> 'proposal' ->> 'id' = $1 ORDER BY seq`,
      [applied.id],
    );
    expect(events.rows.map(eventText)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^Approval waiting: reversal ${applied.id.slice(0, 8)} of proposal ${p.id.slice(0, 8)} \\(CC1, 100 moved, FY2026\\), step 1`,
        ),
      ),
      expect.stringMatching(
        new RegExp(`^Proposal applied: reversal ${applied.id.slice(0, 8)} of proposal ${p.id.slice(0, 8)} `),
      ),
    ]);
    const original = await get(p.id);
    expect(original).toMatchObject({
      state: 'reverted',
      revertedBy: 'alice',
      reversal: { id: applied.id, state: 'applied' },
      version: p.version + 1,
    });
    expect(original.revertedAt).toEqual(expect.any(String));
    expect(original.history.at(-1)).toMatchObject({
      action: 'revert',
      from: 'applied',
      to: 'reverted',
      who: 'alice',
      comment: 'campaign cancelled',
    });
    // Every step is in the audit log.
    const audit = await server.db.query<{ action: string; entity_id: string; actor: string }>(
      `SELECT action, entity_id, actor FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`,
      [p.id, applied.id],
    );
    expect(
      audit.rows.slice(-5).map((r) => [r.action, r.entity_id === p.id ? 'original' : 'reversal', r.actor]),
    ).toEqual([
      ['proposal.create', 'reversal', 'alice'],
      ['proposal.revert', 'original', 'alice'],
      ['proposal.approve', 'reversal', 'ann'],
      ['proposal.reverted', 'original', 'alice'],
      ['proposal.apply', 'reversal', 'alice'],
    ]);
    // The memory of adjustments: a move of the original is forgettable now.
    const move = { ...adjustmentBody('CC1', 'rv'), proposal: p.id };
    const recorded = await server.as(t.alice, { method: 'POST', url: '/api/adjustments', payload: move });
    expect(recorded.statusCode).toBe(201);
    const forgot = await server.as(t.alice, {
      method: 'POST',
      url: `/api/adjustments/${encodeURIComponent(move.id)}/forget?costCentre=CC1`,
      payload: { reason: 'reverted' },
    });
    expect(forgot.statusCode).toBe(200);
  });

  test('a reversal of a reversal is refused (409): to make the change again, propose it again', async () => {
    const p = await appliedProposal();
    const asked = await expectStatus(askReversal(t.alice, p), 201);
    const approved = await expectStatus(moveProposal(server, t.ann, asked.reversal, 'approve'), 200);
    const reversal = await expectStatus(moveProposal(server, t.alice, approved, 'apply'), 200);
    const refused = await askReversal(t.alice, reversal, 'undo the undo');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain(`it is the reversal of ${p.id}, and a reversal is not reversed`);
    // The reverted original takes no second reversal either.
    expect((await askReversal(t.alice, await get(p.id))).statusCode).toBe(409);
  });

  test('the database refuses a proposal reverted without its applied reversal, and a reversal of what is not applied', async () => {
    const p = await appliedProposal();
    await expect(
      server.db.query(`UPDATE proposals SET state = 'reverted', reverted_by = 'alice' WHERE id = $1`, [p.id]),
    ).rejects.toThrow(/reverted only by applying its approved reversal/);
    const asked = await expectStatus(askReversal(t.alice, p), 201);
    // An open (not applied) reversal does not do either.
    await expect(
      server.db.query(
        `UPDATE proposals SET state = 'reverted', reverted_by = 'alice', reversal_id = $2 WHERE id = $1`,
        [p.id, asked.reversal.id],
      ),
    ).rejects.toThrow(/reverted only by applying/);
    await expect(
      server.db.query(`UPDATE proposals SET reverts = NULL WHERE id = $1`, [asked.reversal.id]),
    ).rejects.toThrow(/does not change/);
    const draft = (await postProposal(server, t.bob, oneLineProposal('CC1', '6500'))).json();
    await expect(
      server.db.query(
        `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, amount, lines, created_by, updated_by, reverts)
         VALUES ('CC1', '{CC1}', 2026, 1, '[]', 'mallory', 'mallory', $1)`,
        [draft.id],
      ),
    ).rejects.toThrow(/not an applied proposal that can be reversed/);
    expect((await get(p.id)).state).toBe('applied');
  });
});
