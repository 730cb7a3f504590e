import { deliverDue } from '../../server/notify/background';
import { closeFlagWindows } from '../../server/notify/flag-window';
import { setApprovalChain } from './fixtures';
import { moveProposal, postProposal, startTestServer, type Json, type TestResponse, type TestServer } from './helpers';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(300_000);

/** Cost-centre approver, then the CFO from 50,000 (the chain docs/server.md describes). */
const CFO_CHAIN = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48 },
  { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50000, deadlineHours: 72 },
];

const ok = (r: TestResponse, what: string): Json => {
  if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`${what}: ${r.statusCode} ${r.body}`);
  return r.json() as Json;
};

/** A move of `amount` from `from` to `to` (accounts of `costCentre`) in `period`. */
const move = (costCentre: string, from: string, to: string, period: string, amount: number) => [
  { costCentre, account: from, period, before: 100_000, after: 100_000 - amount },
  { costCentre, account: to, period, before: 0, after: amount },
];

/**
 * Seventh attack pass (2026-12-07): the two left open by the sixth (a move split under a step's
 * minAmount; many flag reports in a row), then new classes. Each test names what it found, or that it
 * held.
 */
describe('probes: seventh pass', () => {
  let server: TestServer;
  let receiver: Receiver;
  const t: Record<string, string> = {};
  beforeAll(async () => {
    server = await startTestServer({ prefix: 'prbseventh', overrides: { flagWindowMs: 60_000 } });
    receiver = await startReceiver();
    t.root = await server.token('root', 'admin', '*');
    t.alice = await server.token('alice', 'analyst', ['CC1'], { email: 'alice@corp.example' });
    t.alice2 = await server.token('alice-2', 'analyst', ['CC1'], { email: 'Alice@corp.example' });
    t.dan = await server.token('dan', 'analyst', ['CC1'], { email: 'dan@corp.example' });
    t.bob = await server.token('bob', 'approver', ['CC1', 'CC2'], { email: 'bob@corp.example' });
    t.cfo = await server.token('cleo', 'cfo', '*', { email: 'cleo@corp.example' });
    await setApprovalChain(server, t.root, CFO_CHAIN);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  /** Drafts and submits `lines` of FY `year` as `author` (submitted by `submitter`, default the author). */
  async function submitted(author: string, lines: object[], year = 2026, submitter = author): Promise<Json> {
    const draft = ok(await postProposal(server, author, { fiscalYear: year, reason: 'move', lines }), 'propose');
    return ok(await moveProposal(server, submitter, draft, 'submit'), 'submit');
  }
  const steps = (p: Json) => (p.chain as Json[]).map((s) => s.name as string);

  test('a move split in two under the CFO’s minAmount: the second half gets the CFO step, saying why, audited (found)', async () => {
    const first = await submitted(t.alice, move('CC1', '6100', '6200', '2026-03', 49_999));
    expect(steps(first)).toEqual(['Cost-centre approver']);
    // The other half: the same line 6100 in another month of the year.
    const second = await submitted(t.alice, move('CC1', '6100', '6300', '2026-04', 49_999));
    expect(steps(second)).toEqual(['Cost-centre approver', 'CFO']);
    expect(second.chain[0].addedFor).toBeNull();
    expect(second.chain[1].addedFor).toEqual({
      minAmount: 50_000,
      amount: 49_999,
      amountTogether: 99_998,
      together: [{ id: first.id, amount: 49_999, state: 'submitted' }],
    });
    // The approver's step does not end it: the CFO decides the second half.
    const afterBob = ok(await moveProposal(server, t.bob, second, 'approve'), 'approve');
    expect(afterBob.state).toBe('submitted');
    expect(ok(await moveProposal(server, t.cfo, afterBob, 'approve'), 'cfo').state).toBe('approved');
    // Why the step was added is in the audit log (proposal.submit's record).
    const audit = ok(
      await server.as(t.root, {
        method: 'GET',
        url: `/api/audit?entity=proposal&entityId=${String(second.id)}&action=proposal.submit`,
      }),
      'audit',
    ) as Json[];
    expect(audit).toHaveLength(1);
    expect(audit[0].after.chain[1]).toMatchObject({ name: 'CFO', addedFor: { amountTogether: 99_998 } });
  });

  test('the split through a second account with the same email, or a half a colleague drafted, still reaches the CFO (found)', async () => {
    const first = await submitted(t.alice, move('CC1', '6500', '6600', '2026-05', 30_000));
    expect(steps(first)).toEqual(['Cost-centre approver']);
    const byOtherAccount = await submitted(t.alice2, move('CC1', '6500', '6700', '2026-05', 30_000));
    expect(steps(byOtherAccount)).toEqual(['Cost-centre approver', 'CFO']);
    // Dan drafts, Alice submits: Alice is an author of it, so it goes with her other moves of 6500.
    const coAuthored = await submitted(t.dan, move('CC1', '6500', '6800', '2026-06', 30_000), 2026, t.alice);
    expect(steps(coAuthored)).toEqual(['Cost-centre approver', 'CFO']);
    expect((coAuthored.chain[1].addedFor.together as Json[]).map((r) => r.id).sort()).toEqual(
      [first.id, byOtherAccount.id].sort(),
    );
  });

  test('unrelated proposals keep their own steps: another author, another line, another year, a rejected one', async () => {
    await submitted(t.alice, move('CC1', '7100', '7200', '2026-03', 49_999));
    // Another author on the same line.
    expect(steps(await submitted(t.dan, move('CC1', '7100', '7300', '2026-03', 49_999)))).toEqual([
      'Cost-centre approver',
    ]);
    // The same author on other lines.
    expect(steps(await submitted(t.alice, move('CC1', '7400', '7500', '2026-03', 49_999)))).toEqual([
      'Cost-centre approver',
    ]);
    // The same author and line in another fiscal year (another budget of record).
    expect(steps(await submitted(t.alice, move('CC1', '7100', '7200', '2027-03', 49_999), 2027))).toEqual([
      'Cost-centre approver',
    ]);
    // A rejected half does not count.
    const rejected = await submitted(t.alice, move('CC1', '7600', '7700', '2026-03', 49_999));
    ok(await moveProposal(server, t.bob, rejected, 'reject', { comment: 'no' }), 'reject');
    expect(steps(await submitted(t.alice, move('CC1', '7600', '7800', '2026-03', 49_999)))).toEqual([
      'Cost-centre approver',
    ]);
  });

  test('two halves submitted at the same moment see each other: one of them gets the CFO step (held after the fix)', async () => {
    const drafts = await Promise.all(
      ['8200', '8300'].map(async (to) =>
        ok(
          await postProposal(server, t.alice, {
            fiscalYear: 2026,
            reason: 'race',
            lines: move('CC1', '8100', to, '2026-07', 40_000),
          }),
          'propose',
        ),
      ),
    );
    const both = await Promise.all(drafts.map((d) => moveProposal(server, t.alice, d, 'submit')));
    expect(both.map((r) => r.statusCode)).toEqual([200, 200]);
    expect(both.map((r) => steps(r.json()).length).sort()).toEqual([1, 2]);
  });

  describe('flag reports in a row', () => {
    const deliver = () => deliverDue(server.db, { ...server.config, webhookMaxAttempts: 3 }, 'seventh');
    const bodies = () => receiver.received.map((r) => JSON.parse(r.body) as Json);
    let n = 0;
    const report = (costCentre: string, severities: number[], token = t.writer) =>
      server.as(token, {
        method: 'POST',
        url: '/api/flags',
        payload: {
          costCentre,
          flags: severities.map((severity) => ({
            flagId: `flag:burst${(n += 1)}@1`,
            kind: 'overspend',
            severity,
            amount: 100 * n,
          })),
        },
      });

    beforeAll(async () => {
      t.writer = await server.token('wes', 'analyst', ['CC1', 'CC2', 'CC3', 'CC4', 'CC5', 'CC6', 'CC9']);
      const hook = await server.as(t.root, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: receiver.url, format: 'generic', events: ['flag.raised', 'approval.waiting'] },
      });
      ok(hook, 'webhook');
      // What the proposal tests above announced is out of the way.
      await server.owner().query("UPDATE webhook_deliveries SET state = 'dead' WHERE state = 'pending'");
    });
    beforeEach(() => {
      receiver.received.length = 0;
    });

    test('a burst of reports gives a bounded number of deliveries; the window’s summary names the most severe held flag (found)', async () => {
      // 30 reports of three new high-band flags each (90 flags); one critical flag among the held ones.
      for (let i = 0; i < 30; i += 1) {
        const r = await report('CC1', i === 20 ? [0.8, 0.99, 0.8] : [0.8, 0.81, 0.82]);
        expect(r.statusCode).toBe(201);
        expect(r.json().raised).toHaveLength(3);
      }
      while ((await deliver()) > 0);
      // Ten announcements in the window (three reports of three, then one with two counted on it).
      expect(bodies()).toHaveLength(10);
      expect(bodies().filter((b) => b.data.alsoRaised === 2)).toHaveLength(1);
      // The window closes: what it held is one more delivery.
      await server.owner().query("UPDATE flag_windows SET opened_at = opened_at - interval '2 minutes'");
      expect(await closeFlagWindows(server.db, server.config.flagWindowMs)).toBe(1);
      expect(await closeFlagWindows(server.db, server.config.flagWindowMs)).toBe(0);
      while ((await deliver()) > 0);
      const all = bodies();
      expect(all).toHaveLength(11);
      const summary = all[10].data as Json;
      expect(summary.heldBack).toMatchObject({ count: 78, reportedBy: ['wes'] });
      expect(summary.flag).toMatchObject({ severity: 0.99, costCentre: 'CC1' });
      expect(summary.alsoRaised).toBe(77);
      // A report after the window opens a new one and is announced again.
      await report('CC1', [0.9]);
      while ((await deliver()) > 0);
      expect(bodies()).toHaveLength(12);
    });

    test('another centre’s approval notice is delivered in its round, behind a burst in five centres (found)', async () => {
      for (const cc of ['CC2', 'CC3', 'CC4', 'CC5', 'CC6'])
        for (let i = 0; i < 4; i += 1) expect((await report(cc, [0.8, 0.8, 0.8, 0.8, 0.8])).statusCode).toBe(201);
      const proposal = await submitted(t.writer, move('CC9', '6100', '6200', '2026-03', 100));
      expect(await deliver()).toBe(20);
      const first = bodies();
      expect(first.filter((b) => b.type === 'approval.waiting').map((b) => b.data.proposal.id)).toEqual([proposal.id]);
      while ((await deliver()) > 0);
      // Five centres, ten announcements each, and the approval.
      expect(bodies()).toHaveLength(51);
    });
  });
});
