import {
  huberFit,
  isFlatPlan,
  seasonalShapes,
  shapePattern,
  sheetShapePValue,
} from '../../src/anomaly/seasonal-shapes';
import { normals } from './helpers';

const summer = (m: number) => Math.cos((2 * Math.PI * (m - 6)) / 12);
const quarterly = (m: number) => (m % 3 === 2 ? 1.2 : -0.6);
const phasedPlan = (shape: (m: number) => number, amplitude: number, growth: number) =>
  Array.from({ length: 36 }, (_, t) => 1000 * (1 + (growth * t) / 12) * (1 + amplitude * shape(t % 12)));
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

describe('seasonalShapes', () => {
  it('gives the JSDoc example', () => {
    expect(
      seasonalShapes(
        [
          [1, 2, 1, 2, 1, 2, 1, 2],
          [2, 4, 2, 4, 2, 4, 2, 4],
          [5, 5, 5, 5, 5, 5, 5, 5],
        ],
        4,
      ),
    ).toHaveLength(1);
  });
  it('leaves out the phasing of a single plan and keeps every season of seven (six were kept before)', () => {
    expect(seasonalShapes([phasedPlan(summer, 0.2, 0)], 12)).toEqual([]);
    // Seven distinct phasings (a peak in month k): month 3's used three times, the others twice.
    const peak = (k: number) => (m: number) => (m === k ? 1 : 0);
    const plans = [0, 2, 3, 5, 7, 9, 11].flatMap((k) =>
      Array.from({ length: k === 3 ? 3 : 2 }, (_, i) => phasedPlan(peak(k), 0.2 + 0.05 * i, 0)),
    );
    const shapes = seasonalShapes(plans, 12);
    expect(shapes).toHaveLength(7);
    expect(shapes[0].indexOf(Math.max(...shapes[0]))).toBe(3);
    expect(shapes.map((s) => s.indexOf(Math.max(...s))).sort((a, b) => a - b)).toEqual([0, 2, 3, 5, 7, 9, 11]);
  });
  it('keeps at most periodsPerYear − 2 shapes (the dimensions a shape has), the most used first', () => {
    // Twelve phasings: a peak in month k, used 2 + (k < 4 ? 1 : 0) times; 10 kept, the four used thrice among them.
    const peak = (k: number) => (m: number) => (m === k ? 1 : 0);
    const plans = Array.from({ length: 12 }, (_, k) => k).flatMap((k) =>
      Array.from({ length: k < 4 ? 3 : 2 }, (_, i) => phasedPlan(peak(k), 0.2 + 0.05 * i, 0)),
    );
    const shapes = seasonalShapes(plans, 12);
    expect(shapes).toHaveLength(10);
    expect(shapes.slice(0, 4).map((s) => s.indexOf(Math.max(...s)))).toEqual([0, 1, 2, 3]);
    const halfYears = Array.from({ length: 6 }, (_, k) => k).flatMap((k) =>
      [0.2, 0.3].map((a) => Array.from({ length: 24 }, (_, t) => 1000 * (1 + (t % 6 === k ? a : 0)))),
    );
    expect(seasonalShapes(halfYears, 6)).toHaveLength(4);
  });
  it('makes one shape of plans with the same season at other amplitudes and growths, one per season', () => {
    const shapes = seasonalShapes(
      [
        phasedPlan(summer, 0.1, 0),
        phasedPlan(summer, 0.3, 0.08),
        phasedPlan(quarterly, 0.2, -0.05),
        phasedPlan(quarterly, 0.1, 0.02),
      ],
      12,
    );
    expect(shapes).toHaveLength(2);
    for (const shape of shapes) {
      expect(dot(shape, shape)).toBeCloseTo(1, 12);
      expect(shape.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 12);
    }
  });
  it('gives none for flat plans, plans with blanks or a non-positive year, and fewer than 3 periods a year', () => {
    const flat = new Array<number>(36).fill(500);
    const blank: (number | null)[] = phasedPlan(summer, 0.2, 0);
    blank[5] = null;
    const negative = phasedPlan(summer, 0.2, 0).map((v) => -v);
    expect(seasonalShapes([flat, blank, negative, []], 12)).toEqual([]);
    expect(seasonalShapes([[1, 2, 1, 2]], 2)).toEqual([]);
  });
});

describe('isFlatPlan', () => {
  it('is true when every period of each year has the same plan, whatever the years', () => {
    const plan = [...new Array<number>(12).fill(100), ...new Array<number>(12).fill(110)];
    expect(
      isFlatPlan(
        plan,
        plan.map((_, t) => t),
        12,
      ),
    ).toBe(true);
    expect(isFlatPlan([100, 101, 100], [0, 1, 2], 12)).toBe(false);
  });
});

describe('huberFit', () => {
  // R reference: Huber IRLS from the least-squares start with the scale mad(r) each step
  // (MASS::rlm takes median(abs(r)) / 0.6745 instead; on the first case the two agree):
  //   irls <- function(y, X, k = 1.345) { b <- qr.solve(X, y); for (i in 1:500) {
  //     r <- drop(y - X %*% b); s <- mad(r); w <- pmin(1, k * s / abs(r)); b <- coef(lm.wfit(X, y, w)) }; b }
  it('matches R with one column', () => {
    // R: irls(c(1.2,2.1,2.7,4.4,5.1,30), cbind(1:6))  # 1.082241227
    //    (coef(MASS::rlm(c(1.2,2.1,2.7,4.4,5.1,30) ~ c(1,2,3,4,5,6) - 1)) is 1.082240711)
    expect(huberFit([1.2, 2.1, 2.7, 4.4, 5.1, 30], [[1, 2, 3, 4, 5, 6]]).beta[0]).toBeCloseTo(1.082241227, 8);
  });
  it('matches R with two columns', () => {
    // R: irls(c(1.2,1.9,3.3,3.8,5.1,6.3,20,7.8), cbind(1:8, c(1,-1,1,-1,1,-1,1,-1)))  # 1.0348040426 0.2145756316
    const { beta } = huberFit(
      [1.2, 1.9, 3.3, 3.8, 5.1, 6.3, 20, 7.8],
      [
        [1, 2, 3, 4, 5, 6, 7, 8],
        [1, -1, 1, -1, 1, -1, 1, -1],
      ],
    );
    expect(beta[0]).toBeCloseTo(1.0348040426, 8);
    expect(beta[1]).toBeCloseTo(0.2145756316, 8);
  });
  it('returns the exact fit with zero loss when every residual vanishes', () => {
    expect(huberFit([2, 4, 6], [[1, 2, 3]])).toEqual({ beta: [2], loss: 0 });
  });
});

describe('shapePattern', () => {
  it("recovers a line's season from the sheet's shape, a spike barely moving it", () => {
    const position = Array.from({ length: 36 }, (_, t) => t % 12);
    const plans = [summer, summer, quarterly, quarterly].map((shape, i) => phasedPlan(shape, 0.2, 0.05 * i));
    const shapes = seasonalShapes(plans, 12);
    const z = normals(3, 36);
    const season = position.map((m) => 0.25 * summer(m));
    const detrended = season.map((v, t) => v + 0.02 * z[t] + (t === 17 ? 0.3 : 0));
    const pattern = shapePattern(detrended, position, shapes, 12);
    const error = Math.max(...pattern.map((v, t) => Math.abs(v - season[t])));
    // The noise is 0.02 a period; the spike is 15 noise units.
    expect(error).toBeLessThan(0.01);
  });
  it('fits only the tilt when the sheet has no shape', () => {
    const position = Array.from({ length: 24 }, (_, t) => t % 12);
    const pattern = shapePattern(
      position.map((m) => 0.01 * (m - 5.5)),
      position,
      [],
      12,
    );
    pattern.forEach((v, t) => expect(v).toBeCloseTo(0.01 * (position[t] - 5.5), 12));
  });
});

describe('sheetShapePValue', () => {
  const year = Array.from({ length: 12 }, (_, t) => t);
  /** v less its projections on the unit-free columns `basis` (Gram–Schmidt), so the test knows every fit. */
  const orthogonal = (v: number[], basis: number[][]) =>
    basis.reduce((out, b) => {
      const k = dot(out, b) / dot(b, b);
      return out.map((x, i) => x - k * b[i]);
    }, v);
  const constant = year.map(() => 1);
  const tilt = year.map((m) => m - 5.5);
  it('gives the JSDoc example', () => {
    const shape = [1, 1, 0, 0, -1, -1, -1, -1, 0, 0, 1, 1].map((v) => v / Math.sqrt(8));
    const r = shape.map((v, t) => 0.3 * v + 0.01 * Math.sin(7 * t));
    expect(sheetShapePValue(r, year, [shape], 12)).toBeLessThan(1e-6);
  });
  it("is the F-test's tail area: F = 10.5614, the 1% point of F(1, 9), gives 0.01 (by hand)", () => {
    // A shape free of the level and the tilt, and noise free of all three: the fits are known exactly.
    const shape = orthogonal(
      year.map((m) => summer(m)),
      [constant, tilt],
    );
    const noise = orthogonal(
      year.map((m) => Math.sin(5 * m) + 0.3 * Math.cos(3 * m)),
      [constant, tilt, orthogonal(shape, [])],
    );
    // F = a²|s|² / (|e|² / 9): the amplitude a that makes it 10.5614.
    const a = Math.sqrt((10.5614 * dot(noise, noise)) / 9 / dot(shape, shape));
    const r = year.map((m) => 0.2 + 0.003 * (m - 5.5) + a * shape[m] + noise[m]);
    expect(sheetShapePValue(r, year, [shape], 12)).toBeCloseTo(0.01, 4);
    // Bonferroni over the shapes tried: a second shape that fits nothing doubles it.
    const other = orthogonal(
      year.map((m) => (m % 3) - 1),
      [constant, tilt],
    );
    expect(sheetShapePValue(r, year, [shape, other], 12)).toBeCloseTo(0.02, 4);
  });
  it('takes noise for a season at most 1% of the time (2,000 pure-noise years, three shapes)', () => {
    const shapes = seasonalShapes(
      [summer, summer, quarterly, quarterly, (m: number) => (m === 11 ? 2 : 0), (m: number) => (m === 11 ? 2 : 0)].map(
        (shape) => phasedPlan(shape, 0.2, 0),
      ),
      12,
    );
    expect(shapes).toHaveLength(3);
    let passed = 0;
    for (let k = 0; k < 2000; k += 1) {
      const z = normals(60000 + k, 12);
      if (
        sheetShapePValue(
          z.map((v, m) => 0.05 * v + 0.001 * m),
          year,
          shapes,
          12,
        ) < 0.01
      )
        passed += 1;
    }
    // Measured: 21 of 2,000 (97 below 5%): within a binomial standard error of 1%.
    expect(passed).toBeLessThanOrEqual(2000 * (0.01 + 3 * Math.sqrt(0.0099 / 2000)));
  });
  it('reads a level per fiscal year, so a new year’s plan step is not a season (18 months)', () => {
    const index = Array.from({ length: 18 }, (_, t) => t);
    const shape = orthogonal(
      year.map((m) => summer(m)),
      [constant, tilt],
    );
    const z = normals(7, 18);
    const stepped = index.map((t) => (t >= 12 ? 0.2 : 0) + 0.02 * z[t]);
    expect(sheetShapePValue(stepped, index, [shape], 12)).toBeGreaterThan(0.05);
    const seasonal = stepped.map((v, t) => v + 0.2 * shape[t % 12]);
    expect(sheetShapePValue(seasonal, index, [shape], 12)).toBeLessThan(0.01);
  });
  it('is 1 without shapes, without residual degrees of freedom or without variation', () => {
    const shape = orthogonal(
      year.map((m) => summer(m)),
      [constant, tilt],
    );
    expect(sheetShapePValue(normals(3, 12), year, [], 12)).toBe(1);
    expect(sheetShapePValue([0.1, 0.2, 0.3], [0, 1, 2], [shape], 12)).toBe(1);
    expect(
      sheetShapePValue(
        year.map(() => 0.1),
        year,
        [shape],
        12,
      ),
    ).toBe(1);
  });
});
