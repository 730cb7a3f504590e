/**
 * A critical flag is not held behind trivial ones for the rest of a window: one writer spending the
 * cost centre's announcements on trivial high-band flags (found: a 0.99 overspend then waited up to
 * an hour, for the window's summary) holds back neither a colleague's flags (each reporter has a
 * share of the window) nor their own more severe one (announced at once, `escalated`, a bounded
 * number of times). The flood stays bounded: per reporter and window, the share plus the escalations.
 */
import { closeFlagWindows } from '../../server/notify/flag-window';
import { deliverDue } from '../../server/notify/background';
import { ENGINES, startTestServer, type Json, type TestServer } from './helpers';
import { startReceiver, type Receiver } from './receiver';

jest.setTimeout(120_000);

describe.each(ENGINES)('a critical flag behind a spent window of announcements (%s)', (engine) => {
  let server: TestServer;
  let receiver: Receiver;
  const t: Record<string, string> = {};
  let n = 0;
  let centre = 0;
  const deliver = () => deliverDue(server.db, { ...server.config, webhookMaxAttempts: 3 }, 'critical');
  /** Delivers everything due and answers what the receiver got since the last call. */
  const delivered = async (): Promise<Json[]> => {
    while ((await deliver()) > 0);
    const bodies = receiver.received.map((r) => JSON.parse(r.body) as Json);
    receiver.received.length = 0;
    return bodies;
  };
  const report = async (token: string, costCentre: string, severities: number[]): Promise<string[]> => {
    const flags = severities.map((severity) => ({
      flagId: `flag:crit${(n += 1)}@1`,
      kind: 'overspend',
      severity,
      amount: 1000 + n,
    }));
    const r = await server.as(token, { method: 'POST', url: '/api/flags', payload: { costCentre, flags } });
    expect(r.statusCode).toBe(201);
    return flags.map((f) => f.flagId);
  };
  /** A cost centre of its own for each test, its window spent by Wes on ten trivial high-band flags. */
  const spentWindow = async (): Promise<string> => {
    const costCentre = `CC${(centre += 1)}`;
    for (let i = 0; i < 4; i += 1) await report(t.wes, costCentre, [0.76, 0.76, 0.76]);
    const first = await delivered();
    expect(first).toHaveLength(10);
    return costCentre;
  };

  beforeAll(async () => {
    server = await startTestServer({ engine, prefix: 'flagcrit', overrides: { flagWindowMs: 60 * 60_000 } });
    receiver = await startReceiver();
    t.root = await server.token('root', 'admin', '*');
    t.wes = await server.token('wes', 'analyst', '*');
    t.sam = await server.token('sam', 'analyst', '*');
    const hook = await server.as(t.root, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: receiver.url, format: 'generic', events: ['flag.raised'] },
    });
    expect(hook.statusCode).toBe(201);
  });
  afterAll(async () => {
    await receiver.close();
    await server.close();
  });

  test('a colleague’s critical flag goes out at once: one writer’s reports do not spend another’s share', async () => {
    const costCentre = await spentWindow();
    const [critical] = await report(t.sam, costCentre, [0.97]);
    const now = await delivered();
    expect(now.map((b) => [b.data.flag.flagId, b.data.reportedBy, b.data.escalated])).toEqual([
      [critical, 'sam', undefined],
    ]);
  });

  test('the writer’s own flag more severe than all announced to them goes out at once, marked escalated', async () => {
    const costCentre = await spentWindow();
    const [critical, trivial] = await report(t.wes, costCentre, [0.99, 0.8]);
    const now = await delivered();
    expect(now.map((b) => [b.data.flag.flagId, b.data.escalated])).toEqual([[critical, true]]);
    // As severe as the last one: held, as the trivial one of the same report was.
    await report(t.wes, costCentre, [0.99]);
    expect(await delivered()).toEqual([]);
    // The window's summary names what was held (the 0.99 after the first, and the 0.8).
    await server
      .owner()
      .query("UPDATE flag_windows SET opened_at = opened_at - interval '2 hours' WHERE cost_centre = $1", [costCentre]);
    await closeFlagWindows(server.db, server.config.flagWindowMs);
    const summary = await delivered();
    expect(summary).toHaveLength(1);
    expect(summary[0].data).toMatchObject({ heldBack: { count: 2, reportedBy: ['wes'] }, alsoRaised: 1 });
    expect(summary[0].data.flag.severity).toBe(0.99);
    expect(summary[0].data.flag.flagId).not.toBe(trivial);
  });

  test('escalations are bounded: five per reporter and window, each more severe than the last', async () => {
    const costCentre = await spentWindow();
    const climbing = [0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 1];
    for (const severity of climbing) await report(t.wes, costCentre, [severity]);
    const now = await delivered();
    expect(now.map((b) => [b.data.flag.severity, b.data.escalated])).toEqual(
      climbing.slice(0, 5).map((severity) => [severity, true]),
    );
    // A colleague still has a share of their own.
    await report(t.sam, costCentre, [0.76]);
    expect((await delivered()).map((b) => b.data.reportedBy)).toEqual(['sam']);
  });

  test('within a share nothing changes: a report announces its five most severe and counts the rest', async () => {
    const costCentre = `CC${(centre += 1)}`;
    await report(t.wes, costCentre, [0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86]);
    const now = await delivered();
    expect(now.map((b) => [b.data.flag.severity, b.data.alsoRaised, b.data.escalated])).toEqual([
      [0.86, undefined, undefined],
      [0.85, undefined, undefined],
      [0.84, undefined, undefined],
      [0.83, undefined, undefined],
      [0.82, 2, undefined],
    ]);
  });
});
