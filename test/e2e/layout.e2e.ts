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

/** What a layout check finds wrong on the page as it is now. */
async function layoutProblems(width: number): Promise<string[]> {
  return page.evaluate((paneWidth) => {
    const problems: string[] = [];
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      const s = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    // The tab row: every tab shown and the "More" button on one line.
    const row = document.querySelector('[data-testid="tab-row"]');
    if (!row) problems.push('no tab row');
    else {
      const items = [...row.querySelectorAll('[role="tab"], [data-testid="more-views"]')].filter(visible);
      const tops = items.map((e) => e.getBoundingClientRect().top);
      if (Math.max(...tops) - Math.min(...tops) > 4) problems.push(`tab row wraps: tops ${tops.join(', ')}`);
      const rowBox = row.getBoundingClientRect();
      if (rowBox.height > 48) problems.push(`tab row is ${rowBox.height} px high`);
      for (const e of items) {
        const r = e.getBoundingClientRect();
        if (r.right > rowBox.right + 1 || r.left < rowBox.left - 1) problems.push(`tab ${name(e)} is cut off`);
      }
    }
    // The header and every badge are one line: a pill whose words wrap spills its text out of it.
    for (const e of [...document.querySelectorAll('header > *, .fui-Badge')]) {
      if (visible(e) && e.scrollHeight > e.clientHeight + 1) problems.push(`${name(e)} wraps out of its box`);
    }
    // The browser's own file control ("Choose File · No file chosen") ignores the theme: a button opens it.
    for (const e of [...document.querySelectorAll('input[type="file"]')])
      if (visible(e)) problems.push(`unstyled file input "${e.getAttribute('aria-label')}"`);
    if (document.documentElement.scrollWidth > paneWidth + 1)
      problems.push(`page is ${document.documentElement.scrollWidth} px wide in a ${paneWidth} px pane`);
    /** The visible part of an element: its box clipped by every ancestor that hides or scrolls overflow. */
    const clip = (e: Element) => {
      let { left, right } = e.getBoundingClientRect();
      left = Math.max(left, 0);
      right = Math.min(right, paneWidth);
      for (let a = e.parentElement; a; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible') {
          const r = a.getBoundingClientRect();
          left = Math.max(left, r.left);
          right = Math.min(right, r.right);
        }
      }
      return { left, right };
    };
    const main = document.querySelector('main');
    for (const e of [...(main?.querySelectorAll('button, [role="button"]') ?? [])]) {
      if (!visible(e) || e.closest('[role="tablist"]')) continue;
      const r = e.getBoundingClientRect();
      const c = clip(e);
      if (c.right < r.right - 1 || c.left > r.left + 1) problems.push(`button ${name(e)} is cut off`);
    }
    for (const cell of [...(main?.querySelectorAll('th, td, [role="columnheader"], [role="cell"]') ?? [])]) {
      if (!visible(cell)) continue;
      const r = cell.getBoundingClientRect();
      const c = clip(cell);
      if (c.right < r.right - 1 || c.left > r.left + 1) problems.push(`table column ${name(cell)} is cut off`);
    }
    // Fields side by side (siblings whose labels share a top) have their boxes on one line, whichever
    // of them has a hint below (a stretched field pushed its box down beside one that had).
    const fields = [...(main?.querySelectorAll('.fui-Field') ?? [])].filter(visible);
    for (const [i, f] of fields.entries()) {
      const label = f.querySelector(':scope > label');
      const input = f.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
      if (!label || !input) continue;
      for (const g of fields.slice(i + 1)) {
        if (g.parentElement !== f.parentElement) continue;
        const other = g.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
        const otherLabel = g.querySelector(':scope > label');
        if (!other || !otherLabel) continue;
        if (Math.abs(label.getBoundingClientRect().top - otherLabel.getBoundingClientRect().top) > 1) continue;
        const gap = Math.abs(input.getBoundingClientRect().top - other.getBoundingClientRect().top);
        if (gap > 2) problems.push(`field ${name(g)}'s box is ${Math.round(gap)} px off ${name(f)}'s`);
      }
    }
    // A group of fields (a fieldset: the wizard's "SIP drivers", "Outputs") starts where the fields beside it
    // start: its legend's text over their labels' and its contents under their boxes' left edge (the
    // browser's own fieldset margin and legend padding put "SIP drivers" 4 px right of "Scenario name").
    const textLeft = (e: Element) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      return Math.min(...[...range.getClientRects()].map((r) => r.left));
    };
    for (const group of [...(main?.querySelectorAll('fieldset') ?? [])].filter(visible)) {
      const field = [...(group.parentElement?.children ?? [])].find((e) => e.matches('.fui-Field') && visible(e));
      const label = field?.querySelector(':scope > label');
      const box = field?.querySelector('.fui-Input, .fui-Select, .fui-Textarea');
      if (!label || !box) continue;
      const legend = group.querySelector(':scope > legend');
      const off = (a: number, b: number) => Math.abs(a - b) > 0.5;
      if (legend && off(textLeft(legend), textLeft(label)))
        problems.push(`group ${name(legend)} starts ${textLeft(legend) - textLeft(label)} px off ${name(label)}`);
      // The contents' leftmost edge (checkboxes side by side wrap: only the first of a line starts there).
      const lefts = [...group.children]
        .filter((c) => c !== legend && visible(c))
        .map((c) => c.getBoundingClientRect().left);
      const boxLeft = box.getBoundingClientRect().left;
      if (lefts.length > 0 && off(Math.min(...lefts), boxLeft))
        problems.push(
          `group ${name(legend ?? group)}'s contents start ${Math.min(...lefts) - boxLeft} px off the boxes`,
        );
    }
    // A line id (MKT-EVENTS) stays on one line: its text's boxes all share one top. A cost-centre/account
    // id may break after its "/" only: each of its parts stays on one line.
    for (const id of [...(main?.querySelectorAll('[data-line-id]') ?? [])]) {
      if (!visible(id)) continue;
      const parts = [...id.querySelectorAll('[data-line-part]')];
      for (const part of parts.length > 0 ? parts : [id]) {
        const range = document.createRange();
        range.selectNodeContents(part);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) problems.push(`line id ${name(id)} breaks over ${tops.size} lines`);
      }
    }
    // A heading over right-aligned amounts ends where they end (a flex header cell ignores textAlign).
    const textRight = (e: Element) => {
      let right = -Infinity;
      const walker = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode(); t; t = walker.nextNode()) {
        if ((t.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(t);
        right = Math.max(right, range.getBoundingClientRect().right);
      }
      return right;
    };
    for (const table of [...(main?.querySelectorAll('table') ?? [])]) {
      if (!visible(table)) continue;
      const rows = [...table.querySelectorAll('tr')];
      const head = rows.find((r) => r.querySelector('th'));
      const body = rows.filter((r) => !r.querySelector('th'));
      [...(head?.children ?? [])].forEach((h, i) => {
        const cells = body.map((r) => r.children[i]).filter((c) => c && (c.textContent ?? '').trim() !== '');
        if (cells.length === 0 || !cells.every((c) => getComputedStyle(c).textAlign === 'right')) return;
        const right = Math.max(...cells.map(textRight));
        if (Math.abs(textRight(h) - right) > 4) problems.push(`heading ${name(h)} is not over its amounts`);
      });
    }
    return [...new Set(problems)];
  }, width);
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
    expect(await layoutProblems(320)).toEqual([]);
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
        found[`${view} ${width} ${theme}`] = await layoutProblems(width);
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
      problems: await layoutProblems(width),
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
    seen[width] = await layoutProblems(width);
  }
  expect(seen).toEqual({ 320: [], 450: [], 800: [] });
  // Prior and posterior, each named with its five statistics.
  expect(await table.locator('[data-row] > *').count()).toBe(12);
}, 120_000);

it('saw no page errors', () => {
  expect(addin.problems).toEqual([]);
});
