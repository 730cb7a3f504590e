import type { LinearProgram, Term } from '../../src/solver/types';

/** `{ x: 1, y: 2 }` → the solver's term list, so test programs read like their algebra. */
export function terms(coefficients: Record<string, number>): Term[] {
  return Object.entries(coefficients).map(([name, coef]) => ({ name, coef }));
}

/** max x + 2y  s.t.  x + y ≤ 4 (row `cap`), 0 ≤ x ≤ 3, y ≥ 0  →  x = 0, y = 4, z = 8; the row's dual is 2. */
export const smallLp: LinearProgram = {
  name: 'small',
  sense: 'max',
  objective: terms({ x: 1, y: 2 }),
  columns: [
    { name: 'x', lb: 0, ub: 3 },
    { name: 'y', lb: 0, ub: Infinity },
  ],
  rows: [{ name: 'cap', terms: terms({ x: 1, y: 1 }), lb: -Infinity, ub: 4 }],
};

/** max 3a + 2b  s.t.  2a + 2b ≤ 7 (row `r`), a, b ≥ 0 integer  →  relaxation a = 3.5 (z = 10.5), optimum a = 3, b = 0, z = 9. */
export const smallMip: LinearProgram = {
  name: 'mip',
  sense: 'max',
  objective: terms({ a: 3, b: 2 }),
  columns: [
    { name: 'a', lb: 0, ub: Infinity, integer: true },
    { name: 'b', lb: 0, ub: Infinity, integer: true },
  ],
  rows: [{ name: 'r', terms: terms({ a: 2, b: 2 }), lb: -Infinity, ub: 7 }],
};
