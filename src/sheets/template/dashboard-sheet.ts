/**
 * The execution dashboard: budget vs actual vs landing by cost centre (the owner's first), burn
 * rate, roll-ups by entity and department, open flags by severity, pending proposals, the monthly
 * totals, and three native charts over those tables. Every figure but the proposals is a formula
 * over the Variance, Plan, Actuals and Forecast tables; the proposals are copied from the pane's
 * store when the dashboard is written.
 */
import { SEVERITY_BANDS } from '../../model/flag';
import { cellAddress } from '../a1';
import { TABLES as AMOUNTS } from './amounts-sheet';
import type { Amount, TemplateData } from './data';
import { formulaCell, num, withResults } from './data';
import { FORECAST_TABLES } from './forecast-sheet';
import { sheetHeading } from './lines';
import { column, ratio, thisRow } from './formulas';
import type { TemplateCell, TemplateChart, TemplateColumn, TemplateSheet, TemplateTable, TemplateValue } from './plan';
import { differenceColumn, ratioColumn, rollupTable } from './rollup';
import type { ResolvedTemplate } from './spec';
import { FLAG_SPILL, V, VARIANCE_TABLES } from './variance-sheet';

export const DASHBOARD_TABLES = {
  centres: 'fpaDashboard',
  rollup: 'fpaDashboardRollup',
  flags: 'fpaDashboardFlags',
  proposals: 'fpaDashboardProposals',
  months: 'fpaDashboardMonths',
};

/** Charts sit on rows 4–20; tables start under them. */
const CHART_ROW = 3;
const TABLE_ROW = 22;
const D = { burn: 'burn %', monthly: 'monthly burn', vsPlan: 'landing vs plan', pct: 'landing %', flags: 'open flags' };

/** A column of amounts, 12 characters wide unless said; a column of text. */
const amount = (header: string, width = 12): TemplateColumn => ({ header, format: 'amount', width });
const text = (header: string, width: number): TemplateColumn => ({ header, format: 'text', width });

/** Cost centres, the owner's first, each group in hierarchy order. */
export function ownerFirst(t: ResolvedTemplate): ResolvedTemplate['costCentres'] {
  const owner = t.owner;
  if (!owner) return t.costCentres;
  const mine = (cc: { name: string; owner: string }) =>
    owner.costCentres.some((n) => n.toLowerCase() === cc.name.toLowerCase()) ||
    (owner.name !== '' && cc.owner.toLowerCase() === owner.name.toLowerCase());
  return [...t.costCentres.filter(mine), ...t.costCentres.filter((cc) => !mine(cc))];
}

export function dashboardSheet(
  t: ResolvedTemplate,
  data: TemplateData,
  variance: Map<string, TemplateValue[]> | null,
): TemplateSheet {
  const results = withResults(data) && variance !== null;
  const f = t.forecastIndex;
  const closedMonths = f - t.year.from;
  const cell = (formula: string, result: () => TemplateValue) => formulaCell(`=${formula}`, results, result);
  const centres = ownerFirst(t);
  const table = DASHBOARD_TABLES.centres;
  const sumOf = (header: string, cc: string) => {
    const values = variance?.get(header) ?? [];
    return t.lines.reduce(
      (s, l, i) => s + (l.costCentre === cc && typeof values[i] === 'number' ? (values[i] as number) : 0),
      0,
    );
  };
  const sumifs = (header: string) =>
    `SUMIFS(${column(VARIANCE_TABLES.lines, header)},${column(VARIANCE_TABLES.lines, 'cost centre')},${thisRow(table, 'cost centre')})`;
  const flagCount = (cc: string) =>
    (data.flags ?? [])
      .slice(1)
      .filter((r) => String(r[FLAG_SPILL.line]).startsWith(`${cc}/`) && r[FLAG_SPILL.kind] !== 'none').length;
  const share = (a: number, b: number): TemplateValue => (b === 0 ? '' : a / b);
  const centreRows = centres.map((cc) => {
    const plan = sumOf(V.fyPlan, cc.name);
    const ytdPlan = sumOf(V.ytdPlan, cc.name);
    const actual = sumOf(V.ytdActual, cc.name);
    const landing = sumOf(V.landing, cc.name);
    return [
      cc.name,
      cc.owner,
      ...cc.path,
      cell(sumifs(V.fyPlan), () => plan),
      cell(sumifs(V.ytdPlan), () => ytdPlan),
      cell(sumifs(V.ytdActual), () => actual),
      cell(ratio(thisRow(table, V.ytdActual), thisRow(table, V.fyPlan)), () => share(actual, plan)),
      closedMonths === 0 ? '' : cell(`${thisRow(table, V.ytdActual)}/${closedMonths}`, () => actual / closedMonths),
      cell(sumifs(V.landing), () => landing),
      cell(`${thisRow(table, V.landing)}-${thisRow(table, V.fyPlan)}`, () => landing - plan),
      cell(ratio(thisRow(table, D.vsPlan), thisRow(table, V.fyPlan)), () => share(landing - plan, plan)),
      cell(
        `COUNTIFS(${VARIANCE_TABLES.flagLines},${thisRow(table, 'cost centre')}&"/*",${VARIANCE_TABLES.flagKinds},"<>none")`,
        () => flagCount(cc.name),
      ),
    ];
  });
  const centresTable: TemplateTable = {
    name: table,
    row: TABLE_ROW,
    column: 0,
    caption: t.owner ? `By cost centre (${t.owner.name}'s first)` : 'By cost centre',
    columns: [
      text('cost centre', 14),
      text('owner', 12),
      ...t.levels.map((level) => text(level, 14)),
      amount(V.fyPlan),
      amount(V.ytdPlan),
      amount(V.ytdActual),
      { header: D.burn, format: 'percent', width: 9 },
      amount(D.monthly),
      amount(V.landing),
      amount(D.vsPlan),
      { header: D.pct, format: 'percent', width: 10 },
      { header: D.flags, format: 'general', width: 10 },
    ],
    rows: centreRows,
  };
  const rollupColumn = centresTable.column + centresTable.columns.length + 1;
  const rollup = rollupTable(t, {
    name: DASHBOARD_TABLES.rollup,
    source: VARIANCE_TABLES.lines,
    row: TABLE_ROW,
    caption: 'Roll-up',
    columns: [
      amount(V.fyPlan),
      amount(V.ytdActual),
      ratioColumn(D.burn, V.ytdActual, V.fyPlan),
      amount(V.landing),
      differenceColumn(D.vsPlan, V.landing, V.fyPlan),
      ratioColumn(D.pct, D.vsPlan, V.fyPlan),
    ],
    lineValues: results ? variance : null,
    keep: (node) => node.level !== 'cost centre',
  });
  rollup.column = rollupColumn;
  const flagsColumn = rollupColumn + rollup.columns.length + 1;
  const flags = flagsTable(flagsColumn, data, results);
  const proposals = proposalsTable(t, flagsColumn, TABLE_ROW + flags.rows.length + 3);
  const monthsColumn = flagsColumn + proposals.columns.length + 1;
  const months = monthsTable(t, data, monthsColumn, results);
  const charts: TemplateChart[] = [
    plotColumns(centresTable, 'cost centre', [V.fyPlan, V.ytdActual, V.landing], {
      name: 'fpaChartLanding',
      kind: 'column',
      title: 'FY plan, actual to date and landing by cost centre',
      column: 0,
      width: 420,
    }),
    plotColumns(months, 'month', ['plan', 'actual', 'forecast'], {
      name: 'fpaChartMonths',
      kind: 'line',
      title: 'Plan, actual and forecast by month',
      column: 7,
      width: 420,
    }),
    plotColumns(flags, 'severity', ['open flags'], {
      name: 'fpaChartFlags',
      kind: 'bar',
      title: 'Open flags by severity',
      column: 14,
      width: 300,
    }),
  ];
  return {
    role: 'dashboard',
    name: t.sheets.dashboard,
    texts: sheetHeading(
      'Budget execution',
      `Fiscal year ${t.months[t.year.from]} to ${t.months[t.year.to]}, actuals through ${t.months[f - 1]}.${t.owner ? ` Cost centres of ${t.owner.name} first.` : ''} Proposals as of the last refresh from the pane.`,
    ),
    tables: [centresTable, rollup, flags, proposals, months],
    spills: [],
    freeze: { rows: 0, columns: 0 },
    names: [],
    charts,
  };
}

/** The body of a table's column, as the local A1 range a chart reads. */
function columnBody(tbl: TemplateTable, header: string): string {
  const c = tbl.column + tbl.columns.findIndex((col) => col.header === header);
  return `${cellAddress(tbl.row + 1, c)}:${cellAddress(tbl.row + tbl.rows.length, c)}`;
}

/** A chart in the charts' row of some columns of a dashboard table against one of its columns. */
function plotColumns(
  tbl: TemplateTable,
  categories: string,
  series: readonly string[],
  chart: Pick<TemplateChart, 'name' | 'kind' | 'title' | 'column' | 'width'>,
): TemplateChart {
  return {
    name: chart.name,
    kind: chart.kind,
    title: chart.title,
    categories: columnBody(tbl, categories),
    series: series.map((s) => ({ name: s, values: columnBody(tbl, s) })),
    row: CHART_ROW,
    column: chart.column,
    width: chart.width,
    height: 260,
  };
}

function flagsTable(col: number, data: TemplateData, results: boolean): TemplateTable {
  const table = DASHBOARD_TABLES.flags;
  const rows = SEVERITY_BANDS.map((band, i) => {
    const to = i === 0 ? 1.01 : SEVERITY_BANDS[i - 1].from;
    const count = (data.flags ?? []).slice(1).filter((r) => {
      const severity = r[FLAG_SPILL.severity];
      return r[FLAG_SPILL.kind] !== 'none' && typeof severity === 'number' && severity >= band.from && severity < to;
    }).length;
    const formula = `=COUNTIFS(${VARIANCE_TABLES.flagSeverity},">="&${thisRow(table, 'from')},${VARIANCE_TABLES.flagSeverity},"<"&${thisRow(table, 'to')},${VARIANCE_TABLES.flagKinds},"<>none")`;
    return [band.band, band.from, to, formulaCell(formula, results, () => count)];
  });
  return {
    name: table,
    row: TABLE_ROW,
    column: col,
    caption: 'Open flags by severity',
    columns: [
      text('severity', 10),
      { header: 'from', format: 'score', width: 7 },
      { header: 'to', format: 'score', width: 7 },
      { header: 'open flags', format: 'general', width: 10 },
    ],
    rows,
  };
}

function proposalsTable(t: ResolvedTemplate, col: number, row: number): TemplateTable {
  const rows: TemplateCell[][] = t.proposals.map((p) => [p.id, p.costCentres, p.state, p.change, p.by]);
  return {
    name: DASHBOARD_TABLES.proposals,
    row,
    column: col,
    caption: 'Pending proposals',
    columns: [text('proposal', 14), text('cost centres', 14), text('state', 10), amount('change', 11), text('by', 10)],
    rows: rows.length > 0 ? rows : [['none pending', '', '', null, '']],
  };
}

function monthsTable(t: ResolvedTemplate, data: TemplateData, col: number, results: boolean): TemplateTable {
  const f = t.forecastIndex;
  const total = (get: (id: string) => Amount | undefined) => t.lines.reduce((s, l) => s + num(get(l.id)), 0);
  const cell = (formula: string, result: () => TemplateValue) => formulaCell(`=${formula}`, results, result);
  const na = () => formulaCell('=NA()', results, () => '#N/A');
  const rows = t.months.map((month, m) => [
    month,
    cell(`SUM(${column(AMOUNTS.plan.lines, month)})`, () => total((id) => data.plan.get(id)?.[m])),
    m < f ? cell(`SUM(${column(AMOUNTS.actuals.lines, month)})`, () => total((id) => data.actual.get(id)?.[m])) : na(),
    m >= f - 1
      ? cell(`SUM(${column(FORECAST_TABLES.lines, month)})`, () =>
          total((id) => (m < f ? data.actual.get(id)?.[m] : data.forecast?.get(id)?.mean[m - f])),
        )
      : na(),
  ]);
  return {
    name: DASHBOARD_TABLES.months,
    row: TABLE_ROW,
    column: col,
    caption: 'Totals by month (#N/A where a series has no value, so charts leave a gap)',
    columns: [text('month', 9), amount('plan'), amount('actual'), amount('forecast')],
    rows,
  };
}
