/**
 * `openfpa cash <plan.json> [--out schedule.json]`
 *
 * Optimises a cash plan {"openingCash","minCash","flows","instruments":[{"name","term","rate","min"?,
 * "max"?,"lot"?,"from"?,"to"?}],"creditLine"?:{"limit","rate","fee"?,"repayBy"?}} with glpk.js and
 * writes {"status","objective","periods":[{"period","invest","mature","draw","repay","debt",
 * "interestEarned","interestPaid","closingCash"}],"shortfall"?:[{"period","amount"}]} to --out or
 * stdout. An infeasible plan is a result (status "infeasible", exit 0) with its shortfall diagnosis.
 * Exit codes: 0 done, 1 malformed or unreadable plan, 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import * as fs from 'fs';
import { isFpaError } from '../../src/errors';
import { optimizeCash } from '../../src/cash/optimize-cash';
import type { CashObjective, CashOptions, CashPlan } from '../../src/cash/types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';

const USAGE = `usage: openfpa cash <plan.json> [--out schedule.json]

  --out FILE          write the JSON schedule there instead of stdout
  --shadow-prices     add the shadow prices of minimum cash and credit limit per period
  --no-integer-lots   solve the LP relaxation (lots and minimum placements not enforced)
  --time-limit S      stop the solver after S seconds (status "time_limit" with the best plan)
  --mip-gap G         relative optimality gap at which MIPs stop (default 5e-5; 0 = exact)
  --objective O       wealth (default: closing cash − debt at the end) or headroom
  --quiet             no progress on stderr`;

class UsageError extends Error {}

interface CashArgs {
  file: string;
  out?: string;
  quiet: boolean;
  options: CashOptions;
}

export function parseCashArgs(args: string[]): CashArgs | 'help' {
  const files: string[] = [];
  const parsed: Omit<CashArgs, 'file'> = { quiet: false, options: {} };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (): string => {
      if (i + 1 >= args.length) throw new UsageError(`${a} needs a value`);
      return args[++i];
    };
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--out') parsed.out = value();
    else if (a === '--quiet') parsed.quiet = true;
    else if (a === '--shadow-prices') parsed.options.shadowPrices = true;
    else if (a === '--no-integer-lots') parsed.options.integerLots = false;
    else if (a === '--time-limit') {
      const v = Number(value());
      if (!(v > 0)) throw new UsageError(`--time-limit must be a positive number of seconds`);
      parsed.options.timeLimitSeconds = v;
    } else if (a === '--mip-gap') {
      const v = Number(value());
      if (!(v >= 0 && v < 1)) throw new UsageError(`--mip-gap must be a number from 0 up to 1`);
      parsed.options.mipGap = v;
    } else if (a === '--objective') {
      const v = value();
      if (v !== 'wealth' && v !== 'headroom')
        throw new UsageError(`--objective must be wealth or headroom, got "${v}"`);
      parsed.options.objective = v as CashObjective;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) throw new UsageError('expected exactly one plan.json');
  return { file: files[0], ...parsed };
}

function readPlan(file: string): CashPlan {
  return readJsonObject(file) as unknown as CashPlan;
}

export async function run(args: string[]): Promise<number> {
  let parsed: CashArgs | 'help';
  try {
    parsed = parseCashArgs(args);
  } catch (e) {
    process.stderr.write(`openfpa cash: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (parsed === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const plan = readPlan(parsed.file);
    const started = performance.now();
    const result = await optimizeCash(plan, glpkNodeSolver, parsed.options);
    if (!parsed.quiet) {
      const ms = (performance.now() - started).toFixed(0);
      const note = result.shortfall?.length
        ? `, first short period ${result.shortfall[0].period} by ${result.shortfall[0].amount.toFixed(2)}`
        : '';
      process.stderr.write(
        `openfpa cash: ${plan.flows.length} periods × ${plan.instruments.length} instruments: ${result.status}, objective ${result.objective.toFixed(2)} in ${ms} ms${note}\n`,
      );
    }
    const json = JSON.stringify(result, null, 1) + '\n';
    if (parsed.out) fs.writeFileSync(parsed.out, json);
    else process.stdout.write(json);
    return 0;
  } catch (e) {
    const message = isFpaError(e) ? e.fullMessage : (e as Error).message;
    process.stderr.write(`openfpa cash: ${parsed.file}: ${message}\n`);
    return 1;
  }
}
