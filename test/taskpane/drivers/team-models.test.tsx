/**
 * The Drivers view signed in to a team server: the pane's real connector and offline queue in front
 * of a fake of the server's model routes (versions, If-Match, 409 with the current copy). Saving
 * shares the model, the view lists the team's models and takes one, a stale save shows both
 * versions and "Keep mine" leaves the link on the version it made (the next save is no conflict),
 * "Take theirs" takes the server's copy, and offline a save waits in the queue until the server is back.
 */
import { deserialize, serialize } from 'node:v8';
import 'fake-indexeddb/auto';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createConnector, OfflineQueue, type Connector } from '../../../src/connector';
import type { DriverModel } from '../../../src/model/driver';
import { createMemoryRepository } from '../../../src/store/memory-repository';
import type { Repository } from '../../../src/store/repository';
import { DEFAULT_MODEL_ID } from '../../../taskpane/state/use-pane-data';
import { renderPane } from '../render-pane';

const WAIT = { timeout: 10000 };

// jsdom has no structuredClone, which the IndexedDB double needs for the connector's queue: Node's own.
(globalThis as { structuredClone?: (value: unknown) => unknown }).structuredClone ??= (value) =>
  deserialize(serialize(value));

/** A fake team server holding driver models: enough of `/api/models` for the connector. */
function fakeModelServer() {
  const models = new Map<string, DriverModel & { createdBy: string }>();
  const server = { online: true, models, writes: [] as { method: string; url: string; ifMatch?: string }[] };
  const answer = (status: number, body: unknown, version?: number) => ({
    ok: status < 300,
    status,
    text: async () => JSON.stringify(body),
    headers: { get: (name: string) => (name === 'etag' && version !== undefined ? `"${version}"` : null) },
  });
  const fetch = (async (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => {
    if (!server.online) throw new TypeError('fetch failed');
    const { pathname, searchParams } = new URL(url);
    if (pathname === '/ready') return answer(200, { status: 'ready' });
    if (pathname === '/api/me') return answer(200, { id: 'ann', roles: ['analyst'], costCentres: ['CC1', 'CC2'] });
    if (init.method === 'GET' && pathname === '/api/models')
      return answer(
        200,
        [...models.values()].filter((m) => m.costCentre === searchParams.get('costCentre')),
      );
    const id = pathname.split('/')[3];
    if (init.method === 'GET') return answer(200, models.get(id));
    server.writes.push({ method: init.method, url: pathname, ifMatch: init.headers['if-match'] });
    const body = JSON.parse(init.body ?? '{}') as DriverModel;
    if (init.method === 'POST') {
      const made = { ...body, id: `m${models.size + 1}`, version: 1, createdBy: 'ann' };
      models.set(made.id, made);
      return answer(201, made, 1);
    }
    const current = models.get(id)!;
    if (init.headers['if-match'] !== `"${current.version}"`)
      return answer(409, {
        error: { code: 'SERVER_VERSION_CONFLICT', message: 'The model changed since.', details: { current } },
      });
    const saved = { ...current, ...body, version: current.version + 1 };
    models.set(id, saved);
    return answer(200, saved, saved.version);
  }) as unknown as typeof globalThis.fetch;
  /** A colleague's save: the stored copy moves on. */
  const colleagueSaves = (id: string, expression: string) => {
    const current = models.get(id)!;
    models.set(id, { ...current, expression, version: current.version + 1, createdBy: 'bob' });
  };
  return { server, fetch, colleagueSaves };
}

let queues = 0;
async function paneWith(fake: ReturnType<typeof fakeModelServer>, repository: Repository) {
  const clock = { now: () => 1_000, jitter: () => 0 };
  const queue = await OfflineQueue.open(clock, `team-models-${++queues}`);
  let keys = 0;
  const connector = createConnector({ ...clock, queue, fetch: fake.fetch, newKey: () => `k${queues}-${++keys}` });
  await connector.connect('https://fpa.example.com', async () => 'token');
  await repository.put('drivers', { id: 'd1', name: 'units', distribution: 'fixed', params: { value: 10 } });
  await repository.put('models', {
    id: DEFAULT_MODEL_ID,
    name: 'Revenue',
    expressions: 'rev = units',
    driverIds: ['d1'],
  });
  renderPane(repository, { getConnector: async () => connector });
  await screen.findByRole('heading', { name: 'Team models' }, WAIT);
  return { connector: connector as Connector, queue };
}

const linkText = () => screen.getByTestId('model-link').textContent;
const click = async (name: string | RegExp, scope: HTMLElement = document.body) =>
  act(async () => fireEvent.click(within(scope).getByRole('button', { name })));

test('save shares the model; a stale save shows both versions, "Keep mine" goes on top and the next save does not conflict', async () => {
  const fake = fakeModelServer();
  const repository = createMemoryRepository();
  const { queue } = await paneWith(fake, repository);
  expect(linkText()).toBe('Not saved on https://fpa.example.com yet.');

  await click('Save to team server');
  expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
    'Saved Revenue on the team server: version 1 of CC1.',
  );
  await waitFor(() => expect(linkText()).toMatch(/^This model is version 1 of CC1's "Revenue"/), WAIT);
  // The cost centre drawn whole in both sentences, as in tables (plain text broke an id at its hyphen).
  const idsIn = (id: string) =>
    [...screen.getByTestId(id).querySelectorAll('[data-line-id]')].map((e) => e.textContent);
  expect(idsIn('model-link')).toEqual(['CC1']);
  const list = await screen.findByRole('list', { name: 'Team models' }, WAIT);
  expect(within(list).getByText('Revenue · version 1 · by ann')).toBeTruthy();

  // Bob saves a newer copy; ann's save from version 1 is a conflict showing both sides.
  fake.colleagueSaves('m1', 'rev = units * 2');
  await click('Save to team server');
  const conflict = await screen.findByRole('group', { name: 'Model conflict' }, WAIT);
  expect(within(conflict).getByRole('group', { name: 'Yours' }).textContent).toContain('rev = units');
  expect(within(conflict).getByRole('group', { name: 'On the server (version 2)' }).textContent).toContain(
    'rev = units * 2',
  );
  await click('Keep mine', conflict);
  expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
    'Your version is saved on top: version 3 on the team server.',
  );
  expect(screen.queryByRole('group', { name: 'Model conflict' })).toBeNull();
  expect(fake.server.models.get('m1')).toMatchObject({ version: 3, expression: 'rev = units' });
  expect((await repository.get('models', DEFAULT_MODEL_ID))!.team).toEqual({ id: 'm1', costCentre: 'CC1', version: 3 });

  // The next save goes on top of version 3: no conflict with ann's own save.
  await click('Save to team server');
  expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
    'Saved Revenue on the team server: version 4 of CC1.',
  );
  expect(fake.server.writes.at(-1)).toEqual({ method: 'PUT', url: '/api/models/m1', ifMatch: '"3"' });
  queue.close();
}, 60000);

test('"Take theirs" makes the server’s copy the pane’s model; a team model can be taken from the list', async () => {
  const fake = fakeModelServer();
  const repository = createMemoryRepository();
  const { queue } = await paneWith(fake, repository);
  await click('Save to team server');
  await screen.findByRole('status', {}, WAIT);
  fake.colleagueSaves('m1', 'rev = units * 3');
  await click('Save to team server');
  const conflict = await screen.findByRole('group', { name: 'Model conflict' }, WAIT);
  await click('Take theirs', conflict);
  expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
    "Took the team server's Revenue: your change was dropped.",
  );
  expect(await repository.get('models', DEFAULT_MODEL_ID)).toMatchObject({
    expressions: 'rev = units * 3',
    team: { id: 'm1', version: 2 },
  });
  await waitFor(
    () => expect(screen.getByLabelText('Model expressions')).toHaveProperty('value', 'rev = units * 3'),
    WAIT,
  );

  // A colleague's other model, listed and taken.
  fake.server.models.set('m9', {
    id: 'm9',
    costCentre: 'CC1',
    name: 'Headcount',
    expression: 'cost = heads * salary',
    drivers: [
      { name: 'heads', distribution: 'fixed', params: { value: 4 } },
      { name: 'salary', distribution: 'normal', params: { mean: 5, sd: 1 } },
    ],
    version: 5,
    createdBy: 'bob',
  });
  await click('Refresh models');
  const list = await screen.findByRole('list', { name: 'Team models' }, WAIT);
  await waitFor(() => expect(within(list).getByText('Headcount · version 5 · by bob')).toBeTruthy(), WAIT);
  // Listed by name, not in the server's creation order (Revenue was saved first).
  expect(
    within(list)
      .getAllByRole('listitem')
      .map((li) => li.textContent?.split(' · ')[0]),
  ).toEqual(['Headcount', 'Revenue']);
  await click('Use Headcount', list);
  expect((await screen.findByRole('status', {}, WAIT)).textContent).toBe(
    "Headcount (version 5, CC1) is now this pane's model; the next save updates it.",
  );
  const drivers = within(screen.getByTestId('driver-list'));
  expect(drivers.getByText('heads')).toBeTruthy();
  expect(drivers.getByText('salary')).toBeTruthy();
  queue.close();
}, 60000);

test('offline the model still works here and a save waits in the queue; back online it is sent and linked', async () => {
  const fake = fakeModelServer();
  const repository = createMemoryRepository();
  const { connector, queue } = await paneWith(fake, repository);
  fake.server.online = false;
  await click('Save to team server');
  expect((await screen.findByRole('alert', {}, WAIT)).textContent).toBe(
    'The team server cannot be reached: the save of Revenue waits in the queue and is sent when it is back (Settings › Team server).',
  );
  expect(fake.server.models.size).toBe(0);
  expect(connector.getState().queued).toBe(1);
  expect(screen.getByTestId('team-models-unread').textContent).toBe(
    "The team's models of CC1 cannot be read now: The server cannot be reached (fetch failed). This model still works here, and a save waits in the queue until the server is back.",
  );
  expect(
    [...screen.getByTestId('team-models-unread').querySelectorAll('[data-line-id]')].map((e) => e.textContent),
  ).toEqual(['CC1']);

  fake.server.online = true;
  await act(async () => void (await connector.sync({ ignoreBackoff: true })));
  // Sent from the queue: the pane's model is linked to the copy it made.
  await waitFor(() => expect(linkText()).toMatch(/^This model is version 1 of CC1's "Revenue"/), WAIT);
  expect((await repository.get('models', DEFAULT_MODEL_ID))!.team).toEqual({ id: 'm1', costCentre: 'CC1', version: 1 });
  queue.close();
}, 60000);
