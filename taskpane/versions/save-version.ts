/**
 * Saves a cost centre's version sheet, as the user edited it, as a new version on the team server.
 * It is made from the version the sheet holds: it goes through the connector's offline queue (offline
 * it waits and is sent when the server is back) with that version's number as If-Match, so a version
 * saved meanwhile by someone else comes back as a conflict to settle, not as a silent successor.
 * A budget version is the budget of record: the server makes a later one only by applying a proposal
 * another person approved, so an edited budget sheet is refused here, before anything is queued.
 */
import type { ApiClient, WriteOutcome } from '../../src/connector';
import type { BudgetVersion } from '../../src/model/version';
import { versionOnSheet, versionSheetLines, versionSheetName } from '../../src/sheets/version-sheet';
import type { Workbook } from '../workbook/types';

export interface SheetVersionSaved {
  outcome: WriteOutcome<BudgetVersion>;
  /** The version the sheet held, the new one's parent. */
  from: BudgetVersion;
  sheet: string;
}

/**
 * Reads `costCentre`'s version sheet and saves its lines as version `name`, of the same kind and
 * fiscal year as the version it was made from (found in `known`, else read from the server).
 * @throws Error when the sheet holds no version OpenFPA wrote, or a budget version (change the budget
 *   through a proposal); SHEET_BAD_CELL for a cell that is not an amount; CONNECTOR_CONFLICT when
 *   another version was saved since (it waits in Settings)
 */
export async function saveSheetVersion(
  workbook: Workbook,
  api: Pick<ApiClient, 'createVersion' | 'getVersion'>,
  costCentre: string,
  name: string,
  known: readonly BudgetVersion[],
): Promise<SheetVersionSaved> {
  const sheet = versionSheetName(costCentre);
  const cells = (await workbook.readWorkbookState([sheet])).sheets.get(sheet)?.cells ?? [];
  const on = versionOnSheet(cells);
  if (on.kind !== 'version')
    throw new Error(
      `The sheet "${sheet}" holds no version written by OpenFPA: write one there from the list, edit its amounts, then save it as a new version.`,
    );
  const lines = versionSheetLines(cells);
  const from = known.find((v) => v.id === on.id) ?? (await api.getVersion(on.id));
  const { fiscalYear, kind } = from;
  if (kind === 'budget')
    throw new Error(
      `The sheet "${sheet}" holds budget ${from.name} of ${from.costCentre} for ${fiscalYear}, the budget of record: ` +
        'it changes only through a proposal that another person approves. Propose the lines to change from Proposals; ' +
        'when it is applied, write the new version here from the list.',
    );
  const outcome = await api.createVersion(
    { costCentre: from.costCentre, fiscalYear, kind, name: name.trim(), lines },
    from.number,
  );
  return { outcome, from, sheet };
}
