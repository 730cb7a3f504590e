/**
 * FPA.BUDGET.VERSION against the real server through the pane's shared connector: a version by
 * name and by id, #N/A with a message when not connected, unreachable or unknown, and #VALUE! with
 * a message on bad arguments.
 */
import 'fake-indexeddb/auto';
import net, { type AddressInfo } from 'node:net';
import { budgetVersion } from '../../functions/budget-version';
import { createConnector, type Connector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { shareConnector, unshareConnector } from '../../src/connector/shared-connector';
import { postVersion, reviseBudget, startTestServer, type TestServer } from '../server/helpers';
import { newVersion } from '../model/sample-version';
import type { VersionLine } from '../../src/model/budget-line';
import { callAsync, expectExcelError } from './excel-range';

jest.setTimeout(120_000);

const clock = { now: () => 1_000, jitter: () => 1 };
let server: TestServer;
let token: string;
const ids: Record<string, string> = {};

async function connector(name: string, baseUrl?: string): Promise<Connector> {
  const queue = await OfflineQueue.open(clock, name);
  const c = createConnector({ ...clock, queue });
  if (baseUrl) await c.connect(baseUrl, async () => token);
  return c;
}

beforeAll(async () => {
  server = await startTestServer({ prefix: 'fnver' });
  token = await server.token('vera', 'budget_owner', ['CC1', 'CC2']);
  const make = async (costCentre: string, fiscalYear: number, name: string, lines: VersionLine[]) => {
    const created = await postVersion(server, token, newVersion(name, lines, { costCentre, fiscalYear }));
    expect(created.statusCode).toBe(201);
    ids[`${costCentre} ${fiscalYear} ${name}`] = created.json().id;
  };
  await make('CC1', 2026, 'v1', [
    { account: '6100', period: '2026-01', amount: 1000 },
    { account: '6100', period: '2026-02', amount: 1000 },
    { account: '4000', period: '2026-01', amount: 250.25 },
  ]);
  // A later budget version only through an approved proposal: the server names it v2.
  const team = { author: token, approvers: [await server.token('abe', 'approver', ['CC1'])] };
  const revise = async (fiscalYear: number, lines: Parameters<typeof reviseBudget>[4]) => {
    const applied = await reviseBudget(server, team, 'CC1', fiscalYear, lines);
    ids[`CC1 ${fiscalYear} v2`] = applied.versions[0].id;
  };
  await revise(2026, [{ account: '6100', period: '2026-01', before: 1000, after: 700 }]);
  // 2027's v2 is its second version ("v<n>" names number n on the server).
  await make('CC1', 2027, 'Plan 2027', [{ account: '6100', period: '2027-01', amount: 4 }]);
  await revise(2027, [{ account: '6100', period: '2027-01', before: 4, after: 5 }]);
  await make('CC2', 2026, 'v1', [{ account: '7000', period: '2026-03', amount: 42 }]);
});
afterAll(async () => {
  unshareConnector();
  await server.close();
});
afterEach(() => unshareConnector());

describe('FPA.BUDGET.VERSION when connected', () => {
  beforeEach(async () => shareConnector(Promise.resolve(await connector('online', server.url))));

  test('reads a version by name into an account × period grid', async () => {
    expect(await callAsync(() => budgetVersion('v1', 'CC1'))).toEqual([
      ['account', '2026-01', '2026-02'],
      ['4000', 250.25, ''],
      ['6100', 1000, 1000],
    ]);
    expect(await callAsync(() => budgetVersion([['2026 budget v2']], [['CC1']]))).toEqual([
      ['account', '2026-01', '2026-02'],
      ['4000', 250.25, ''],
      ['6100', 700, 1000],
    ]);
  });

  test('reads a version by id, with or without its cost centre', async () => {
    const id = ids['CC2 2026 v1'];
    const grid = [
      ['account', '2026-03'],
      ['7000', 42],
    ];
    expect(await callAsync(() => budgetVersion(id))).toEqual(grid);
    expect(await callAsync(() => budgetVersion(id, 'CC2'))).toEqual(grid);
    expectExcelError(await callAsync(() => budgetVersion(id, 'CC1')), '#N/A', /in cost centre CC1 \(it is CC2's\)/);
  });

  test('an unknown version is #N/A naming the versions there are', async () => {
    expectExcelError(
      await callAsync(() => budgetVersion('v9', 'CC1')),
      '#N/A',
      /no budget version "v9".*2026 budget v1/,
    );
    expectExcelError(
      await callAsync(() => budgetVersion('00000000-0000-4000-8000-000000000000')),
      '#N/A',
      /no budget version "00000000-0000-4000-8000-000000000000" on the server/,
    );
  });

  test('bad arguments are #VALUE! saying what to change', async () => {
    expectExcelError(await callAsync(() => budgetVersion('v2', 'CC1')), '#VALUE!', /names 2 versions.*2026 budget v2/);
    expectExcelError(await callAsync(() => budgetVersion('v1')), '#VALUE!', /Give cost_centre/);
    expectExcelError(await callAsync(() => budgetVersion('', 'CC1')), '#VALUE!', /name_or_id is empty/);
    expectExcelError(await callAsync(() => budgetVersion(null, 'CC1')), '#VALUE!', /name_or_id is empty/);
    expectExcelError(await callAsync(() => budgetVersion(true, 'CC1')), '#VALUE!', /name_or_id must be text/);
    expectExcelError(await callAsync(() => budgetVersion('v1', [['CC1', 'CC2']])), '#VALUE!', /cost_centre/);
  });

  test('a cost centre the token does not hold is #VALUE! with the server reason', async () => {
    expectExcelError(await callAsync(() => budgetVersion('v1', 'CC9')), '#VALUE!', /CC9|cost centre/);
  });
});

describe('FPA.BUDGET.VERSION without a connection', () => {
  test('#N/A saying to connect, before the pane made a connector and after it disconnected', async () => {
    expectExcelError(
      await callAsync(() => budgetVersion('v1', 'CC1')),
      '#N/A',
      /not connected.*Settings › Team server/,
    );
    shareConnector(Promise.resolve(await connector('never')));
    expectExcelError(await callAsync(() => budgetVersion('v1', 'CC1')), '#N/A', /not connected/);
  });

  test('#N/A saying the server cannot be reached when it went away', async () => {
    const c = await connector('gone', server.url);
    expect(c.getState().status).toBe('online');
    const probe = net.createServer();
    await new Promise<void>((done) => probe.listen(0, '127.0.0.1', done));
    const { port } = probe.address() as AddressInfo;
    await new Promise((done) => probe.close(done));
    await c.connect(`http://127.0.0.1:${port}`, async () => token);
    shareConnector(Promise.resolve(c));
    expectExcelError(await callAsync(() => budgetVersion('v1', 'CC1')), '#N/A', /cannot be reached/);
  });
});
