/**
 * A thread's engine run once before the user's first run, so that run starts on optimised code. A
 * Web Worker starts cold: its first block of 20,000 trials took 150–190 ms of CPU in Chromium
 * against 56 ms once the engine is compiled and its arrays are allocated (the task pane's
 * 1,000,000-trial run, 2026-12-06). The pane's workers start when the pane opens, long before a
 * click on Run, and warm up then, while they are idle.
 *
 * The warm-up runs blocks of a small built-in model through the same code as a run (sampling,
 * Iman–Conover, the model, Spearman matrix, sensitivities), with the families of the standard model
 * (normal, lognormal, triangular, PERT, uniform, discrete): warming families a model does not use
 * would make the engine's calls into the families polymorphic for nothing. Blocks of the size of a
 * large run's blocks leave this thread's reusable arrays at that size. Nothing it does changes a later
 * run's numbers: a block is a pure function of its plan and slot.
 */
import { blockLayout, simulateBlock } from './block';
import { describeHere } from './describe-outputs';
import { prepareScenario } from './spec';
import type { ScenarioSpec } from './spec';

/**
 * The built-in model: the standard model's families, ten drivers (most correlated) and seven outputs,
 * a typical size, so the thread's reusable arrays are there for a model up to that size.
 */
const WARM_UP_SPEC: ScenarioSpec = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } },
    { name: 'fx', distribution: 'normal', params: { mean: 1, sd: 0.05 } },
    { name: 'volume', distribution: 'lognormal', params: { mean: 1000, sd: 200 } },
    { name: 'rate', distribution: 'lognormal', params: { mean: 0.2, sd: 0.02 } },
    { name: 'unit_cost', distribution: 'triangular', params: { min: 40, mode: 55, max: 75 } },
    { name: 'days', distribution: 'triangular', params: { min: 30, mode: 45, max: 70 } },
    { name: 'overhead', distribution: 'pert', params: { min: 5000, mode: 8000, max: 15000 } },
    { name: 'staff', distribution: 'pert', params: { min: 18000, mode: 20000, max: 26000 } },
    { name: 'inflation', distribution: 'uniform', params: { min: 0.01, max: 0.06 } },
    { name: 'capex', distribution: 'discrete', params: { values: [0, 2500, 10000], probabilities: [0.6, 0.3, 0.1] } },
  ],
  correlation: {
    names: ['price', 'volume', 'unit_cost', 'inflation', 'staff'],
    matrix: [
      [1, -0.5, 0, 0, 0],
      [-0.5, 1, -0.2, 0, 0],
      [0, -0.2, 1, 0.6, 0],
      [0, 0, 0.6, 1, 0.5],
      [0, 0, 0, 0.5, 1],
    ],
  },
  model: [
    'revenue = price * volume * fx',
    'cost = unit_cost * volume * (1 + inflation)',
    'opex = overhead + staff * (1 + inflation)',
    'ebit = revenue - cost - opex',
    'tax = MAX(ebit, 0) * rate',
    'owed = revenue * days / 365',
    'cash = ebit - tax - capex - owed',
  ].join('\n'),
  seed: 1,
  sensitivity: true,
};

/**
 * Runs `blocks` blocks of `blockTrials` trials of the built-in model on this thread, and describes
 * (statistics and histogram) the last block's outputs, discarding it all.
 * @example warmUpEngine(20_000, 2) // about 0.4 s of CPU on a cold Web Worker, nothing returned
 */
export function warmUpEngine(blockTrials = 20_000, blocks = 2): void {
  const plan = prepareScenario({ ...WARM_UP_SPEC, iterations: blockTrials * blocks, blockSize: blockTrials });
  let outputs: readonly Float64Array[] = [];
  for (const slot of blockLayout(plan.iterations, plan.blockSize)) outputs = simulateBlock(plan, slot).outputs;
  const options = { percentiles: plan.percentiles, varLevel: plan.varLevel, thresholds: [0] };
  outputs.forEach((column, i) => describeHere({ name: plan.program.outputs[i], column, options, bins: 30 }));
}
