/**
 * The earlier half of a split (a move cut into proposals under a step's minAmount) is decided as the
 * one move it is, whichever half comes first: when a later half of the same author and budget lines
 * makes the amount moved together reach a step, an earlier half not yet applied gets that step too
 * (appended while it is submitted; held, submitted again with the step current, when it was approved),
 * in the transaction of the later submit. An applied half is not touched. Races: the later submit
 * against the earlier half's approval and its apply.
 */
import { cfoTeam, move, ok, proposalAudit } from './fixtures';
import { newVersion } from '../model/sample-version';
import { ENGINES, moveProposal, postProposal, postVersion, useTestServer, type Json } from './helpers';

jest.setTimeout(300_000);

const ROUNDS = 6;
/** The accounts moved from, one per test (and per race round), each holding 100,000 in March and April. */
const FROM = ['6110', '6120', '6130', '6140', '6150', '6160', '6170'];
const RACE = (kind: string, round: number) => `7${kind}${String(round).padStart(2, '0')}`;

describe.each(ENGINES)('the earlier half of a split gets the steps the move together reaches (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'splitearly' });
  const t: Record<string, string> = {};
  beforeAll(async () => {
    Object.assign(t, await cfoTeam(server));
    t.cfo = await server.token('cleo', 'cfo', '*');
    const accounts = [
      ...FROM,
      ...Array.from({ length: ROUNDS }, (_, r) => RACE('1', r)),
      ...Array.from({ length: ROUNDS }, (_, r) => RACE('2', r)),
    ];
    const lines = accounts.flatMap((account) =>
      ['2026-03', '2026-04'].map((period) => ({ account, period, amount: 100_000 })),
    );
    ok(await postVersion(server, t.root, newVersion('v1', lines)), 'baseline');
  });

  const submitted = async (lines: object[]): Promise<Json> => {
    const draft = ok(await postProposal(server, t.alice, { fiscalYear: 2026, reason: 'move', lines }), 'propose');
    return ok(await moveProposal(server, t.alice, draft, 'submit'), 'submit');
  };
  const read = async (p: Json): Promise<Json> =>
    ok(await server.as(t.root, { method: 'GET', url: `/api/proposals/${String(p.id)}` }), 'read');
  const steps = (p: Json) => (p.chain as Json[]).map((s) => `${String(s.name)}:${String(s.state)}`);
  /** Where a move out of `from` goes: accounts of its own (lines shared with another test would relate them). */
  const to = (from: string, n: 7 | 8 | 9) => `${n}${from.slice(1)}`;
  /** The halves of a move of 99,998 out of `from`, in March and April. */
  const halves = (from: string) => [
    move('CC1', from, to(from, 9), '2026-03', 49_999),
    move('CC1', from, to(from, 8), '2026-04', 49_999),
  ];

  test('a submitted earlier half gets the CFO step appended, naming the later half; audited', async () => {
    const [a, b] = halves(FROM[0]);
    const first = await submitted(a);
    expect(steps(first)).toEqual(['Cost-centre approver:pending']);
    const second = await submitted(b);
    expect(steps(second)).toEqual(['Cost-centre approver:pending', 'CFO:waiting']);
    const now = await read(first);
    expect(steps(now)).toEqual(['Cost-centre approver:pending', 'CFO:waiting']);
    expect(now.version).toBe(first.version + 1);
    expect(now.chain[1].addedFor).toEqual({
      minAmount: 50_000,
      amount: 49_999,
      amountTogether: 99_998,
      together: [{ id: second.id, amount: 49_999, state: 'submitted', costCentres: ['CC1'] }],
    });
    // The approver's decision no longer ends it: the CFO decides it too.
    expect((await moveProposal(server, t.bob, first, 'approve')).statusCode).toBe(409); // it changed: read again
    const afterBob = ok(await moveProposal(server, t.bob, now, 'approve'), 'approve');
    expect([afterBob.state, steps(afterBob)]).toEqual(['submitted', ['Cost-centre approver:approved', 'CFO:pending']]);
    expect(ok(await moveProposal(server, t.cfo, afterBob, 'approve'), 'cfo').state).toBe('approved');
    const audit = await proposalAudit(server, t.root, first, 'proposal.reroute');
    expect(audit.map((r) => [r.actor, r.before.chain.length, r.after.chain.length])).toEqual([['alice', 1, 2]]);
  });

  test('an approved earlier half not yet applied is held: submitted again, the CFO current, not applied before', async () => {
    const [a, b] = halves(FROM[1]);
    const first = ok(await moveProposal(server, t.bob, await submitted(a), 'approve'), 'approve');
    expect(first.state).toBe('approved');
    const second = await submitted(b);
    expect(second.chain[1].addedFor.together).toEqual([
      { id: first.id, amount: 49_999, state: 'submitted', costCentres: ['CC1'] },
    ]);
    const held = await read(first);
    expect([held.state, steps(held)]).toEqual(['submitted', ['Cost-centre approver:approved', 'CFO:pending']]);
    expect(held.history.at(-1)).toMatchObject({
      action: 'submit',
      from: 'approved',
      to: 'submitted',
      who: 'alice',
      comment: expect.stringMatching(
        /^Held for CFO: a later proposal of the same author moves the same budget lines, 99,998 together; not applied until that step approves it\.$/,
      ),
    });
    // Applying it now: stale with the version read before, and not approved with the current one.
    expect((await moveProposal(server, t.owner, first, 'apply')).statusCode).toBe(409);
    const refused = await moveProposal(server, t.owner, held, 'apply');
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'SERVER_INVALID_TRANSITION']);
    // The CFO's inbox lists both halves; the step was announced.
    const inbox = ok(await server.as(t.cfo, { method: 'GET', url: '/api/approvals' }), 'inbox') as Json[];
    expect(inbox.map((p) => p.id)).toEqual(expect.arrayContaining([first.id]));
    const announced = await server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox_events WHERE kind = 'approval.waiting'
         AND payload -> 'proposal' ->> 'id' = $1 AND payload -> 'step' ->> 'name' = 'CFO'`,
      [first.id],
    );
    expect(announced.rows[0].n).toBe(1);
    // Rejecting the later half leaves the earlier one held: the CFO decides it on its own.
    const secondAfterBob = ok(await moveProposal(server, t.bob, second, 'approve'), 'approve later');
    ok(await moveProposal(server, t.cfo, secondAfterBob, 'reject', { comment: 'too much' }), 'reject later');
    expect((await read(first)).state).toBe('submitted');
    const approved = ok(await moveProposal(server, t.cfo, held, 'approve'), 'cfo');
    expect(approved.state).toBe('approved');
    expect(ok(await moveProposal(server, t.owner, approved, 'apply'), 'apply').state).toBe('applied');
  });

  test('a reader of only another cost centre of the held half is not told which proposal held it', async () => {
    const alice = await server.token('alice', 'analyst', ['CC1', 'CC2'], { email: 'alice@corp.example' });
    const bob = await server.token('bob', 'approver', ['CC1', 'CC2']);
    const viewer = await server.token('vera', 'viewer', ['CC2']);
    const from = FROM[5];
    const across = [
      { costCentre: 'CC1', account: from, period: '2026-03', before: 100_000, after: 50_001 },
      { costCentre: 'CC2', account: to(from, 9), period: '2026-03', before: 0, after: 49_999 },
    ];
    const draft = ok(await postProposal(server, alice, { fiscalYear: 2026, reason: 'across', lines: across }), 'draft');
    const first = ok(
      await moveProposal(server, bob, ok(await moveProposal(server, alice, draft, 'submit'), 's'), 'approve'),
      'a',
    );
    const second = await submitted(move('CC1', from, to(from, 8), '2026-04', 49_999));
    const seen = ok(await server.as(viewer, { method: 'GET', url: `/api/proposals/${String(first.id)}` }), 'viewer');
    expect([seen.state, steps(seen)]).toEqual(['submitted', ['Cost-centre approver:approved', 'CFO:pending']]);
    expect(seen.chain[1].addedFor).toMatchObject({ amountTogether: 99_998, together: [], hidden: 1 });
    expect(JSON.stringify(seen)).not.toContain(String(second.id));
  });

  test('two people each moving half of a line keep their own steps; the approver is told, with a count and a total', async () => {
    const dan = await server.token('dan', 'analyst', ['CC1'], { email: 'dan@corp.example' });
    const from = FROM[6];
    const [a, b] = halves(from);
    const mine = await submitted(a);
    const draft = ok(await postProposal(server, dan, { fiscalYear: 2026, reason: 'mine too', lines: b }), 'draft');
    const dans = ok(await moveProposal(server, dan, draft, 'submit'), 'submit');
    // Another author: no step is added to either (two people are not presumed to be one move).
    expect([steps(dans), steps(await read(mine))]).toEqual([
      ['Cost-centre approver:pending'],
      ['Cost-centre approver:pending'],
    ]);
    const approved = ok(await moveProposal(server, t.bob, dans, 'approve'), 'approve');
    expect(approved.state).toBe('approved');
    expect(approved.warnings).toEqual([
      {
        code: 'SPLIT_BY_OTHERS',
        message:
          "Other people's proposals move the same budget lines in fiscal year 2026: 1 of them; with this one 99,998 is " +
          'moved, which reaches CFO (from 50,000), a step this proposal does not go through. Each was decided on its ' +
          "own (the split rule relates one person's moves); look at the cost centre's proposals if they are one move.",
        count: 1,
        amountTogether: 99_998,
      },
    ]);
    expect(JSON.stringify(approved.warnings)).not.toContain(String(mine.id));
    // The same author's halves are the split rule's (a step, not a notice); under the step, no notice.
    const small = await submitted(move('CC1', FROM[3], to(FROM[3], 7), '2026-05', 100));
    expect(ok(await moveProposal(server, t.bob, small, 'approve'), 'approve').warnings).toBeUndefined();
  });

  test('an applied earlier half is not touched; the later half names it applied', async () => {
    const [a, b] = halves(FROM[2]);
    const approved = ok(await moveProposal(server, t.bob, await submitted(a), 'approve'), 'approve');
    const applied = ok(await moveProposal(server, t.owner, approved, 'apply'), 'apply');
    const second = await submitted(b);
    expect(second.chain[1].addedFor.together).toEqual([
      { id: applied.id, amount: 49_999, state: 'applied', costCentres: ['CC1'] },
    ]);
    const now = await read(applied);
    expect([now.state, now.version, steps(now)]).toEqual([
      'applied',
      applied.version,
      ['Cost-centre approver:approved'],
    ]);
  });

  test('under the step together, or with the step already on its chain, the earlier half is as it was', async () => {
    const first = await submitted(move('CC1', FROM[3], to(FROM[3], 9), '2026-03', 20_000));
    await submitted(move('CC1', FROM[3], to(FROM[3], 8), '2026-04', 20_000));
    expect([(await read(first)).version, steps(await read(first))]).toEqual([
      first.version,
      ['Cost-centre approver:pending'],
    ]);
    // Its own amount reached the CFO already: a third part adds nothing.
    const big = await submitted(move('CC1', FROM[4], to(FROM[4], 9), '2026-03', 60_000));
    await submitted(move('CC1', FROM[4], to(FROM[4], 8), '2026-04', 1_000));
    expect((await read(big)).version).toBe(big.version);
  });

  test('race: the later half submitted while the earlier one’s last step is approved: never approved without the CFO', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b] = halves(RACE('1', round));
      const first = await submitted(a);
      const draft = ok(await postProposal(server, t.alice, { fiscalYear: 2026, reason: 'race', lines: b }), 'draft');
      const [approval, submit] = await Promise.all([
        moveProposal(server, t.bob, first, 'approve'),
        moveProposal(server, t.alice, draft, 'submit'),
      ]);
      expect(submit.statusCode).toBe(200);
      const now = await read(first);
      // Either order ends the same: the earlier half waits for the CFO (approved by Bob, or still his).
      expect([round, now.state, steps(now).at(-1)]).toEqual([round, 'submitted', expect.stringMatching(/^CFO:/)]);
      if (approval.statusCode === 200) expect(steps(now)).toEqual(['Cost-centre approver:approved', 'CFO:pending']);
      else expect([approval.statusCode, steps(now)]).toEqual([409, ['Cost-centre approver:pending', 'CFO:waiting']]);
    }
  });

  test('race: the later half submitted while the approved earlier one is applied: applied only if the later saw it so', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const [a, b] = halves(RACE('2', round));
      const first = ok(await moveProposal(server, t.bob, await submitted(a), 'approve'), 'approve');
      const draft = ok(await postProposal(server, t.alice, { fiscalYear: 2026, reason: 'race', lines: b }), 'draft');
      const [apply, submit] = await Promise.all([
        moveProposal(server, t.owner, first, 'apply'),
        moveProposal(server, t.alice, draft, 'submit'),
      ]);
      expect(submit.statusCode).toBe(200);
      const seen = (submit.json().chain[1].addedFor.together as Json[])[0].state;
      const now = await read(first);
      if (apply.statusCode === 200)
        expect([round, now.state, seen, steps(now)]).toEqual([
          round,
          'applied',
          'applied',
          ['Cost-centre approver:approved'],
        ]);
      else
        expect([round, apply.statusCode, now.state, seen, steps(now)]).toEqual([
          round,
          409,
          'submitted',
          'submitted',
          ['Cost-centre approver:approved', 'CFO:pending'],
        ]);
      // No budget version was written for it unless it was applied.
      const versions = await server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM budget_versions WHERE proposal_id = $1',
        [first.id],
      );
      expect(versions.rows[0].n).toBe(apply.statusCode === 200 ? 1 : 0);
    }
  });
});
