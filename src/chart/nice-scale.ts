/**
 * Axis ticks a reader can use: steps of 1, 2 or 5 times a power of ten, and a domain widened to
 * whole steps so the first and last ticks frame the data — the rule of R's `pretty()` and d3's
 * `ticks`/`nice` (d3-array's tickIncrement). Pure, for every chart of the pane.
 */

export interface NiceScale {
  /** The widened domain: lo ≤ every value ≤ hi, both whole multiples of `step`. */
  lo: number;
  hi: number;
  step: number;
  /** lo, lo + step, …, hi. */
  ticks: number[];
}

/** The 1-2-5 step giving about `count` intervals over `span`. */
function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(raw)));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/**
 * @param count about how many intervals (R's `n`) @default 5
 * @example niceScale(0, 97).ticks // [0, 20, 40, 60, 80, 100]  (R: pretty(c(0, 97)))
 * @example niceScale(34963, 52348).ticks // [30000, 35000, 40000, 45000, 50000, 55000]
 */
export function niceScale(min: number, max: number, count = 5): NiceScale {
  let lo = Math.min(min, max);
  let hi = Math.max(min, max);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { lo: 0, hi: 1, step: 1, ticks: [0, 1] };
  if (lo === hi) {
    // One value: an axis from zero to it (or around zero), as a bar chart of it would be drawn.
    if (lo === 0) [lo, hi] = [-1, 1];
    else [lo, hi] = lo > 0 ? [0, lo] : [lo, 0];
  }
  let step = tickStep(hi - lo, count);
  // Widening can change the step once (e.g. 0.94 → 1 makes the span 2, still step 0.5); settle it.
  // Rounding tolerates floating-point noise: 0.3 / 0.05 is 5.999…, still 6 steps.
  const down = (v: number) => Math.floor(v / step + 1e-9) * step;
  const up = (v: number) => Math.ceil(v / step - 1e-9) * step;
  for (let i = 0; i < 2; i++) {
    [lo, hi] = [down(lo), up(hi)];
    step = tickStep(hi - lo, count);
  }
  [lo, hi] = [down(lo), up(hi)];
  const n = Math.round((hi - lo) / step);
  // Multiplying the index (not adding steps) keeps 0.1·3 from becoming 0.30000000000000004 drift.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 1);
  const ticks = Array.from({ length: n + 1 }, (_, i) => Number((lo + i * step).toFixed(decimals)));
  return { lo: ticks[0], hi: ticks[n], step, ticks };
}
