/**
 * glpk.js for Node (CLI, benchmarks, tests): the synchronous `glpk.js/node` entry, loaded once.
 * glpk.js is ESM-only; a dynamic import keeps this module loadable from CommonJS (tsx, the CLI) and,
 * through the jest transform for glpk.js, under jest.
 */
import { createGlpkSolver } from './glpk-solver';
import type { Solver } from './types';

export const glpkNodeSolver: Solver = createGlpkSolver(async () => {
  const module = await import('glpk.js/node');
  return module.default();
});
