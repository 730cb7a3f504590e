/**
 * The page side of bench/templates.ts, bundled by esbuild and run in Chromium: the pane's own
 * "New budget workbook" path (preview → apply in one batch) against the in-memory workbook, timed
 * with performance.now in the page.
 */
import { hierarchyFromList, monthSequence } from '../../src/sheets/template';
import type { TemplateSpec } from '../../src/sheets/template';
import { applyTemplate, previewTemplate } from '../../taskpane/templates/budget-workbook';
import { createWorkbookDouble } from '../../taskpane/workbook/workbook-double';

export interface TemplateTiming {
  lines: number;
  writes: number;
  cells: number;
  previewMs: number;
  applyMs: number;
  rerunPreviewMs: number;
  rerunApplyMs: number;
  charts: number;
  batches: number;
}

const spec = (centres: number, accounts: number, months: number): TemplateSpec => ({
  hierarchy: hierarchyFromList(Array.from({ length: centres }, (_, i) => `CC${String(i + 1).padStart(2, '0')}`)),
  accounts: Array.from({ length: accounts }, (_, i) => `A${6000 + i}`),
  months: monthSequence('2025-01', months),
  forecastFrom: monthSequence('2025-01', Math.ceil(months / 2) + 1)[Math.ceil(months / 2)],
});

async function run(centres: number, accounts: number, months: number): Promise<TemplateTiming> {
  const workbook = createWorkbookDouble();
  const t0 = performance.now();
  const preview = await previewTemplate(workbook, spec(centres, accounts, months));
  const t1 = performance.now();
  const writes = await applyTemplate(workbook, preview);
  const t2 = performance.now();
  const again = await previewTemplate(workbook, spec(centres + 2, accounts, months));
  const t3 = performance.now();
  await applyTemplate(workbook, again);
  const t4 = performance.now();
  let cells = 0;
  for (const sheet of workbook.store.sheets.values()) cells += sheet.cells.size;
  return {
    lines: centres * accounts,
    writes,
    cells,
    previewMs: t1 - t0,
    applyMs: t2 - t1,
    rerunPreviewMs: t3 - t2,
    rerunApplyMs: t4 - t3,
    charts: workbook.store.charts.size,
    batches: workbook.store.batches,
  };
}

(globalThis as unknown as { benchTemplate: typeof run }).benchTemplate = run;
