/** Seeded random cash plans for property tests (mulberry32, the generator of the bench plans). */
import type { CashPlan } from '../../src/cash/types';
import type { Lever } from '../../src/cash/wc-levers';
import { mulberry32 } from '../../scripts/mulberry32';

/** Uniform draws in [0, 1) from `seed`: the generator the bench plans were made with. */
export const rng = mulberry32;

/** `count` levers named L0, L1, …, each with the fields `draw` returns (from the test's seeded generator). */
export const randomLevers = (count: number, draw: () => Omit<Lever, 'name'>): Lever[] =>
  Array.from({ length: count }, (_, i) => ({ name: `L${i}`, ...draw() }));

/**
 * A hand-checkable plan: opening cash and flows, and no minimum cash, no instruments and no credit
 * line unless the test gives them, so each example states only what it is about.
 */
export const handPlan = (plan: Pick<CashPlan, 'openingCash' | 'flows'> & Partial<CashPlan>): CashPlan => ({
  minCash: 0,
  instruments: [],
  ...plan,
});

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
  return benchShaped(flows, instruments, { rate: 0.0067, fee: 0.0003, ...(extras ? { repayBy: T - 1 } : {}) });
}

/** The bench plans' frame around flows and instruments: 3,000 opening, minimum 1,500 (2,000 every 4th period), line 8,000. */
function benchShaped(
  flows: number[],
  instruments: CashPlan['instruments'],
  line: Omit<NonNullable<CashPlan['creditLine']>, 'limit'>,
): CashPlan {
  const minCash = flows.map((_, t) => 1500 + (t % 4 === 3 ? 500 : 0));
  return { openingCash: 3000, minCash, flows, instruments, creditLine: { limit: 8000, ...line } };
}

/**
 * A plan exactly as `makePlan(T, K, seed, lots)` of ../shared/bench/cash-plan/gen.mjs writes it (the
 * generator of the bench plans and of the held-out plans), so tests can name plans by their seed.
 */
export function benchPlan(T: number, K: number, seed: number, lots: boolean): CashPlan {
  const r = rng(seed);
  const U = (a: number, b: number): number => a + (b - a) * r();
  const ppy = T <= 24 ? 12 : 52;
  const flows = Array.from(
    { length: T },
    (_, t) => Math.round((U(-1, 1) * 900 + 400 * Math.sin((2 * Math.PI * t) / (ppy / 4)) + 80) * 100) / 100,
  );
  const terms = [1, 2, 3, 4, 6, 8, 12, 13, 16, 20, 26, 30, 39, 40, 45, 52, 60, 78, 91, 104];
  const instruments = Array.from({ length: K }, (_, k) => {
    const term = Math.min(terms[k % terms.length], Math.max(1, T - 1));
    const annual = 0.025 + (0.02 * Math.log1p(term)) / Math.log1p(104) + U(-0.003, 0.003);
    const ins: CashPlan['instruments'][number] = {
      name: `I${k + 1}-${term}p`,
      term,
      rate: Math.round((annual / ppy) * 1e8) / 1e8,
    };
    if (lots && k < 3) ins.lot = [100, 250, 500][k];
    return ins;
  });
  return benchShaped(flows, instruments, {
    rate: Math.round((0.08 / ppy) * 1e8) / 1e8,
    fee: Math.round((0.004 / ppy) * 1e8) / 1e8,
  });
}
