/**
 * What goes into a template besides its layout: the amounts users type (plan, actuals), kept on
 * re-runs and loaded from files, and, for a workbook written outside Excel (the demo), the results
 * of the FPA functions computed by the engines, stored beside the formulas.
 */
import type { TemplateCell, TemplateValue } from './plan';

export interface LineForecast {
  mean: readonly number[];
  lower: readonly number[];
  upper: readonly number[];
}

/** An amount cell: a number, blank (null), or a text a user typed there (kept, counted as 0). */
export type Amount = number | string | null;

export interface TemplateData {
  /** Plan per line id, one amount per template month (null = blank). */
  plan: ReadonlyMap<string, ReadonlyArray<Amount>>;
  /** Actuals per line id, one amount per template month (null = not booked). */
  actual: ReadonlyMap<string, ReadonlyArray<Amount>>;
  /** With results: forecast per line id for the months from the first forecast month. */
  forecast?: ReadonlyMap<string, LineForecast>;
  /** With results: FPA.VARIANCE.FLAGS' spill (header first: line, period, through, kind, severity, explanation). */
  flags?: readonly (readonly TemplateValue[])[];
}

export const NO_DATA: TemplateData = { plan: new Map(), actual: new Map() };

/**
 * The plan and actual amounts of `data`, given for the months `from`, laid out for the months `to`:
 * a month in both keeps its amount, a month only in `to` is blank. The sample company's amounts
 * follow a form whose months were edited (2023-01 to 2026-12 adds a blank 2026).
 * @example dataForMonths({ plan: new Map([['A', [1, 2]]]), actual: new Map() }, ['2025-01', '2025-02'], ['2025-02', '2025-03']).plan.get('A') // [2, null]
 */
export function dataForMonths(data: TemplateData, from: readonly string[], to: readonly string[]): TemplateData {
  const at = new Map(from.map((m, i) => [m, i]));
  const relaid = (amounts: TemplateData['plan']) =>
    new Map(
      [...amounts].map(([line, row]): [string, Amount[]] => [
        line,
        to.map((m) => {
          const i = at.get(m);
          return i === undefined ? null : (row[i] ?? null);
        }),
      ]),
    );
  return { plan: relaid(data.plan), actual: relaid(data.actual) };
}

/** True when formulas should carry computed results (the demo workbook). */
export const withResults = (data: TemplateData): boolean => data.forecast !== undefined;

/**
 * A formula cell, carrying its computed result when the template is written with results.
 * @example formulaCell('=NA()', true, () => '#N/A') // { formula: '=NA()', result: '#N/A' }
 */
export const formulaCell = (formula: string, results: boolean, result: () => TemplateValue): TemplateCell =>
  results ? { formula, result: result() } : { formula };

/** A number for sums: blanks and texts count 0. */
export const num = (v: TemplateValue | undefined): number => (typeof v === 'number' ? v : 0);
