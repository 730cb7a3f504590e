import 'fake-indexeddb/auto';
import { apiClient } from '../../../src/connector/api-client';
import { createConnector } from '../../../src/connector/connector';
import { OfflineQueue } from '../../../src/connector/offline-queue';
import { flagId } from '../../../src/model/flag';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import { latest, loadReviews, NO_FILTER, recordDecision, reviewQueue } from '../../../taskpane/review/decisions';
import { sampleSheet } from '../../../taskpane/review/sample-sheet';
import { pullDecisions, shareDecision } from '../../../taskpane/review/shared-reviews';
import { scanRange } from '../../../taskpane/review/use-review';
import { describeIfPg, useTestServer } from '../../server/helpers';

jest.setTimeout(120_000);

describeIfPg('review decisions shared through the team server', () => {
  const server = useTestServer({ prefix: 'shared_reviews' });

  /** One user's pane: its own store and its own connector (own offline queue), signed in as `user`. */
  async function pane(user: string, centres: string[]) {
    const token = await server.token(user, 'analyst', centres);
    const clock = { now: () => 1_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, `shared-reviews-${user}`);
    const connector = createConnector({ ...clock, queue });
    await connector.connect(server.url, async () => token);
    return { api: apiClient(connector), repository: createMemoryRepository(), queue, connector };
  }

  test('a second user sees the first user’s dismissal after sync, and the flag leaves their queue too', async () => {
    const scan = scanRange({ address: 'Budget!A1:AC7', values: sampleSheet() });
    const flag = scan.flags[0];
    const costCentre = scan.lines.find((l) => l.id === flag.line)!.costCentre;
    const centres = [...new Set(scan.lines.map((l) => l.costCentre))];
    const alice = await pane('alice', centres);
    const bob = await pane('bob', centres);

    const decision = {
      action: 'dismiss' as const,
      comment: 'timing: paid in Q3',
      who: 'alice',
      when: '2026-03-02T09:00:00Z',
    };
    await recordDecision(alice.repository, flag, decision);
    expect(await shareDecision(alice.api, flag, costCentre, decision)).toMatchObject({
      sent: true,
      body: { flagId: flagId(flag), decision: 'dismissed', decidedBy: 'alice' },
    });

    const queueOf = async (repository: typeof bob.repository) =>
      reviewQueue(scan.flags, scan.lines, await loadReviews(repository), NO_FILTER, []).map(flagId);
    expect(await queueOf(bob.repository)).toContain(flagId(flag));
    const merged = await pullDecisions(bob.api, bob.repository, scan.flags, scan.lines);
    expect(latest(merged.get(flagId(flag)))).toMatchObject({
      action: 'dismiss',
      comment: 'timing: paid in Q3',
      who: 'alice',
      serverId: expect.any(String),
    });
    expect(await queueOf(bob.repository)).not.toContain(flagId(flag));

    // Pulling again, or alice pulling her own decision back, adds nothing: hers is matched, not doubled.
    await pullDecisions(bob.api, bob.repository, scan.flags, scan.lines);
    expect((await loadReviews(bob.repository)).get(flagId(flag))!.decisions).toHaveLength(1);
    const own = await pullDecisions(alice.api, alice.repository, scan.flags, scan.lines);
    expect(own.get(flagId(flag))!.decisions).toEqual([
      expect.objectContaining({ who: 'alice', when: '2026-03-02T09:00:00Z', serverId: expect.any(String) }),
    ]);

    // Bob escalates it again; alice sees that after her next sync, the latest decision first in line.
    const second =
      scan.flags.find((f) => f !== flag && scan.lines.find((l) => l.id === f.line)!.costCentre === costCentre) ?? flag;
    await recordDecision(bob.repository, second, {
      action: 'escalate',
      comment: '',
      who: 'bob',
      when: '2026-03-03T10:00:00Z',
    });
    await shareDecision(bob.api, second, costCentre, { action: 'escalate', comment: '' });
    const after = await pullDecisions(alice.api, alice.repository, scan.flags, scan.lines);
    expect(latest(after.get(flagId(second)))).toMatchObject({ action: 'escalate', who: 'bob' });
    alice.queue.close();
    bob.queue.close();
  });
  test('a flag dismissed at 0.3 comes back in a colleague’s queue once it worsens to 0.95; an old decision keeps today’s rule', async () => {
    const scan = scanRange({ address: 'Budget!A1:AC7', values: sampleSheet() });
    const [first, second] = scan.flags;
    const centreOf = (f: typeof first) => scan.lines.find((l) => l.id === f.line)!.costCentre;
    const centres = [...new Set(scan.lines.map((l) => l.costCentre))];
    const carol = await pane('carol', centres);
    const dan = await pane('dan', centres);

    // Carol dismisses the first flag as she sees it, at 0.3; by dan's scan it has worsened to 0.95.
    const mild = { ...first, severity: 0.3 };
    const decision = { action: 'dismiss' as const, comment: 'one-off', who: 'carol', when: '2026-03-02T09:00:00Z' };
    await recordDecision(carol.repository, mild, decision);
    expect(await shareDecision(carol.api, mild, centreOf(first), decision)).toMatchObject({
      sent: true,
      body: { severity: 0.3, amount: first.amount },
    });
    // A decision recorded before the server kept what it was made on (no severity, no variance).
    await dan.api.createReview({
      costCentre: centreOf(second),
      flagId: flagId(second),
      decision: 'dismissed',
      comment: 'old',
    });

    const worse = scan.flags.map((f) => (f === first ? { ...f, severity: 0.95 } : f));
    const before = reviewQueue(worse, scan.lines, await loadReviews(dan.repository), NO_FILTER, []).map(flagId);
    expect(before).toEqual(expect.arrayContaining([flagId(first), flagId(second)]));
    const merged = await pullDecisions(dan.api, dan.repository, worse, scan.lines);
    expect(latest(merged.get(flagId(first)))).toMatchObject({ who: 'carol', severity: 0.3, amount: first.amount });
    const queue = reviewQueue(worse, scan.lines, await loadReviews(dan.repository), NO_FILTER, []).map(flagId);
    expect(queue).toContain(flagId(first));
    // The old decision is measured against the flag as this pane sees it: hidden, as before.
    expect(latest(merged.get(flagId(second)))).toMatchObject({ severity: second.severity, amount: second.amount });
    expect(queue).not.toContain(flagId(second));
    carol.queue.close();
    dan.queue.close();
  });
});
