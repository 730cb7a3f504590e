/**
 * The Forecast sheet: per line, the actuals booked so far and, from the first forecast month, the
 * rolling forecast `=FPA.FORECAST.ROLLING(actuals so far, months left)` (one INDEX per month; the
 * engine remembers the fit, so the row costs one fit), optional interval columns, and the year-end
 * landing: actuals of the fiscal year so far + forecast of its remaining months.
 */
import { TABLES as AMOUNTS } from './amounts-sheet';
import { AMOUNT_WIDTH } from './amounts-sheet';
import type { TemplateData } from './data';
import { formulaCell, num, withResults } from './data';
import { column, lookupKeepBlank, matchRow, rowSum, thisRow, columns as span } from './formulas';
import type { LineColumn } from './lines';
import { HEADER_ROW, keyColumns, linesTable, rollupRow, sheetHeading } from './lines';
import type { TemplateCell, TemplateSheet } from './plan';
import { rollupTable } from './rollup';
import type { ResolvedTemplate, TemplateLine } from './spec';

export const FORECAST_TABLES = { lines: 'fpaForecast', rollup: 'fpaForecastRollup', amounts: 'fpa_ForecastAmounts' };
export const YTD_ACTUAL = 'YTD actual';
export const REST_OF_YEAR = 'rest of year';
export const LANDING = 'FY landing';

/** `FPA.FORECAST.ROLLING(actuals of this line before the forecast, months left)`. */
export function rollingCall(t: ResolvedTemplate): string {
  const table = FORECAST_TABLES.lines;
  const history = span(AMOUNTS.actuals.lines, t.months[0], t.months[t.forecastIndex - 1]);
  const horizon = t.months.length - t.forecastIndex;
  return `FPA.FORECAST.ROLLING(INDEX(${history},${matchRow(table, AMOUNTS.actuals.lines)},0),${horizon})`;
}

export function forecastSheet(t: ResolvedTemplate, data: TemplateData): TemplateSheet {
  const table = FORECAST_TABLES.lines;
  const results = withResults(data);
  const rolling = rollingCall(t);
  const f = t.forecastIndex;
  const value = (line: TemplateLine, m: number): number | string => {
    if (m < f) return data.actual.get(line.id)?.[m] ?? '';
    return data.forecast?.get(line.id)?.mean[m - f] ?? '';
  };
  const cell = (formula: string, result: () => number | string) => formulaCell(formula, results, result);
  const months: LineColumn[] = t.months.map((month, m) => ({
    header: month,
    format: 'amount',
    width: AMOUNT_WIDTH,
    sums: true,
    cell: (line): TemplateCell =>
      m < f
        ? cell(`=${lookupKeepBlank(table, AMOUNTS.actuals.lines, month)}`, () => value(line, m))
        : cell(`=INDEX(${rolling},${m - f + 1},1)`, () => value(line, m)),
  }));
  const bound = (name: 'lo' | 'hi', k: 2 | 3): LineColumn[] =>
    t.months.slice(f).map((month, j) => ({
      header: `${name} ${month}`,
      format: 'amount',
      width: AMOUNT_WIDTH,
      sums: false,
      cell: (line) =>
        cell(`=INDEX(${rolling},${j + 1},${k})`, () => {
          const fc = data.forecast?.get(line.id);
          return fc ? (k === 2 ? fc.lower[j] : fc.upper[j]) : '';
        }),
    }));
  const closed = t.months.slice(t.year.from, f);
  const rest = t.months.slice(f, t.year.to + 1);
  const sumOf = (line: TemplateLine, from: number, to: number) => {
    let s = 0;
    for (let m = from; m <= to; m++) s += num(value(line, m));
    return s;
  };
  const summary: LineColumn[] = [
    {
      header: YTD_ACTUAL,
      format: 'amount',
      width: 12,
      sums: true,
      cell: (line) => cell(`=${rowSum(table, closed)}`, () => sumOf(line, t.year.from, f - 1)),
    },
    {
      header: REST_OF_YEAR,
      format: 'amount',
      width: 12,
      sums: true,
      cell: (line) => cell(`=${rowSum(table, rest)}`, () => sumOf(line, f, t.year.to)),
    },
    {
      header: LANDING,
      format: 'amount',
      width: 12,
      sums: true,
      cell: (line) =>
        cell(`=${thisRow(table, YTD_ACTUAL)}+${thisRow(table, REST_OF_YEAR)}`, () =>
          sumOf(line, t.year.from, t.year.to),
        ),
    },
  ];
  const keys = keyColumns(t);
  const lines = linesTable(table, t, [
    ...keys,
    ...summary,
    ...months,
    ...(t.intervals ? [...bound('lo', 2), ...bound('hi', 3)] : []),
  ]);
  const rollup = rollupTable(t, {
    name: FORECAST_TABLES.rollup,
    source: table,
    row: rollupRow(t.lines.length),
    caption: 'Roll-up of actuals and forecast (formulas over the table above)',
    columns: [...summary, ...months].map(({ header, format, width }) => ({ header, format, width })),
    lineValues: results ? lines.values : null,
  });
  return {
    role: 'forecast',
    name: t.sheets.forecast,
    texts: [
      ...sheetHeading(
        'Forecast',
        `Actuals through ${t.months[f - 1]}, then =FPA.FORECAST.ROLLING on each line's actuals. Fiscal year ${t.months[t.year.from]} to ${t.months[t.year.to]}: ${LANDING} = ${YTD_ACTUAL} + ${REST_OF_YEAR}.`,
      ),
    ],
    tables: [lines.table, rollup],
    spills: [],
    freeze: { rows: HEADER_ROW + 1, columns: keys.length },
    names: [
      { name: FORECAST_TABLES.amounts, refersTo: span(table, t.months[0], t.months[t.months.length - 1]) },
      { name: 'fpa_Landing', refersTo: column(table, LANDING) },
    ],
    charts: [],
  };
}
