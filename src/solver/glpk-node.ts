/**
 * glpk.js for Node (CLI, benchmarks, tests): the synchronous `glpk.js/node` entry, loaded once.
 * glpk.js is ESM-only; a dynamic import keeps this module loadable from CommonJS: natively under tsx
 * and the CLI, and under jest with node --experimental-vm-modules (npm run test:unit sets it).
 */
import { createGlpkSolver } from './glpk-solver';
import type { Solver } from './types';

export const glpkNodeSolver: Solver = createGlpkSolver(async () => {
  const module = await import('glpk.js/node');
  return module.default();
});
