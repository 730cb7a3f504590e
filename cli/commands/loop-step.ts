/**
 * `openfpa loop-step [input.json | -] [--out result.json] [--balance B] [--pass-through W] [--kpi-confidence Z] [--no-report] [--quiet]`
 *
 * One step of the budget loop (src/loop/loop-step.ts), speaking the loop-step protocol of
 * ../shared/bench/loop/run.mjs: reads {"month", "monthsPerYear", "window", "limits", "lines", "kpis",
 * "state"} (from standard input when no file is given) and writes {"plan": {"<line>": [...]},
 * "state": ..., "report": ...}. The same src/loop code the Proposals view runs.
 * Exit codes: 0 done, 1 malformed input (the message names the field), 2 bad command line.
 */
import { readJsonObject } from '../read-json-file';
import { commandLine, flagOption, UsageError, valueOption } from '../args';
import { runCommand, writeResult } from '../command';
import { isFpaError } from '../../src/errors';
import { loopStep } from '../../src/loop/loop-step';
import type { LoopStepInput } from '../../src/loop/loop-types';
import { glpkNodeSolver } from '../../src/solver/glpk-node';

const USAGE = `usage: openfpa loop-step [input.json | -] [--out result.json] [--balance B] [--pass-through W] [--kpi-confidence Z] [--no-report] [--quiet]

  input.json       the step's input (the loop-step protocol); standard input when left out or "-"
  --out FILE       write the JSON result there instead of stdout
  --balance B      share (0..1) of the predictability won by re-forecasting that may go to KPIs (default 0.5)
  --pass-through W share (0.01..0.99) of a budget change assumed to be spent until measured (default 0.5)
  --kpi-confidence Z  move a line away from its approved plan only for the KPI attainment its response
                   estimate shows at Z standard errors (default 0: the estimate as it is; 1.645 for a
                   budget with few lines per KPI)
  --no-report      leave the step's report (signals, pool, moves with cited cases) out of the result
  --quiet          taken as by every command; loop-step writes nothing on stderr but a refusal`;

interface LoopStepOptions {
  out?: string;
  balance?: number;
  passThrough?: number;
  kpiConfidence?: number;
  report: boolean;
}

function share(name: string, low: number, high: number) {
  return (o: LoopStepOptions, v: string) => {
    const n = Number(v);
    if (!(v.trim() !== '' && n >= low && n <= high))
      throw new UsageError(`${name} must be a number from ${low} to ${high}`);
    if (name === '--balance') o.balance = n;
    else if (name === '--kpi-confidence') o.kpiConfidence = n;
    else o.passThrough = n;
  };
}

const LINE = commandLine<LoopStepOptions>({
  defaults: () => ({ report: true }),
  file: 'input.json',
  fileDefault: '-',
  options: [
    valueOption(['--out'], (o, v) => (o.out = v)),
    valueOption(['--balance'], share('--balance', 0, 1)),
    valueOption(['--pass-through'], share('--pass-through', 0.01, 0.99)),
    valueOption(['--kpi-confidence'], share('--kpi-confidence', 0, 10)),
    flagOption(['--no-report'], (o) => (o.report = false)),
    // It prints no progress or timings (its stdout is the runner's protocol), so there is nothing to
    // silence; README says every command takes --quiet, and a script passing it was a bad command line.
    flagOption(['--quiet'], () => undefined),
  ],
});

export function run(args: string[]): Promise<number> {
  return runCommand('loop-step', USAGE, LINE, args, async (opts) => {
    let input: LoopStepInput;
    try {
      input = readJsonObject(opts.file) as unknown as LoopStepInput;
    } catch (e) {
      process.stderr.write(`openfpa loop-step: ${(e as Error).message}\n`);
      return 1;
    }
    const given: unknown = input.settings ?? {};
    const settings = { ...(given as object) } as NonNullable<LoopStepInput['settings']>;
    if (opts.balance !== undefined) settings.balance = opts.balance;
    if (opts.passThrough !== undefined) settings.passThrough = opts.passThrough;
    if (opts.kpiConfidence !== undefined) settings.kpiConfidence = opts.kpiConfidence;
    try {
      // Settings that are not an object ("fast") go to the step as given, which refuses them by name.
      const isObject = typeof given === 'object' && !Array.isArray(given);
      const result = await loopStep(glpkNodeSolver, { ...input, settings: isObject ? settings : (given as never) });
      const out = opts.report ? result : { plan: result.plan, state: result.state };
      writeResult(JSON.stringify(out) + '\n', opts.out);
      return 0;
    } catch (e) {
      if (!isFpaError(e)) throw e;
      process.stderr.write(`openfpa loop-step: ${e.fullMessage}\n`);
      return 1;
    }
  });
}
