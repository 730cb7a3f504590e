/**
 * `openfpa cash <plan.json> [--out schedule.json]`
 *
 * A plan may hold "trials": [[net flow per period], ...] instead of "flows", with "risk":
 * {"measure": "cvar"|"chance", "alpha", "limit"}: one placement plan for all trials with per-trial credit
 * recourse (see src/cash/scenario-lp.ts). Its output adds "trials" and "risk": {"measure","alpha",
 * "achieved","limit"} computed on the trials; the periods hold the placements and the trials' mean
 * credit and cash.
 *
 * Optimises a cash plan {"openingCash","minCash","flows","instruments":[{"name","term","rate","min"?,
 * "max"?,"lot"?,"from"?,"to"?}],"creditLine"?:{"limit","rate","fee"?,"repayBy"?}} with glpk.js and
 * writes {"status","objective","gap"? (time_limit: the plan's relative gap to the bound),"periods":[{"period","invest","mature","draw","repay","debt",
 * "interestEarned","interestPaid","closingCash"}],"shortfall"?:[{"period","amount"}]} to --out or
 * stdout. An infeasible plan is a result (status "infeasible", exit 0) with its shortfall diagnosis.
 * Exit codes: 0 done, 1 malformed or unreadable plan, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, parseCommandLine, UsageError, valueOption } from '../args';
import { onInputFile, outAndQuietOptions, runCommand, startWork, warnUnknownFields, writeResult } from '../command';
import { optimizeCash } from '../../src/cash/optimize-cash';
import { optimizeScenarios } from '../../src/cash/optimize-scenarios';
import type { ScenarioPlan, ScenarioResult } from '../../src/cash/scenario-types';
import { cashBuffer } from '../../src/cash/cash-buffer';
import { CashErrors } from '../../src/cash/errors';
import type { CashObjective, CashOptions, CashPlan } from '../../src/cash/types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';

const USAGE = `usage: openfpa cash <plan.json> [--out schedule.json] [--shadow-prices] [--no-integer-lots] [--time-limit S] [--mip-gap G] [--objective wealth|headroom] [--buffer] [--quiet]

  --out FILE          write the JSON schedule there instead of stdout
  --shadow-prices     add the shadow prices of minimum cash and credit limit per period (wealth
                      objective; none for an infeasible plan)
  --no-integer-lots   solve the LP relaxation (lots and minimum placements not enforced)
  --time-limit S      stop the solver after S seconds (status "time_limit" with the best plan and its "gap")
  --mip-gap G         relative optimality gap at which MIPs stop (default 5e-5; 0 = exact)
  --objective O       wealth (default: closing cash − debt at the end) or headroom
  --quiet             no progress on stderr
  --buffer            plans with trials: add the buffer per period (FPA.CASH.BUFFER at the plan's alpha)

A plan with "trials" (one row of net flows per trial) instead of "flows" and an optional
"risk": {"measure": "cvar"|"chance", "alpha": 0.05, "limit": 0} finds one placement plan for
every trial, each with its own credit recourse, maximising expected wealth under the risk limit.`;

interface CashArgs {
  file: string;
  out?: string;
  quiet: boolean;
  buffer?: boolean;
  options: CashOptions;
}

const CASH_LINE = commandLine<Omit<CashArgs, 'file'>>({
  defaults: () => ({ quiet: false, options: {} }),
  file: 'plan.json',
  options: [
    ...outAndQuietOptions<Omit<CashArgs, 'file'>>(),
    flagOption(['--shadow-prices'], (o) => (o.options.shadowPrices = true)),
    flagOption(['--buffer'], (o) => (o.buffer = true)),
    flagOption(['--no-integer-lots'], (o) => (o.options.integerLots = false)),
    valueOption(['--time-limit'], (o, v) => {
      const seconds = Number(v);
      if (!(seconds > 0)) throw new UsageError(`--time-limit must be a positive number of seconds`);
      o.options.timeLimitSeconds = seconds;
    }),
    valueOption(['--mip-gap'], (o, v) => {
      const gap = Number(v);
      if (!(gap >= 0 && gap < 1)) throw new UsageError(`--mip-gap must be a number from 0 up to 1`);
      o.options.mipGap = gap;
    }),
    valueOption(['--objective'], (o, v) => {
      if (v !== 'wealth' && v !== 'headroom')
        throw new UsageError(`--objective must be wealth or headroom, got "${v}"`);
      o.options.objective = v as CashObjective;
    }),
  ],
});

/** @throws UsageError for a bad command line. */
export function parseCashArgs(args: string[]): CashArgs | 'help' {
  return parseCommandLine(args, CASH_LINE);
}

/** The top-level fields of a plan (with "flows", or with "trials" and "risk"). */
const PLAN_FIELDS = ['openingCash', 'minCash', 'flows', 'trials', 'risk', 'instruments', 'creditLine'];

function readPlan(file: string): CashPlan | ScenarioPlan {
  return readJsonObject(file) as unknown as CashPlan | ScenarioPlan;
}

const hasTrials = (plan: CashPlan | ScenarioPlan): plan is ScenarioPlan =>
  (plan as ScenarioPlan).trials !== undefined && (plan as CashPlan).flows === undefined;

/** Optimises a plan with trials; options that only make sense for one flow row are refused. */
async function runScenarios(plan: ScenarioPlan, parsed: CashArgs): Promise<string> {
  if (parsed.options.shadowPrices) throw new Error('--shadow-prices applies to plans with "flows", not "trials"');
  if (parsed.options.objective === 'headroom')
    throw new Error('--objective headroom applies to plans with "flows", not "trials"');
  const started = performance.now();
  const result: ScenarioResult & { buffer?: { period: number; buffer: number; holdingCost: number }[] } =
    await optimizeScenarios(plan, glpkNodeSolver, parsed.options);
  if (parsed.buffer) {
    const rate = plan.instruments.reduce((best, ins) => Math.max(best, ins.rate), 0);
    const sized = cashBuffer({
      openingCash: plan.openingCash,
      trials: plan.trials,
      alpha: result.risk.alpha,
      ratePerPeriod: rate,
    });
    result.buffer = sized.periods.map((p) => ({ period: p.period, buffer: p.buffer, holdingCost: p.holdingCost }));
  }
  if (!parsed.quiet) {
    const ms = (performance.now() - started).toFixed(0);
    const r = result.risk;
    const achieved = r.measure === 'cvar' ? r.achieved.toFixed(2) : `${(100 * r.achieved).toFixed(1)}% of trials short`;
    process.stderr.write(
      `openfpa cash: ${plan.trials[0].length} periods × ${plan.instruments.length} instruments × ${result.trials} trials: ${result.status}, expected wealth ${result.objective.toFixed(2)}, ${r.measure} ${achieved} (alpha ${r.alpha}, limit ${r.limit}) in ${ms} ms\n`,
    );
  }
  return JSON.stringify(result, null, 1) + '\n';
}

export function run(args: string[]): Promise<number> {
  return runCommand('cash', USAGE, CASH_LINE, args, async (parsed) => {
    if (parsed.options.shadowPrices && parsed.options.objective === 'headroom') {
      // Both are flags of the line; the headroom programme has no shadow prices (they were dropped silently).
      process.stderr.write(
        `openfpa cash: --shadow-prices applies to the wealth objective, not --objective headroom\n\n${USAGE}\n`,
      );
      return 2;
    }
    const clock = startWork();
    return onInputFile('cash', parsed.file, async () => {
      const read = readPlan(parsed.file);
      warnUnknownFields('cash', parsed.file, read, PLAN_FIELDS);
      // With both, the trials were ignored without a word and the one row of flows optimised.
      if ((read as ScenarioPlan).trials !== undefined && (read as CashPlan).flows !== undefined)
        throw CashErrors.invalid('trials', 'and flows were both given: a plan has either one row of flows or trials');
      if (hasTrials(read)) {
        writeResult(await runScenarios(read, parsed), parsed.out);
        if (!parsed.quiet) process.stderr.write(clock.report('openfpa cash'));
        return 0;
      }
      const plan = read as CashPlan;
      if (parsed.buffer) throw new Error('--buffer needs a plan with "trials"');
      const started = performance.now();
      const result = await optimizeCash(plan, glpkNodeSolver, parsed.options);
      if (!parsed.quiet) {
        const ms = (performance.now() - started).toFixed(0);
        const note = result.shortfall?.length
          ? `, first short period ${result.shortfall[0].period} by ${result.shortfall[0].amount.toFixed(2)}`
          : '';
        const within =
          result.gap !== undefined ? ` (best found, within ${(100 * result.gap).toPrecision(2)}% of the optimum)` : '';
        process.stderr.write(
          `openfpa cash: ${plan.flows.length} periods × ${plan.instruments.length} instruments: ${result.status}, objective ${result.objective.toFixed(2)}${within} in ${ms} ms${note}\n`,
        );
      }
      writeResult(JSON.stringify(result, null, 1) + '\n', parsed.out);
      if (parsed.options.shadowPrices && !result.shadowPrices)
        process.stderr.write(
          `openfpa cash: no shadow prices: the plan is ${result.status === 'infeasible' ? 'infeasible (see shortfall); they are given for a plan that keeps the minimum' : 'not solved to a plan they can be read from'}\n`,
        );
      if (!parsed.quiet) process.stderr.write(clock.report('openfpa cash'));
      return 0;
    });
  });
}
