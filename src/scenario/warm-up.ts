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

/** The built-in model: the standard model's families, correlated, every output used. */
const WARM_UP_SPEC: ScenarioSpec = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 100, sd: 10 } },
    { name: 'volume', distribution: 'lognormal', params: { mean: 1000, sd: 200 } },
    { name: 'unit_cost', distribution: 'triangular', params: { min: 40, mode: 55, max: 75 } },
    { name: 'overhead', distribution: 'pert', params: { min: 5000, mode: 8000, max: 15000 } },
    { name: 'inflation', distribution: 'uniform', params: { min: 0.01, max: 0.06 } },
    { name: 'capex', distribution: 'discrete', params: { values: [0, 2500, 10000], probabilities: [0.6, 0.3, 0.1] } },
  ],
  correlation: {
    names: ['price', 'volume', 'unit_cost', 'inflation'],
    matrix: [
      [1, -0.5, 0, 0],
      [-0.5, 1, -0.2, 0],
      [0, -0.2, 1, 0.6],
      [0, 0, 0.6, 1],
    ],
  },
  model:
    'revenue = price * volume\ncost = unit_cost * volume * (1 + inflation) + overhead\n' +
    'profit = revenue - cost - MAX(revenue - cost, 0) * 0.2 - capex',
  seed: 1,
  sensitivity: true,
};

/**
 * Runs `blocks` blocks of `blockTrials` trials of the built-in model on this thread, and describes
 * (statistics and histogram) the last block's outputs, discarding it all.
 * @example warmUpEngine(20_000, 2) // about 0.3 s of CPU on a cold Web Worker, nothing returned
 */
export function warmUpEngine(blockTrials = 20_000, blocks = 2): void {
  const plan = prepareScenario({ ...WARM_UP_SPEC, iterations: blockTrials * blocks, blockSize: blockTrials });
  let outputs: readonly Float64Array[] = [];
  for (const slot of blockLayout(plan.iterations, plan.blockSize)) outputs = simulateBlock(plan, slot).outputs;
  const options = { percentiles: plan.percentiles, varLevel: plan.varLevel, thresholds: [0] };
  outputs.forEach((column, i) => describeHere({ name: plan.program.outputs[i], column, options, bins: 30 }));
}
