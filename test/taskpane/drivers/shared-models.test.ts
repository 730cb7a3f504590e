/**
 * Driver models shared through the team server (real server, PostgreSQL), two panes each with its
 * own store and connector: bob takes alice's saved model after sync; a save made over a newer copy
 * comes back as a conflict and "mine" sends it on top; a save made offline is sent on reconnect and
 * the next save updates that copy instead of making a second.
 */
import 'fake-indexeddb/auto';
import { apiClient } from '../../../src/connector/api-client';
import { createConnector } from '../../../src/connector/connector';
import { OfflineQueue } from '../../../src/connector/offline-queue';
import type { Role } from '../../../src/model/roles';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import type { DriverRecord, ModelRecord } from '../../../src/store/schema';
import { shareModel, takeTeamModel, teamModelOf } from '../../../taskpane/drivers/shared-models';
import { DEFAULT_MODEL_ID } from '../../../taskpane/state/use-pane-data';
import { describeIfPg, useTestServer } from '../../server/helpers';

jest.setTimeout(120_000);

const DRIVERS: DriverRecord[] = [
  { id: 'd1', name: 'units', distribution: 'pert', params: { min: 80, mode: 100, max: 130 } },
  { id: 'd2', name: 'price', distribution: 'normal', params: { mean: 5, sd: 0.5 } },
  { id: 'd3', name: 'unused', distribution: 'fixed', params: { value: 1 } },
];
const MODEL: ModelRecord = {
  id: DEFAULT_MODEL_ID,
  name: 'Revenue',
  expressions: 'revenue = units * price',
  driverIds: ['d1', 'd2'],
};

test('the server body holds the model’s expression lines and only the drivers it uses', () => {
  expect(teamModelOf(MODEL, DRIVERS, 'CC1')).toEqual({
    costCentre: 'CC1',
    name: 'Revenue',
    expression: 'revenue = units * price',
    drivers: [
      { name: 'units', distribution: 'pert', params: { min: 80, mode: 100, max: 130 } },
      { name: 'price', distribution: 'normal', params: { mean: 5, sd: 0.5 } },
    ],
  });
});

describeIfPg('driver models shared through the team server', () => {
  const server = useTestServer({ prefix: 'shared_models' });
  const queues: OfflineQueue[] = [];
  afterAll(() => queues.forEach((q) => q.close()));

  async function pane(user: string, url = server.url, roles: Role[] = ['analyst']) {
    const token = await server.token(user, roles, ['CC1']);
    const clock = { now: () => 1_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, `shared-models-${user}-${queues.length}`);
    queues.push(queue);
    const connector = createConnector({ ...clock, queue });
    await connector.connect(url, async () => token);
    return { api: apiClient(connector), connector, token, repository: createMemoryRepository() };
  }

  test('bob takes alice’s saved model; a save over a newer copy is a conflict, and "mine" sends it on top', async () => {
    const alice = await pane('alice');
    const bob = await pane('bob');
    expect(await shareModel(alice.api, alice.repository, MODEL, DRIVERS, 'CC1')).toMatchObject({ sent: true });
    const linked = (await alice.repository.get('models', DEFAULT_MODEL_ID))!;
    expect(linked.team).toMatchObject({ costCentre: 'CC1', version: 1 });

    const [found] = await bob.api.listModels('CC1');
    expect(found).toMatchObject({ name: 'Revenue', createdBy: 'alice' });
    const taken = await takeTeamModel(bob.repository, found);
    expect(taken).toMatchObject({ expressions: 'revenue = units * price', team: { id: linked.team!.id, version: 1 } });
    const bobsDrivers = await bob.repository.list('drivers');
    expect(teamModelOf(taken, bobsDrivers, 'CC1')).toEqual(teamModelOf(MODEL, DRIVERS, 'CC1'));

    // Alice saves again (v2); bob's save from v1 is refused as a conflict, kept for Settings.
    await shareModel(
      alice.api,
      alice.repository,
      { ...linked, expressions: 'revenue = units * price * 1.1' },
      DRIVERS,
      'CC1',
    );
    const refused = await shareModel(
      bob.api,
      bob.repository,
      { ...taken, expressions: 'revenue = units * price * 0.9' },
      bobsDrivers,
      'CC1',
    ).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'CONNECTOR_CONFLICT' });
    const [conflict] = bob.connector.getState().conflicts;
    expect(conflict.current).toMatchObject({ version: 2, expression: 'revenue = units * price * 1.1' });
    await bob.connector.resolveConflict(conflict.seq, 'mine');
    expect(await bob.api.getModel(linked.team!.id)).toMatchObject({
      version: 3,
      expression: 'revenue = units * price * 0.9',
    });
  });

  test('a save made offline is sent on reconnect, and the next save updates that copy', async () => {
    const away = await pane('carol', 'http://127.0.0.1:9');
    const model = { ...MODEL, name: 'Offline model' };
    expect(await shareModel(away.api, away.repository, model, DRIVERS, 'CC1')).toMatchObject({ sent: false });
    await away.connector.connect(server.url, async () => away.token);
    expect(away.connector.getState()).toMatchObject({ status: 'online', queued: 0 });
    // The queued create's answer never reached the pane: the next save finds the copy by name.
    expect(
      await shareModel(away.api, away.repository, { ...model, expressions: 'x = units' }, DRIVERS, 'CC1'),
    ).toMatchObject({
      sent: true,
      body: { version: 2, expression: 'x = units' },
    });
    expect((await away.api.listModels('CC1')).filter((m) => m.name === 'Offline model')).toHaveLength(1);
  });
});
