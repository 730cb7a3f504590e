/**
 * "Load actuals from the team server": the actuals imported on the server for the template's cost
 * centres (GET /api/actuals, summed by account and month) over the template's closed months become
 * a `cost centre | account | period | amount` grid that loads exactly as a CSV does (checked against
 * the template, merged, nothing written on a mismatch). Accounts the template does not have are left
 * out and counted, so the user sees what was not loaded. Nothing is written when any cost centre's
 * read fails.
 */
import { FpaError } from '../../src/errors';
import type { VersionLine } from '../../src/model/budget-line';
import { resolveTemplate } from '../../src/sheets/template';
import type { SheetValue } from '../../src/sheets/sheet-value';
import type { ActualsLoaded } from './budget-workbook';
import { lastTemplateSpec, loadActuals, noTemplate } from './budget-workbook';
import type { Workbook } from '../workbook/types';

/** The part of the connector's typed client (src/connector apiClient) this reads. */
export interface ActualsSource {
  listActuals(costCentre: string, from?: string, to?: string): Promise<VersionLine[]>;
}

export interface ServerActualsLoaded extends ActualsLoaded {
  /** Amounts the server has for accounts the template does not have, and those accounts. */
  skipped: { amounts: number; accounts: string[] };
}

/**
 * Reads the server's actuals of every cost centre of the workbook's template, for its closed months.
 * (resolveTemplate guarantees at least one closed month.)
 * @throws FpaError when there is no template, or naming the cost centre whose read failed (nothing
 *   is written); the template's own refusals for lines or months it does not have.
 */
export async function loadServerActuals(workbook: Workbook, source: ActualsSource): Promise<ServerActualsLoaded> {
  const spec = await lastTemplateSpec(workbook);
  if (!spec) throw noTemplate();
  const t = resolveTemplate(spec);
  const from = t.months[0];
  const to = t.months[t.forecastIndex - 1];
  const accounts = new Set(t.lines.map((l) => l.account));
  const centres = [...new Set(t.lines.map((l) => l.costCentre))];
  const grid: SheetValue[][] = [['cost centre', 'account', 'period', 'amount']];
  const skipped = { amounts: 0, accounts: new Set<string>() };
  for (const cc of centres) {
    let rows: VersionLine[];
    try {
      rows = await source.listActuals(cc, from, to);
    } catch (e) {
      throw new FpaError(
        'TEMPLATE_SERVER_ACTUALS',
        'missing',
        `The team server did not give the actuals of ${cc}: ${e instanceof Error ? e.message : String(e)}`,
        'Nothing was loaded. Check the connection and that you may read this cost centre, then try again.',
      );
    }
    for (const row of rows) {
      if (!accounts.has(row.account)) {
        skipped.amounts++;
        skipped.accounts.add(row.account);
      } else grid.push([cc, row.account, row.period, row.amount]);
    }
  }
  const loaded = await loadActuals(workbook, grid);
  return { ...loaded, skipped: { amounts: skipped.amounts, accounts: [...skipped.accounts].sort() } };
}
