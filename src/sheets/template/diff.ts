/**
 * What a (re-)run of the template changes, listed before anything is written (lines it removes, and
 * the amounts typed in them that it would delete, separately), and what stops it:
 * cells holding data where the template would now write, outside what it wrote before (a sheet of
 * the user's with the template's name, a note under a roll-up that must move down), and tables of
 * the template's names that it did not make.
 */
import type { FpaError } from '../../errors';
import { cellAddress } from '../a1';
import { TemplateErrors } from './errors';
import type { Block, TemplatePlan, TemplateSheet } from './plan';
import { inBlock, sheetFootprint, tableBlock } from './plan';
import { blockAddress } from './writes';

/** A sheet as it is now: its values from A1 (null = empty); row r, column c is `cells[r][c]`. */
export interface ExistingSheet {
  cells: ReadonlyArray<ReadonlyArray<unknown>>;
}

export interface WorkbookState {
  sheets: ReadonlyMap<string, ExistingSheet>;
  /** Every native table: name → sheet. */
  tables: ReadonlyMap<string, string>;
}

export interface TemplateChanges {
  /** What will change, one sentence each, in the order it happens. */
  changes: string[];
  /**
   * What the user typed that the run deletes (amounts in the lines of dropped cost centres or
   * accounts), one sentence per sheet; the run must be confirmed when it is not empty.
   */
  losses: string[];
  /** Why nothing may be written yet; empty when the run can go ahead. */
  conflicts: FpaError[];
}

const isEmpty = (v: unknown): boolean => v === null || v === undefined || v === '';

/** The first non-empty cell inside `blocks` and outside `allowed`, or null. */
function firstUsedCell(sheet: ExistingSheet, blocks: Block[], allowed: Block[]): string | null {
  for (let r = 0; r < sheet.cells.length; r++) {
    const row = sheet.cells[r];
    for (let c = 0; c < row.length; c++) {
      if (isEmpty(row[c])) continue;
      if (blocks.some((b) => inBlock(b, r, c)) && !allowed.some((b) => inBlock(b, r, c))) return cellAddress(r, c);
    }
  }
  return null;
}

/** A free name for a sheet: "Plan (2)", "Plan (3)"… */
export function freeSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 26)} (${i})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

const lineIds = (s: TemplateSheet) => s.tables[0]?.rows.map((r) => String(r[0])) ?? [];
const someOf = (ids: readonly string[]) => `${ids.slice(0, 4).join(', ')}${ids.length > 4 ? ', …' : ''}`;

/** The lines of `before`'s first table that `next` no longer has. */
function droppedLines(next: TemplateSheet, before: TemplateSheet): string[] {
  const kept = new Set(lineIds(next));
  return lineIds(before).filter((id) => !kept.has(id));
}

/**
 * The cells typed (input columns, non-empty in the workbook now) in the lines `next` drops, by
 * line, in the first table of `before` as it sits in `existing`.
 */
function typedInDropped(next: TemplateSheet, before: TemplateSheet, existing: ExistingSheet): Map<string, number> {
  const table = before.tables[0];
  const typed = new Map<string, number>();
  if (!table) return typed;
  const dropped = new Set(droppedLines(next, before));
  const inputs = table.columns.flatMap((c, k) => (c.input ? [table.column + k] : []));
  table.rows.forEach((row, i) => {
    const id = String(row[0]);
    if (!dropped.has(id)) return;
    const cells = existing.cells[table.row + 1 + i] ?? [];
    const n = inputs.filter((c) => !isEmpty(cells[c])).length;
    if (n > 0) typed.set(id, n);
  });
  return typed;
}

function sheetChanges(next: TemplateSheet, before: TemplateSheet | undefined): string[] {
  if (!before) return [];
  const out: string[] = [];
  const headers = (s: TemplateSheet) => s.tables[0]?.columns.map((c) => c.header) ?? [];
  const oldLines = new Set(lineIds(before));
  const added = lineIds(next).filter((id) => !oldLines.has(id));
  if (added.length > 0) out.push(`${next.name}: add ${added.length} line(s) (${someOf(added)})`);
  const dropped = droppedLines(next, before);
  if (dropped.length > 0) out.push(`${next.name}: remove ${dropped.length} line(s) (${someOf(dropped)})`);
  const oldHeaders = new Set(headers(before));
  const columns = headers(next).filter((h) => !oldHeaders.has(h));
  if (columns.length > 0)
    out.push(
      `${next.name}: add column(s) ${columns.slice(0, 3).join(', ')}${columns.length > 3 ? `, … (${columns.length})` : ''}`,
    );
  for (const table of next.tables) {
    const old = before.tables.find((t) => t.name === table.name);
    if (old && (old.row !== table.row || old.column !== table.column))
      out.push(
        `${next.name}: move ${table.name} from ${blockAddress(tableBlock(old))} to ${cellAddress(tableBlock(table).top, tableBlock(table).left)}`,
      );
  }
  return out;
}

/**
 * Lists the changes `next` makes over `previous` (null on a first run) in `state`, and the
 * conflicts that must be resolved first.
 */
export function templateChanges(
  next: TemplatePlan,
  previous: TemplatePlan | null,
  state: WorkbookState,
): TemplateChanges {
  const changes: string[] = [];
  const losses: string[] = [];
  const conflicts: FpaError[] = [];
  const planned = new Set(next.sheets.map((s) => s.name.toLowerCase()));
  for (const sheet of next.sheets) {
    const existing = state.sheets.get(sheet.name);
    const before = previous?.sheets.find((s) => s.name === sheet.name && s.role === sheet.role);
    const footprint = sheetFootprint(sheet);
    if (!existing) {
      changes.push(`Add sheet "${sheet.name}" (${sheet.tables.map((t) => t.name).join(', ')})`);
      continue;
    }
    const used = firstUsedCell(existing, footprint, before ? sheetFootprint(before) : []);
    if (used) {
      const offer = freeSheetName(sheet.name, [...state.sheets.keys(), ...planned]);
      conflicts.push(TemplateErrors.sheetInUse(sheet.name, used, offer));
      continue;
    }
    const typed = before ? typedInDropped(sheet, before, existing) : new Map<string, number>();
    if (typed.size > 0) {
      const count = [...typed.values()].reduce((a, b) => a + b, 0);
      losses.push(
        `${sheet.name}: ${count} amount(s) typed in ${typed.size} removed line(s) (${someOf([...typed.keys()])}) will be deleted`,
      );
    }
    const detail = sheetChanges(sheet, before);
    changes.push(...(before ? detail : [`Write the template into the empty sheet "${sheet.name}"`]));
    if (before && detail.length === 0) changes.push(`${sheet.name}: rewrite the template's formulas and formats`);
  }
  const ours = new Set((previous?.sheets ?? []).flatMap((s) => s.tables.map((t) => t.name)));
  for (const sheet of next.sheets)
    for (const table of sheet.tables) {
      const on = state.tables.get(table.name);
      if (on !== undefined && !ours.has(table.name))
        conflicts.push(
          TemplateErrors.badSpec(
            `table ${table.name}`,
            `a table of that name already exists on sheet "${on}"`,
            'Rename or delete that table; the template names its tables fpa….',
          ),
        );
    }
  return { changes, losses, conflicts };
}
