/** Seeded budget lines for the anomaly tests. */
import type { BudgetLine } from '../../src/anomaly/types';
import { boxMullerNormal, mulberry32 } from '../../scripts/mulberry32';

/** Deterministic standard normals (mulberry32 + Box–Muller), so every test sees the same noise. */
export function normals(seed: number, n: number): number[] {
  const u = mulberry32(seed);
  return Array.from({ length: n }, () => boxMullerNormal(u));
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
