/**
 * Writing a team-server budget version into the workbook (the in-memory double), through the real
 * server and connector: a new sheet per cost centre, text where Excel would otherwise turn accounts
 * and periods into numbers and dates, a later version replacing an untouched one, and the
 * stale-range check refusing (and writing nothing) when the sheet was edited since.
 */
import 'fake-indexeddb/auto';
import { apiClient, type ApiClient } from '../../src/connector/api-client';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { VERSION_SHEET_MARK } from '../../src/sheets/version-sheet';
import { AMOUNT_FORMAT, writeVersion } from '../../taskpane/versions/write-version';
import { createWorkbookDouble, type WorkbookDouble } from '../../taskpane/workbook/workbook-double';
import { postVersion, startTestServer, type TestServer } from '../server/helpers';
import { newVersion } from '../model/sample-version';
import type { VersionLine } from '../../src/model/budget-line';
import type { VersionKind } from '../../src/model/version';

jest.setTimeout(120_000);

let server: TestServer;
let api: ApiClient;
const id: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer({ prefix: 'wrver' });
  const token = await server.token('vera', 'budget_owner', ['CC1']);
  const make = async (name: string, lines: VersionLine[], kind: VersionKind = 'budget') => {
    const created = await postVersion(server, token, newVersion(name, lines, { kind }));
    expect(created.statusCode).toBe(201);
    id[name] = created.json().id;
  };
  await make('v1', [
    { account: '4000', period: '2026-01', amount: 250.25 },
    { account: '6100', period: '2026-01', amount: 1000 },
    { account: '6100', period: '2026-02', amount: 1000 },
  ]);
  // A forecast (a later budget comes only from a proposal, which keeps every line): it has no 4000.
  await make(
    'Reforecast',
    [
      { account: '6100', period: '2026-01', amount: 700 },
      { account: '6100', period: '2026-02', amount: 1000 },
    ],
    'forecast',
  );
  const clock = { now: () => 1, jitter: () => 1 };
  const connector = createConnector({ ...clock, queue: await OfflineQueue.open(clock, 'write-version') });
  await connector.connect(server.url, async () => token);
  api = apiClient(connector);
});
afterAll(() => server.close());

/** The sheet's cells as a grid from A1 (what readWorkbookState gives the pane). */
async function sheet(workbook: WorkbookDouble, name = 'Budget CC1'): Promise<unknown[][]> {
  const state = await workbook.readWorkbookState([name]);
  return (state.sheets.get(name)?.cells ?? []).map((r) => [...r]);
}

test('writes a version into a new sheet of its cost centre: names, accounts and periods as text', async () => {
  const workbook = createWorkbookDouble();
  const done = await writeVersion(workbook, api, id.v1);
  expect(done).toMatchObject({ sheet: 'Budget CC1', address: 'A1:F4', replaced: null });
  expect(workbook.sheets).toContain('Budget CC1');
  expect((await sheet(workbook)).map((r) => r.slice(0, 3))).toEqual([
    [VERSION_SHEET_MARK, 'v1', 'budget'],
    ['account', '2026-01', '2026-02'],
    ['4000', 250.25, null],
    ['6100', 1000, 1000],
  ]);
  expect((await sheet(workbook))[0].slice(3)).toEqual(['2026', 'CC1', id.v1]);
  expect(workbook.store.sheets.get('Budget CC1')!.formats.get('B3:F4')).toBe(AMOUNT_FORMAT);
});

test('a later version replaces an untouched one, clearing what it no longer has', async () => {
  const workbook = createWorkbookDouble();
  await writeVersion(workbook, api, id.v1);
  const done = await writeVersion(workbook, api, id.Reforecast);
  expect(done.replaced).toBe('v1');
  const cells = await sheet(workbook);
  expect(cells[0].slice(1, 3)).toEqual(['Reforecast', 'forecast']);
  expect(cells[0][5]).toBe(id.Reforecast);
  expect(cells.slice(1).map((r) => r.slice(0, 3))).toEqual([
    ['account', '2026-01', '2026-02'],
    ['6100', 700, 1000],
  ]);
  // Writing the same version again over itself is allowed while nobody edited it.
  await expect(writeVersion(workbook, api, id.Reforecast)).resolves.toMatchObject({ replaced: 'Reforecast' });
});

test('refuses, naming the cells, when the sheet was edited since; writes nothing', async () => {
  const workbook = createWorkbookDouble();
  await writeVersion(workbook, api, id.Reforecast);
  await workbook.applyWrites([
    { op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[650]] },
    { op: 'cells', sheet: 'Budget CC1', address: 'A6', cells: [['my note']] },
  ]);
  const before = await sheet(workbook);
  await expect(writeVersion(workbook, api, id.v1)).rejects.toThrow(
    'The sheet "Budget CC1" changed since Reforecast was written there: 6100 2026-01 (B3) was 700, now 650; A6 was blank, now my note.',
  );
  expect(await sheet(workbook)).toEqual(before);
});

test.each([
  ['en-US', '700, now 1,650.5'],
  ['de-DE', '700, now 1.650,5'],
  ['fr-FR', '700, now 1\u202f650,5'],
])('the refusal writes the changed amounts in the pane’s number style (%s)', async (locale, amounts) => {
  const workbook = createWorkbookDouble();
  await writeVersion(workbook, api, id.Reforecast);
  await workbook.applyWrites([{ op: 'cells', sheet: 'Budget CC1', address: 'B3', cells: [[1650.5]] }]);
  await expect(writeVersion(workbook, api, id.v1, { locale, minus: 'true' })).rejects.toThrow(
    `changed since Reforecast was written there: 6100 2026-01 (B3) was ${amounts}.`,
  );
});

test('refuses a sheet of that name holding data OpenFPA did not write', async () => {
  const workbook = createWorkbookDouble();
  await workbook.applyWrites([
    { op: 'sheet', sheet: 'Budget CC1' },
    { op: 'cells', sheet: 'Budget CC1', address: 'A1', cells: [['my own budget']] },
  ]);
  await expect(writeVersion(workbook, api, id.v1)).rejects.toThrow(/holds data OpenFPA did not write there/);
  expect(await sheet(workbook)).toEqual([['my own budget']]);
});
