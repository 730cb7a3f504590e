/** Seeded random cash plans for property tests (mulberry32, the generator of the bench plans). */
import type { CashPlan } from '../../src/cash/types';
import { mulberry32 } from '../../scripts/mulberry32';

/** Uniform draws in [0, 1) from `seed`: the generator the bench plans were made with. */
export const rng = mulberry32;

export function randomPlan(T: number, K: number, seed: number, extras = false): CashPlan {
  const r = rng(seed);
  const U = (a: number, b: number): number => a + (b - a) * r();
  const flows = Array.from(
    { length: T },
    (_, t) => Math.round((U(-1, 1) * 900 + 400 * Math.sin((2 * Math.PI * t) / 3) + 80) * 100) / 100,
  );
  const instruments = Array.from({ length: K }, (_, k) => {
    const term = Math.min(k + 1, T - 1);
    const ins: CashPlan['instruments'][number] = {
      name: `I${k + 1}`,
      term,
      rate: 0.002 + 0.0005 * term + U(0, 0.0005),
    };
    if (extras && k === 0) ins.lot = 250;
    if (extras && k === 1) {
      ins.max = 1500;
      ins.from = 2;
      ins.to = T - 3;
    }
    if (extras && k === 2) ins.min = 800;
    return ins;
  });
  return {
    openingCash: 3000,
    minCash: Array.from({ length: T }, (_, t) => 1500 + (t % 4 === 3 ? 500 : 0)),
    flows,
    instruments,
    creditLine: { limit: 8000, rate: 0.0067, fee: 0.0003, ...(extras ? { repayBy: T - 1 } : {}) },
  };
}
