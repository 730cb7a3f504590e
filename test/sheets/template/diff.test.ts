/**
 * The diff preview and what stops a run: user data where the template would write, outside what it
 * wrote before; tables of the template's names it did not make. A re-run that adds cost centres
 * lists the lines it adds and the roll-ups it moves.
 */
import { cellAddress, parseCell } from '../../../src/sheets/a1';
import type { ExistingSheet, WorkbookState } from '../../../src/sheets/template/diff';
import { freeSheetName, templateChanges } from '../../../src/sheets/template/diff';
import { buildTemplatePlan } from '../../../src/sheets/template/template-plan';
import { salesOnlySpec, smallSpec, specWithMoreCostCentres } from './helpers';

const grid = (cells: Record<string, unknown>): ExistingSheet => {
  const out: unknown[][] = [];
  for (const [a1, v] of Object.entries(cells)) {
    const { row: r, column: c } = parseCell(a1);
    while (out.length <= r) out.push([]);
    out[r][c] = v;
  }
  return { cells: out };
};
const state = (sheets: Record<string, ExistingSheet>, tables: Record<string, string> = {}): WorkbookState => ({
  sheets: new Map(Object.entries(sheets)),
  tables: new Map(Object.entries(tables)),
});

describe('templateChanges', () => {
  const first = buildTemplatePlan(smallSpec());

  test('a first run into an empty workbook adds five sheets', () => {
    const { changes, losses, conflicts } = templateChanges(first, null, state({ Sheet1: grid({}) }));
    expect(conflicts).toEqual([]);
    expect(losses).toEqual([]);
    expect(changes).toEqual([
      'Add sheet "Plan" (fpaPlan, fpaPlanRollup)',
      'Add sheet "Actuals" (fpaActuals, fpaActualsRollup)',
      'Add sheet "Forecast" (fpaForecast, fpaForecastRollup)',
      'Add sheet "Variance" (fpaVariance, fpaVarianceRollup)',
      'Add sheet "Dashboard" (fpaDashboard, fpaDashboardRollup, fpaDashboardFlags, fpaDashboardProposals, fpaDashboardMonths)',
    ]);
  });

  test('a sheet of the user’s where the template would write stops the run, naming the cell and a free name', () => {
    const { conflicts } = templateChanges(first, null, state({ Plan: grid({ C7: 'my note' }), 'Plan (2)': grid({}) }));
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0].code).toBe('TEMPLATE_SHEET_IN_USE');
    expect(conflicts[0].message).toBe('Sheet "Plan" already holds data at C7, where the template would write.');
    expect(conflicts[0].hint).toContain('"Plan (3)"');
  });

  test('an empty sheet of that name is written into; data far from the template is fine', () => {
    const { changes, conflicts } = templateChanges(first, null, state({ Plan: grid({ Z1: 'far away' }) }));
    expect(conflicts).toEqual([]);
    expect(changes[0]).toBe('Write the template into the empty sheet "Plan"');
  });

  test('a table of a template name the template did not make is a conflict', () => {
    const { conflicts } = templateChanges(first, null, state({}, { fpaPlan: 'Other' }));
    expect(conflicts.map((c) => c.message)).toEqual([
      'table fpaPlan: a table of that name already exists on sheet "Other".',
    ]);
  });

  test('a re-run with two more cost centres lists the added lines and the moved roll-ups, and keeps user edits', () => {
    const more = buildTemplatePlan(
      specWithMoreCostCentres([
        ['', 'Ops', 'O2'],
        ['', 'R&D', 'R1'],
      ]),
    );
    // What the first run wrote is there, plus a user's note beside the table, far right.
    const written = grid({ A1: 'Plan', A4: 'id', A5: 'S1/Travel', E14: 123, AH5: 'my note' });
    const sheets = Object.fromEntries(
      first.sheets.map((s) => [s.name, s.name === 'Plan' ? written : grid({ A1: s.name })]),
    );
    const { changes, conflicts } = templateChanges(more, first, state(sheets));
    expect(conflicts).toEqual([]);
    expect(changes).toContain('Plan: add 4 line(s) (O2/Travel, O2/Salaries, R1/Travel, R1/Salaries)');
    expect(changes).toContain('Plan: move fpaPlanRollup from A12:AB20 to A16');
    expect(changes.filter((c) => c.startsWith('Dashboard:'))).toEqual(['Dashboard: add 2 line(s) (O2, R1)']);
  });

  test('a re-run without a cost centre lists the lines it removes and, apart, the typed amounts it deletes', () => {
    const less = buildTemplatePlan(salesOnlySpec());
    // Amounts typed in the first run's Plan: S1/Travel (kept) and O1's two lines (dropped).
    const lines = first.sheets[0].tables[0];
    const at = (id: string, month: string) =>
      cellAddress(
        lines.row + 1 + lines.rows.findIndex((r) => r[0] === id),
        lines.column + lines.columns.findIndex((c) => c.header === month),
      );
    const typed = grid({
      A1: 'Plan',
      [at('S1/Travel', '2025-01')]: 10,
      [at('O1/Travel', '2025-01')]: 20,
      [at('O1/Travel', '2025-02')]: 21,
      [at('O1/Salaries', '2025-03')]: 30,
    });
    const sheets = Object.fromEntries(
      first.sheets.map((s) => [s.name, s.name === 'Plan' ? typed : grid({ A1: s.name })]),
    );
    const { changes, losses, conflicts } = templateChanges(less, first, state(sheets));
    expect(conflicts).toEqual([]);
    expect(changes).toContain('Plan: remove 2 line(s) (O1/Travel, O1/Salaries)');
    expect(changes).toContain('Actuals: remove 2 line(s) (O1/Travel, O1/Salaries)');
    expect(changes).toContain('Plan: move fpaPlanRollup from A12:AB20 to A10');
    expect(losses).toEqual(['Plan: 3 amount(s) typed in 2 removed line(s) (O1/Travel, O1/Salaries) will be deleted']);
    // Nothing typed in the dropped lines: nothing to lose.
    const plain = Object.fromEntries(first.sheets.map((s) => [s.name, grid({ A1: s.name })]));
    expect(templateChanges(less, first, state(plain)).losses).toEqual([]);
  });

  test('a user’s note where a roll-up must move to stops the re-run', () => {
    const more = buildTemplatePlan(smallSpec({ accounts: ['Travel', 'Salaries', 'Rent'] }));
    const sheets = Object.fromEntries(first.sheets.map((s) => [s.name, grid({ A1: s.name })]));
    sheets.Plan = grid({ A1: 'Plan', B22: 'note under the roll-up' });
    const { conflicts } = templateChanges(more, first, state(sheets));
    expect(conflicts.map((c) => c.message)).toEqual([
      'Sheet "Plan" already holds data at B22, where the template would write.',
    ]);
  });
});

describe('freeSheetName', () => {
  test('the first free "(n)" name, any case', () => {
    expect(freeSheetName('Plan', ['plan', 'PLAN (2)'])).toBe('Plan (3)');
    expect(freeSheetName('x'.repeat(31), []).length).toBeLessThanOrEqual(31);
  });
});
