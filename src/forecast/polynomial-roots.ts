const { PI, abs, cos, hypot, max, min, pow, sin, sqrt } = Math;

/** Roots of a real polynomial, as parallel arrays of real and imaginary parts. */
export interface PolynomialRoots {
  re: Float64Array;
  im: Float64Array;
}

/**
 * All complex roots of c[0] + c[1]·z + … + c[n]·zⁿ (coefficients in increasing order, as R's
 * `polyroot`), by the Aberth–Ehrlich simultaneous iteration with a final Newton polish. Trailing
 * zero coefficients are dropped first; a constant polynomial has no roots.
 * Used for the ARIMA stationarity and invertibility checks (degree ≤ about 30), where the roots'
 * moduli are compared with 1.
 * @example polynomialRoots([2, -3, 1]) // roots 1 and 2 (imaginary parts 0)
 */
export function polynomialRoots(c: ArrayLike<number>): PolynomialRoots {
  let n = c.length - 1;
  while (n > 0 && c[n] === 0) n--;
  const re = new Float64Array(max(n, 0));
  const im = new Float64Array(max(n, 0));
  if (n <= 0) return { re, im };
  if (n === 1) {
    re[0] = -c[0] / c[1];
    return { re, im };
  }
  // Zero roots first (c[0] = 0): deflate by z.
  let lo = 0;
  while (lo < n && c[lo] === 0) lo++;
  const deg = n - lo;
  const a = new Float64Array(deg + 1);
  for (let i = 0; i <= deg; i++) a[i] = c[lo + i] / c[n];
  // Start on a circle whose radius is the geometric mean of the roots' moduli, turned off the axes.
  const radius = pow(abs(a[0]), 1 / deg) || 1;
  const zr = new Float64Array(deg);
  const zi = new Float64Array(deg);
  for (let k = 0; k < deg; k++) {
    const angle = (2 * PI * k) / deg + 0.4;
    zr[k] = radius * cos(angle);
    zi[k] = radius * sin(angle);
  }
  for (let iter = 0; iter < 500; iter++) {
    let moved = 0;
    for (let k = 0; k < deg; k++) {
      // p(z) and p'(z) by Horner.
      let pr = 1;
      let pi = 0;
      let dr = 0;
      let di = 0;
      for (let i = deg - 1; i >= 0; i--) {
        const ndr = dr * zr[k] - di * zi[k] + pr;
        const ndi = dr * zi[k] + di * zr[k] + pi;
        dr = ndr;
        di = ndi;
        const npr = pr * zr[k] - pi * zi[k] + a[i];
        const npi = pr * zi[k] + pi * zr[k];
        pr = npr;
        pi = npi;
      }
      if (pr === 0 && pi === 0) continue;
      // w = p / p'
      const dd = dr * dr + di * di;
      if (dd === 0) continue;
      const wr = (pr * dr + pi * di) / dd;
      const wi = (pi * dr - pr * di) / dd;
      // s = Σ 1 / (z_k − z_j)
      let sr = 0;
      let si = 0;
      for (let j = 0; j < deg; j++) {
        if (j === k) continue;
        const xr = zr[k] - zr[j];
        const xi = zi[k] - zi[j];
        const xx = xr * xr + xi * xi;
        if (xx === 0) continue;
        sr += xr / xx;
        si -= xi / xx;
      }
      // step = w / (1 − w·s)
      const er = 1 - (wr * sr - wi * si);
      const ei = -(wr * si + wi * sr);
      const ee = er * er + ei * ei;
      const stepR = ee === 0 ? wr : (wr * er + wi * ei) / ee;
      const stepI = ee === 0 ? wi : (wi * er - wr * ei) / ee;
      zr[k] -= stepR;
      zi[k] -= stepI;
      moved = max(moved, hypot(stepR, stepI) / max(hypot(zr[k], zi[k]), 1e-300));
    }
    if (moved < 1e-15) break;
  }
  for (let k = 0; k < deg; k++) {
    re[k] = zr[k];
    im[k] = abs(zi[k]) < 1e-14 * max(abs(zr[k]), 1e-300) ? 0 : zi[k];
  }
  return { re, im };
}

/** Smallest modulus among the roots of c[0] + c[1]·z + … (Infinity for a constant). */
export function smallestRootModulus(c: ArrayLike<number>): number {
  const { re, im } = polynomialRoots(c);
  let m = Infinity;
  for (let k = 0; k < re.length; k++) m = min(m, sqrt(re[k] * re[k] + im[k] * im[k]));
  return m;
}
