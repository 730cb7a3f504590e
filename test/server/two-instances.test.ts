import { deliverDue } from '../../server/notify/background';
import { setApprovalChain, TWO_STEP_CHAIN } from './fixtures';
import {
  countRows,
  describeIfPg,
  moveProposal,
  postProposal,
  postVersion,
  startTestServer,
  type TestServer,
  type Json,
} from './helpers';
import { newVersion } from '../model/sample-version';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(180_000);

/**
 * Two server instances on one PostgreSQL (what a team that outgrows one machine runs): nothing
 * that matters lives in a process, so outbox delivery, approvals, imports and version numbers stay
 * correct when both take the same work at the same moment.
 */
describeIfPg('two server instances on one PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  let receiver: Receiver;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    // 40 flag announcements in one cost centre's window (notify/flag-window.ts holds back beyond 10).
    const overrides = { flagAnnouncedPerWindow: 40 };
    a = await startTestServer({ prefix: 'two', overrides });
    b = await startTestServer({ schema: a.schema, issuer: a.issuer, overrides });
    receiver = await startReceiver();
    tokens.root = await a.token('root', 'admin', '*');
    tokens.alice = await a.token('alice', ['analyst', 'budget_owner'], ['CC1']);
    tokens.owen = await a.token('owen', 'budget_owner', ['CC1']);
    tokens.bob = await a.token('bob', 'approver', ['CC1']);
    tokens.bea = await a.token('bea', 'approver', ['CC1']);
    tokens.carol = await a.token('carol', 'controller', '*');
    tokens.cal = await a.token('cal', 'controller', '*');
    await setApprovalChain(a, tokens.root, TWO_STEP_CHAIN);
  });
  afterAll(async () => {
    await receiver.close();
    await b.close();
    await a.close();
  });

  const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort();

  test('each outbox delivery is sent once while both instances deliver side by side', async () => {
    const hook = await a.as(tokens.root, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: receiver.url, format: 'generic', events: ['flag.raised'] },
    });
    expect(hook.statusCode).toBe(201);
    const flags = Array.from({ length: 40 }, (_, i) => ({
      flagId: `flag:P${i}@1`,
      kind: 'overspend',
      severity: 0.9,
      amount: i,
    }));
    // Eight reports of five: a report announces at most five flags one by one (ANNOUNCED_PER_REPORT).
    for (let from = 0; from < 40; from += 5) {
      const reported = await b.as(tokens.alice, {
        method: 'POST',
        url: '/api/flags',
        payload: { costCentre: 'CC1', flags: flags.slice(from, from + 5) },
      });
      expect(reported.json().raised).toHaveLength(5);
    }
    const settings = { ...a.config, webhookMaxAttempts: 3 };
    let sent = 0;
    for (let round = 0; round < 10 && sent < 40; round += 1) {
      const [fromA, fromB] = await Promise.all([
        deliverDue(a.db, settings, 'instance-a'),
        deliverDue(b.db, settings, 'instance-b'),
      ]);
      sent += fromA + fromB;
    }
    expect(sent).toBe(40);
    const keys = receiver.received.map((r) => r.key);
    expect(keys).toHaveLength(40);
    expect(new Set(keys).size).toBe(40);
    const states = await a
      .owner()
      .query<{ state: string; attempts: number; n: number }>(
        'SELECT state, attempts, count(*)::int AS n FROM webhook_deliveries GROUP BY state, attempts',
      );
    expect(states.rows).toEqual([{ state: 'delivered', attempts: 1, n: 40 }]);
  });

  async function approvedProposal(account: string): Promise<Json> {
    const created = await postProposal(a, tokens.alice, {
      fiscalYear: 2027,
      lines: [
        { costCentre: 'CC1', account, period: '2027-01', before: 0, after: -300 },
        { costCentre: 'CC1', account: `${account}B`, period: '2027-01', before: 0, after: 300 },
      ],
    });
    let p = created.json();
    for (const [who, verb] of [
      ['alice', 'submit'],
      ['bob', 'approve'],
      ['carol', 'approve'],
    ]) {
      const r = await moveProposal(a, tokens[who], p, verb);
      expect(r.statusCode).toBe(200);
      p = r.json();
    }
    return p;
  }

  test('two approvers of one step on two instances at once: one decides, the other is refused', async () => {
    const created = await postProposal(a, tokens.alice, {
      fiscalYear: 2027,
      lines: [{ costCentre: 'CC1', account: 'R1', period: '2027-02', before: 0, after: 9 }],
    });
    const submitted = await moveProposal(a, tokens.alice, created.json(), 'submit');
    const p = submitted.json();
    const race = await Promise.all([
      moveProposal(a, tokens.bob, p, 'approve'),
      moveProposal(b, tokens.bea, p, 'approve'),
    ]);
    // The loser finds step 1 decided: step 2 is the controller's (403), or its version is stale (409).
    const [won, lost] = statuses(race);
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const steps = await a
      .owner()
      .query<{ decided_by: string | null }>(
        'SELECT decided_by FROM proposal_steps WHERE proposal_id = $1 ORDER BY step_no',
        [p.id],
      );
    expect(steps.rows.filter((s) => s.decided_by !== null)).toHaveLength(1);
  });

  test('applying one proposal on both instances at once makes exactly one version and one audit record', async () => {
    const p = await approvedProposal('A1');
    const race = await Promise.all([
      moveProposal(a, tokens.alice, p, 'apply'),
      moveProposal(b, tokens.owen, p, 'apply'),
    ]);
    expect(statuses(race)).toEqual([200, 409]);
    const versions = await a
      .owner()
      .query<{ n: number }>('SELECT count(*)::int AS n FROM budget_versions WHERE proposal_id = $1', [p.id]);
    expect(versions.rows[0].n).toBe(1);
    const audits = await a
      .owner()
      .query<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = 'proposal.apply'",
        [p.id],
      );
    expect(audits.rows[0].n).toBe(1);
  });

  test('versions made on both instances at once get distinct consecutive numbers', async () => {
    const made = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        postVersion(
          i % 2 === 0 ? a : b,
          tokens.alice,
          newVersion(`F${i}`, [{ account: '6100', period: '2028-01', amount: i }], {
            fiscalYear: 2028,
            kind: 'forecast',
          }),
        ),
      ),
    );
    expect(made.every((r) => r.statusCode === 201)).toBe(true);
    const numbers = made.map((r) => r.json().number as number).sort((x, y) => x - y);
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  test('one batch imported on both instances at once is stored once (201 and a 200 replay)', async () => {
    const rows = Array.from({ length: 500 }, (_, i) => ({ account: `${4000 + i}`, period: '2027-01', amount: i }));
    const race = await Promise.all(
      [a, b].map((server) =>
        server.as(tokens.alice, {
          method: 'POST',
          url: '/api/actuals/imports?batchId=B-2027-01&costCentre=CC1',
          payload: { rows },
        }),
      ),
    );
    expect(statuses(race)).toEqual([200, 201]);
    expect(await countRows(a.owner(), 'actuals', "cost_centre = 'CC1' AND batch_id = 'B-2027-01'")).toBe(500);
  });

  test('the audit chain written by both instances verifies', async () => {
    const verified = await b.as(tokens.root, { method: 'GET', url: '/api/audit/verify' });
    expect(verified.json()).toMatchObject({ ok: true, protection: 'separate-roles' });
    expect(verified.json().checked).toBeGreaterThan(10);
  });
});
