/**
 * Actuals from the team server into the template's Actuals table: against a fake of the documented
 * GET /api/actuals (what is asked, what is loaded, what is left out, nothing written on a failure),
 * and against the real server (imported with POST /api/actuals/imports, then pulled through the
 * connector) when PostgreSQL is available.
 */
import 'fake-indexeddb/auto';
import { apiClient } from '../../../src/connector/api-client';
import { createConnector } from '../../../src/connector/connector';
import { OfflineQueue } from '../../../src/connector/offline-queue';
import type { VersionLine } from '../../../src/model/budget-line';
import { hierarchyFromList, monthSequence } from '../../../src/sheets/template';
import type { TemplateSpec } from '../../../src/sheets/template';
import { applyTemplate, previewTemplate } from '../../../taskpane/templates/budget-workbook';
import { loadServerActuals } from '../../../taskpane/templates/server-actuals';
import { blockOf } from '../../../taskpane/workbook/double-sheets';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import type { WorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import { describeIfPg, useTestServer } from '../../server/helpers';

const spec: TemplateSpec = {
  hierarchy: hierarchyFromList(['CC1', 'CC2']),
  accounts: ['4000', '5000'],
  months: monthSequence('2026-01', 12),
  forecastFrom: '2026-04',
};

async function templated(): Promise<WorkbookDouble> {
  const wb = createWorkbookDouble();
  await applyTemplate(wb, await previewTemplate(wb, spec));
  return wb;
}

/** Actuals rows F5:H8 (2026-01 … 2026-03) of CC1/4000, CC1/5000, CC2/4000, CC2/5000. */
const closedMonths = (wb: WorkbookDouble) => blockOf(wb.store.sheets.get('Actuals')!, 'F5:H8');

/** What both sources below give: CC1/4000 2026-01 and -02, CC2/5000 2026-03. */
const LOADED = [
  [100, 110, null],
  [null, null, null],
  [null, null, null],
  [null, null, 250],
];

describe('loadServerActuals against a fake of GET /api/actuals', () => {
  const server: Record<string, VersionLine[]> = {
    CC1: [
      { account: '4000', period: '2026-01', amount: 100 },
      { account: '4000', period: '2026-02', amount: 110 },
      { account: '9999', period: '2026-01', amount: 7 }, // not a template account
    ],
    CC2: [{ account: '5000', period: '2026-03', amount: 250 }],
  };

  test('asks for each cost centre over the closed months, loads what matches, counts what it left out', async () => {
    const wb = await templated();
    const asked: string[] = [];
    const loaded = await loadServerActuals(wb, {
      listActuals: async (cc, from, to) => (asked.push(`${cc} ${from}..${to}`), server[cc] ?? []),
    });
    expect(asked).toEqual(['CC1 2026-01..2026-03', 'CC2 2026-01..2026-03']);
    expect(loaded).toMatchObject({ count: 3, skipped: { amounts: 1, accounts: ['9999'] } });
    expect(closedMonths(wb)).toEqual(LOADED);
  });

  test('a cost centre the server refuses: the message names it and nothing is written', async () => {
    const wb = await templated();
    const source = {
      listActuals: async (cc: string) => {
        if (cc === 'CC2') throw new Error('403 You may not read cost centre CC2.');
        return server[cc];
      },
    };
    await expect(loadServerActuals(wb, source)).rejects.toThrow(
      'The team server did not give the actuals of CC2: 403 You may not read cost centre CC2.',
    );
    expect(
      closedMonths(wb)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
  });

  test('no template: refused before asking the server', async () => {
    const never = { listActuals: async () => Promise.reject(new Error('must not be called')) };
    await expect(loadServerActuals(createWorkbookDouble(), never)).rejects.toThrow('no budget template');
  });
});

jest.setTimeout(120_000);

describeIfPg('loadServerActuals against the real server, through the connector', () => {
  const server = useTestServer({ prefix: 'pane_actuals' });

  test('imported actuals come back summed by account and month into the Actuals table', async () => {
    const token = await server.token('ana', 'analyst', ['CC1', 'CC2']);
    const clock = { now: () => 1_000, jitter: () => 0 };
    const queue = await OfflineQueue.open(clock, 'pane-actuals');
    let keys = 0;
    const connector = createConnector({ ...clock, queue, newKey: () => `pane-actuals-${++keys}-abcdef` });
    await connector.connect(server.url, async () => token);
    const api = apiClient(connector);
    // Two batches for CC1 (2026-01 is booked twice: the server sums), one for CC2 with a forecast month.
    await api.importActuals('b1', 'CC1', 'account,period,amount\n4000,2026-01,60\n4000,2026-02,110\n9999,2026-01,7\n');
    await api.importActuals('b2', 'CC1', [{ account: '4000', period: '2026-01', amount: 40 }]);
    await api.importActuals('b3', 'CC2', 'account,period,amount\n5000,2026-03,250\n5000,2026-05,999\n');
    const wb = await templated();
    const loaded = await loadServerActuals(wb, api);
    expect(loaded).toMatchObject({ count: 3, skipped: { amounts: 1, accounts: ['9999'] } });
    expect(closedMonths(wb)).toEqual(LOADED);
    expect(blockOf(wb.store.sheets.get('Actuals')!, 'J8')).toEqual([[null]]); // 2026-05 is a forecast month
    queue.close();
  });
});
