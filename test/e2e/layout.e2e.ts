/**
 * Every view of the built pane in real Chromium at 320, 450 and 800 px, light and dark, with the data
 * a user would have (drivers and a model, a finished run, a scanned budget, candidates and a proposal).
 * Checked by layout, from bounding boxes: the tab row is one line, nothing is wider than the pane,
 * no button and no table column is cut off, fields side by side line up their boxes. Saves a
 * screenshot of each (view, width, theme) in test/e2e/screenshots/, or in the folder
 * OPENFPA_SCREENSHOTS names (`npm run docs:screenshots` writes docs/screenshots/ for the user guide), in
 * the locale OPENFPA_LOCALE names (default en-US).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { formatNumber } from '../../src/format/format-number';
import { numberSymbols } from '../../src/format/number-symbols';
import { sampleSheet, wideSampleSheet } from '../../taskpane/review/sample-sheet';
import { addinPageForFile, openAddinPage, openView, ROOT, selectValues, settled, tempDir, openPaneAt } from './harness';
import { inconsistentCorrelation } from '../scenario/inconsistent-correlation';
import { layoutProblems } from './layout-problems';

const WIDTHS = [320, 450, 800] as const;
const HEIGHT = 900;
const VIEWS = [
  'Drivers',
  'Scenarios',
  'Anomalies',
  'Proposals',
  'Budget',
  'Cash',
  'Versions',
  'Settings',
  'Help',
] as const;
const OUT = path.resolve(ROOT, process.env.OPENFPA_SCREENSHOTS ?? path.join('test', 'e2e', 'screenshots'));
/** The pane's locale (Office's display language): OPENFPA_LOCALE=de-DE looks at every view in German. */
const LOCALE = process.env.OPENFPA_LOCALE ?? 'en-US';

let page: Page;

/** A store export with three drivers and a model, imported through Settings like a user's file. */
async function seedFile(): Promise<string> {
  const repository = createMemoryRepository();
  await repository.put('drivers', { id: 'd1', name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } });
  await repository.put('drivers', {
    id: 'd2',
    name: 'volume',
    distribution: 'pert',
    params: { min: 800, mode: 1000, max: 1400 },
  });
  await repository.put('drivers', {
    id: 'd3',
    name: 'cost',
    distribution: 'uniform',
    params: { min: 50000, max: 70000 },
  });
  await repository.put('models', {
    id: 'default',
    name: 'Model',
    expressions: 'revenue = price * volume\nprofit = revenue - cost',
    driverIds: ['d1', 'd2', 'd3'],
    correlation: inconsistentCorrelation(['cost', 'price', 'volume']),
  });
  const file = path.join(tempDir('openfpa-layout-'), 'seed.json');
  fs.writeFileSync(file, JSON.stringify(await repository.exportAll('2026-01-01T00:00:00.000Z')));
  return file;
}

/** WCAG contrast ratio of two opaque CSS colours ("rgb(41, 41, 41)"). */
function contrast(a: string, b: string): number {
  const luminance = (css: string) => {
    const [r, g, bl] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => {
      const v = Number(c) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** Gets a view into the state worth showing. */
async function prepare(view: (typeof VIEWS)[number]): Promise<void> {
  if (view === 'Drivers') {
    await page.getByRole('button', { name: 'Edit price' }).click();
  } else if (view === 'Scenarios') {
    // Step 1 at the pane's narrowest: the groups (SIP drivers, Outputs) line up with the name's field.
    await page.getByRole('group', { name: 'SIP drivers (optional)' }).waitFor();
    expect(await layoutProblems(page, 320)).toEqual([]);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('Iterations').fill('20000');
    await page.getByRole('button', { name: 'Run' }).click();
    // The charts are drawn one per frame after the statistics.
    await page.locator('[data-testid="results"][data-drawn="true"]').waitFor({ timeout: 60_000 });
    // The seed's correlations are inconsistent: the run says it repaired them as a warning, not a caption.
    const warning = page.getByTestId('run-warning');
    expect(await warning.getAttribute('role')).toBe('alert');
    // In the pane's locale: "0,400" and "95 %" in German and French.
    const { decimal } = numberSymbols(LOCALE);
    expect(await warning.textContent()).toMatch(
      new RegExp(`The largest change to any entry was 0${decimal === ',' ? ',' : '\\.'}400\\.$`),
    );
    expect(await page.getByText(/VaR and CVaR at/).textContent()).toMatch(decimal === ',' ? /at 95\s%:/ : /at 95%:/);
    // The table's rows say it as the caption does ("VaR 95 %" in German; they read "VaR 95%" in every locale).
    const rowNames = await page.getByRole('rowheader', { name: /VaR/ }).allTextContents();
    expect(rowNames).toEqual(['VaR', 'CVaR'].map((s) => `${s} ${formatNumber(0.95, 'percent', { locale: LOCALE })}`));
  } else if (view === 'Anomalies') {
    await selectValues(page, 'Budget!A1:AC7', sampleSheet());
    await page.getByRole('button', { name: 'Scan selection' }).click();
    await page.getByText(/^6 lines over 12 periods/).waitFor({ timeout: 20_000 });
    // Which of Cards and Table is on can be seen: the chosen one is filled (its fill stands out from the
    // other's; a checked toggle's grey was 1.2:1 in both themes) and ticked (a cue that is not colour).
    const modes = page.getByRole('group', { name: 'Show flags as' }).getByRole('button');
    const shown = await modes.evaluateAll((buttons) =>
      buttons.map((b) => ({
        on: b.getAttribute('aria-pressed'),
        fill: getComputedStyle(b).backgroundColor,
        ticked: b.querySelector('svg') !== null,
      })),
    );
    expect(shown.map((m) => [m.on, m.ticked])).toEqual([
      ['true', true],
      ['false', false],
    ]);
    expect(contrast(shown[0].fill, shown[1].fill)).toBeGreaterThanOrEqual(1.5);
    // The charts' amounts are grouped as the cards' sentences group them: a German axis read "8000"
    // under "10.000" beside "a plan of 4.000" (compact notation groups from five digits there).
    const axisLabels = await page.locator('main svg [data-axis] text').allTextContents();
    expect(axisLabels.length).toBeGreaterThan(0);
    const groupsThousands = /\D/.test(formatNumber(8000, 'number', { locale: LOCALE }));
    expect(axisLabels.filter((t) => groupsThousands && /^[-−]?\d{4}$/.test(t.trim()))).toEqual([]);
  } else if (view === 'Proposals') {
    await page.getByRole('button', { name: 'Find candidates' }).click();
    await page.getByTestId('candidates').waitFor({ timeout: 30_000 });
    // No KPI is linked: no return–risk chart of one point at (0, 0), but a note saying where returns come from.
    expect(await page.getByTestId('candidates').getAttribute('data-front')).toBe('no-return');
    expect(await page.getByTestId('pareto-chart').count()).toBe(0);
    await page
      .getByTestId('no-return')
      .getByText(/link a KPI to the lines in KPIs above/)
      .waitFor();
    if ((await page.getByTestId('proposal').count()) === 0)
      await page.getByRole('button', { name: /^Create proposal from candidate/ }).click();
    await page.getByTestId('proposal').first().waitFor();
  } else if (view === 'Budget') {
    if ((await page.getByTestId('template-preview').count()) === 0) {
      await page.getByRole('button', { name: 'Load sample company' }).click();
      await page.getByTestId('template-preview').waitFor({ timeout: 20_000 });
    }
  } else if (view === 'Help') {
    await page.getByTestId('function-list').waitFor({ timeout: 20_000 });
  }
}

beforeAll(() => {
  fs.mkdirSync(OUT, { recursive: true });
});
const addin = addinPageForFile(
  () => openAddinPage({ height: HEIGHT, ignoreConsole: /favicon/ }),
  (opened) => (page = opened.page),
);

const found: Record<string, string[]> = {};

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  beforeAll(async () => {
    await page.setViewportSize({ width: 320, height: HEIGHT });
    await openPaneAt(page, addin.url, 'settings', { theme, locale: LOCALE });
    if (theme === 'light') {
      await page.getByLabel('Import a JSON export').setInputFiles(await seedFile());
      await page.getByText(/^Imported seed\.json\./).waitFor();
    }
  }, 60_000);

  it.each(VIEWS)(
    '%s fits 320, 450 and 800 px',
    async (view) => {
      await page.setViewportSize({ width: 320, height: HEIGHT });
      await openView(page, view);
      await prepare(view);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: HEIGHT });
        await settled(page);
        const file = path.join(OUT, `${view.toLowerCase()}-${width}-${theme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        found[`${view} ${width} ${theme}`] = await layoutProblems(page, width);
      }
      const mine = Object.fromEntries(Object.entries(found).filter(([k]) => k.startsWith(`${view} `)));
      expect(Object.fromEntries(Object.entries(mine).filter(([, v]) => v.length > 0))).toEqual({});
    },
    120_000,
  );
});

it('fits the flags of 40 lines × 12 months in one screen in table mode, one row per issue', async () => {
  await page.setViewportSize({ width: 320, height: HEIGHT });
  await openView(page, 'Anomalies');
  await selectValues(page, 'Budget!A1:AC41', wideSampleSheet(40));
  await page.getByRole('button', { name: 'Scan selection' }).click();
  await page.getByText(/^40 lines over 12 periods/).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Table' }).click();
  const table = page.getByTestId('flag-table');
  await table.waitFor();
  const seen: Record<number, { rows: number; height: number; problems: string[] }> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await settled(page);
    await page.screenshot({ path: path.join(OUT, `anomalies-table-${width}.png`), fullPage: true });
    seen[width] = {
      rows: await table.getByTestId('flag-row').count(),
      // The whole table, header included, measured at this width.
      height: (await table.boundingBox())?.height ?? Infinity,
      problems: await layoutProblems(page, width),
    };
  }
  for (const width of WIDTHS) {
    // One row per persistent issue (one per line here), no layout problem, and no taller than the pane's screen.
    expect({ width, rows: seen[width].rows, problems: seen[width].problems }).toEqual({
      width,
      rows: 40,
      problems: [],
    });
    expect(seen[width].height).toBeLessThanOrEqual(HEIGHT);
  }
}, 120_000);

it("fits a driver's prior against its posterior (Drivers › Learn) at 320, 450 and 800 px", async () => {
  await page.setViewportSize({ width: 320, height: HEIGHT });
  await openView(page, 'Drivers');
  await selectValues(page, 'Actuals!B2:B13', [[131], [142], [128], [139], [135], [144], [127], [138], [133], [141]]);
  await page.getByRole('button', { name: 'Learn price from actuals' }).click();
  await page.getByRole('button', { name: 'Read actuals from selection' }).click();
  const table = page.getByRole('table', { name: 'Prior and posterior of price' });
  await table.waitFor({ timeout: 20_000 });
  const seen: Record<number, string[]> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: HEIGHT });
    await settled(page);
    await page.screenshot({ path: path.join(OUT, `drivers-learn-${width}.png`), fullPage: true });
    seen[width] = await layoutProblems(page, width);
  }
  expect(seen).toEqual({ 320: [], 450: [], 800: [] });
  // Prior and posterior, each named with its five statistics.
  expect(await table.locator('[data-row] > *').count()).toBe(12);
}, 120_000);

it('saw no page errors', () => {
  expect(addin.problems).toEqual([]);
});
