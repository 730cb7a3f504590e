import { announceSteps, deliverDue } from '../../server/notify/background';
import { closeFlagWindows } from '../../server/notify/flag-window';
import { CFO_CHAIN, move, ok, proposalAudit, setApprovalChain } from './fixtures';
import { newVersion } from '../model/sample-version';
import { moveProposal, postProposal, postVersion, startTestServer, type Json, type TestServer } from './helpers';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(300_000);

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
    t.writer8 = await server.token('wendy', 'analyst', ['CC8']);
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
      together: [{ id: first.id, amount: 49_999, state: 'submitted', costCentres: ['CC1'] }],
    });
    // The approver's step does not end it: the CFO decides the second half.
    const afterBob = ok(await moveProposal(server, t.bob, second, 'approve'), 'approve');
    expect(afterBob.state).toBe('submitted');
    expect(ok(await moveProposal(server, t.cfo, afterBob, 'approve'), 'cfo').state).toBe('approved');
    // Why the step was added is in the audit log (proposal.submit's record).
    const audit = await proposalAudit(server, t.root, second, 'proposal.submit');
    expect(audit).toHaveLength(1);
    expect(audit[0].after.chain[1]).toMatchObject({ name: 'CFO', addedFor: { amountTogether: 99_998 } });
    // Applied and then reverted: the reversal goes through the CFO too, as the original did.
    ok(
      await postVersion(server, t.root, newVersion('v1', [{ account: '6100', period: '2026-04', amount: 100_000 }])),
      'v1',
    );
    const approved = ok(await server.as(t.root, { method: 'GET', url: `/api/proposals/${String(second.id)}` }), 'read');
    const applied = ok(await moveProposal(server, t.root, approved, 'apply'), 'apply');
    const asked = ok(await moveProposal(server, t.root, applied, 'revert', { comment: 'undo' }), 'revert');
    expect(steps(asked.reversal)).toEqual(['Cost-centre approver', 'CFO']);
    expect(asked.reversal.chain[1].addedFor).toMatchObject({
      amount: 49_999,
      amountTogether: 99_998,
      together: [{ id: second.id, state: 'applied', costCentres: ['CC1'] }],
    });
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

  test('an approval’s idempotency key replayed on another proposal is a 422 and decides nothing (held)', async () => {
    const [x, y] = [
      await submitted(t.dan, move('CC1', '5100', '5200', '2026-02', 100)),
      await submitted(t.dan, move('CC1', '5300', '5400', '2026-02', 100)),
    ];
    const key = { 'idempotency-key': 'approve-once-0001' };
    const first = await server.as(t.bob, {
      method: 'POST',
      url: `/api/proposals/${String(x.id)}/approve`,
      payload: {},
      headers: { 'if-match': `"${String(x.version)}"`, ...key },
    });
    expect(first.json().state).toBe('approved');
    const replayed = await server.as(t.bob, {
      method: 'POST',
      url: `/api/proposals/${String(y.id)}/approve`,
      payload: {},
      headers: { 'if-match': `"${String(y.version)}"`, ...key },
    });
    expect(replayed.statusCode).toBe(422);
    expect(replayed.json().error.code).toBe('SERVER_IDEMPOTENCY_MISMATCH');
    const still = (await server.as(t.bob, { method: 'GET', url: `/api/proposals/${String(y.id)}` })).json();
    expect(still).toMatchObject({ state: 'submitted', version: y.version });
    expect(still.chain[0]).toMatchObject({ state: 'pending', decidedBy: null });
  });

  test('another user’s idempotency key with that user’s exact request gets no stored answer of theirs (held)', async () => {
    const body = { fiscalYear: 2026, reason: 'mine', lines: move('CC1', '5500', '5600', '2026-02', 10) };
    const headers = { 'idempotency-key': 'shared-key-0001' };
    const alices = await server.as(t.alice, { method: 'POST', url: '/api/proposals', payload: body, headers });
    expect(alices.statusCode).toBe(201);
    // Dan sends Alice's key with Alice's request: his own proposal, not hers replayed.
    const dans = await server.as(t.dan, { method: 'POST', url: '/api/proposals', payload: body, headers });
    expect(dans.statusCode).toBe(201);
    expect(dans.headers['idempotent-replayed']).toBeUndefined();
    expect(dans.json()).toMatchObject({ createdBy: 'dan' });
    expect(dans.json().id).not.toBe(alices.json().id);
    // A reader who may not propose gets 403, not Alice's stored 201.
    const viewer = await server.token('vic', 'viewer', ['CC1']);
    const refused = await server.as(viewer, { method: 'POST', url: '/api/proposals', payload: body, headers });
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain(String(alices.json().id));
  });

  test('weak ETags (W/"n") read as the version they name: no way around a stale check (held)', async () => {
    const p = ok(
      await postProposal(server, t.dan, { fiscalYear: 2026, lines: move('CC1', '5700', '5800', '2026-02', 10) }),
      'propose',
    );
    const edit = (ifMatch: string) =>
      server.as(t.dan, {
        method: 'PATCH',
        url: `/api/proposals/${String(p.id)}`,
        payload: { reason: `edit ${ifMatch}` },
        headers: { 'if-match': ifMatch },
      });
    expect((await edit('W/"1"')).statusCode).toBe(200);
    const stale = await edit('W/"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details).toMatchObject({ current: { version: 2 }, yourVersion: 1 });
    for (const odd of ['W/"2", "2"', 'w/"2"', 'W/ "2"', 'W/"2"x'])
      expect([400, 409]).toContain((await edit(odd)).statusCode);
  });

  test('a step decided after its deadline passed is never announced as passed or reminded afterwards (held)', async () => {
    const p = await submitted(t.dan, move('CC1', '5900', '5950', '2026-02', 10));
    await server
      .owner()
      .query(
        "UPDATE proposal_steps SET due_at = now() - interval '1 hour', next_reminder_at = now() - interval '1 minute' WHERE proposal_id = $1",
        [p.id],
      );
    const approved = ok(await moveProposal(server, t.bob, p, 'approve'), 'approve');
    expect(approved.state).toBe('approved');
    expect(approved.chain[0].delayMs).toBeGreaterThan(3_000_000);
    await announceSteps(server.db);
    const events = await server
      .owner()
      .query<{ kind: string }>(
        "SELECT kind FROM outbox_events WHERE payload -> 'proposal' ->> 'id' = $1 ORDER BY seq",
        [p.id],
      );
    expect(events.rows.map((e) => e.kind)).toEqual(['approval.waiting']);
  });

  test('CR/LF and chat markup in a user id never reach chat text (held)', async () => {
    const eve = await server.token('eve\r\n<!channel> <https://evil.example|Approve>', 'analyst', ['CC7']);
    const hook = ok(
      await server.as(t.root, {
        method: 'POST',
        url: '/api/webhooks',
        payload: {
          url: receiver.url,
          format: 'slack',
          events: ['flag.raised', 'approval.waiting'],
          costCentres: ['CC7'],
        },
      }),
      'hook',
    );
    const reported = await server.as(eve, {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC7', flags: [{ flagId: 'flag:eve@1', kind: 'overspend', severity: 0.9, amount: 5 }] },
    });
    expect(reported.statusCode).toBe(201);
    await submitted(eve, move('CC7', '6100', '6200', '2026-02', 10));
    receiver.received.length = 0;
    const settings = { ...server.config, webhookMaxAttempts: 3 };
    while ((await deliverDue(server.db, settings, 'seventh')) > 0);
    const texts = receiver.received.map((r) => String((JSON.parse(r.body) as Json).text));
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).not.toMatch(/[\r\n]|<!channel>|evil\.example/);
    await server.as(t.root, {
      method: 'PATCH',
      url: `/api/webhooks/${String(hook.id)}`,
      payload: { active: false },
      headers: { 'if-match': `"${String(hook.version)}"` },
    });
  });

  test('a webhook naming an event or a cost centre twice gets each event once (held)', async () => {
    const hook = (events: string[], costCentres: string[]) =>
      server.as(t.root, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: receiver.url, format: 'generic', events, costCentres },
      });
    expect((await hook(['flag.raised', 'flag.raised'], ['CC8'])).statusCode).toBe(400);
    const twice = await hook(['flag.raised'], ['CC8', 'CC8']);
    expect(twice.statusCode).toBe(201);
    const reported = await server.as(t.writer8, {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC8', flags: [{ flagId: 'flag:dup@1', kind: 'overspend', severity: 0.9, amount: 5 }] },
    });
    expect(reported.statusCode).toBe(201);
    const found = await server
      .owner()
      .query<{ n: number }>('SELECT count(*)::int AS n FROM webhook_deliveries WHERE webhook_id = $1', [
        twice.json().id,
      ]);
    expect(found.rows[0].n).toBe(1);
  });

  test('cursors that are no cursor (negative, huge, another list’s) are a 400 before any read; limit stays 1..500 (held)', async () => {
    const list = (query: string) => server.as(t.dan, { method: 'GET', url: `/api/proposals?costCentre=CC1&${query}` });
    for (const cursor of ['-1', '0', '9'.repeat(400), 'A'.repeat(10_000), '%00', '..%2F'])
      expect((await list(`cursor=${cursor}`)).statusCode).toBe(400);
    const page = await list('limit=1');
    const cursor = page.headers['x-next-cursor'];
    expect(cursor).toBeTruthy();
    expect((await list(`limit=500&cursor=${cursor}`)).statusCode).toBe(200);
    const other = await server.as(t.dan, { method: 'GET', url: `/api/flags?costCentre=CC1&cursor=${cursor}` });
    expect(other.json().error.code).toBe('SERVER_BAD_CURSOR');
    for (const limit of ['-1', '0', '501', '1e3', '99999999999999999999'])
      expect((await list(`limit=${limit}`)).statusCode).toBe(400);
  });

  test('six forecasts raced from one base (If-Match "0"): one is made, five are told of it (held)', async () => {
    const made = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        server.as(t.dan, {
          method: 'POST',
          url: '/api/versions',
          payload: newVersion(`race ${i}`, [{ account: '4000', period: '2026-01', amount: i }], { kind: 'forecast' }),
          headers: { 'if-match': '"0"' },
        }),
      ),
    );
    expect(made.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409]);
    const winner = made.find((r) => r.statusCode === 201)!.json();
    for (const lost of made.filter((r) => r.statusCode === 409))
      expect(lost.json().error.details.current).toMatchObject({ id: winner.id, version: 1 });
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
      // Ten announcements in the window (three reports of three, then one with two counted on it), and
      // the critical flag at once, though the window's were spent (after the eighth pass: it waited
      // for the summary, up to an hour; test/server/flag-window-critical.test.ts).
      expect(bodies()).toHaveLength(11);
      expect(bodies().filter((b) => b.data.alsoRaised === 2)).toHaveLength(1);
      expect(bodies()[10].data).toMatchObject({ flag: { severity: 0.99 }, escalated: true });
      // The window closes: what it held is one more delivery.
      await server.owner().query("UPDATE flag_windows SET opened_at = opened_at - interval '2 minutes'");
      expect(await closeFlagWindows(server.db, server.config.flagWindowMs)).toBe(1);
      expect(await closeFlagWindows(server.db, server.config.flagWindowMs)).toBe(0);
      while ((await deliver()) > 0);
      const all = bodies();
      expect(all).toHaveLength(12);
      const summary = all[11].data as Json;
      expect(summary.heldBack).toMatchObject({ count: 77, reportedBy: ['wes'] });
      expect(summary.flag).toMatchObject({ severity: 0.82, costCentre: 'CC1' });
      expect(summary.alsoRaised).toBe(76);
      // A report after the window opens a new one and is announced again.
      await report('CC1', [0.9]);
      while ((await deliver()) > 0);
      expect(bodies()).toHaveLength(13);
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
