/**
 * The Plan and Actuals sheets: one input amount per line and month, a total per line, and the
 * roll-up below. Amounts are the user's (kept on re-runs); everything else is a formula.
 */
import type { Amount, TemplateData } from './data';
import { formulaCell, num, withResults } from './data';
import { columns, rowSum } from './formulas';
import type { LineColumn } from './lines';
import { HEADER_ROW, keyColumns, linesTable, rollupRow, sheetHeading } from './lines';
import type { TemplateSheet, TemplateValue } from './plan';
import type { RollupColumn } from './rollup';
import { rollupTable } from './rollup';
import type { ResolvedTemplate } from './spec';

export const TABLES = {
  plan: { lines: 'fpaPlan', rollup: 'fpaPlanRollup', amounts: 'fpa_PlanAmounts' },
  actuals: { lines: 'fpaActuals', rollup: 'fpaActualsRollup', amounts: 'fpa_ActualAmounts' },
} as const;

/** The width of an amount column, in characters. */
export const AMOUNT_WIDTH = 11;

/** Builds the Plan (role "plan") or Actuals (role "actuals") sheet. */
export function amountsSheet(t: ResolvedTemplate, role: 'plan' | 'actuals', data: TemplateData): TemplateSheet {
  const names = TABLES[role];
  const source = role === 'plan' ? data.plan : data.actual;
  const results = withResults(data);
  const amount = (id: string, m: number): Amount => source.get(id)?.[m] ?? null;
  const months: LineColumn[] = t.months.map((month, m) => ({
    header: month,
    format: 'amount',
    width: AMOUNT_WIDTH,
    input: true,
    sums: true,
    cell: (line) => amount(line.id, m),
  }));
  const total: LineColumn = {
    header: 'total',
    format: 'amount',
    width: 13,
    sums: true,
    cell: (line) =>
      formulaCell(`=${rowSum(names.lines, t.months)}`, results, () =>
        t.months.reduce((s, _, m) => s + num(amount(line.id, m)), 0),
      ),
  };
  const keys = keyColumns(t);
  const lines = linesTable(names.lines, t, [...keys, total, ...months]);
  const rollupColumns: RollupColumn[] = [total, ...months].map(({ header, format, width }) => ({
    header,
    format,
    width,
  }));
  const rollup = rollupTable(t, {
    name: names.rollup,
    source: names.lines,
    row: rollupRow(t.lines.length),
    caption: `Roll-up of ${role === 'plan' ? 'the plan' : 'actuals'} (formulas over the table above)`,
    columns: rollupColumns,
    lineValues: results ? (lines.values as Map<string, TemplateValue[]>) : null,
  });
  const closed = t.months[t.forecastIndex - 1];
  return {
    role,
    name: t.sheets[role],
    texts: sheetHeading(
      role === 'plan' ? 'Plan' : 'Actuals',
      role === 'plan'
        ? `Budget by cost centre and account, ${t.months[0]} to ${t.months[t.months.length - 1]}. Type amounts in the month columns; totals and the roll-up are formulas.`
        : `Actuals booked through ${closed} (forecast from ${t.months[t.forecastIndex]}). Load them from the pane (Budget › Load actuals) or type them.`,
    ),
    tables: [lines.table, rollup],
    spills: [],
    freeze: { rows: HEADER_ROW + 1, columns: keys.length },
    names: [
      {
        name: names.amounts,
        refersTo: columns(names.lines, t.months[0], t.months[t.months.length - 1]),
      },
    ],
    charts: [],
  };
}
