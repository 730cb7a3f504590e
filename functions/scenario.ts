/**
 * Scenario custom functions: thin adapters from Excel ranges to src/scenario. Numbers are decided
 * in src/scenario; this file reads the drivers table and correlation range, validates arguments,
 * caps synchronous work, and spills labelled tables.
 */
import {
  DISTRIBUTION_PARAMETERS,
  canonicalFamily,
  isListParameter,
  makeDistribution,
} from '../src/scenario/distributions/catalogue';
import { ScenarioErrors } from '../src/scenario/errors';
import type { ScenarioJob, ScenarioJobResult } from '../src/scenario/jobs';
import { statisticsTable } from '../src/scenario/statistics-table';
import type { ScenarioSpec, DriverSpec } from '../src/scenario/spec';
import { Errors } from '../src/errors';
import { DEFAULT_TRIALS, MAX_TRIAL_ROWS, TRIALS_PER_CELL } from '../src/model/limits';
import { readDriverTable, readParameter } from '../src/sheets/driver-table';
import { isLibrary3, readSipLibrary } from '../src/sheets/sip-library';
import { readAll } from '../src/sheets/table-read';
import { sipDriversFromLibrary } from '../src/scenario/sip-drivers';
import type { SipDriverSpec } from '../src/scenario/sip-drivers';
import {
  asGrid,
  isBlank,
  optionalNumber,
  optionalString,
  readGrid,
  readMatrix,
  safely,
  safelyAsync,
  withHeader,
} from './adapter';
import type { Cell, SpillValue } from './adapter';
import { runCellJob } from './cell-jobs';

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's metadata generator requires the
   TypeScript types of custom functions to match their JSDoc types (any[][] for ranges and spills). */

const cellText = (c: Cell): string => (c === null ? '' : String(c).trim());

/** A parameter argument's cell, read by the drivers table's one parameter rule (src/sheets). */
function parameterValue(c: Cell, family: string, name: string): number | number[] | undefined {
  const read = readParameter(c, isListParameter(family, name));
  if (read.ok) return read.value;
  throw ScenarioErrors.badParameter('FPA.DIST.INV', `parameter ${name} ${read.problem}.`);
}

/** The drivers table (layout and rules: src/sheets/driver-table.ts); the first bad row is the error. */
function readDrivers(input: unknown): DriverSpec[] {
  return readAll(readDriverTable(readGrid(input, 'drivers')), { table: 'drivers' });
}

/**
 * Reads a square correlation range labelled by driver names: the top-left cell is blank (or any
 * label), the first row and first column name the drivers in the same order.
 */
function readCorrelation(input: unknown): ScenarioSpec['correlation'] {
  const grid = readMatrix(input, 'correlation');
  const k = grid.length - 1;
  if (k < 2 || grid[0].length !== k + 1) {
    throw Errors.badShape(
      'correlation',
      'a square range with driver names in its first row and first column',
      `${grid.length} × ${grid[0].length} cells`,
    );
  }
  const names = grid.slice(1).map((row) => cellText(row[0]));
  const header = grid[0].slice(1).map(cellText);
  header.forEach((h, i) => {
    if (h.toLowerCase() !== names[i].toLowerCase()) {
      throw ScenarioErrors.badCorrelation(
        `column ${i + 2} is labelled "${h}" but row ${i + 2} is "${names[i]}"; list the drivers in the same order across and down.`,
      );
    }
  });
  const matrix = grid.slice(1).map((row, i) =>
    row.slice(1).map((c, j) => {
      if (typeof c !== 'number')
        throw ScenarioErrors.badCorrelation(`the entry for ${names[i]} × ${header[j]} is not a number.`);
      return c;
    }),
  );
  return { names, matrix };
}

function readPercentiles(input: unknown): number[] {
  if (input === null || input === undefined) return [5, 50, 95];
  const cells = readMatrix(input, 'percentiles')
    .flat()
    .filter((c) => c !== null);
  if (cells.length === 0) return [5, 50, 95];
  return cells.map((c) => {
    if (typeof c !== 'number' || !(c > 0 && c < 100))
      throw Errors.outOfRange('percentiles', String(c), 'numbers strictly between 0 and 100 (e.g. 5, 50, 95)');
    return c;
  });
}

function readModel(model: unknown): string {
  const cells = readMatrix(model, 'model')
    .flat()
    .filter((c) => c !== null && c !== '');
  if (cells.length === 0) throw Errors.empty('model');
  return cells.map((c) => String(c)).join('\n');
}

/** Whether an optional range argument was left out: omitted, or a range of blanks only. */
function omitted(input: unknown, field: string): boolean {
  return isBlank(input) || (Array.isArray(input) && asGrid(input, field).every((row) => row.every(isBlank)));
}

/**
 * The SIP drivers of the `sips` argument (src/sheets/sip-library.ts): a 2.0 table read by trial
 * index, or a 3.0 library whose trials are regenerated, one per trial of the run.
 */
function readSips(input: unknown, trials: () => number): { sips: SipDriverSpec[]; samples?: number } {
  const source = readSipLibrary(readGrid(input, 'sips'));
  if (isLibrary3(source)) return { sips: sipDriversFromLibrary(source, trials()) };
  const sips = sipDriversFromLibrary(source);
  if (sips.length === 0) throw ScenarioErrors.badSpec('sips', 'the table names no SIP.');
  return { sips, samples: sips[0].trials.length };
}

function buildSpec(
  drivers: unknown,
  model: unknown,
  iterations: unknown,
  seed: unknown,
  correlation: unknown,
  sipsInput?: unknown,
): ScenarioSpec {
  const trials = (fallback: number): number => {
    const n = optionalNumber(iterations, 'iterations', fallback, { integer: true, min: TRIALS_PER_CELL.min });
    if (n > TRIALS_PER_CELL.max) {
      throw Errors.outOfRange(
        'iterations',
        n,
        `at most ${TRIALS_PER_CELL.max.toLocaleString('en-US')} in a cell (Excel stops add-ins that compute for more than 5 s); run bigger scenarios from the Scenarios wizard in the OpenFPA task pane`,
      );
    }
    return n;
  };
  // A 2.0 table's trials are the run's unless iterations says otherwise (more wrap round by index).
  const given = omitted(sipsInput, 'sips') ? null : readSips(sipsInput, () => trials(DEFAULT_TRIALS));
  const n = trials(
    given?.samples ? Math.min(Math.max(given.samples, TRIALS_PER_CELL.min), TRIALS_PER_CELL.max) : DEFAULT_TRIALS,
  );
  return {
    drivers: given && omitted(drivers, 'drivers') ? [] : readDrivers(drivers),
    sips: given?.sips,
    model: readModel(model),
    iterations: n,
    seed: optionalNumber(seed, 'seed', 1, { integer: true }),
    correlation: omitted(correlation, 'correlation') ? undefined : readCorrelation(correlation),
  };
}

function pickOutput(outputs: string[], requested: unknown): number {
  const name = optionalString(requested, 'output', outputs[outputs.length - 1]);
  const index = outputs.findIndex((o) => o.toLowerCase() === name.toLowerCase());
  if (index < 0) throw ScenarioErrors.unknownOutput(name, outputs);
  return index;
}

/**
 * Runs a scenario on a worker of the cells' pool (or on this thread without one), so a large run
 * never holds up the add-in's thread; when Excel cancels the call (the inputs changed, or the user
 * stopped the recalculation) the run stops at its next block.
 */
function runScenarioJob(
  job: ScenarioJob,
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<ScenarioJobResult> {
  const controller = new AbortController();
  if (invocation) invocation.onCanceled = () => controller.abort();
  return runCellJob('scenario.run', job, { signal: controller.signal });
}

/**
 * Runs a Monte Carlo scenario (Latin Hypercube sampling, rank correlation by Iman–Conover) and spills
 * one row per model output: mean, sd, min, max, standard error, the percentiles, VaR95 and CVaR95.
 * The same inputs and seed always give the same numbers.
 * @customfunction SCENARIO.MC
 * @helpurl https://localhost:3000/help/scenario-mc.html
 * @param {any[][]} drivers Table with columns name, distribution, param1..param4 (a header row is optional), e.g. price | normal | 130 | 10.
 * @param {any[][]} model One "name = expression" per line (or per cell, or separated by ";"), e.g. "revenue = price * volume".
 * @param {number} [iterations] Trials, 2 to 200,000. Default 10,000.
 * @param {number} [seed] Whole number that fixes the random numbers. Default 1.
 * @param {any[][]} [correlation] Square Spearman rank-correlation range labelled with driver names across the top and down the left.
 * @param {any[][]} [percentiles] Percentiles to report, each between 0 and 100. Default 5, 50, 95.
 * @param {any[][]} [sips] SIP drivers from a SIPmath library: a 2.0 table (a header row of names, one row per trial; or the PM_Index layout), or a 3.0 library's JSON text in a cell. Read by trial index, so their correlation is kept; drivers may then be blank.
 * @param {CustomFunctions.CancelableInvocation} [invocation] Excel's handle on the call, to stop the run when it is cancelled.
 * @returns {Promise<any[][]>} A header row, then one row per output.
 */
export function scenarioMc(
  drivers: any[][],
  model: any[][],
  iterations?: number,
  seed?: number,
  correlation?: any[][],
  percentiles?: any[][],
  sips?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return safelyAsync(async () => {
    const spec = {
      ...buildSpec(drivers, model, iterations, seed, correlation, sips),
      percentiles: readPercentiles(percentiles),
    };
    const { result } = await runScenarioJob({ spec }, invocation);
    const { header, rows } = statisticsTable(result.outputs, spec.percentiles);
    return withHeader(header, rows);
  });
}

/**
 * Sensitivity of one output to each driver (tornado chart data): Spearman rank correlation and
 * standardised regression coefficient, sorted by the size of the rank correlation.
 * @customfunction SCENARIO.TORNADO
 * @helpurl https://localhost:3000/help/scenario-tornado.html
 * @param {any[][]} drivers Table with columns name, distribution, param1..param4, as in FPA.SCENARIO.MC.
 * @param {any[][]} model One "name = expression" per line, as in FPA.SCENARIO.MC.
 * @param {string} [output] Output to explain. Default: the last line of the model.
 * @param {number} [iterations] Trials, 2 to 200,000. Default 10,000.
 * @param {number} [seed] Whole number that fixes the random numbers. Default 1.
 * @param {any[][]} [correlation] Square Spearman rank-correlation range labelled with driver names.
 * @param {any[][]} [sips] SIP drivers from a SIPmath library: a 2.0 table (a header row of names, one row per trial; or the PM_Index layout), or a 3.0 library's JSON text in a cell. Read by trial index, as in FPA.SCENARIO.MC; each SIP gets its row like a driver.
 * @param {CustomFunctions.CancelableInvocation} [invocation] Excel's handle on the call, to stop the run when it is cancelled.
 * @returns {Promise<any[][]>} A header row, then one row per driver (and SIP): driver, Spearman, SRC.
 */
export function scenarioTornado(
  drivers: any[][],
  model: any[][],
  output?: string,
  iterations?: number,
  seed?: number,
  correlation?: any[][],
  sips?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return safelyAsync(async () => {
    const spec = {
      ...buildSpec(drivers, model, iterations, seed, correlation, sips),
      sensitivity: true,
      percentiles: [],
    };
    const { result, outputs } = await runScenarioJob({ spec }, invocation);
    const name = outputs[pickOutput(outputs, output)];
    const rows = result.sensitivity![name].map((s): SpillValue[] => [s.driver, s.spearman, s.src]);
    return withHeader(['driver', 'spearman', 'src'], rows);
  });
}

/**
 * The probability that an output ends below (or above) a threshold, e.g. the chance of a loss:
 * the fraction of trials strictly below (or strictly above) it.
 * @customfunction SCENARIO.PROB
 * @helpurl https://localhost:3000/help/scenario-prob.html
 * @param {any[][]} drivers Table with columns name, distribution, param1..param4, as in FPA.SCENARIO.MC.
 * @param {any[][]} model One "name = expression" per line, as in FPA.SCENARIO.MC.
 * @param {number} threshold The value to compare each trial with, e.g. 0.
 * @param {string} [output] Output to ask about. Default: the last line of the model.
 * @param {string} [direction] "<" for P(output < threshold) or ">" for P(output > threshold). Default "<".
 * @param {number} [iterations] Trials, 2 to 200,000. Default 10,000.
 * @param {number} [seed] Whole number that fixes the random numbers. Default 1.
 * @param {any[][]} [correlation] Square Spearman rank-correlation range labelled with driver names.
 * @param {any[][]} [sips] SIP drivers from a SIPmath library: a 2.0 table (a header row of names, one row per trial; or the PM_Index layout), or a 3.0 library's JSON text in a cell. Read by trial index, so their correlation is kept, as in FPA.SCENARIO.MC.
 * @param {CustomFunctions.CancelableInvocation} [invocation] Excel's handle on the call, to stop the run when it is cancelled.
 * @returns {Promise<number>} A probability between 0 and 1.
 */
export function scenarioProb(
  drivers: any[][],
  model: any[][],
  threshold: number,
  output?: string,
  direction?: string,
  iterations?: number,
  seed?: number,
  correlation?: any[][],
  sips?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<number> {
  return safelyAsync(async () => {
    const t = optionalNumber(threshold, 'threshold', Number.NaN);
    if (Number.isNaN(t)) throw Errors.empty('threshold');
    const side = optionalString(direction, 'direction', '<', ['<', '>']);
    const spec = {
      ...buildSpec(drivers, model, iterations, seed, correlation, sips),
      thresholds: [t],
      percentiles: [],
    };
    const { result, outputs } = await runScenarioJob({ spec }, invocation);
    const stats = result.outputs[outputs[pickOutput(outputs, output)]];
    return (side === '<' ? stats.probBelow : stats.probAbove)![String(t)];
  });
}

/**
 * Spills the simulated values of one output as a column, in trial order, for charts, LET or LAMBDA.
 * @customfunction SCENARIO.TRIALS
 * @helpurl https://localhost:3000/help/scenario-trials.html
 * @param {any[][]} drivers Table with columns name, distribution, param1..param4, as in FPA.SCENARIO.MC.
 * @param {any[][]} model One "name = expression" per line, as in FPA.SCENARIO.MC.
 * @param {string} [output] Output to return. Default: the last line of the model.
 * @param {number} [iterations] Trials, 2 to 100,000 (the spill size limit). Default 10,000.
 * @param {number} [seed] Whole number that fixes the random numbers. Default 1.
 * @param {any[][]} [correlation] Square Spearman rank-correlation range labelled with driver names.
 * @param {any[][]} [sips] SIP drivers from a SIPmath library: a 2.0 table (a header row of names, one row per trial; or the PM_Index layout), or a 3.0 library's JSON text in a cell. Read by trial index, so their correlation is kept, as in FPA.SCENARIO.MC.
 * @param {CustomFunctions.CancelableInvocation} [invocation] Excel's handle on the call, to stop the run when it is cancelled.
 * @returns {Promise<any[][]>} One row per trial.
 */
export function scenarioTrials(
  drivers: any[][],
  model: any[][],
  output?: string,
  iterations?: number,
  seed?: number,
  correlation?: any[][],
  sips?: any[][],
  invocation?: CustomFunctions.CancelableInvocation,
): Promise<any[][]> {
  return safelyAsync(async () => {
    const n = optionalNumber(iterations, 'iterations', 10000, { integer: true, min: 2 });
    if (n > MAX_TRIAL_ROWS) {
      throw Errors.outOfRange(
        'iterations',
        n,
        `at most ${MAX_TRIAL_ROWS.toLocaleString('en-US')} for FPA.SCENARIO.TRIALS (Excel on the web caps a result at 5 MB); use FPA.SCENARIO.MC for statistics of bigger runs`,
      );
    }
    const spec = { ...buildSpec(drivers, model, n, seed, correlation, sips), percentiles: [] };
    // Only the output asked for comes back (every output when none is named: the default is the last).
    const named = optionalString(output, 'output', '');
    const wanted = named ? [named] : '*';
    const { outputs, trials } = await runScenarioJob({ spec, trials: wanted }, invocation);
    const column = trials[outputs[pickOutput(outputs, output)]];
    return Array.from(column, (v) => [v]);
  });
}

/**
 * The quantile function (inverse CDF) of a distribution: the value below which a fraction p of
 * outcomes fall. p may be a range; the result has the same shape.
 * @customfunction DIST.INV
 * @helpurl https://localhost:3000/help/dist-inv.html
 * @param {string} distribution normal, truncnormal, lognormal, lognormal2, uniform, triangular, pert, beta, gamma, student, discrete, bernoulli, poisson or negbinomial.
 * @param {any[][]} p Probability between 0 and 1, or a range of them.
 * @param {any[][]} param1 First parameter (e.g. mean for normal, min for pert; for discrete, the values as a range or "0;250000;1000000").
 * @param {any[][]} [param2] Second parameter (e.g. sd for normal, mode for pert; for discrete, the probabilities).
 * @param {any[][]} [param3] Third parameter (e.g. max for pert), if the distribution has one.
 * @param {any[][]} [param4] Fourth parameter (e.g. shape for pert, max for truncnormal), if any.
 * @returns {any[][]} The quantile for each p.
 */
export function distInv(
  distribution: string,
  p: any[][],
  param1: any[][],
  param2?: any[][],
  param3?: any[][],
  param4?: any[][],
): any[][] {
  return safely(() => {
    const name = optionalString(distribution, 'distribution', '');
    const family = canonicalFamily(name);
    if (!family) throw ScenarioErrors.unknownDistribution('FPA.DIST.INV', name, Object.keys(DISTRIBUTION_PARAMETERS));
    const order = DISTRIBUTION_PARAMETERS[family];
    const params: Record<string, number | number[]> = {};
    [param1, param2, param3, param4].forEach((raw, i) => {
      if (raw === null || raw === undefined || i >= order.length) return;
      const cells = Array.isArray(raw) ? readMatrix(raw, order[i]).flat() : [raw as Cell];
      const values = cells.flatMap((c) => {
        const v = parameterValue(c, family, order[i]);
        return v === undefined ? [] : Array.isArray(v) ? v : [v];
      });
      if (values.length === 0) return;
      params[order[i]] = family === 'discrete' ? values : values.length === 1 ? values[0] : NaN;
    });
    const dist = makeDistribution('FPA.DIST.INV', family, params);
    return readMatrix(p, 'p').map((row) =>
      row.map((c) => {
        if (typeof c !== 'number' || !(c >= 0 && c <= 1))
          throw Errors.outOfRange('p', c === null ? 'blank' : String(c), 'a probability from 0 to 1');
        const q = dist.quantile(c);
        if (!Number.isFinite(q))
          throw Errors.outOfRange('p', c, `strictly between 0 and 1 for ${family} (the quantile at ${c} is infinite)`);
        return q;
      }),
    );
  });
}
