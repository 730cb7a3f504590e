/**
 * Reduced costs of the columns of an LP from its row duals: d_j = c_j − Σ_i a_ij·π_i. For a column
 * at a bound, d_j is the change in the objective per unit the bound moves (its shadow price);
 * a basic column has d_j = 0. Solvers that only report row duals (glpk.js) get column duals here.
 * @example reducedCosts({ name: 'p', sense: 'max', objective: [{ name: 'x', coef: 1 }],
 *   columns: [{ name: 'x', lb: 0, ub: 3 }], rows: [] }, {}).x; // 1
 */
import type { LinearProgram } from './types';

export function reducedCosts(program: LinearProgram, rowDuals: Record<string, number>): Record<string, number> {
  const d: Record<string, number> = {};
  for (const column of program.columns) d[column.name] = 0;
  for (const term of program.objective) d[term.name] = (d[term.name] ?? 0) + term.coef;
  for (const row of program.rows) {
    const pi = rowDuals[row.name] ?? 0;
    if (pi === 0) continue;
    for (const term of row.terms) d[term.name] = (d[term.name] ?? 0) - term.coef * pi;
  }
  return d;
}
