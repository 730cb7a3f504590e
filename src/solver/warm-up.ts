/**
 * A small programme the solver engine solves once when it loads, so that the JIT's optimising
 * compile of GLPK's wasm happens at load and not in the user's next solves. V8 first runs wasm
 * with its baseline compiler and recompiles the hot functions with its optimising compiler on
 * background threads; that one-time compile took 100–150 ms of CPU in each of the second and third
 * scenario optimisations after loading (docs/cash.md, "Warm-up of the solver engine"). The programme
 * has the shape of the scenario programmes that dominate the time (a cumulative path, per-trial
 * balances with interest, big-M risk rows with binaries, lots), so the same simplex, factorisation,
 * presolver and branch-and-bound code becomes hot; its answer is not used.
 */
import type { Column, LinearProgram, Row, Term } from './types';

/**
 * Trials and periods of the warm-up programme: 304 rows, 183 columns, solved in tens of milliseconds.
 * Twice the size (24 × 16) took three times the CPU for no more gain in the solves after it.
 */
const TRIALS = 12;
const PERIODS = 12;

/**
 * The warm-up programme: a MIP, deterministic, feasible and bounded (tested).
 * @example warmUpProgram().rows.length; // 304: 12 path and 3 lot rows, 12 × 12 cash and risk rows, 1 risk budget
 */
export function warmUpProgram(): LinearProgram {
  const columns: Column[] = [];
  const rows: Row[] = [];
  const objective: Term[] = [{ name: `Y${PERIODS}`, coef: -1 }];
  for (let t = 1; t <= PERIODS; t++) {
    columns.push({ name: `x${t}`, lb: 0, ub: 400 }, { name: `Y${t}`, lb: -1e4, ub: 1e4 });
    const terms: Term[] = [
      { name: `Y${t}`, coef: 1 },
      { name: `x${t}`, coef: -1 },
    ];
    if (t > 1) terms.push({ name: `Y${t - 1}`, coef: -1 });
    if (t > 2) terms.push({ name: `x${t - 2}`, coef: 1.012 });
    rows.push({ name: `yd${t}`, terms, lb: 0, ub: 0 });
    if (t % 4 === 0) {
      columns.push({ name: `n${t}`, lb: 0, ub: 20, integer: true });
      rows.push({
        name: `lot${t}`,
        terms: [
          { name: `x${t}`, coef: 1 },
          { name: `n${t}`, coef: -25 },
        ],
        lb: 0,
        ub: 0,
      });
    }
  }
  for (let s = 0; s < TRIALS; s++) {
    columns.push({ name: `z${s}`, lb: 0, ub: 1, integer: true });
    let base = 200;
    for (let t = 1; t <= PERIODS; t++) {
      base += ((s * 37 + t * 91) % 97) - 44;
      const b = `b${s}_${t}`;
      columns.push({ name: b, lb: 0, ub: 900 });
      objective.push({ name: b, coef: -0.004 / TRIALS });
      const terms: Term[] = [
        { name: b, coef: 1 },
        { name: `Y${t}`, coef: -1 },
      ];
      for (let u = 1; u < t; u++) terms.push({ name: `b${s}_${u}`, coef: -0.004 });
      rows.push({ name: `c${s}_${t}`, terms, lb: 50 - base, ub: Infinity });
      rows.push({
        name: `r${s}_${t}`,
        terms: [
          { name: b, coef: 1 },
          { name: `z${s}`, coef: -600 },
        ],
        lb: -Infinity,
        ub: 300,
      });
    }
  }
  rows.push({
    name: 'risk',
    terms: Array.from({ length: TRIALS }, (_, s) => ({ name: `z${s}`, coef: 1 })),
    lb: -Infinity,
    ub: 2,
  });
  return { name: 'warm-up', sense: 'max', objective, columns, rows };
}
