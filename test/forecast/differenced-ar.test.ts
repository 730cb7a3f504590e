import { differencedAr } from '../../src/forecast/differenced-ar';

test('a seasonal pattern with a linear drift is continued exactly', () => {
  const y = Float64Array.from({ length: 60 }, (_, t) => 100 + 2 * t + [5, -3, 0, 8][t % 4]);
  const f = differencedAr(y, 4, 8)!;
  for (let k = 0; k < 8; k++) expect(f.mean[k]).toBeCloseTo(100 + 2 * (60 + k) + [5, -3, 0, 8][(60 + k) % 4], 6);
});

test('random walk with drift: ARIMA(0,1,0) variance grows linearly with the horizon', () => {
  // Deterministic "noise" so the test is reproducible.
  let s = 1;
  const noise = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
  const y = new Float64Array(200);
  for (let t = 1; t < 200; t++) y[t] = y[t - 1] + 0.1 + noise();
  const f = differencedAr(y, 1, 4, 0)!;
  expect(f.order).toBe(0);
  for (let k = 0; k < 4; k++) expect(f.se[k] ** 2 / f.se[0] ** 2).toBeCloseTo(k + 1, 10);
});

test('too short gives undefined', () => {
  expect(differencedAr(Float64Array.of(1, 2, 3, 4, 5), 12, 3)).toBeUndefined();
});
