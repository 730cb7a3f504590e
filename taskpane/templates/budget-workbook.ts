/**
 * "New budget workbook" and "Load actuals" as the pane runs them through the workbook interface:
 * the spec last written (kept in the document) gives the previous plan, the amounts users typed are
 * read back so a re-run keeps them, the diff preview is shown before anything is written, and the
 * writes go out in one batch. Every decision is in src/sheets/template; this file only reads and
 * writes.
 */
import { FpaError } from '../../src/errors';
import { affectedCostCentres, isPending, netChange } from '../../src/model/proposal';
import type { Repository } from '../../src/store/repository';
import type { PendingProposal, TemplateSheet } from '../../src/sheets/template';
import { parseCell, cellAddress } from '../../src/sheets/a1';
import type { SheetGrid } from '../../src/sheets/sheet-value';
import type { Amount, TemplateChanges, TemplateData, TemplatePlan, TemplateSpec } from '../../src/sheets/template';
import {
  AMOUNT_TABLES,
  buildTemplatePlan,
  mergeActuals,
  readAmountsTable,
  readTemplateActuals,
  resolveTemplate,
  TemplateErrors,
  templateChanges,
  templateWrites,
} from '../../src/sheets/template';
import { loadProposals } from '../review/proposals';
import { splitAddress } from '../workbook/office-workbook';
import { toSheetGrid } from '../workbook/sheet-grid';
import type { Cell, Workbook } from '../workbook/types';

export interface TemplatePreview extends TemplateChanges {
  spec: TemplateSpec;
  plan: TemplatePlan;
  previous: TemplatePlan | null;
}

/** The spec last written into this workbook, or null (none, or one this version cannot read). */
export async function lastTemplateSpec(workbook: Workbook): Promise<TemplateSpec | null> {
  const json = await workbook.loadTemplateSpec();
  if (!json) return null;
  try {
    const spec = JSON.parse(json) as TemplateSpec;
    resolveTemplate(spec);
    return spec;
  } catch {
    return null;
  }
}

/** A table's values with its header, or null when the workbook has no such table. */
async function readTable(workbook: Workbook, name: string): Promise<{ address: string; grid: SheetGrid } | null> {
  try {
    const range = await workbook.readRange(name);
    return { address: range.address, grid: toSheetGrid(range.values) };
  } catch {
    return null;
  }
}

/** The plan and actual amounts the workbook holds now, by line and month of `spec`. */
async function currentAmounts(workbook: Workbook, months: readonly string[]): Promise<TemplateData> {
  const read = async (name: string) => {
    const table = await readTable(workbook, name);
    return table ? readAmountsTable(table.grid, months) : new Map<string, Amount[]>();
  };
  return { plan: await read(AMOUNT_TABLES.plan.lines), actual: await read(AMOUNT_TABLES.actuals.lines) };
}

/**
 * What writing `spec` would change, and what stops it. Amounts typed in an earlier template are
 * kept (by line id and month).
 * @throws FpaError for a spec that cannot be laid out (naming the field or row).
 */
export async function previewTemplate(
  workbook: Workbook,
  spec: TemplateSpec,
  amounts?: TemplateData,
  extraSheets: readonly TemplateSheet[] = [],
): Promise<TemplatePreview> {
  const t = resolveTemplate(spec);
  const before = await lastTemplateSpec(workbook);
  const previous = before ? buildTemplatePlan(before) : null;
  const kept = previous ? await currentAmounts(workbook, t.months) : { plan: new Map(), actual: new Map() };
  const data: TemplateData = amounts
    ? { plan: new Map([...kept.plan, ...amounts.plan]), actual: new Map([...kept.actual, ...amounts.actual]) }
    : kept;
  const built = buildTemplatePlan(spec, data);
  const plan = { ...built, sheets: [...built.sheets, ...extraSheets] };
  const state = await workbook.readWorkbookState(plan.sheets.map((s) => s.name));
  return { spec, plan, previous, ...templateChanges(plan, previous, state) };
}

/** The proposals of the pane's store still waiting for someone, as the dashboard lists them. */
export async function pendingProposals(repository: Repository): Promise<PendingProposal[]> {
  const { proposals } = await loadProposals(repository);
  return proposals
    .filter((p) => isPending(p.record.state))
    .map((p) => ({
      id: p.id,
      costCentres: affectedCostCentres(p.lines).join(', '),
      state: p.record.state,
      change: netChange(p.lines),
      by: p.createdBy,
    }));
}

/**
 * Writes a previewed template; returns how many writes were sent. Refused while it has conflicts,
 * and, when it would delete amounts typed in dropped lines, until `deleteTyped` confirms it.
 */
export async function applyTemplate(
  workbook: Workbook,
  preview: TemplatePreview,
  { deleteTyped = false }: { deleteTyped?: boolean } = {},
): Promise<number> {
  if (preview.conflicts.length > 0) throw preview.conflicts[0];
  if (preview.losses.length > 0 && !deleteTyped) throw TemplateErrors.wouldDelete(preview.losses);
  const writes = templateWrites(preview.plan, preview.previous);
  await workbook.applyWrites(writes);
  await workbook.saveTemplateSpec(JSON.stringify(preview.spec));
  return writes.length;
}

/** The refusal when a workbook has no budget template (yet) to load actuals into. */
export const noTemplate = (): FpaError =>
  new FpaError(
    'TEMPLATE_NONE',
    'missing',
    'This workbook has no budget template to load actuals into.',
    'Create one first with New budget workbook.',
  );

export interface ActualsLoaded {
  count: number;
  months: string[];
  address: string;
}

/**
 * Loads actuals (a CSV's grid or a selected range) into the template's Actuals table: checked
 * against the template first (nothing written on a mismatch), merged over what the table holds,
 * written in one call in the table's own row order.
 * @throws FpaError naming the row or column of the file, or saying there is no template yet.
 */
export async function loadActuals(workbook: Workbook, grid: SheetGrid): Promise<ActualsLoaded> {
  const spec = await lastTemplateSpec(workbook);
  const table = await readTable(workbook, AMOUNT_TABLES.actuals.lines);
  if (!spec || !table) throw noTemplate();
  const t = resolveTemplate(spec);
  const loaded = readTemplateActuals(grid, t);
  const current = readAmountsTable(table.grid, t.months);
  const merged = mergeActuals(current, loaded, t);
  const header = table.grid[0].map((v) => String(v ?? '').trim());
  const ids = table.grid.slice(1).map((r) => String(r[header.indexOf('id')] ?? ''));
  const first = header.indexOf(t.months[0]);
  const rows: Cell[][] = ids.map((id) => (merged.get(id) ?? t.months.map(() => null)).map((v) => v ?? ''));
  const [sheet, local] = splitAddress(table.address);
  const origin = parseCell(local.split(':')[0]);
  const block = `${cellAddress(origin.row + 1, origin.column + first)}:${cellAddress(origin.row + ids.length, origin.column + first + t.months.length - 1)}`;
  const address = `${sheet ? `'${sheet.replace(/'/g, "''")}'!` : ''}${block}`;
  await workbook.writeRange(address, rows);
  return { count: loaded.count, months: loaded.months, address };
}
