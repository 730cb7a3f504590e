// Math and Infinity are bound once: global lookups are slow inside vm sandboxes (jest), and this is a hot path.
const { abs } = Math;
const INF = 1 / 0;

export interface NelderMeadOptions {
  /** Initial step per coordinate (the simplex is x0 plus one step along each axis). */
  step: ArrayLike<number>;
  /** Stop when (f_worst − f_best) ≤ tolerance · (|f_best| + tolerance). @default 1e-8 */
  tolerance?: number;
  /** Maximum number of objective evaluations. @default 2000 */
  maxEvaluations?: number;
}

export interface NelderMeadResult {
  x: Float64Array;
  value: number;
  evaluations: number;
}

/** Working arrays of one simplex dimension, reused across calls (ETS fitting runs thousands of searches). */
interface Workspace {
  pts: Float64Array[];
  vals: Float64Array;
  order: Int32Array;
  centroid: Float64Array;
  xr: Float64Array;
  xe: Float64Array;
  xc: Float64Array;
  sum: Float64Array;
}

const workspaces = new Map<number, Workspace>();
let busy = false;

function workspace(d: number): Workspace {
  const fresh = (): Workspace => ({
    pts: Array.from({ length: d + 1 }, () => new Float64Array(d)),
    vals: new Float64Array(d + 1),
    order: new Int32Array(d + 1),
    centroid: new Float64Array(d),
    xr: new Float64Array(d),
    xe: new Float64Array(d),
    xc: new Float64Array(d),
    sum: new Float64Array(d),
  });
  // A search started from inside an objective gets its own arrays.
  if (busy) return fresh();
  let w = workspaces.get(d);
  if (!w) {
    w = fresh();
    workspaces.set(d, w);
  }
  return w;
}

/**
 * Minimises `f` by the Nelder–Mead simplex method (reflection 1, expansion 2, contraction ½,
 * shrink ½), the derivative-free search R's ets() and optim() use. Constraints are expressed by
 * `f` returning Infinity outside the feasible region. Deterministic; allocation-free (the working
 * arrays are reused from call to call).
 * @example nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], { step: [0.5, 0.5] }).x // ≈ [1, -2]
 */
export function nelderMead(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions,
): NelderMeadResult {
  const outer = !busy;
  const w = workspace(x0.length);
  busy = true;
  try {
    return search(f, x0, options, w);
  } finally {
    if (outer) busy = false;
  }
}

function search(
  f: (x: Float64Array) => number,
  x0: ArrayLike<number>,
  options: NelderMeadOptions,
  w: Workspace,
): NelderMeadResult {
  const d = x0.length;
  const tol = options.tolerance ?? 1e-8;
  const maxEval = options.maxEvaluations ?? 2000;
  const { pts, vals, order, centroid, xr, xe, xc, sum } = w;
  let evals = 0;
  const evalAt = (x: Float64Array): number => {
    evals++;
    const v = f(x);
    return v !== v ? INF : v;
  };
  for (let i = 0; i <= d; i++) {
    const p = pts[i];
    p.set(x0);
    if (i > 0) p[i - 1] += options.step[i - 1];
    vals[i] = evalAt(p);
  }
  for (let i = 0; i <= d; i++) order[i] = i;
  // Vertices order[0..sortedUpTo) are in order; only a replaced worst vertex needs placing, except
  // after a shrink, which changes every value but the best.
  let sortedUpTo = 1;
  // Running sum of the vertices, so the centroid costs O(d) per step instead of O(d²) (that
  // loop outweighed the objective on 17-dimensional seasonal ETS fits); re-summed after a shrink.
  const resum = (): void => {
    sum.fill(0);
    for (const p of pts) for (let j = 0; j < d; j++) sum[j] += p[j];
  };
  const replaceWorst = (pw: Float64Array, x: Float64Array): void => {
    for (let j = 0; j < d; j++) {
      sum[j] += x[j] - pw[j];
      pw[j] = x[j];
    }
  };
  resum();
  while (evals < maxEval) {
    // Insertion sort by (value, index), a total order, so the result equals Array#sort's; the
    // simplex is tiny and nearly sorted already, and the built-in sort's overhead dominated profiles.
    // (Values are never NaN: evalAt maps NaN to Infinity.)
    for (let i = sortedUpTo; i <= d; i++) {
      const key = order[i];
      const vk = vals[key];
      let j = i - 1;
      while (j >= 0 && (vals[order[j]] > vk || (vals[order[j]] === vk && order[j] > key))) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = key;
    }
    sortedUpTo = d;
    const best = order[0];
    const worst = order[d];
    const second = order[d - 1];
    const fb = vals[best];
    if (vals[worst] - fb <= tol * (abs(fb) + tol)) break;
    const pw = pts[worst];
    for (let j = 0; j < d; j++) {
      const c = (sum[j] - pw[j]) / d;
      centroid[j] = c;
      xr[j] = c + (c - pw[j]);
    }
    const fr = evalAt(xr);
    if (fr < fb) {
      for (let j = 0; j < d; j++) xe[j] = centroid[j] + 2 * (centroid[j] - pw[j]);
      const fe = evalAt(xe);
      if (fe < fr) {
        replaceWorst(pw, xe);
        vals[worst] = fe;
      } else {
        replaceWorst(pw, xr);
        vals[worst] = fr;
      }
      continue;
    }
    if (fr < vals[second]) {
      replaceWorst(pw, xr);
      vals[worst] = fr;
      continue;
    }
    const outside = fr < vals[worst];
    for (let j = 0; j < d; j++)
      xc[j] = outside ? centroid[j] + 0.5 * (xr[j] - centroid[j]) : centroid[j] + 0.5 * (pw[j] - centroid[j]);
    const fc = evalAt(xc);
    if (fc < (outside ? fr : vals[worst])) {
      replaceWorst(pw, xc);
      vals[worst] = fc;
      continue;
    }
    const pb = pts[best];
    for (let k = 1; k <= d; k++) {
      const p = pts[order[k]];
      for (let j = 0; j < d; j++) p[j] = pb[j] + 0.5 * (p[j] - pb[j]);
      vals[order[k]] = evalAt(p);
    }
    sortedUpTo = 1;
    resum();
  }
  let bi = 0;
  for (let i = 1; i <= d; i++) if (vals[i] < vals[bi]) bi = i;
  return { x: pts[bi].slice(), value: vals[bi], evaluations: evals };
}
