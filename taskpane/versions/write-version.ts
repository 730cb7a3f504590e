/**
 * Writes a budget version into the workbook: one sheet per cost centre ("Budget CC1") holding the
 * version last written there. Before overwriting, the sheet must still hold exactly that version
 * (the stale-range check of src/sheets/stale-cells.ts, as applying a proposal does): an edit made
 * in the sheet since is never overwritten silently; the message says which cells changed.
 */
import type { ApiClient } from '../../src/connector';
import type { BudgetVersion } from '../../src/model/version';
import type { NumberStyle } from '../../src/format/format-number';
import { blockAddress, cellAddress } from '../../src/sheets/a1';
import type { SheetWrite } from '../../src/sheets/template/writes';
import {
  versionOnSheet,
  versionSheetCells,
  versionSheetChanges,
  versionSheetName,
} from '../../src/sheets/version-sheet';
import type { Cell, Workbook } from '../workbook/types';

/** Amounts as finance reads them in the sheet: thousands separators, two decimals, negatives in brackets. */
export const AMOUNT_FORMAT = '#,##0.00;(#,##0.00)';

export interface VersionWritten {
  sheet: string;
  /** The block written, e.g. "A1:D5". */
  address: string;
  version: BudgetVersion;
  /** The version the sheet held before, when it held one. */
  replaced: string | null;
}

const MAX_LISTED = 5;

/** The writes that put `cells` on `sheet` from A1, clearing what `previous` covered. */
function sheetWrites(sheet: string, cells: Cell[][], previous: { rows: number; columns: number } | null): SheetWrite[] {
  const rows = cells.length;
  const columns = cells[0].length;
  const out: SheetWrite[] = [];
  if (previous) out.push({ op: 'clear', sheet, address: blockAddress('A1', previous.rows, previous.columns) });
  // Names, accounts and periods ("4000", "2026-01") stay text; only the amounts are numbers.
  out.push({ op: 'cells', sheet, address: blockAddress('A1', 2, columns), cells: cells.slice(0, 2), text: true });
  if (rows > 2) {
    out.push({
      op: 'cells',
      sheet,
      address: blockAddress('A3', rows - 2, 1),
      cells: cells.slice(2).map((r) => [r[0]]),
      text: true,
    });
    if (columns > 1) {
      const body = blockAddress('B3', rows - 2, columns - 1);
      out.push({ op: 'cells', sheet, address: body, cells: cells.slice(2).map((r) => r.slice(1)) });
      out.push({ op: 'format', sheet, address: body, numberFormat: AMOUNT_FORMAT });
    }
  }
  out.push({ op: 'style', sheet, address: cellAddress(0, 0), style: 'title' });
  return out;
}

/**
 * Reads version `id` from the server and writes it into its cost centre's sheet; `numbers` writes
 * the amounts of a refusal's changed cells (the pane's style; default en-US).
 * @throws Error naming the changed cells when the sheet no longer holds the version written there,
 *   or saying the sheet holds other data; connector errors (offline, forbidden) as they come.
 */
export async function writeVersion(
  workbook: Workbook,
  api: Pick<ApiClient, 'getVersion'>,
  id: string,
  numbers: NumberStyle = {},
): Promise<VersionWritten> {
  const version = await api.getVersion(id);
  const sheet = versionSheetName(version.costCentre);
  const state = await workbook.readWorkbookState([sheet]);
  const existing = state.sheets.get(sheet)?.cells ?? [];
  const on = versionOnSheet(existing);
  if (on.kind === 'other')
    throw new Error(
      `The sheet "${sheet}" holds data OpenFPA did not write there. Rename that sheet or move its data, then write the version again.`,
    );
  if (on.kind === 'version') {
    const written = on.id === version.id ? version : await api.getVersion(on.id);
    const changes = versionSheetChanges(versionSheetCells(written, written.lines ?? []), existing, numbers);
    if (changes.length > 0) {
      const listed = changes.slice(0, MAX_LISTED).join('; ');
      const more = changes.length > MAX_LISTED ? ` and ${changes.length - MAX_LISTED} more` : '';
      throw new Error(
        `The sheet "${sheet}" changed since ${written.name} was written there: ${listed}${more}. Undo those edits or copy them elsewhere, then write again.`,
      );
    }
  }
  const cells = versionSheetCells(version, version.lines ?? []);
  const previous =
    existing.length > 0 ? { rows: existing.length, columns: Math.max(...existing.map((r) => r.length), 1) } : null;
  const writes: SheetWrite[] = state.sheets.has(sheet) ? [] : [{ op: 'sheet', sheet }];
  await workbook.applyWrites([...writes, ...sheetWrites(sheet, cells, previous)]);
  return {
    sheet,
    address: blockAddress('A1', cells.length, cells[0].length),
    version,
    replaced: on.kind === 'version' ? on.name : null,
  };
}
