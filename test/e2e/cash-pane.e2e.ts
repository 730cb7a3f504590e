/**
 * The pane's Cash view in real Chromium against the built add-in (`?workbook=double`): a plan over 30
 * trials computed by the `cash.plan` job on the pane's worker (glpk.js's browser build started from
 * inside it), and the payables tool; what the double receives equals what the core computes in Node
 * for the same inputs.
 */
import type { Page } from 'playwright-core';
import { planCash } from '../../src/cash/jobs';
import { payablesCashTable, payablesTable } from '../../src/cash/payables-table';
import { planPayables } from '../../src/cash/payables-timing';
import { readPayables } from '../../src/sheets/payables-table';
import { glpkNodeSolver } from '../../src/solver/glpk-node';
import type { WrittenTable } from '../../taskpane/workbook/workbook-double';
import { addinPageForFile, openPanePage, screenshotPath } from './harness';

let page: Page;

const flows = [-200, 150, -300, 400, 50, -100];
const trials = Array.from({ length: 30 }, (_, s) => flows.map((f, t) => f + (((s * 37 + t * 11) % 21) - 10) * 15));
const instruments = [
  ['name', 'term', 'rate'],
  ['ON', 1, 0.001],
  ['TD2', 2, 0.004],
];
const bills = [
  ['bill', 'amount', 'due period', 'discount', 'discount by'],
  ['B1', 300, 3, 0.02, 1],
  ['B2', 200, 5, 0.03, 2],
  ['B3', 150, 6, 0.01, 4],
];

type Double = { ranges: Record<string, unknown>; sheets: string[]; tables: WrittenTable[] };
const tables = (): Promise<WrittenTable[]> =>
  page.evaluate(() => (window as unknown as { __openfpaWorkbook: Double }).__openfpaWorkbook.tables);

const addin = addinPageForFile(
  () => openPanePage('cash', 1200),
  async (opened) => {
    page = opened.page;
    await page.getByRole('heading', { name: 'Cash', exact: true }).waitFor({ timeout: 10_000 });
    await page.evaluate(
      (ranges) => Object.assign((window as unknown as { __openfpaWorkbook: Double }).__openfpaWorkbook.ranges, ranges),
      { 'Trials!A1:F30': trials, 'Cash!A5:C7': instruments, 'Bills!A1:E4': bills, 'Cash!B3:G3': [flows] },
    );
  },
);

it('computes a plan over trials on the pane’s worker and writes what the core computes', async () => {
  await page.getByLabel('Flows or trials').fill('Trials!A1:F30');
  await page.getByLabel('Instruments').fill('Cash!A5:C7');
  await page.getByLabel('Opening cash').fill('1000');
  await page.getByLabel('Minimum cash').fill('200');
  await page.getByLabel('Alpha').fill('0.1');
  await page.getByRole('button', { name: 'Run and write to a sheet' }).click();
  const done = await page.getByTestId('cash-done').textContent({ timeout: 60_000 });
  expect(done).toMatch(/\(mean of 30 trials\)/);
  await page.screenshot({ path: screenshotPath('cash-pane-plan'), fullPage: true });
  // The pane's worker is still alive (a worker that fails is dropped and its jobs run on the page);
  // glpk.js's own worker is the one from a blob URL.
  expect(page.workers().some((w) => !w.url().startsWith('blob:'))).toBe(true);
  const core = await planCash(
    {
      trials,
      openingCash: 1000,
      minCash: 200,
      instruments: [
        { name: 'ON', term: 1, rate: 0.001 },
        { name: 'TD2', term: 2, rate: 0.004 },
      ],
      risk: { measure: 'cvar', alpha: 0.1, limit: 0 },
    },
    glpkNodeSolver,
  );
  const written = await tables();
  expect(written.map((t) => t.rows.length)).toEqual(
    [core.schedule, core.buffer, core.risk, core.cashBands].map((t) => t!.length),
  );
  const totals = (rows: unknown[][]) => rows[rows.length - 1][rows[0].length - 1] as number;
  expect(totals(written[0].rows)).toBeCloseTo(totals(core.schedule), 6);
  expect(written[2].rows).toEqual(core.risk);
  expect(addin.problems).toEqual([]);
}, 120_000);

it('plans payables and writes the decisions and the closing cash', async () => {
  await page.getByLabel('Bills').fill('Bills!A1:E4');
  await page.getByLabel('Other flows').fill('Cash!B3:G3');
  await page.getByLabel('Floor').fill('100');
  await page.getByRole('button', { name: 'Plan payables' }).click();
  await page.getByTestId('payables-done').waitFor({ timeout: 60_000 });
  await page.screenshot({ path: screenshotPath('cash-pane-payables'), fullPage: true });
  const invoices = readPayables(bills.slice(1), 6);
  const plan = await planPayables({ openingCash: 1000, flows, floor: 100, invoices }, glpkNodeSolver);
  const written = await tables();
  expect(written.slice(-2).map((t) => t.rows)).toEqual([payablesTable(invoices, plan), payablesCashTable(plan)]);
  expect(addin.problems).toEqual([]);
}, 120_000);
