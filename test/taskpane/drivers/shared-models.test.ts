/**
 * Driver models shared through the team server (real server, PostgreSQL), two panes each with its
 * own store and connector: bob takes alice's saved model after sync; a save made over a newer copy
 * comes back as a conflict and "mine" sends it on top, after which the pane's link holds the new
 * version (so its next save is no conflict), or "theirs" takes the server's copy; a save made offline
 * is sent on reconnect and the next save updates that copy instead of making a second; an offline
 * change of a linked model, sent on reconnect, moves the link to the version it made.
 */
import 'fake-indexeddb/auto';
import { apiClient } from '../../../src/connector/api-client';
import { createConnector } from '../../../src/connector/connector';
import { OfflineQueue } from '../../../src/connector/offline-queue';
import type { Role } from '../../../src/model/roles';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import type { DriverRecord, ModelRecord } from '../../../src/store/schema';
import type { SentWrite } from '../../../src/connector/offline-queue';
import {
  keepSentModel,
  settleModelConflict,
  shareModel,
  takeTeamModel,
  teamModelOf,
} from '../../../taskpane/drivers/shared-models';
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
    const settled = await settleModelConflict(bob.connector, bob.api, bob.repository, conflict, 'mine');
    expect(await bob.api.getModel(linked.team!.id)).toMatchObject({
      version: 3,
      expression: 'revenue = units * price * 0.9',
    });
    // The link records the version "mine" made, so bob's next save goes on top of it, no conflict.
    expect(settled).toMatchObject({ sent: true, model: { team: { id: linked.team!.id, version: 3 } } });
    expect((await bob.repository.get('models', DEFAULT_MODEL_ID))!.team).toMatchObject({ version: 3 });
    const next = await shareModel(
      bob.api,
      bob.repository,
      { ...settled.model!, expressions: 'revenue = units * price * 0.95' },
      bobsDrivers,
      'CC1',
    );
    expect(next).toMatchObject({ sent: true, body: { version: 4, expression: 'revenue = units * price * 0.95' } });
    expect(bob.connector.getState().conflicts).toHaveLength(0);

    // Alice, still at v2, saves: a conflict; she takes theirs (bob's v4) as her model.
    const stale = await shareModel(
      alice.api,
      alice.repository,
      { ...linked, team: { ...linked.team!, version: 2 }, expressions: 'revenue = units' },
      DRIVERS,
      'CC1',
    ).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'CONNECTOR_CONFLICT' });
    const [theirs] = alice.connector.getState().conflicts;
    expect(await settleModelConflict(alice.connector, alice.api, alice.repository, theirs, 'theirs')).toMatchObject({
      sent: false,
      model: { expressions: 'revenue = units * price * 0.95', team: { id: linked.team!.id, version: 4 } },
    });
    expect(alice.connector.getState().conflicts).toHaveLength(0);
    expect(await alice.api.getModel(linked.team!.id)).toMatchObject({ version: 4 });
  });

  test('an offline change of a linked model, sent on reconnect, moves the link to the version it made', async () => {
    const dana = await pane('dana');
    await shareModel(dana.api, dana.repository, { ...MODEL, name: 'Linked' }, DRIVERS, 'CC1');
    const model = (await dana.repository.get('models', DEFAULT_MODEL_ID))!;
    expect(model.team).toMatchObject({ version: 1 });
    const kept: Promise<unknown>[] = [];
    dana.connector.onSent((sent: SentWrite) => void kept.push(keepSentModel(dana.repository, sent)));

    await dana.connector.connect('http://127.0.0.1:9', async () => dana.token);
    const changed = { ...model, expressions: 'revenue = units * price * 2' };
    await dana.repository.put('models', changed);
    expect(await shareModel(dana.api, dana.repository, changed, DRIVERS, 'CC1')).toMatchObject({ sent: false });
    await dana.connector.connect(server.url, async () => dana.token);
    await Promise.all(kept);
    expect((await dana.repository.get('models', DEFAULT_MODEL_ID))!).toMatchObject({
      expressions: 'revenue = units * price * 2',
      team: { id: model.team!.id, version: 2 },
    });
    // The next save is on top of the version the queued one made: no conflict with itself.
    const again = (await dana.repository.get('models', DEFAULT_MODEL_ID))!;
    expect(
      await shareModel(dana.api, dana.repository, { ...again, expressions: 'revenue = units' }, DRIVERS, 'CC1'),
    ).toMatchObject({ sent: true, body: { version: 3 } });
    expect(dana.connector.getState().conflicts).toHaveLength(0);
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
