/**
 * The simulation loop on the calling thread: block by block (src/scenario/block.ts), writing each
 * block's outputs straight into the run's columns, checking the convergence rule after each block.
 * It is a generator that yields after every block, so the same code runs synchronously (CLI with one
 * worker, tests) or cooperatively with progress and cancellation (a Web Worker). Runs spread over
 * workers (src/scenario/parallel.ts) run the same blocks and merge them the same way.
 */
import { blockLayout, simulateBlock } from './block';
import { SimulationMerger } from './merge';
import type { Simulation } from './merge';
import { PreparedScenario } from './spec';

export type { Simulation } from './merge';
export type { PhaseTimings } from './block';

export interface Progress {
  done: number;
  total: number;
}

/**
 * Runs the plan; yields progress after each block and returns the simulation.
 * @example for (const p of simulate(plan)) {} // synchronous use; see runScenario
 */
export function* simulate(plan: PreparedScenario): Generator<Progress, Simulation> {
  const merger = new SimulationMerger(plan);
  const slots = blockLayout(plan.iterations, plan.blockSize);
  let convergence: { converged: boolean; precision: number } | undefined;
  for (const slot of slots) {
    merger.place(simulateBlock(plan, slot, merger.columns, slot.start));
    const done = slot.start + slot.trials;
    if (plan.convergence) {
      const precision = merger.precision(done);
      convergence = { converged: precision <= plan.convergence.target, precision };
      if (convergence.converged) return merger.finish(slot.index, convergence);
    }
    yield { done, total: plan.iterations };
  }
  return merger.finish(slots.length - 1, convergence);
}
