/**
 * Seasonal figure of R's `decompose(x, type)`: the centred moving average (weights 1/2m, 1/m …,
 * 1/2m for even m) is the trend; the detrended values (x − trend, or x / trend) are averaged by
 * position in the cycle (position 0 = first observation) and normalised to sum 0 (additive) or
 * average 1 (multiplicative). Needs at least 2m observations (R needs 2 full periods).
 * @example seasonalFigure([1, 3, 1, 3, 1, 3], 2, 'additive') // Float64Array [-1, 1]
 */
export function seasonalFigure(x: ArrayLike<number>, m: number, type: 'additive' | 'multiplicative'): Float64Array {
  const n = x.length;
  const even = m % 2 === 0;
  const half = Math.floor(m / 2);
  const sums = new Float64Array(m);
  const counts = new Float64Array(m);
  for (let t = half; t + half < n; t++) {
    let trend = 0;
    if (even) {
      trend = 0.5 * (x[t - half] + x[t + half]);
      for (let j = -half + 1; j < half; j++) trend += x[t + j];
    } else {
      for (let j = -half; j <= half; j++) trend += x[t + j];
    }
    trend /= m;
    const d = type === 'additive' ? x[t] - trend : x[t] / trend;
    sums[t % m] += d;
    counts[t % m] += 1;
  }
  const figure = new Float64Array(m);
  let avg = 0;
  for (let i = 0; i < m; i++) {
    figure[i] = sums[i] / counts[i];
    avg += figure[i] / m;
  }
  for (let i = 0; i < m; i++) figure[i] = type === 'additive' ? figure[i] - avg : figure[i] / avg;
  return figure;
}
