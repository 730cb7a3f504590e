/**
 * Budget versions created through the connector's offline queue (real server, PostgreSQL), each pane
 * with its own queue: a version made offline is sent when the connection returns, on top of the
 * version it was made from; made from a version that is no longer the latest (a colleague saved one
 * meanwhile), it comes back as a conflict holding both, and "mine" saves it on top of the latest
 * while "theirs" drops it.
 */
import 'fake-indexeddb/auto';
import type { NewBudgetVersion } from '../../src/model/version';
import { describeIfPg, useTestServer } from '../server/helpers';
import { teamPane } from './team-pane';

jest.setTimeout(120_000);

const version = (name: string, amount: number): NewBudgetVersion => ({
  costCentre: 'CC1',
  fiscalYear: 2026,
  kind: 'forecast',
  name,
  lines: [
    { account: '6100', period: '2026-01', amount },
    { account: '6200', period: '2026-01', amount: 2 * amount },
  ],
});

describeIfPg('budget versions through the offline queue', () => {
  const server = useTestServer({ prefix: 'shared_versions' });
  const panes: { close: () => void }[] = [];
  afterAll(() => panes.forEach((p) => p.close()));
  const pane = async (user: string, offline = false) => {
    const made = await teamPane(server, 'versions', user, 'budget_owner', ['CC1'], { offline });
    panes.push(made);
    return made;
  };

  test('made offline, sent on reconnect; made from an older version, a conflict: mine goes on top, theirs drops it', async () => {
    const alice = await pane('alice');
    const first = await alice.api.createVersion(version('Plan', 100), 0);
    expect(first).toMatchObject({ sent: true, body: { number: 1, parentId: null, createdBy: 'alice' } });
    if (!first.sent) throw new Error('not sent');

    // Bob, offline, makes a version from v1: it waits in his queue.
    const bob = await pane('bob', true);
    expect(await bob.api.createVersion(version('Bob reforecast', 110), 1)).toEqual({
      sent: false,
      queuedKey: expect.any(String),
    });
    expect(bob.connector.getState()).toMatchObject({ status: 'offline', queued: 1 });

    // Carol, offline too, also from v1; back online first, hers is sent on top of v1.
    const carol = await pane('carol', true);
    await carol.api.createVersion(version('Carol reforecast', 120), 1);
    expect(await carol.goOnline()).toMatchObject({ status: 'online', queued: 0, conflicts: [] });
    const afterCarol = await alice.api.listVersions('CC1', 2026);
    const carols = afterCarol.find((v) => v.name === 'Carol reforecast')!;
    expect(carols).toMatchObject({ number: 2, parentId: first.body.id, createdBy: 'carol' });
    expect((await alice.api.getVersion(carols.id)).lines).toEqual(version('Carol reforecast', 120).lines);

    // Bob's, made from v1, is no longer on the latest: a conflict holding his and the latest (v2).
    expect(await bob.goOnline()).toMatchObject({ status: 'online', queued: 0 });
    const [conflict] = bob.connector.getState().conflicts;
    expect(conflict.yours).toMatchObject({ name: 'Bob reforecast' });
    expect(conflict.current).toMatchObject({ version: 2, id: carols.id, name: 'Carol reforecast', createdBy: 'carol' });
    expect((await alice.api.listVersions('CC1', 2026)).map((v) => v.name).sort()).toEqual(['Carol reforecast', 'Plan']);

    // "mine": saved on top of the latest, as v3 with v2 as its parent.
    const resolved = await bob.connector.resolveConflict(conflict.seq, 'mine');
    expect(resolved).toMatchObject({ status: 'online', queued: 0, conflicts: [] });
    const bobs = (await alice.api.listVersions('CC1', 2026)).find((v) => v.name === 'Bob reforecast')!;
    expect(bobs).toMatchObject({ number: 3, parentId: carols.id, createdBy: 'bob' });

    // Alice, still on v1, saves again: a conflict; "theirs" keeps the server's versions as they are.
    const stale = await alice.api.createVersion(version('Alice again', 130), 1).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'CONNECTOR_CONFLICT' });
    const [hers] = alice.connector.getState().conflicts;
    expect(hers.current).toMatchObject({ version: 3, id: bobs.id });
    expect(await alice.connector.resolveConflict(hers.seq, 'theirs')).toMatchObject({ queued: 0, conflicts: [] });
    expect((await alice.api.listVersions('CC1', 2026)).map((v) => v.number).sort()).toEqual([1, 2, 3]);
  });

  test('the first version of a kind is made from none ("0"); a second "first" is a conflict naming the one there', async () => {
    const dana = await pane('dana');
    expect(await dana.api.createVersion({ ...version('Budget', 5), kind: 'scenario' }, 0)).toMatchObject({
      sent: true,
      body: { number: 1 },
    });
    const again = await dana.api
      .createVersion({ ...version('Budget too', 6), kind: 'scenario' }, 0)
      .catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONNECTOR_CONFLICT' });
    expect(dana.connector.getState().conflicts[0].current).toMatchObject({ version: 1, name: 'Budget' });
    // "v5" would be number 2: refused, so an apply that makes v5 later never finds its name taken.
    const misnamed = await dana.api
      .createVersion({ ...version('v5', 6), kind: 'scenario' }, 1)
      .catch((e: unknown) => e);
    expect(misnamed).toMatchObject({
      code: 'CONNECTOR_REJECTED',
      message: expect.stringContaining(
        '"v5" would be version 2: names v1, v2, … are kept for the version of that number. Choose another name.',
      ),
    });
    // Without If-Match a version still follows the latest, as before.
    expect(await dana.api.createVersion({ ...version('Appended', 7), kind: 'scenario' })).toMatchObject({
      sent: true,
      body: { number: 2 },
    });
  });
});
