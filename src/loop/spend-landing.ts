/**
 * Where a budget line's spending will land at year end, and the plan that would make the year's
 * plan predict it.
 *
 * Spending follows a line's plan only partly: actual_t ≈ w·plan_t + (1 − w)·need_t, where need is what
 * the line would spend anyway and w (the pass-through, 0..1) how much of a budget change turns into
 * spending. The need is tracked relative to the reference (approved) plan, need_t = L_t·ref_t, with
 * the level L filtered from the months booked (local-level.ts) from (actual − w·plan)/((1 − w)·ref).
 *
 * For the remaining months R of the year (the window) and a remaining plan total P:
 *   year-end gap  G(P) = A_past − P_past + (1 − w)·(N̂_R − P),  N̂_R = L̂·Σ_R ref,
 *   sd of G       σ² = (1 − w)²·(Var L̂·(Σ_R ref)² + q·Σ_j (Σ_{u ≥ j} ref_u)² + r·Σ_R ref²),
 *   neutral plan  P* = N̂_R + (A_past − P_past)/(1 − w), the remaining plan with an expected gap of 0.
 */
import { localLevel } from './local-level';

export interface LandingInput {
  /** The approved plan per month, through the window's end: the shape and scale of the need. */
  reference: ReadonlyArray<number>;
  /** The plan in force per month, through the window's end. */
  plan: ReadonlyArray<number>;
  /** Actuals per month booked so far (null = missing). */
  actual: ReadonlyArray<number | null>;
  /** First month of the fiscal year that holds the window */
  yearStart: number;
  /** First and last month whose plan may change. */
  window: readonly [number, number];
  /** Share of a budget change that turns into spending (0 ≤ w < 1). */
  passThrough: number;
}

export interface Landing {
  /** Need relative to the reference plan, now. */
  level: number;
  levelSd: number;
  /** Expected need per window month. */
  need: number[];
  /** Σ of the reference over the window */
  referenceLeft: number;
  /** Σ of the plan in force over the window */
  planLeft: number;
  /** Σ actual − Σ plan over the year's booked months. */
  pastGap: number;
  /** The remaining plan with an expected year-end gap of 0. */
  neutral: number;
  /** Standard deviation of the year-end gap. */
  sd: number;
  /** Expected year-end gap (actual − plan) if the plan in force stays. */
  gap: number;
  /** The year's plan if the plan in force stays (booked months + window). */
  yearPlan: number;
}

/** Prior of the level: the need equals the reference plan, ±10%. */
const LEVEL_PRIOR = { level: 1, variance: 0.01 };

/**
 * @example forecastLanding({ reference: [100, 100, 100, 100], plan: [100, 100, 100, 100], actual: [110, 110],
 *   yearStart: 0, window: [2, 3], passThrough: 0.5 }).gap // ≈ 40: 20 booked over plan, and 2 × 10 to come
 */
export function forecastLanding(input: LandingInput): Landing {
  const { reference, plan, actual, yearStart, window, passThrough: w } = input;
  const [a, b] = window;
  const observations: number[] = [];
  for (let u = 0; u < Math.min(actual.length, a); u++) {
    const x = actual[u];
    if (x === null || !Number.isFinite(x) || !(reference[u] > 0)) continue;
    observations.push((x - w * plan[u]) / ((1 - w) * reference[u]));
  }
  const filtered = localLevel(observations, LEVEL_PRIOR);
  let pastGap = 0;
  let planPast = 0;
  for (let u = yearStart; u < a; u++) {
    const x = actual[u];
    const expected = w * plan[u] + (1 - w) * filtered.level * reference[u];
    pastGap += (x === null || x === undefined || !Number.isFinite(x) ? expected : x) - plan[u];
    planPast += plan[u];
  }
  const need: number[] = [];
  let referenceLeft = 0;
  let planLeft = 0;
  let squares = 0;
  let tails = 0;
  for (let u = a; u <= b; u++) {
    need.push(filtered.level * reference[u]);
    referenceLeft += reference[u];
    planLeft += plan[u];
    squares += reference[u] * reference[u];
  }
  let tail = 0;
  for (let u = b; u >= a; u--) {
    tail += reference[u];
    tails += tail * tail;
  }
  const needLeft = filtered.level * referenceLeft;
  const sd =
    (1 - w) * Math.sqrt(filtered.variance * referenceLeft * referenceLeft + filtered.q * tails + filtered.r * squares);
  return {
    level: filtered.level,
    levelSd: Math.sqrt(filtered.variance),
    need,
    referenceLeft,
    planLeft,
    pastGap,
    neutral: needLeft + pastGap / (1 - w),
    sd,
    gap: pastGap + (1 - w) * (needLeft - planLeft),
    yearPlan: planPast + planLeft,
  };
}
