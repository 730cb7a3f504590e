/**
 * The Variance sheet: per line, plan vs actual for the fiscal year so far, the year-end landing
 * against the plan, then the plan and actual months in the plan/actual layout src/sheets reads
 * (`plan <month>`, `actual <month>`: the pane's Anomalies scan reads this table as it is), and
 * `=FPA.VARIANCE.FLAGS(plan, actual, ids)` spilled beside it.
 */
import { AMOUNT_WIDTH, TABLES as AMOUNTS } from './amounts-sheet';
import type { Amount, TemplateData } from './data';
import { formulaCell, num, withResults } from './data';
import { FORECAST_TABLES, LANDING } from './forecast-sheet';
import { column, columns, lookup, lookupKeepBlank, ratio, rowSum, thisRow } from './formulas';
import type { LineColumn } from './lines';
import { HEADER_ROW, keyColumns, linesTable, rollupRow, sheetHeading } from './lines';
import type { FormatName, TemplateSheet, TemplateValue } from './plan';
import { differenceColumn, ratioColumn, rollupTable } from './rollup';
import type { ResolvedTemplate, TemplateLine } from './spec';
import { BUDGET_COLUMNS } from '../budget-table';
import { columnLetters, sheetReference } from '../a1';

export const VARIANCE_TABLES = {
  lines: 'fpaVariance',
  rollup: 'fpaVarianceRollup',
  flagLines: 'fpa_FlagLines',
  flagKinds: 'fpa_FlagKinds',
  flagSeverity: 'fpa_FlagSeverity',
};

/** The summary columns, in order. */
export const V = {
  fyPlan: 'FY plan',
  ytdPlan: 'YTD plan',
  ytdActual: 'YTD actual',
  ytdVariance: 'YTD variance',
  ytdPct: 'YTD variance %',
  landing: LANDING,
  fyVariance: 'FY variance',
  fyPct: 'FY variance %',
} as const;

/** The header of a plan or actual month column, as the plan/actual reader takes it. */
export const planHeader = (month: string): string => `plan ${month}`;
export const actualHeader = (month: string): string => `actual ${month}`;

/** FPA.VARIANCE.FLAGS' columns: line, period, through, kind, severity, explanation. */
export const FLAG_SPILL = { line: 0, period: 1, through: 2, kind: 3, severity: 4, explanation: 5 } as const;
const FLAG_COLUMNS = 6;
const FLAG_WIDTHS = [24, 9, 9, 12, 9, 80];
const FLAG_FORMATS: FormatName[] = ['text', 'text', 'text', 'text', 'score', 'text'];

/** Rows kept free under the flags formula for its spill. */
export const flagRows = (lineCount: number): number => Math.max(100, 2 * lineCount);

export function varianceSheet(t: ResolvedTemplate, data: TemplateData): TemplateSheet {
  const table = VARIANCE_TABLES.lines;
  const results = withResults(data);
  const f = t.forecastIndex;
  const plan = (l: TemplateLine, m: number) => data.plan.get(l.id)?.[m] ?? null;
  const actual = (l: TemplateLine, m: number) => data.actual.get(l.id)?.[m] ?? null;
  const sum = (get: (m: number) => Amount | undefined, from: number, to: number) => {
    let s = 0;
    for (let m = from; m <= to; m++) s += num(get(m));
    return s;
  };
  const fyPlan = (l: TemplateLine) => sum((m) => plan(l, m), t.year.from, t.year.to);
  const ytdPlan = (l: TemplateLine) => sum((m) => plan(l, m), t.year.from, f - 1);
  const ytdActual = (l: TemplateLine) => sum((m) => actual(l, m), t.year.from, f - 1);
  const landing = (l: TemplateLine) => {
    const fc = data.forecast?.get(l.id);
    return ytdActual(l) + sum((m) => num(fc?.mean[m - f]), f, t.year.to);
  };
  const cell = (formula: string, result: () => TemplateValue) => formulaCell(`=${formula}`, results, result);
  const amount = (header: string, compute: (l: TemplateLine) => TemplateValue, formula: string): LineColumn => ({
    header,
    format: 'amount',
    width: 12,
    sums: true,
    cell: (l) => cell(formula, () => compute(l)),
  });
  const pct = (header: string, a: string, b: string, compute: (l: TemplateLine) => TemplateValue): LineColumn => ({
    header,
    format: 'percent',
    width: 11,
    cell: (l) => cell(ratio(thisRow(table, a), thisRow(table, b)), () => compute(l)),
  });
  const yearPlan = t.months.slice(t.year.from, t.year.to + 1).map(planHeader);
  const closedPlan = t.months.slice(t.year.from, f).map(planHeader);
  const closedActual = t.months.slice(t.year.from, f).map(actualHeader);
  const share = (a: number, b: number): TemplateValue => (b === 0 ? '' : a / b);
  const summary: LineColumn[] = [
    amount(V.fyPlan, fyPlan, rowSum(table, yearPlan)),
    amount(V.ytdPlan, ytdPlan, rowSum(table, closedPlan)),
    amount(V.ytdActual, ytdActual, rowSum(table, closedActual)),
    amount(
      V.ytdVariance,
      (l) => ytdActual(l) - ytdPlan(l),
      `${thisRow(table, V.ytdActual)}-${thisRow(table, V.ytdPlan)}`,
    ),
    pct(V.ytdPct, V.ytdVariance, V.ytdPlan, (l) => share(ytdActual(l) - ytdPlan(l), ytdPlan(l))),
    amount(V.landing, landing, lookup(table, FORECAST_TABLES.lines, LANDING)),
    amount(V.fyVariance, (l) => landing(l) - fyPlan(l), `${thisRow(table, V.landing)}-${thisRow(table, V.fyPlan)}`),
    pct(V.fyPct, V.fyVariance, V.fyPlan, (l) => share(landing(l) - fyPlan(l), fyPlan(l))),
  ];
  const monthColumns = (kind: 'plan' | 'actual'): LineColumn[] =>
    t.months.map((month, m) => ({
      header: kind === 'plan' ? planHeader(month) : actualHeader(month),
      format: 'amount',
      width: AMOUNT_WIDTH,
      cell: (l) =>
        kind === 'plan'
          ? cell(lookup(table, AMOUNTS.plan.lines, month), () => plan(l, m) ?? 0)
          : cell(lookupKeepBlank(table, AMOUNTS.actuals.lines, month), () => actual(l, m) ?? ''),
    }));
  const keys = keyColumns(t);
  const lines = linesTable(table, t, [...keys, ...summary, ...monthColumns('plan'), ...monthColumns('actual')]);
  const width = lines.table.columns.length;
  const flagsColumn = width + 1;
  const reserve = flagRows(t.lines.length);
  const first = t.months[0];
  const last = t.months[t.months.length - 1];
  // Periods are named by the Plan table's month headers, so flags read "2025-03", not "3".
  const monthLabels = `${AMOUNTS.plan.lines}[[#Headers],[${first}]:[${last}]]`;
  const flagsFormula = `=FPA.VARIANCE.FLAGS(${columns(table, planHeader(first), planHeader(last))},${columns(table, actualHeader(first), actualHeader(last))},${column(table, BUDGET_COLUMNS.id[0])},,${monthLabels})`;
  const rollup = rollupTable(t, {
    name: VARIANCE_TABLES.rollup,
    source: table,
    row: rollupRow(t.lines.length),
    caption: 'Roll-up of plan, actuals and landing (formulas over the table above)',
    columns: [
      { header: V.fyPlan, format: 'amount', width: 12 },
      { header: V.ytdPlan, format: 'amount', width: 12 },
      { header: V.ytdActual, format: 'amount', width: 12 },
      differenceColumn(V.ytdVariance, V.ytdActual, V.ytdPlan),
      ratioColumn(V.ytdPct, V.ytdVariance, V.ytdPlan),
      { header: V.landing, format: 'amount', width: 12 },
      differenceColumn(V.fyVariance, V.landing, V.fyPlan),
      ratioColumn(V.fyPct, V.fyVariance, V.fyPlan),
    ],
    lineValues: results ? lines.values : null,
  });
  const at = (offset: number) => absolute(t.sheets.variance, HEADER_ROW + 1, flagsColumn + offset, reserve - 1);
  return {
    role: 'variance',
    name: t.sheets.variance,
    texts: [
      ...sheetHeading(
        'Variance',
        `Fiscal year ${t.months[t.year.from]} to ${t.months[t.year.to]}, actuals through ${t.months[f - 1]}. Flags from =FPA.VARIANCE.FLAGS at the right of the table.`,
      ),
      { row: HEADER_ROW - 1, column: flagsColumn, text: 'Flags (=FPA.VARIANCE.FLAGS)', style: 'caption' },
    ],
    tables: [lines.table, rollup],
    spills: [
      {
        row: HEADER_ROW,
        column: flagsColumn,
        formula: flagsFormula,
        ...(data.flags ? { result: data.flags.map((r) => [...r]) } : {}),
        reserve: { rows: reserve, columns: FLAG_COLUMNS },
        widths: FLAG_WIDTHS,
        formats: FLAG_FORMATS,
      },
    ],
    freeze: { rows: HEADER_ROW + 1, columns: keys.length },
    names: [
      { name: VARIANCE_TABLES.flagLines, refersTo: at(FLAG_SPILL.line) },
      { name: VARIANCE_TABLES.flagKinds, refersTo: at(FLAG_SPILL.kind) },
      { name: VARIANCE_TABLES.flagSeverity, refersTo: at(FLAG_SPILL.severity) },
    ],
    charts: [],
  };
}

/** 'Sheet'!$X$5:$X$104 for `rows` rows from (row, column), 0-based. */
export function absolute(sheet: string, row: number, col: number, rows: number): string {
  const letters = columnLetters(col);
  return `${sheetReference(sheet)}!$${letters}$${row + 1}:$${letters}$${row + rows}`;
}
