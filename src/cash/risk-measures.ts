/**
 * Risk of a sample of losses (one per equally likely trial).
 * - CVaR_α (Rockafellar & Uryasev, "Optimization of conditional value-at-risk", J. Risk 2000):
 *   min_η η + E[(L − η)⁺]/α; on n trials, the mean of the worst αn losses, the boundary trial
 *   weighted by the fraction left (the worst loss alone when αn < 1).
 * - The breach frequency: the share of trials whose loss exceeds a tolerance.
 */

/**
 * @example cvar([0, 0, 10, 30], 0.5) // 20: the mean of the worst two
 * @example cvar([0, 0, 10, 30], 0.3) // 30·(1/1.2) + 10·(0.2/1.2) = 26.67
 */
export function cvar(losses: ReadonlyArray<number>, alpha: number): number {
  const n = losses.length;
  if (n === 0) return NaN;
  const sorted = Array.from(losses).sort((a, b) => b - a);
  const k = alpha * n;
  if (k <= 1) return sorted[0];
  const whole = Math.floor(k);
  let sum = 0;
  for (let i = 0; i < whole; i++) sum += sorted[i];
  if (whole < n) sum += (k - whole) * sorted[whole];
  return sum / k;
}

/**
 * @example breachFrequency([0, 0, 10, 30], 5) // 0.5
 */
export function breachFrequency(losses: ReadonlyArray<number>, tolerance: number): number {
  if (losses.length === 0) return NaN;
  let count = 0;
  for (const l of losses) if (l > tolerance) count++;
  return count / losses.length;
}
