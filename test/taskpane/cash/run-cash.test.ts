/**
 * The Cash view's work through the workbook double and glpk.js (Node): what it writes is what the
 * core computes for the same plan, and bad cells are named.
 */
import { cashBuffer } from '../../../src/cash/cash-buffer';
import { liquidityRisk } from '../../../src/cash/liquidity-risk';
import { optimizeCash } from '../../../src/cash/optimize-cash';
import { optimizeScenarios } from '../../../src/cash/optimize-scenarios';
import { stressTest } from '../../../src/cash/stress-test';
import { glpkNodeSolver as solver } from '../../../src/solver/glpk-node';
import type { CashForm } from '../../../taskpane/cash/run-cash';
import { runCash, writeCash } from '../../../taskpane/cash/run-cash';
import { createWorkbookDouble } from '../../../taskpane/workbook/workbook-double';
import { SMALL_FLOWS as flows, SMALL_PLAN as plan, smallTrials } from './small-plan';

/** The plan's instruments as the sheet holds them. */
const instruments = [['name', 'term', 'rate'], ...plan.instruments.map((i) => [i.name, i.term, i.rate])];
const trials = smallTrials(30);
const shocks = [
  ['scenario', 'shock', 'value', 'period'],
  ['late', 'delay', 30, null],
  ['line cut', 'credit', -0.5, 2],
];

function workbook() {
  return createWorkbookDouble({
    ranges: {
      'Cash!B2:G2': [flows],
      'Trials!A1:F30': trials,
      'Cash!A5:C7': instruments,
      'Cash!J1:J2': [[500], [0.01]],
      'Cash!L1:O3': shocks,
    },
  });
}

const form: CashForm = {
  flows: 'Cash!B2:G2',
  instruments: 'Cash!A5:C7',
  creditLine: 'Cash!J1:J2',
  shocks: 'Cash!L1:O3',
  openingCash: 1000,
  minCash: 200,
  measure: 'cvar',
  alpha: 0.1,
  limit: 0,
};

describe('runCash and writeCash', () => {
  it('one row of flows: the optimal schedule and the stress tests, written to a new sheet', async () => {
    const book = workbook();
    const outcome = await runCash(book, form, solver);
    const core = await optimizeCash({ ...plan, flows }, solver);
    expect(outcome.trials).toBe(1);
    expect(outcome.objective).toBeCloseTo(core.objective, 9);
    expect(outcome.schedule[0][0]).toBe('period');
    expect(outcome.schedule).toHaveLength(1 + 6 + 1);
    expect(outcome.buffer).toBeNull();
    const stress = stressTest({ openingCash: 1000, minCash: 200, flows, creditLine: plan.creditLine }, [
      { name: 'late', kind: 'delay', days: 30 },
      { name: 'line cut', kind: 'credit', pct: -0.5, from: 2 },
    ]);
    expect(outcome.stress!.slice(1).map((r) => r[1])).toEqual(stress.map((s) => s.minCash));
    const written = await writeCash(book, outcome);
    expect(written.sheet).toBe('Cash plan');
    expect(Object.keys(written.tables)).toEqual(['schedule', 'stress']);
    expect(book.charts).toHaveLength(0);
    expect(book.tables[0].address).toBe("'Cash plan'!A1:K8"); // period, 2 invest, 2 mature, 6 more
  });

  it('warns when a rate looks annual (monthly plan), and runs with the rates as entered', async () => {
    expect((await runCash(workbook(), form, solver)).rateWarnings).toEqual([]);
    const book = createWorkbookDouble({
      ranges: {
        'Cash!B2:G2': [flows],
        'Cash!A5:C7': [
          ['name', 'term', 'rate'],
          ['ON', 1, 0.001],
          ['TD2', 2, 0.05], // 5% a month is 79.6% a year: surely the annual rate
        ],
        'Cash!J1:J2': [[500], [0.08]],
      },
    });
    const outcome = await runCash(book, { ...form, shocks: '' }, solver);
    expect(outcome.rateWarnings).toEqual([
      'TD2 rate 5% per month is 79.6% per year: if 5% is the annual rate, enter 0.41% per month.',
      'Credit line rate 8% per month is 151.8% per year: if 8% is the annual rate, enter 0.64% per month.',
    ]);
    // A quarterly plan judges the same numbers by four periods a year: 5% a quarter (21.6% a year) is
    // plausible, 8% a quarter (36% a year) is not.
    const quarterly = await runCash(book, { ...form, shocks: '', periodsPerYear: 4 }, solver);
    expect(quarterly.rateWarnings).toEqual([
      'Credit line rate 8% per quarter is 36% per year: if 8% is the annual rate, enter 1.9% per quarter.',
    ]);
  });

  it('trials: one plan under the risk limit, the buffer and the risk per period with its chart', async () => {
    const book = workbook();
    const outcome = await runCash(book, { ...form, flows: 'Trials!A1:F30', shocks: '' }, solver);
    const core = await optimizeScenarios({ ...plan, trials, risk: { measure: 'cvar', alpha: 0.1, limit: 0 } }, solver);
    expect(outcome.trials).toBe(30);
    expect(outcome.objective).toBeCloseTo(core.objective, 9);
    expect(outcome.riskAchieved).toBeCloseTo(core.risk.achieved, 9);
    const buffer = cashBuffer({ openingCash: 1000, trials, alpha: 0.1, ratePerPeriod: 0.004 });
    expect(outcome.buffer!.slice(1).map((r) => r[1])).toEqual(buffer.periods.map((p) => p.buffer));
    const risk = liquidityRisk({ openingCash: 1000, minCash: 200, trials });
    expect(outcome.risk).toEqual([
      ['period', 'P(cash < minimum)'],
      ...risk.breachProbability.map((p, t) => [t + 1, p]),
    ]);
    const written = await writeCash(book, outcome, 'Cash plan');
    expect(Object.keys(written.tables)).toEqual(['schedule', 'buffer', 'risk', 'cashBands']);
    // schedule A1:K8, buffer from A11 (7 rows), risk from A21, charted beside it.
    expect(written.tables.buffer).toBe("'Cash plan'!A11:F17");
    expect(written.tables.risk).toBe("'Cash plan'!A20:B26");
    expect(book.charts).toEqual([
      expect.objectContaining({ sheet: 'Cash plan', kind: 'column', dataAddress: written.tables.risk, anchor: 'D20' }),
    ]);
  });

  it('names the cell at fault, and passes the core’s errors on', async () => {
    const book = workbook();
    book.ranges['Cash!B2:G2'] = [[-200, 'x', -300, 400, 50, -100]];
    await expect(runCash(book, form, solver)).rejects.toThrow(/flows row 1, column 2: holds "x", not a number/);
    book.ranges['Cash!B2:G2'] = [flows];
    // The credit line by the Cash view's label, not the cell function's argument ("credit_line rate").
    book.ranges['Cash!J1:J2'] = [[500], ['x']];
    await expect(runCash(book, form, solver)).rejects.toThrow(/^Credit line rate must be a number; got "x"\./);
    book.ranges['Cash!J1:J2'] = [[500], [0.01]];
    book.ranges['Cash!L1:O3'] = [['late', 'meteor', 1]];
    await expect(runCash(book, form, solver)).rejects.toThrow(/shocks row 1, column 2 \(shock\)/);
    await expect(runCash(book, { ...form, shocks: '', openingCash: 0, creditLine: '' }, solver)).rejects.toThrow(
      /cash falls short by \d+\.\d\d in period/,
    );
    // In the pane's locale (it read "by 200.00" in a German pane).
    await expect(
      runCash(book, { ...form, shocks: '', openingCash: 0, creditLine: '' }, solver, { locale: 'de-DE' }),
    ).rejects.toThrow(/cash falls short by \d+,\d\d in period/);
    await expect(runCash(book, { ...form, flows: 'Nowhere!A1' }, solver)).rejects.toThrow(/Nothing found/);
  });
});
