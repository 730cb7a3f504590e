/**
 * glpk.js for the browser and Excel's JavaScript runtime: the default entry starts its own Web
 * Worker from a blob URL with the wasm inlined, so solving never blocks the UI thread and nothing
 * is fetched at run time. Loaded once, on the first solve (webpack splits it into its own chunk).
 */
import { createGlpkSolver } from './glpk-solver';
import type { Solver } from './types';

export const glpkBrowserSolver: Solver = createGlpkSolver(async () => {
  const module = await import('glpk.js');
  return module.default();
});
