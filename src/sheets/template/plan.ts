/**
 * A template plan: every sheet the template writes, as tables, texts, spilled formulas, names and
 * charts at fixed places. The layouts (plan-sheet.ts, forecast-sheet.ts, …) build it; writes.ts
 * turns it into the list of writes a workbook executes; the pane and the demo writer execute it.
 */
import type { ResolvedTemplate, TemplateRole } from './spec';

export type TemplateValue = string | number | boolean | null;

/** A formula, with the value it computes when the plan was built with data (the demo workbook). */
export interface TemplateFormula {
  formula: string;
  result?: TemplateValue;
}

export type TemplateCell = TemplateValue | TemplateFormula;

export const isFormula = (cell: TemplateCell): cell is TemplateFormula =>
  typeof cell === 'object' && cell !== null && 'formula' in cell;

/** Excel number formats: thousands separators, negatives in red, percentages. */
export const NUMBER_FORMATS = {
  amount: '#,##0;[Red]-#,##0',
  percent: '0.0%;[Red]-0.0%',
  score: '0.00',
  text: '@',
  general: 'General',
} as const;
export type FormatName = keyof typeof NUMBER_FORMATS;

export interface TemplateColumn {
  header: string;
  format: FormatName;
  /** Width in characters. */
  width: number;
  /** A column the user types into (kept on re-runs); the others are the template's. */
  input?: boolean;
}

/** A native Excel table: header at (row, column), 0-based, then `rows`. */
export interface TemplateTable {
  name: string;
  row: number;
  column: number;
  columns: TemplateColumn[];
  rows: TemplateCell[][];
  /** A caption written in the cell above the header, moving with the table. */
  caption?: string;
}

export interface TemplateText {
  row: number;
  column: number;
  text: string;
  style: 'title' | 'note' | 'caption';
}

/** A formula whose result spills; `reserve` is the block kept free for it (header included). */
export interface TemplateSpill {
  row: number;
  column: number;
  formula: string;
  /** The spilled values, when known (the demo workbook stores them). */
  result?: TemplateValue[][];
  reserve: { rows: number; columns: number };
  widths: number[];
  formats: FormatName[];
}

/** A workbook name; `refersTo` is a formula without "=" (a structured reference or an address). */
export interface TemplateName {
  name: string;
  refersTo: string;
}

export interface TemplateChart {
  name: string;
  kind: 'column' | 'bar' | 'line';
  title: string;
  /** Local A1 addresses on the chart's sheet. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left cell (0-based) and size in points. */
  row: number;
  column: number;
  width: number;
  height: number;
}

export interface TemplateSheet {
  /** The template's five roles, or the sample company's driver model. */
  role: TemplateRole | 'drivers';
  name: string;
  texts: TemplateText[];
  tables: TemplateTable[];
  spills: TemplateSpill[];
  /** Rows and columns kept in view while scrolling. */
  freeze: { rows: number; columns: number };
  names: TemplateName[];
  charts: TemplateChart[];
}

export interface TemplatePlan {
  template: ResolvedTemplate;
  sheets: TemplateSheet[];
}

/** A block of cells, 0-based, inclusive. */
export interface Block {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The block a table covers, caption included. */
export function tableBlock(table: TemplateTable): Block {
  return {
    top: table.row - (table.caption ? 1 : 0),
    left: table.column,
    bottom: table.row + table.rows.length,
    right: table.column + table.columns.length - 1,
  };
}

/** Every block a sheet's plan writes or keeps free: texts, tables (with captions), spill reserves. */
export function sheetFootprint(sheet: TemplateSheet): Block[] {
  return [
    ...sheet.texts.map((t) => ({ top: t.row, left: t.column, bottom: t.row, right: t.column })),
    ...sheet.tables.map(tableBlock),
    ...sheet.spills.map((s) => ({
      top: s.row,
      left: s.column,
      bottom: s.row + s.reserve.rows - 1,
      right: s.column + s.reserve.columns - 1,
    })),
  ];
}

export const inBlock = (b: Block, row: number, column: number): boolean =>
  row >= b.top && row <= b.bottom && column >= b.left && column <= b.right;

/**
 * The cells of `block` that none of `others` covers, as blocks (up to four per block subtracted:
 * the strips above, below, left and right of the overlap).
 * @example blockMinus({ top: 0, left: 0, bottom: 9, right: 3 }, [{ top: 0, left: 0, bottom: 7, right: 3 }])
 *   // → [{ top: 8, left: 0, bottom: 9, right: 3 }]
 */
export function blockMinus(block: Block, others: readonly Block[]): Block[] {
  let rest: Block[] = [block];
  for (const o of others) {
    rest = rest.flatMap((b) => {
      const top = Math.max(b.top, o.top);
      const bottom = Math.min(b.bottom, o.bottom);
      const left = Math.max(b.left, o.left);
      const right = Math.min(b.right, o.right);
      if (top > bottom || left > right) return [b];
      const strips: Block[] = [
        { top: b.top, left: b.left, bottom: top - 1, right: b.right },
        { top: bottom + 1, left: b.left, bottom: b.bottom, right: b.right },
        { top, left: b.left, bottom, right: left - 1 },
        { top, left: right + 1, bottom, right: b.right },
      ];
      return strips.filter((s) => s.top <= s.bottom && s.left <= s.right);
    });
  }
  return rest;
}
