/**
 * The `cash.plan` job: the same numbers as the engines it calls (one row: optimizeCash; trials:
 * optimizeScenarios, cashBuffer, liquidityRisk; shocks: stressTest), progress that only moves forward
 * and ends at its total, and a cancel honoured before the next step or solve. No clocks: the cancel
 * is sent from the progress report itself.
 */
import { cashBuffer } from '../../src/cash/cash-buffer';
import { createCashJobHandlers, planCash, planPayablesJob } from '../../src/cash/jobs';
import { payablesTable } from '../../src/cash/payables-table';
import { planPayables } from '../../src/cash/payables-timing';
import type { CashJob } from '../../src/cash/jobs';
import { liquidityRisk } from '../../src/cash/liquidity-risk';
import { optimizeCash } from '../../src/cash/optimize-cash';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import { stressTest } from '../../src/cash/stress-test';
import { isFpaError } from '../../src/errors';
import { createJobPool } from '../../src/jobs/pool';
import type { JobProgress } from '../../src/jobs/protocol';
import { glpkNodeSolver as solver } from '../../src/solver/glpk-node';
import { randomPlan, rng } from './plans';

const { flows, instruments, creditLine } = randomPlan(12, 3, 5);
const r = rng(77);
/** 120 trials: above the size the optimisation solves whole, so it takes several solves. */
const trials = Array.from({ length: 120 }, () => flows.map((f) => Math.round(f + 400 * (r() - 0.5))));
const job: CashJob = {
  trials,
  openingCash: 2000,
  minCash: 300,
  instruments,
  creditLine,
  shocks: [{ name: 'late', kind: 'delay', days: 20 }],
  risk: { measure: 'cvar', alpha: 0.1, limit: 50 },
};

const context = (onProgress: (p: JobProgress, controller: AbortController) => void) => {
  const controller = new AbortController();
  const seen: JobProgress[] = [];
  return {
    seen,
    context: {
      signal: controller.signal,
      progress: (done: number, total: number) => {
        seen.push({ done, total });
        onProgress({ done, total }, controller);
      },
    },
  };
};

const cancelledCode = (e: unknown): string => (isFpaError(e) ? e.code : String(e));

/** A run whose signal was aborted before it starts ends at once with CASH_CANCELLED. */
const expectCancelledBeforeStart = async (
  run: (ctx: { signal: AbortSignal; progress: () => void }) => Promise<unknown>,
): Promise<void> => {
  const before = new AbortController();
  before.abort();
  await expect(run({ signal: before.signal, progress: () => undefined }).catch(cancelledCode)).resolves.toBe(
    'CASH_CANCELLED',
  );
};

it('one row of flows: the optimal plan and the stress tests, in two steps', async () => {
  const one = { ...job, trials: [flows] };
  const { seen, context: ctx } = context(() => undefined);
  const out = await planCash(one, solver, ctx);
  const core = await optimizeCash({ openingCash: 2000, minCash: 300, instruments, creditLine, flows }, solver);
  expect(out.trials).toBe(1);
  expect(out.objective).toBeCloseTo(core.objective, 9);
  expect(out.buffer).toBeNull();
  const stress = stressTest({ openingCash: 2000, minCash: 300, flows, creditLine }, job.shocks!);
  expect(out.stress!.slice(1).map((row) => row[1])).toEqual(stress.map((s) => s.minCash));
  expect(seen).toEqual([
    { done: 1, total: 2 },
    { done: 2, total: 2 },
  ]);
});

it('trials: the engines’ numbers, and progress forward to its total', async () => {
  const { seen, context: ctx } = context(() => undefined);
  const out = await planCash(job, solver, ctx);
  const plan = { openingCash: 2000, minCash: 300, instruments, creditLine, trials, risk: job.risk };
  const core = await optimizeScenarios(plan, solver);
  expect(out.trials).toBe(120);
  expect(out.objective).toBeCloseTo(core.objective, 6);
  expect(out.riskAchieved).toBeCloseTo(core.risk.achieved, 6);
  const buffer = cashBuffer({
    openingCash: 2000,
    trials,
    alpha: 0.1,
    ratePerPeriod: Math.max(...instruments.map((i) => i.rate)),
  });
  expect(out.buffer!.slice(1).map((row) => row[1])).toEqual(buffer.periods.map((p) => p.buffer));
  const risk = liquidityRisk({ openingCash: 2000, minCash: 300, trials });
  expect(out.risk!.slice(1).map((row) => row[1])).toEqual(risk.breachProbability);
  expect(out.firstPossibleBreach).toBe(risk.firstPossibleBreach);
  // stress, at least two solves (a subsample, then the whole), buffer, risk
  expect(seen.length).toBeGreaterThanOrEqual(5);
  for (let i = 1; i < seen.length; i++) expect(seen[i].done).toBeGreaterThan(seen[i - 1].done);
  for (const p of seen) expect(p.done).toBeLessThanOrEqual(p.total);
  expect(seen[seen.length - 1].done).toBe(seen[seen.length - 1].total);
});

it('a cancel stops the run before its next solve, and one sent before it starts stops it at once', async () => {
  const { seen, context: ctx } = context((p, controller) => {
    if (p.done === 2) controller.abort(); // after the stress tests and the first solve
  });
  await expect(planCash(job, solver, ctx).catch(cancelledCode)).resolves.toBe('CASH_CANCELLED');
  expect(seen.map((p) => p.done)).toEqual([1, 2]);
  await expectCancelledBeforeStart((aborted) => planCash(job, solver, aborted));
});

it('runs through the job protocol, and a cancel from its progress ends it with CASH_CANCELLED', async () => {
  const pool = createJobPool({ handlers: createCashJobHandlers(solver) });
  const whole = await pool.run('cash.plan', { ...job, shocks: undefined });
  expect(whole.trials).toBe(120);
  const controller = new AbortController();
  const run = pool.run('cash.plan', job, {
    signal: controller.signal,
    onProgress: ({ done }) => done === 1 && controller.abort(),
  });
  await expect(run.catch(cancelledCode)).resolves.toBe('CASH_CANCELLED');
});

it('cash.payables: the payables MIP as tables, through the protocol, and cancelled before it starts', async () => {
  const input = {
    openingCash: 200,
    flows: [0, 0, 1000],
    floor: 0,
    invoices: [
      { id: 'A', amount: 100, due: 2, discount: 0.02, discountBy: 1 },
      { id: 'B', amount: 1000, due: 3, discount: 0.05, discountBy: 1 },
    ],
  };
  const plan = await planPayables(input, solver);
  const pool = createJobPool({ handlers: createCashJobHandlers(solver) });
  const seen: JobProgress[] = [];
  const out = await pool.run('cash.payables', input, { onProgress: (p) => seen.push(p) });
  expect(out.bills).toEqual(payablesTable(input.invoices, plan));
  expect(out.early).toBe(1);
  expect(out.saved).toBeCloseTo(2, 9);
  expect(seen).toEqual([
    { done: 0, total: 1 },
    { done: 1, total: 1 },
  ]);
  await expectCancelledBeforeStart((aborted) => planPayablesJob(input, solver, aborted));
});

it('one row that no schedule can fund: the shortfall in the job’s number style (the pane’s), en-US by default', async () => {
  const short = { ...job, trials: [[-5000, 100, 100]], openingCash: 0, minCash: 0, instruments: [], shocks: [] };
  const quiet = { signal: new AbortController().signal, progress: () => undefined };
  const said = async (numbers?: CashJob['numbers']) =>
    ((await planCash({ ...short, creditLine: undefined, numbers }, solver, quiet).catch((e: Error) => e)) as Error)
      .message;
  expect(await said()).toBe('cash falls short by 5,000.00 in period 1.');
  expect(await said({ locale: 'de-DE', minus: 'true' })).toBe('cash falls short by 5.000,00 in period 1.');
  expect(await said({ locale: 'fr-FR' })).toBe('cash falls short by 5\u202f000,00 in period 1.');
});
