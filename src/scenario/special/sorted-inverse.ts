/**
 * Inverting a CDF at many ascending probabilities (the sorted uniforms of a Latin hypercube) with
 * few exact inversions: exact quantiles at every 32nd point ("knots"), cubic Hermite interpolation
 * between knots using the slopes dx/dp = 1/density, and a check at each interval's midpoint
 * against an exact inversion. Where the check fails (tails, kinks) every point of the interval is
 * inverted exactly. The tolerance (1e-12 absolute in the unit interval of the family, or relative
 * to the value) is far below any sampling error, and the arithmetic is deterministic.
 */
const STRIDE = 32;
const TOLERANCE = 1e-12;

/**
 * @param u ascending probabilities
 * @param out receives the quantiles (may be `u` itself only if `u` is not needed afterwards: it is not)
 * @param exact exact inverse CDF with an optional starting guess
 * @param slope dx/dp at x (1/density); a non-finite slope forces exact inversion of that interval
 */
export function invertSorted(
  u: Float64Array,
  out: Float64Array,
  exact: (p: number, guess?: number) => number,
  slope: (x: number) => number,
): void {
  const n = u.length;
  if (n < 4 * STRIDE) {
    let guess: number | undefined;
    for (let i = 0; i < n; i++) guess = out[i] = exact(u[i], guess);
    return;
  }
  const knots: number[] = [];
  for (let i = 0; i < n - 1; i += STRIDE) knots.push(i);
  knots.push(n - 1);
  const xs = new Float64Array(knots.length);
  const ss = new Float64Array(knots.length);
  let guess: number | undefined;
  knots.forEach((i, k) => {
    guess = xs[k] = exact(u[i], guess);
    ss[k] = slope(xs[k]);
  });
  // Read probabilities before any write: `out` may alias `u`.
  const p = Float64Array.from(u);
  for (let k = 0; k + 1 < knots.length; k++) {
    const i0 = knots[k];
    const i1 = knots[k + 1];
    const p0 = p[i0];
    const h = p[i1] - p0;
    const x0 = xs[k];
    const x1 = xs[k + 1];
    const m0 = h * ss[k];
    const m1 = h * ss[k + 1];
    const hermite = (q: number): number => {
      const t = (q - p0) / h;
      const t2 = t * t;
      const t3 = t2 * t;
      return (2 * t3 - 3 * t2 + 1) * x0 + (t3 - 2 * t2 + t) * m0 + (3 * t2 - 2 * t3) * x1 + (t3 - t2) * m1;
    };
    let smooth = h > 0 && Number.isFinite(m0) && Number.isFinite(m1);
    const mid = (i0 + i1) >>> 1;
    if (smooth) {
      const estimate = hermite(p[mid]);
      const truth = exact(p[mid], estimate);
      smooth = Math.abs(estimate - truth) <= TOLERANCE * Math.max(1, Math.abs(truth));
    }
    out[i0] = x0;
    if (smooth) {
      for (let i = i0 + 1; i < i1; i++) out[i] = hermite(p[i]);
    } else {
      let g = x0;
      for (let i = i0 + 1; i < i1; i++) g = out[i] = exact(p[i], g);
    }
  }
  out[n - 1] = xs[knots.length - 1];
}
