/**
 * The whole template as a plan: which cells are the user's amounts, which are formulas (forecast,
 * variance, every subtotal), and, for a workbook written with results (the demo), that the results
 * stored beside the formulas add up the way the formulas do.
 */
import { readBudgetTable } from '../../../src/sheets/budget-table';
import type { LineForecast, TemplateData } from '../../../src/sheets/template/data';
import { buildTemplatePlan, columnValues } from '../../../src/sheets/template/template-plan';
import type { TemplateCell, TemplatePlan, TemplateSheet, TemplateTable } from '../../../src/sheets/template/plan';
import { blockMinus, inBlock, isFormula } from '../../../src/sheets/template/plan';
import { resolveTemplate } from '../../../src/sheets/template/spec';
import { smallSpec } from './helpers';

const sheet = (plan: TemplatePlan, role: string): TemplateSheet => plan.sheets.find((s) => s.role === role)!;
const table = (s: TemplateSheet, name: string): TemplateTable => s.tables.find((t) => t.name === name)!;
const cellOf = (t: TemplateTable, row: number, header: string): TemplateCell =>
  t.rows[row][t.columns.findIndex((c) => c.header === header)];
const formulaOf = (c: TemplateCell): string => (isFormula(c) ? c.formula : `not a formula: ${JSON.stringify(c)}`);

/** Plan 100 + line index each month, actuals 110 + line index for the 6 closed months, a flat forecast. */
function sampleData(withResults: boolean): TemplateData {
  const t = resolveTemplate(smallSpec());
  const plan = new Map(t.lines.map((l, i) => [l.id, t.months.map(() => 100 + i)]));
  const actual = new Map(t.lines.map((l, i) => [l.id, t.months.map((_, m) => (m < 6 ? 110 + i : null))]));
  if (!withResults) return { plan, actual };
  const forecast = new Map<string, LineForecast>(
    t.lines.map((l, i) => [
      l.id,
      { mean: Array(18).fill(120 + i), lower: Array(18).fill(0), upper: Array(18).fill(999) },
    ]),
  );
  const flags = [
    ['line', 'period', 'through', 'kind', 'severity', 'explanation'],
    ['S1/Travel', '2025-03', '2025-04', 'overspend', 0.8, 'x'],
    ['O1/Salaries', '2025-02', '2025-02', 'outlier', 0.55, 'y'],
    ['O1/Travel', '2025-05', '2025-06', 'run-rate', 0.2, 'z'],
  ];
  return { plan, actual, forecast, flags };
}

describe('buildTemplatePlan', () => {
  const plan = buildTemplatePlan(smallSpec(), sampleData(false));

  test('five sheets, each with a lines table and its roll-up, as Excel tables with names', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual(['Plan', 'Actuals', 'Forecast', 'Variance', 'Dashboard']);
    expect(plan.sheets.slice(0, 4).map((s) => s.tables.map((t) => t.name))).toEqual([
      ['fpaPlan', 'fpaPlanRollup'],
      ['fpaActuals', 'fpaActualsRollup'],
      ['fpaForecast', 'fpaForecastRollup'],
      ['fpaVariance', 'fpaVarianceRollup'],
    ]);
    expect(sheet(plan, 'plan').names).toEqual([{ name: 'fpa_PlanAmounts', refersTo: 'fpaPlan[[2025-01]:[2026-12]]' }]);
    expect(sheet(plan, 'plan').freeze).toEqual({ rows: 4, columns: 6 });
    expect(new Set(plan.sheets.flatMap((s) => s.tables.map((t) => t.name))).size).toBe(
      plan.sheets.flatMap((s) => s.tables).length,
    );
  });

  test('plan and actual amounts are values the user owns; the line total is a formula', () => {
    const lines = table(sheet(plan, 'plan'), 'fpaPlan');
    expect(cellOf(lines, 2, '2025-03')).toBe(102);
    expect(lines.columns.find((c) => c.header === '2025-03')!.input).toBe(true);
    expect(formulaOf(cellOf(lines, 0, 'total'))).toBe('=SUM(fpaPlan[[#This Row],[2025-01]:[2026-12]])');
    expect(cellOf(table(sheet(plan, 'actuals'), 'fpaActuals'), 0, '2025-07')).toBeNull();
  });

  test('the forecast months are =FPA.FORECAST.ROLLING on the line’s actuals so far; closed months read the actuals', () => {
    const lines = table(sheet(plan, 'forecast'), 'fpaForecast');
    const rolling =
      'FPA.FORECAST.ROLLING(INDEX(fpaActuals[[2025-01]:[2025-06]],MATCH(fpaForecast[[#This Row],[id]],fpaActuals[id],0),0),18)';
    expect(formulaOf(cellOf(lines, 0, '2025-07'))).toBe(`=INDEX(${rolling},1,1)`);
    expect(formulaOf(cellOf(lines, 0, '2026-12'))).toBe(`=INDEX(${rolling},18,1)`);
    expect(formulaOf(cellOf(lines, 0, '2025-06'))).toContain('INDEX(fpaActuals[2025-06],MATCH(');
    expect(formulaOf(cellOf(lines, 0, 'FY landing'))).toBe(
      '=fpaForecast[[#This Row],[YTD actual]]+fpaForecast[[#This Row],[rest of year]]',
    );
    expect(formulaOf(cellOf(lines, 0, 'rest of year'))).toBe('=SUM(fpaForecast[[#This Row],[2025-07]:[2025-12]])');
    for (const row of lines.rows) for (const c of row.slice(6)) expect(isFormula(c)).toBe(true);
    expect(lines.columns.some((c) => c.header.startsWith('lo '))).toBe(false);
  });

  test('interval columns on request read the spill’s 2nd and 3rd columns', () => {
    const lines = table(sheet(buildTemplatePlan(smallSpec({ intervals: true })), 'forecast'), 'fpaForecast');
    expect(lines.columns.filter((c) => c.header.startsWith('lo ')).map((c) => c.header)[0]).toBe('lo 2025-07');
    expect(formulaOf(cellOf(lines, 0, 'hi 2026-12'))).toMatch(/^=INDEX\(FPA\.FORECAST\.ROLLING\(.*\),18,3\)$/);
  });

  test('Variance holds formulas only, in the layout the pane’s scan reads, with FPA.VARIANCE.FLAGS beside it', () => {
    const variance = sheet(plan, 'variance');
    const lines = table(variance, 'fpaVariance');
    for (const row of lines.rows) for (const c of row.slice(6)) expect(isFormula(c)).toBe(true);
    expect(formulaOf(cellOf(lines, 0, 'YTD variance %'))).toBe(
      '=IF(fpaVariance[[#This Row],[YTD plan]]=0,"",fpaVariance[[#This Row],[YTD variance]]/fpaVariance[[#This Row],[YTD plan]])',
    );
    expect(variance.spills).toHaveLength(1);
    expect(variance.spills[0].formula).toBe(
      '=FPA.VARIANCE.FLAGS(fpaVariance[[plan 2025-01]:[plan 2026-12]],fpaVariance[[actual 2025-01]:[actual 2026-12]],fpaVariance[id],,fpaPlan[[#Headers],[2025-01]:[2026-12]])',
    );
    expect(variance.spills[0].column).toBe(lines.columns.length + 1); // one blank column between
    expect(variance.names.map((n) => n.refersTo)).toEqual([
      'Variance!$BL$5:$BL$103',
      'Variance!$BO$5:$BO$103',
      'Variance!$BP$5:$BP$103',
    ]);
    // The header reads as the plan/actual table of the Anomalies view.
    const read = readBudgetTable([lines.columns.map((c) => c.header)]);
    expect(read.periods).toHaveLength(24);
  });

  test('roll-ups: every node of the hierarchy in outline order, every amount a formula', () => {
    for (const s of plan.sheets.slice(0, 4)) {
      const rollup = s.tables[1];
      expect(rollup.rows.map((r) => `${r[0]}:${r[1]}`)).toEqual([
        'entity:ACME',
        'department:Sales',
        'cost centre:S1',
        'cost centre:S2',
        'department:Ops',
        'cost centre:O1',
        'total:Total',
      ]);
      for (const row of rollup.rows) for (const c of row.slice(3)) expect(isFormula(c)).toBe(true);
      expect(rollup.row).toBe(3 + 6 + 3); // under the lines, two blank rows and the caption between
    }
    const planRollup = table(sheet(plan, 'plan'), 'fpaPlanRollup');
    expect(formulaOf(cellOf(planRollup, 1, '2025-01'))).toBe(
      '=SUMIFS(fpaPlan[2025-01],fpaPlan[department],fpaPlanRollup[[#This Row],[name]])',
    );
    expect(formulaOf(cellOf(planRollup, 6, 'total'))).toBe('=SUM(fpaPlan[total])');
  });

  test('the dashboard: cost centres with burn rate and landing, roll-up, flags by severity, proposals, months, 3 charts', () => {
    const dash = sheet(plan, 'dashboard');
    expect(dash.tables.map((t) => t.name)).toEqual([
      'fpaDashboard',
      'fpaDashboardRollup',
      'fpaDashboardFlags',
      'fpaDashboardProposals',
      'fpaDashboardMonths',
    ]);
    const centres = table(dash, 'fpaDashboard');
    expect(centres.rows.map((r) => r[0])).toEqual(['S1', 'S2', 'O1']);
    for (const row of centres.rows) for (const c of row.slice(4)) expect(isFormula(c)).toBe(true);
    expect(table(dash, 'fpaDashboardRollup').rows.map((r) => r[1])).toEqual(['ACME', 'Sales', 'Ops', 'Total']);
    expect(table(dash, 'fpaDashboardFlags').rows.map((r) => r[0])).toEqual(['high', 'medium', 'low']);
    expect(table(dash, 'fpaDashboardProposals').rows[0][0]).toBe('none pending');
    expect(dash.charts.map((c) => c.kind)).toEqual(['column', 'line', 'bar']);
    for (const chart of dash.charts) for (const s of chart.series) expect(s.values).toMatch(/^[A-Z]+\d+:[A-Z]+\d+$/);
  });

  test('the owner’s cost centres come first, by name or by owner', () => {
    const byName = buildTemplatePlan(smallSpec({ owner: { name: 'zed', costCentres: ['O1'] } }));
    expect(table(sheet(byName, 'dashboard'), 'fpaDashboard').rows.map((r) => r[0])).toEqual(['O1', 'S1', 'S2']);
    const byOwner = buildTemplatePlan(smallSpec({ owner: { name: 'BOB', costCentres: [] } }));
    expect(table(sheet(byOwner, 'dashboard'), 'fpaDashboard').rows.map((r) => r[0])).toEqual(['S2', 'S1', 'O1']);
  });

  test('pending proposals are listed', () => {
    const p = buildTemplatePlan(
      smallSpec({ proposals: [{ id: 'P-1', costCentres: 'S1→O1', state: 'submitted', change: 500, by: 'ann' }] }),
    );
    expect(table(sheet(p, 'dashboard'), 'fpaDashboardProposals').rows).toEqual([
      ['P-1', 'S1→O1', 'submitted', 500, 'ann'],
    ]);
  });
});

describe('buildTemplatePlan with results (the demo workbook)', () => {
  const plan = buildTemplatePlan(smallSpec(), sampleData(true));
  const values = (role: string, name: string) => columnValues(table(sheet(plan, role), name));

  test('every formula carries a result', () => {
    for (const s of plan.sheets)
      for (const t of s.tables)
        for (const row of t.rows) for (const c of row) if (isFormula(c)) expect(c).toHaveProperty('result');
  });

  test('line totals and roll-ups add up as their formulas do', () => {
    expect(values('plan', 'fpaPlan').get('total')).toEqual([0, 1, 2, 3, 4, 5].map((i) => 24 * (100 + i)));
    const rollup = values('plan', 'fpaPlanRollup').get('total')!;
    // ACME = all, Sales = S1+S2 (lines 0-3), S1 = lines 0-1, …, Total = all
    const line = (i: number) => 24 * (100 + i);
    expect(rollup).toEqual([
      [0, 1, 2, 3, 4, 5].map(line).reduce((a, b) => a + b),
      line(0) + line(1) + line(2) + line(3),
      line(0) + line(1),
      line(2) + line(3),
      line(4) + line(5),
      line(4) + line(5),
      [0, 1, 2, 3, 4, 5].map(line).reduce((a, b) => a + b),
    ]);
  });

  test('landing = actuals of the year so far + forecast of its remaining months; variance against the FY plan', () => {
    const f = values('forecast', 'fpaForecast');
    expect(f.get('YTD actual')![1]).toBe(6 * 111);
    expect(f.get('rest of year')![1]).toBe(6 * 121);
    expect(f.get('FY landing')![1]).toBe(6 * 111 + 6 * 121);
    expect(f.get('2025-08')![1]).toBe(121);
    const v = values('variance', 'fpaVariance');
    expect(v.get('FY plan')![1]).toBe(12 * 101);
    expect(v.get('YTD variance')![1]).toBe(6 * 111 - 6 * 101);
    expect(v.get('YTD variance %')![1]).toBeCloseTo(10 / 101, 12);
    expect(v.get('FY variance')![1]).toBe(6 * 111 + 6 * 121 - 12 * 101);
    const r = values('variance', 'fpaVarianceRollup');
    expect(r.get('YTD variance %')![6]).toBeCloseTo((6 * 6 * 10) / (6 * (100 + 101 + 102 + 103 + 104 + 105)), 12);
  });

  test('the dashboard counts open flags by severity band and per cost centre', () => {
    expect(values('dashboard', 'fpaDashboardFlags').get('open flags')).toEqual([1, 1, 1]);
    expect(values('dashboard', 'fpaDashboard').get('open flags')).toEqual([1, 0, 2]);
    const months = values('dashboard', 'fpaDashboardMonths');
    expect(months.get('actual')![0]).toBe(6 * 110 + 15);
    expect(months.get('actual')![6]).toBe('#N/A'); // a gap in the chart, not a zero
    expect(months.get('forecast')![6]).toBe(6 * 120 + 15);
    expect(months.get('forecast')![0]).toBe('#N/A');
  });
});

describe('blockMinus', () => {
  const b = (top: number, left: number, bottom: number, right: number) => ({ top, left, bottom, right });
  test('what is left of a block: nothing, itself, or the strips around the overlap', () => {
    expect(blockMinus(b(0, 0, 9, 3), [b(0, 0, 7, 3)])).toEqual([b(8, 0, 9, 3)]);
    expect(blockMinus(b(0, 0, 9, 3), [b(0, 0, 9, 3)])).toEqual([]);
    expect(blockMinus(b(0, 0, 1, 1), [b(5, 5, 6, 6)])).toEqual([b(0, 0, 1, 1)]);
    // A hole in the middle: above, below, left, right.
    expect(blockMinus(b(0, 0, 4, 4), [b(2, 2, 2, 2)])).toEqual([
      b(0, 0, 1, 4),
      b(3, 0, 4, 4),
      b(2, 0, 2, 1),
      b(2, 3, 2, 4),
    ]);
  });
  test('the strips cover exactly the cells outside the others (property over small grids)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const r = (k: number) => (seed * 7 + k * 13) % 6;
      const block = b(0, 0, 5, 5);
      const others = [b(r(1), r(2), r(1) + r(3), r(2) + r(4)), b(r(5), r(6), r(5) + 1, r(6) + 2)];
      const left = blockMinus(block, others);
      for (let i = 0; i <= 5; i++)
        for (let j = 0; j <= 5; j++) {
          const covered = left.filter((x) => inBlock(x, i, j)).length;
          expect(covered).toBe(others.some((o) => inBlock(o, i, j)) ? 0 : 1);
        }
    }
  });
});
