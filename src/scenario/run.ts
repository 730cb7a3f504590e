/**
 * One-call entry points: `runScenario` (synchronous) and `runScenarioAsync` (cooperative, with
 * progress and cancellation, used by the worker protocol). Both produce the result shape of
 * ../shared/bench/mc-standard.md, plus optional keys that appear only when asked for or needed:
 * `warnings`, `sensitivity`, `trials`/`converged`/`precision` (with a convergence rule).
 */
import { ScenarioErrors } from './errors';
import { DriverSensitivity, rankedSensitivities } from './sensitivity';
import { Progress, simulate, Simulation } from './simulate';
import { prepareScenario, PreparedScenario, ScenarioSpec } from './spec';
import { describeOutput, OutputStatistics } from './statistics';

export interface ScenarioResult {
  outputs: Record<string, OutputStatistics>;
  achievedCorrelation: { names: string[]; matrix: number[][] };
  timings: { sampleMs: number; correlateMs: number; evaluateMs: number; statsMs: number; totalMs: number };
  warnings?: string[];
  sensitivity?: Record<string, DriverSensitivity[]>;
  trials?: number;
  converged?: boolean;
  precision?: number;
}

/** A finished run: the summary plus the raw trials (for FPA.SCENARIO.TRIALS and charts). */
export interface ScenarioRun {
  result: ScenarioResult;
  plan: PreparedScenario;
  simulation: Simulation;
}

const now = (): number => globalThis.performance.now();

/** Outputs already described elsewhere (e.g. spread over workers), in the plan's output order. */
export interface DescribedOutputs {
  statistics: readonly OutputStatistics[];
  /** When their description started (counted in `statsMs`). */
  startedAt: number;
}

/**
 * Statistics, sensitivities and achieved correlation for a finished simulation.
 * @param described each output's `describeOutput`, when it was computed elsewhere (the same numbers)
 */
export function summarise(
  plan: PreparedScenario,
  sim: Simulation,
  startedAt: number,
  described?: DescribedOutputs,
): ScenarioResult {
  const t = described?.startedAt ?? now();
  const scratch = described ? undefined : new Float64Array(sim.trials);
  const outputs: Record<string, OutputStatistics> = {};
  plan.program.outputs.forEach((name, i) => {
    outputs[name] = described?.statistics[i] ?? describeOutput(name, sim.outputColumns[i], plan, scratch);
  });
  const result: ScenarioResult = {
    outputs,
    achievedCorrelation: { names: plan.correlated.map((d) => plan.drivers[d].name), matrix: sim.achieved },
    timings: { ...sim.timings, statsMs: 0, totalMs: 0 },
  };
  if (sim.sensitivity) {
    const names = [...plan.drivers, ...plan.sips].map((d) => d.name);
    const values = sim.sensitivity;
    result.sensitivity = Object.fromEntries(
      plan.program.outputs.map((name, i) => [name, rankedSensitivities(names, values[i])]),
    );
  }
  if (plan.warnings.length > 0) result.warnings = plan.warnings;
  if (plan.convergence) {
    result.trials = sim.trials;
    result.converged = sim.converged ?? false;
    result.precision = sim.precision;
  }
  result.timings.statsMs = now() - t;
  result.timings.totalMs = now() - startedAt;
  return result;
}

/**
 * Runs a scenario to completion on the calling thread.
 * @throws a SCENARIO_* FpaError for invalid input (see src/scenario/errors.ts)
 * @example runScenario({ drivers: [{ name: 'x', distribution: 'uniform', params: { min: 0, max: 1 } }], model: 'y = 2 * x', iterations: 1000 }).outputs.y.mean // 1 (up to 1e-6: LHS)
 */
export function runScenarioDetailed(spec: ScenarioSpec): ScenarioRun {
  const startedAt = now();
  const plan = prepareScenario(spec);
  const steps = simulate(plan);
  let step = steps.next();
  while (!step.done) step = steps.next();
  return { plan, simulation: step.value, result: summarise(plan, step.value, startedAt) };
}

/** `runScenarioDetailed(spec).result`. */
export function runScenario(spec: ScenarioSpec): ScenarioResult {
  return runScenarioDetailed(spec).result;
}

export interface AsyncRunOptions {
  /** Called after each block with trials done and the maximum. */
  onProgress?: (progress: Progress) => void;
  /** Aborting stops the run before the next block (so within one block's time). */
  signal?: AbortSignal;
  /** How to give the event loop a turn between blocks. @default setTimeout(0) */
  yieldControl?: () => Promise<void>;
}

const defaultYield = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs a scenario block by block, giving the event loop a turn between blocks so progress
 * messages go out and a cancel message can arrive.
 * @throws SCENARIO_CANCELLED when the signal is aborted
 */
export async function runScenarioAsync(spec: ScenarioSpec, options: AsyncRunOptions = {}): Promise<ScenarioRun> {
  const startedAt = now();
  const plan = prepareScenario(spec);
  const steps = simulate(plan);
  const pause = options.yieldControl ?? defaultYield;
  for (;;) {
    if (options.signal?.aborted) throw ScenarioErrors.cancelled();
    const step = steps.next();
    if (step.done) return { plan, simulation: step.value, result: summarise(plan, step.value, startedAt) };
    options.onProgress?.(step.value);
    await pause();
  }
}
