/** Seeded budget lines for the anomaly tests. */
import type { BudgetLine } from '../../src/anomaly/types';

/** Deterministic standard normals (mulberry32 + Box–Muller), so every test sees the same noise. */
export function normals(seed: number, n: number): number[] {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u()));
}

/** A seasonal line of 36 months: plan with a summer peak, actual = plan × (1 + σ·noise + effect). */
export function seasonalLine(
  id: string,
  seed: number,
  sigma: number,
  effect: (t: number) => number = () => 0,
  n = 36,
): BudgetLine {
  const z = normals(seed, n);
  const plan = Array.from({ length: n }, (_, t) => 10000 * (1 + 0.25 * Math.cos((2 * Math.PI * (t - 6)) / 12)));
  const actual = plan.map((p, t) => p * (1 + sigma * z[t] + effect(t)));
  return { id, costCentre: 'CC1', account: 'Travel', owner: 'ann', plan, actual };
}

/**
 * A plan phased flat at 1,000 against actuals that swing ±30% with the season: the line whose seasonal
 * pattern of variances the engine removes. actual = plan × (1 + 0.3·cos(2πt/12) + σ·noise + effect).
 */
export function flatPlannedLine(
  seed: number,
  sigma: number,
  effect: (t: number) => number = () => 0,
  n = 36,
): { plan: number[]; actual: number[] } {
  const z = normals(seed, n);
  const plan = new Array<number>(n).fill(1000);
  const actual = plan.map((p, t) => p * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12) + sigma * z[t] + effect(t)));
  return { plan, actual };
}
