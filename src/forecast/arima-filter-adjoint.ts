import type { ArimaStateSpace } from './arima-state-space';
import type { FilterSums } from './arima-kalman';
import type { FilterTape } from './arima-chandrasekhar';
import { LARGE_GAIN } from './arima-chandrasekhar';

/**
 * Reverse pass of the Chandrasekhar filter (arima-chandrasekhar.ts) for f = ½ (log(ssq/ν) + sumlog/ν),
 * R's `armafn`: from the tape of a run (`arimaFilterDiffuse(w, ss, sums, tape)`), the adjoints
 * ∂f/∂φᵢ of the padded AR polynomial into `phiBar` (through the transition, not through Q₀) and
 * ∂f/∂cⱼ of the first column c = Q₀e₁ of the initial covariance into `colBar`; returns Σₜ ∂f/∂wₜ.
 * `work` is scratch of 3r entries.
 *
 * Each step maps (a, K, Y, F, M) to the next as in the forward filter; its adjoint step is the
 * transpose of that map's Jacobian applied to the next step's adjoints (Griewank & Walther 2008,
 * ch. 3), so the pass costs about one filter run. Steps after the steady state keep K and F fixed:
 * their adjoints only accumulate there, and flow back into the last step that changed them.
 */
export function filterAdjoint(
  ss: ArimaStateSpace,
  sums: FilterSums,
  tape: FilterTape,
  phiBar: Float64Array,
  colBar: Float64Array,
  work: Float64Array,
): number {
  const { K, r, phiPad } = ss;
  const n = tape.v.length;
  const sBar = 0.5 / sums.ssq;
  const lBar = 0.5 / sums.nu;
  // Adjoints of a, K, Y after the step being reversed, and of F and M.
  work.fill(0);
  const aBar = work.subarray(0, r);
  const kBar = work.subarray(r, 2 * r);
  const yBar = work.subarray(2 * r, 3 * r);
  phiBar.fill(0);
  colBar.fill(0);
  let fBar = 0;
  let mBar = 0;
  let wBar = 0;
  const { steadyFrom } = tape;
  const steadyF = tape.F[steadyFrom];
  const last = r - 1;
  for (let t = n - 1; t >= K; t--) {
    const steady = t >= steadyFrom;
    const F = steady ? steadyF : tape.F[t];
    const kRow = (steady ? steadyFrom : t) * r;
    const v = tape.v[t];
    const a0 = tape.a0[t];
    const vf = v / F;
    let vfBar = 0;
    let a0Bar = 0;
    if (steady) {
      for (let i = 0; i < r; i++) {
        const ab = aBar[i];
        const ki = tape.k[kRow + i];
        phiBar[i] += ab * a0;
        a0Bar += ab * phiPad[i];
        vfBar += ab * ki;
        kBar[i] += ab * vf;
      }
    } else {
      // Forward: u = φz + Y₊; a' = φa₀ + a₊ + K v/F; Y' = u − (z/F)K; K' = K + Mz·u; F' = F + Mz²; M' = MF/F'.
      const M = tape.M[t];
      const z = tape.Y[kRow];
      const zf = z / F;
      const mz = M * z;
      const F1 = F + mz * z;
      const M1 = (M * F) / F1;
      const f1Bar = fBar - (mBar * M1) / F1;
      let fIn = f1Bar + (mBar * M) / F1;
      let mIn = (mBar * F) / F1;
      let mzBar = f1Bar * z;
      let zBar = f1Bar * mz;
      let zfBar = 0;
      for (let i = last; i >= 0; i--) {
        const ph = phiPad[i];
        const ki = tape.k[kRow + i];
        const yUp = i < last ? tape.Y[kRow + i + 1] : 0;
        const u = ph * z + yUp;
        const ab = aBar[i];
        const yb = yBar[i];
        const kb = kBar[i];
        const uBar = kb * mz + yb;
        mzBar += kb * u;
        zfBar -= yb * ki;
        kBar[i] = kb - yb * zf + ab * vf;
        phiBar[i] += ab * a0 + uBar * z;
        a0Bar += ab * ph;
        vfBar += ab * ki;
        zBar += uBar * ph;
        // Yᵢ₊₁ enters only uᵢ; yBar[i + 1] (the next Y's adjoint) was read at i + 1 already.
        if (i < last) yBar[i + 1] = uBar;
      }
      mIn += mzBar * z;
      zBar += mzBar * M + zfBar / F;
      fIn -= (zfBar * z) / (F * F);
      yBar[0] = zBar;
      fBar = fIn;
      mBar = mIn;
    }
    let vBar = vfBar / F;
    fBar -= (vfBar * v) / (F * F);
    if (F < LARGE_GAIN) {
      vBar += 2 * vf * sBar;
      fBar += -vf * vf * sBar + lBar / F;
    }
    wBar += vBar;
    // a's adjoint before the step: a'ᵢ = … + aᵢ₊₁, a₀ enters through φ and v = w − a₀.
    for (let i = last; i >= 1; i--) aBar[i] = aBar[i - 1];
    aBar[0] = a0Bar - vBar;
  }
  // Start: F₀ = c₁, K = φF₀ + (c₂, …, c_r, 0), Y = K, M = −1/F₀.
  const F0 = tape.F[K];
  let f0Bar = fBar + mBar / (F0 * F0);
  for (let i = 0; i < r; i++) {
    const kb = kBar[i] + yBar[i];
    phiBar[i] += kb * F0;
    f0Bar += kb * phiPad[i];
    if (i + 1 < r) colBar[i + 1] += kb;
  }
  colBar[0] += f0Bar;
  return wBar;
}
