/**
 * "New budget workbook" in real Chromium through the built pane at 320 px, on the workbook double:
 * a template for 5 cost centres × 24 months, actuals loaded from the selection, Forecast and
 * Variance holding formulas (not values) and every subtotal a formula; a re-run with 2 more cost
 * centres keeps the amounts typed and the user's cells outside the generated ranges.
 */
import type { Page } from 'playwright-core';
import { addinPageForFile, openAddinPage, openView, openPaneAt } from './harness';

let page: Page;

interface StoreCell {
  value: unknown;
  formula?: string;
}
type Win = {
  __openfpaWorkbook: {
    selection: { address: string; values: unknown[][] } | null;
    store: {
      sheets: Map<string, { cells: Map<string, StoreCell> }>;
      tables: Map<string, { sheet: string; address: string }>;
    };
    writeRange: (address: string, values: unknown[][]) => Promise<string>;
  };
};

const FIVE = ['MKT', 'IT', 'HR', 'FIN', 'OPS'];

const addin = addinPageForFile(
  () => openAddinPage({ height: 900 }),
  async (opened) => {
    page = opened.page;
    await page.setViewportSize({ width: 320, height: 900 });
    await openPaneAt(page, opened.url, 'budget');
  },
);

/** A cell of the double: its formula when it holds one, else its value (0-based row and column). */
const cell = (sheet: string, row: number, column: number) =>
  page.evaluate(
    ([s, r, c]) => {
      const found = (window as unknown as Win).__openfpaWorkbook.store.sheets.get(s as string)?.cells.get(`${r},${c}`);
      return found ? (found.formula ?? found.value) : null;
    },
    [sheet, row, column] as const,
  );

async function create(centres: string[]): Promise<void> {
  await page.getByLabel('Cost centres').fill(centres.join('\n'));
  await page.getByLabel('Accounts').fill('Travel, Software');
  await page.getByLabel('Months').fill('2025-01 to 2026-12');
  await page.getByLabel('First forecast month').fill('2025-07');
  await page.getByRole('button', { name: 'Preview changes' }).click();
  await page.getByTestId('template-preview').waitFor();
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByText(/^Budget workbook written: Plan, Actuals, Forecast, Variance, Dashboard/).waitFor();
}

describe('New budget workbook in Chromium', () => {
  it('creates 5 cost centres × 24 months, loads actuals, and holds formulas', async () => {
    await openView(page, 'Budget');
    await create(FIVE);
    await page.evaluate((centres) => {
      const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
      (window as unknown as Win).__openfpaWorkbook.selection = {
        address: 'Sheet1!A1:H6',
        values: [
          ['cost centre', 'account', ...months],
          ...centres.map((cc, i) => [cc, 'Travel', ...months.map((_, k) => 100 * (i + 1) + k)]),
        ],
      };
    }, FIVE);
    await page.getByRole('button', { name: 'Load actuals from selection' }).click();
    await page.getByText(/^Loaded 30 actual amounts for 6 months from the selection/).waitFor();
    expect(await cell('Actuals', 4, 5)).toBe(100); // MKT/Travel 2025-01 (F5)
    // Forecast: 2025-07 (column 4 keys + 3 summary + 6 closed months = K) is the rolling forecast
    const forecastHeader = await page.evaluate(() => {
      const cells = (window as unknown as Win).__openfpaWorkbook.store.sheets.get('Forecast')!.cells;
      return Array.from({ length: 40 }, (_, c) => cells.get(`3,${c}`)?.value ?? null);
    });
    const july = forecastHeader.indexOf('2025-07');
    expect(String(await cell('Forecast', 4, july))).toMatch(/^=INDEX\(FPA\.FORECAST\.ROLLING\(/);
    expect(String(await cell('Forecast', 4, july - 1))).toMatch(/^=IF\(ISBLANK\(INDEX\(fpaActuals\[2025-06\]/);
    // Variance: every summary cell a formula, FPA.VARIANCE.FLAGS beside
    for (let c = 4; c < 12; c++) expect(String(await cell('Variance', 4, c))).toMatch(/^=/);
    const flags = await page.evaluate(() =>
      [...(window as unknown as Win).__openfpaWorkbook.store.sheets.get('Variance')!.cells.values()].some((x) =>
        x.formula?.startsWith('=FPA.VARIANCE.FLAGS('),
      ),
    );
    expect(flags).toBe(true);
    // Subtotals: the Plan roll-up under 10 lines, every amount a formula
    for (let c = 3; c < 28; c++) expect(String(await cell('Plan', 17, c))).toMatch(/^=(SUMIFS|SUM)\(/);
  });

  it('re-runs with 2 more cost centres and keeps the user’s edits', async () => {
    await page.evaluate(async () => {
      const wb = (window as unknown as Win).__openfpaWorkbook;
      await wb.writeRange('Plan!G5', [[1234]]);
      await wb.writeRange('Plan!AG2', [['my note']]);
    });
    await create([...FIVE, 'LEG', 'RND']);
    expect(await cell('Plan', 4, 6)).toBe(1234);
    expect(await cell('Plan', 1, 32)).toBe('my note');
    expect(await cell('Actuals', 4, 5)).toBe(100);
    expect(await cell('Plan', 17, 1)).toBe('RND'); // the 14th line
    const rollup = await page.evaluate(() =>
      (window as unknown as Win).__openfpaWorkbook.store.tables.get('fpaPlanRollup'),
    );
    expect(rollup).toEqual({ sheet: 'Plan', address: 'A21:AB29' });
  });

  it('saw no page errors', () => {
    expect(addin.problems).toEqual([]);
  });
});
