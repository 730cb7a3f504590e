import { SEASONAL_NAIVE_SHARE, seasonalNaiveFloor } from '../../src/forecast/seasonal-naive-floor';
import { seasonalNaive } from '../../src/forecast/seasonal-naive';
import { SeededGenerator } from '../../src/stats';
import type { MemberForecast } from '../../src/forecast/member-forecasts';

// Laplace half-widths per unit of standard deviation: ln(1/(1 − L)) / √2.
const Z80 = Math.log(5) / Math.SQRT2;
const Z95 = Math.log(20) / Math.SQRT2;

/** A forecast with constant mean c and half-widths w80·(k + 1), w95·(k + 1) at step k. */
const forecast = (c: number, h: number, w80: number, w95: number): MemberForecast => ({
  name: 'f',
  mean: new Float64Array(h).fill(c),
  lower: [
    Float64Array.from({ length: h }, (_, k) => c - w80 * (k + 1)),
    Float64Array.from({ length: h }, (_, k) => c - w95 * (k + 1)),
  ],
  upper: [
    Float64Array.from({ length: h }, (_, k) => c + w80 * (k + 1)),
    Float64Array.from({ length: h }, (_, k) => c + w95 * (k + 1)),
  ],
});

test('known answer: a line rising by 1 each quarter has seasonal differences of 4', () => {
  // y_t − y_{t−4} = 4 for every t, so snaive's σ = 4 and its j-th season ahead σ·√j: steps 1–4 get
  // 4, steps 5–6 get 4·√2. Share 1: a Laplace error with sd 4 has scale b = 4/√2 = 2.828, and its
  // central 80% interval is ±b·ln 5 = ±4.5522, its 95% one ±b·ln 20 = ±8.4732.
  const y = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const f = forecast(9, 6, 0.5, 1);
  const r = seasonalNaiveFloor(f, y, 4, [80, 95], 1);
  expect(r.lower[0][0]).toBeCloseTo(9 - 4.552178, 6);
  expect(r.upper[1][0]).toBeCloseTo(9 + 8.47321, 6);
  expect(r.upper[0][3]).toBeCloseTo(9 + Z80 * 4, 12);
  expect(r.upper[0][4]).toBeCloseTo(9 + Z80 * 4 * Math.SQRT2, 12);
  expect(r.lower[1][5]).toBeCloseTo(9 - Z95 * 4 * Math.SQRT2, 12);
  expect(Array.from(r.mean)).toEqual(Array.from(f.mean));
  // With the default share 0.84 the floor is 0.84 of that.
  const d = seasonalNaiveFloor(f, y, 4, [80, 95]);
  expect(SEASONAL_NAIVE_SHARE).toBe(0.84);
  expect(d.upper[0][0]).toBeCloseTo(9 + 0.84 * Z80 * 4, 12);
});

test('bounds already wider are kept, each side on its own, and an interval wide enough is returned as is', () => {
  const y = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  const f = forecast(9, 4, 0.5, 1);
  f.upper[0][0] = 100;
  f.upper[1][0] = 200;
  const r = seasonalNaiveFloor(f, y, 4, [80, 95], 1);
  expect(r.upper[0][0]).toBe(100);
  expect(r.lower[0][0]).toBeCloseTo(9 - Z80 * 4, 12);
  const wide = forecast(9, 4, 50, 80);
  expect(seasonalNaiveFloor(wide, y, 4, [80, 95], 1)).toBe(wide);
});

test('a history not longer than one season uses lag 1 (R snaive falls back to naive)', () => {
  // Differences of 2: σ = 2, and the k-th step ahead is the k-th "season" of one value: σ·√k.
  const y = Float64Array.of(0, 2, 4);
  const r = seasonalNaiveFloor(forecast(6, 3, 0.1, 0.2), y, 12, [80, 95], 1);
  expect(r.upper[0][2]).toBeCloseTo(6 + Z80 * 2 * Math.sqrt(3), 12);
});

test('the floor is relatively wider at 95% than the normal (Laplace tails)', () => {
  expect(Z95 / Z80).toBeCloseTo(Math.log(20) / Math.log(5), 12);
  expect(Z95 / Z80).toBeGreaterThan(1.959963984540054 / 1.2815515655446004);
});

test('properties: only widens, stays nested, widens with the horizon, factor bounded by the floor', () => {
  const g = new SeededGenerator(14, 'seasonal-naive-floor');
  const rnd = (): number => g.nextOpen01();
  for (let trial = 0; trial < 200; trial++) {
    const m = [1, 4, 12][trial % 3];
    const n = 3 + Math.floor(rnd() * 60);
    let level = 100 * rnd();
    const y = Float64Array.from({ length: n }, (_, t) => {
      level += rnd() - 0.5 + (t % m === 0 ? 5 * rnd() : 0);
      return level;
    });
    const h = 1 + Math.floor(rnd() * 24);
    const f = forecast(level, h, rnd() * 3, 3 + rnd() * 3);
    const r = seasonalNaiveFloor(f, y, m, [80, 95]);
    const { se } = seasonalNaive(y, m, h);
    for (let k = 0; k < h; k++) {
      for (let i = 0; i < 2; i++) {
        expect(r.lower[i][k]).toBeLessThanOrEqual(f.lower[i][k]);
        expect(r.upper[i][k]).toBeGreaterThanOrEqual(f.upper[i][k]);
        // Each new half-width is the larger of the old one and the floor share·z·se_k: the widening
        // factor is max(1, floor / old half-width), never more.
        const z = i === 0 ? Z80 : Z95;
        const floor = SEASONAL_NAIVE_SHARE * z * se[k];
        expect(r.upper[i][k] - r.mean[k]).toBeCloseTo(Math.max(f.upper[i][k] - f.mean[k], floor), 9);
        expect(r.mean[k] - r.lower[i][k]).toBeCloseTo(Math.max(f.mean[k] - f.lower[i][k], floor), 9);
      }
      expect(r.lower[1][k]).toBeLessThanOrEqual(r.lower[0][k]);
      expect(r.upper[1][k]).toBeGreaterThanOrEqual(r.upper[0][k]);
      if (k > 0) {
        expect(r.upper[0][k] - r.lower[0][k]).toBeGreaterThanOrEqual(r.upper[0][k - 1] - r.lower[0][k - 1] - 1e-9);
        expect(r.upper[1][k] - r.lower[1][k]).toBeGreaterThanOrEqual(r.upper[1][k - 1] - r.lower[1][k - 1] - 1e-9);
      }
    }
    expect(Array.from(r.mean)).toEqual(Array.from(f.mean));
  }
});
