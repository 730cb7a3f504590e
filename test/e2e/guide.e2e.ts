/**
 * The user guide walked in the built pane at Office's narrowest width (320 px), on the workbook double,
 * as docs/guide/getting-started.md and views.md tell a new user: Budget › Load sample company lists the
 * sheets the guide's table names and Create writes them; Anomalies › Scan selection on the Variance
 * table finds the four planted anomalies the guide names; Proposals › Find candidates and Create
 * proposal on those flags; Drivers › Import from selection on the Drivers sheet and the Scenarios wizard
 * on the sample's model; then every view views.md describes, in its order, opens by its name. No
 * step may push the pane wider than 320 px (the sample's long line ids, RD-PLATFORM/Contractors, did in
 * Proposals), and the page logs no error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { layoutProblems } from './layout-problems';
import { num } from '../../src/sheets/template/data';
import { sampleCompany } from '../../src/sheets/template/sample-company';
import { addinPageForFile, openAddinPage, openPaneAt, openView, ROOT, screenshotPath, settled } from './harness';

const WIDTH = 320;
let page: Page;

const addin = addinPageForFile(
  () => openAddinPage({ height: 900, ignoreConsole: /favicon|functions\.json/ }),
  async (opened) => {
    page = opened.page;
    await page.setViewportSize({ width: WIDTH, height: 900 });
    await openPaneAt(page, opened.url, 'drivers');
  },
);

const guide = (file: string) => fs.readFileSync(path.join(ROOT, 'docs', 'guide', file), 'utf8');

/** How far the page reaches past the pane's width (0 when it fits). */
async function overflow(): Promise<number> {
  await settled(page);
  return page.evaluate((w) => document.documentElement.scrollWidth - w, WIDTH);
}

/**
 * The ids in the pane's text broken at a hyphen: each cost centre (MKT-DIGITAL) or proposal id
 * (P-20261207-1) must stay on one line wherever it stands, in a table or a sentence ("MKT-" over
 * "DIGITAL/Travel's" in Proposals' reserve sentence); a line id may break after its "/" only.
 * Each: the text around it, and how many lines it spans.
 */
async function brokenIds(): Promise<string[]> {
  await settled(page);
  return page.evaluate(() => {
    const broken: string[] = [];
    const main = document.querySelector('main');
    if (!main) return ['no main'];
    const walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      const text = t.textContent ?? '';
      for (const m of text.matchAll(/[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+/g)) {
        const range = document.createRange();
        range.setStart(t, m.index);
        range.setEnd(t, m.index + m[0].length);
        const rects = [...range.getClientRects()].filter((r) => r.width > 0);
        const tops = new Set(rects.map((r) => Math.round(r.top)));
        if (tops.size > 1) broken.push(`${m[0]} over ${tops.size} lines in "${text.trim().slice(0, 80)}"`);
      }
    }
    return broken;
  });
}

type Win = {
  __openfpaWorkbook: {
    selection: { address: string; values: unknown[][] } | null;
    store: {
      sheets: Map<string, { cells: Map<string, { value: unknown; formula?: string }> }>;
      tables: Map<string, { sheet: string; address: string }>;
    };
  };
};

describe('the user guide at 320 px', () => {
  it('Budget › Load sample company lists the sheets of the guide’s table, and Create writes them', async () => {
    // "Open the pane, choose Budget …"
    await openView(page, 'Budget');
    await page.getByRole('button', { name: 'Load sample company' }).click();
    const preview = page.getByTestId('template-preview');
    await preview.waitFor({ timeout: 20_000 });
    const listed = [...((await preview.textContent()) ?? '').matchAll(/Add sheet "([^"]+)"/g)].map((m) => m[1]);
    const table = guide('getting-started.md').split('## Your own budget workbook')[0];
    const documented = [...table.matchAll(/^\| (\w+) \| /gm)].map((m) => m[1]).filter((s) => s !== 'sheet');
    expect(listed).toEqual(documented);
    expect(await overflow()).toBe(0);
    await page.screenshot({ path: screenshotPath('guide-sample-preview'), fullPage: true });
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByText(`Budget workbook written: ${documented.join(', ')}`, { exact: false }).waitFor();
    const sheets = await page.evaluate(() => [...(window as unknown as Win).__openfpaWorkbook.store.sheets.keys()]);
    expect(sheets).toEqual(documented);
  });

  it('Anomalies › Scan selection on the Variance table finds the four planted anomalies', async () => {
    // Select the Variance table as Excel hands it over: its cells, the formulas computed (the plan and
    // actual months the scan reads are the sample's amounts; the double does not compute formulas, and
    // the other formula columns are left "").
    const sample = sampleCompany();
    const months = sample.spec.months;
    const selection = await page.evaluate(() => {
      const wb = (window as unknown as Win).__openfpaWorkbook;
      const { address } = wb.store.tables.get('fpaVariance')!;
      const cells = wb.store.sheets.get('Variance')!.cells;
      const [, c0, r0, c1, r1] = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(address)!;
      const col = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
      const grid: unknown[][] = [];
      for (let r = Number(r0) - 1; r < Number(r1); r++) {
        const row: unknown[] = [];
        for (let c = col(c0); c <= col(c1); c++) {
          const cell = cells.get(`${r},${c}`);
          row.push(cell && cell.formula === undefined ? cell.value : cell ? { formula: cell.formula } : null);
        }
        grid.push(row);
      }
      return { address: `Variance!${address}`, grid };
    });
    const [header, ...rows] = selection.grid as unknown[][];
    const values = [
      header,
      ...rows.map((row) => {
        const id = String(row[0]);
        return row.map((cell, k) => {
          const plan = /^plan (\d{4}-\d\d)$/.exec(String(header[k]));
          const actual = /^actual (\d{4}-\d\d)$/.exec(String(header[k]));
          if (plan) return num(sample.data.plan.get(id)![months.indexOf(plan[1])]);
          if (actual) {
            // The sheet's formula gives "" for a month not booked, and Office.js hands "" over.
            const v = sample.data.actual.get(id)![months.indexOf(actual[1])];
            return typeof v === 'number' ? v : '';
          }
          return cell !== null && typeof cell === 'object' ? '' : cell;
        });
      }),
    ];
    await page.evaluate(
      ([address, v]) => {
        (window as unknown as Win).__openfpaWorkbook.selection = { address, values: v };
      },
      [selection.address, values] as const,
    );
    await openView(page, 'Anomalies');
    await page.getByRole('button', { name: 'Scan selection' }).click();
    // As many flags as functions.md's table of FPA.VARIANCE.FLAGS on the same table lists.
    const flagged = guide('functions.md').match(/^\| [A-Z-]+\/\w+ \| \d{4}-\d\d \|/gm)!.length;
    await page
      .getByText(new RegExp(`^${rows.length} lines over ${months.length} periods: ${flagged} flags\\.$`))
      .waitFor({ timeout: 30_000 });
    // "a level shift in MKT-DIGITAL Travel, a one-off licence in RD-DATA Software, a hiring freeze in
    // S-APAC Contractors and cloud usage running ahead in OPS-IT Software"
    const planted = /Four anomalies are planted in the sample, and the flags find them: ([^.]+)\./
      .exec(guide('getting-started.md').replace(/\s+/g, ' '))![1]
      .split(/, (?:and )?| and /)
      .map((s) => /in ([A-Z][A-Z-]+) (\w+)$/.exec(s)!.slice(1).join('/'));
    expect(planted).toHaveLength(4);
    const text = (await page.locator('main').textContent()) ?? '';
    for (const id of planted) expect(text).toContain(id);
    expect(await overflow()).toBe(0);
    expect(await brokenIds()).toEqual([]);
  });

  it('Proposals › Find candidates and Create proposal on the flags fit the pane', async () => {
    await openView(page, 'Proposals');
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Find candidates' }).click();
    await page.getByTestId('candidates').waitFor({ timeout: 60_000 });
    await page
      .getByRole('button', { name: /^Create proposal/ })
      .first()
      .click();
    await page.getByTestId('proposal').first().waitFor();
    await page.screenshot({ path: screenshotPath('guide-proposals'), fullPage: true });
    expect(await overflow()).toBe(0);
    expect(await brokenIds()).toEqual([]);
    // Nothing cut inside its box either: the proposal card's Change column was, 27 px, beside the sample's
    // "OPS-FACILITIES/" and 4,208,208 (the card's table scrolls, so the page did not widen).
    expect(await layoutProblems(page, WIDTH)).toEqual([]);
  });

  it('Drivers › Import from selection on the Drivers sheet, then the Scenarios wizard runs the sample model', async () => {
    const sample = sampleCompany();
    const { address } = await page.evaluate(() =>
      (window as unknown as Win).__openfpaWorkbook.store.tables.get('fpaDrivers')!,
    );
    await page.evaluate(
      ([a, rows]) => {
        (window as unknown as Win).__openfpaWorkbook.selection = { address: a, values: rows as unknown[][] };
      },
      [`Drivers!${address}`, sample.drivers.rows] as const,
    );
    await openView(page, 'Drivers');
    await page.getByRole('button', { name: 'Import from selection' }).click();
    await page.getByText(/^Imported 4 drivers/).waitFor();
    // "type the model (the cell under the table) in Model expressions, one output per line"
    await page.getByLabel('Model expressions').fill(sample.drivers.model);
    await page.getByRole('button', { name: 'Save model' }).click();
    await page.getByText('Outputs: payroll, travel, total').waitFor();
    await openView(page, 'Scenarios');
    expect(await overflow()).toBe(0);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Iterations').waitFor();
    // Step 2's Sampling list (its longest choice is 425 px of text) stays within the pane.
    expect(await overflow()).toBe(0);
    await page.getByLabel('Iterations').fill('10000');
    await page.getByRole('button', { name: 'Run' }).click();
    await page.locator('[data-testid="results"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    await page.getByText(/^10,000 trials, seed 1, /).waitFor();
    expect(await overflow()).toBe(0);
    // views.md quotes the pane's mean total beside the cell's (functions.md's table).
    const quoted = /a mean total of ([\d,]+) against the cell's ([\d,]+)/.exec(guide('views.md').replace(/\s+/g, ' '));
    expect(quoted).not.toBeNull();
    const results = (await page.getByTestId('results').textContent()) ?? '';
    expect(/Mean([\d,]+)/.exec(results)?.[1]).toBe(quoted![1]);
    expect(guide('functions.md')).toContain(`| total | ${quoted![2]} |`);
  });

  it('opens every view views.md describes, in its order, within the pane', async () => {
    const views = [...guide('views.md').matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(views.length).toBeGreaterThanOrEqual(9);
    const wide: Record<string, number> = {};
    for (const view of views) {
      await openView(page, view);
      const extra = await overflow();
      if (extra > 0) wide[view] = extra;
    }
    expect(wide).toEqual({});
    // Help's "Typing numbers" shows the examples views.md gives (the pane here is in English (US)).
    await openView(page, 'Help');
    await page.getByText('Typing numbers').click();
    const typing = (await page.locator('details', { hasText: 'Typing numbers' }).textContent()) ?? '';
    const examples = /in English \(US\): (.*?`)\)/.exec(guide('views.md').replace(/\s+/g, ' '))![1];
    const shown = [...examples.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
    expect(shown.length).toBeGreaterThanOrEqual(4);
    expect(shown.filter((x) => !typing.includes(x))).toEqual([]);
    expect(addin.problems).toEqual([]);
  });
});
