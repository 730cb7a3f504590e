/**
 * The shared shape of the line tables: key columns (id, hierarchy levels, cost centre, account,
 * owner) then the sheet's own columns, each a header, a format and how its cell is made. A column
 * that computes a value also gives it, so roll-ups can sum results when the plan carries them.
 */
import type { FormatName, TemplateCell, TemplateColumn, TemplateTable, TemplateText, TemplateValue } from './plan';
import { isFormula } from './plan';
import type { ResolvedTemplate, TemplateLine } from './spec';

/** Rows of every line sheet: title, note, blank, then the lines table's header. */
export const TITLE_ROW = 0;
export const NOTE_ROW = 1;
export const HEADER_ROW = 3;

/** The title and the note every template sheet opens with, in its first column. */
export function sheetHeading(title: string, note: string): TemplateText[] {
  return [
    { row: TITLE_ROW, column: 0, text: title, style: 'title' },
    { row: NOTE_ROW, column: 0, text: note, style: 'note' },
  ];
}

export interface LineColumn {
  header: string;
  format: FormatName;
  width: number;
  input?: boolean;
  /** Summed by the roll-up (amounts); other columns are recomputed there or left out. */
  sums?: boolean;
  cell: (line: TemplateLine, index: number) => TemplateCell;
}

export const KEY_WIDTHS = { id: 24, level: 14, costCentre: 14, account: 18, owner: 12 };

/** id, levels…, cost centre, account, owner. */
export function keyColumns(t: ResolvedTemplate): LineColumn[] {
  return [
    { header: 'id', format: 'text', width: KEY_WIDTHS.id, cell: (l) => l.id },
    ...t.levels.map((level, k) => ({
      header: level,
      format: 'text' as const,
      width: KEY_WIDTHS.level,
      cell: (l: TemplateLine) => l.path[k],
    })),
    { header: 'cost centre', format: 'text', width: KEY_WIDTHS.costCentre, cell: (l) => l.costCentre },
    { header: 'account', format: 'text', width: KEY_WIDTHS.account, cell: (l) => l.account },
    { header: 'owner', format: 'text', width: KEY_WIDTHS.owner, cell: (l) => l.owner },
  ];
}

export interface BuiltLines {
  table: TemplateTable;
  /** Each column's values per line (a formula's result, an input's value) for roll-ups. */
  values: Map<string, TemplateValue[]>;
}

/** Builds a lines table from its columns at the standard place (header on HEADER_ROW, column A). */
export function linesTable(name: string, t: ResolvedTemplate, columns: LineColumn[]): BuiltLines {
  const rows = t.lines.map((line, i) => columns.map((c) => c.cell(line, i)));
  const values = new Map<string, TemplateValue[]>();
  columns.forEach((c, k) =>
    values.set(
      c.header,
      rows.map((r) => {
        const cell = r[k];
        return isFormula(cell) ? (cell.result ?? null) : cell;
      }),
    ),
  );
  const tableColumns: TemplateColumn[] = columns.map(({ header, format, width, input }) => ({
    header,
    format,
    width,
    ...(input ? { input } : {}),
  }));
  return { table: { name, row: HEADER_ROW, column: 0, columns: tableColumns, rows }, values };
}

/** Row of the roll-up's header under a lines table of `lines` rows (two blank rows and a caption between). */
export const rollupRow = (lineCount: number): number => HEADER_ROW + lineCount + 3;
