import {
  lineResiduals,
  PATTERN_LEVEL,
  seasonFreeLevel,
  seasonallyAdjusted,
  yearMean,
} from '../../src/anomaly/line-residuals';
import { seasonalShapes } from '../../src/anomaly/seasonal-shapes';
import { flatPlannedLine, normals } from './helpers';

describe('lineResiduals', () => {
  it('gives the relative variance per period and skips blanks', () => {
    const r = lineResiduals([100, 100, null, 100], [101, 99, 50, null], 12);
    expect(r.index).toEqual([0, 1]);
    expect(r.residual[0]).toBeCloseTo(0.01, 12);
    expect(r.residual[1]).toBeCloseTo(-0.01, 12);
  });
  it('floors the base at 10% of the typical plan so a near-zero plan does not explode', () => {
    const r = lineResiduals([100, 100, 0, 100], [100, 100, 5, 100], 12);
    expect(r.base[2]).toBe(10);
    expect(r.residual[2]).toBeCloseTo(0.5, 12);
  });
  it('removes a seasonal pattern when the plan is phased flat', () => {
    const { plan, actual } = flatPlannedLine(7, 0.01);
    const r = lineResiduals(plan, actual, 12);
    expect(r.deseasonalised).toBe(true);
    expect(r.sigma).toBeLessThan(0.03);
  });
  it('leaves a seasonally planned line alone', () => {
    const z = normals(8, 36);
    const plan = Array.from({ length: 36 }, (_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)));
    const r = lineResiduals(
      plan,
      plan.map((p, t) => p * (1 + 0.02 * z[t])),
      12,
    );
    expect(r.deseasonalised).toBe(false);
    expect(r.sigma).toBeGreaterThan(0.01);
    expect(r.sigma).toBeLessThan(0.04);
  });
  it('returns nothing for empty input', () => {
    expect(lineResiduals([], [], 12).index).toEqual([]);
  });
  it("says whether the residuals are free of a season: a single year's flat plan against the sheet's shape is not", () => {
    // The sheet's shape is the flat-planned lines' ±30% cosine season (seasonal-shapes.ts makes it from two phased plans).
    const phased = Array.from({ length: 36 }, (_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)));
    const shapes = seasonalShapes([phased, phased.map((v) => 2 * v)], 12);
    const year = flatPlannedLine(3, 0.03, () => 0, 12);
    // One year: nothing removes the season, and the shape's F-test finds it.
    const view = lineResiduals(year.plan, year.actual, 12, shapes);
    expect(view.deseasonalised).toBe(false);
    expect(view.seasonFree).toBe(false);
    // Without the sheet's shapes there is no season on offer to test; the same year of noise alone passes.
    expect(lineResiduals(year.plan, year.actual, 12).seasonFree).toBe(true);
    const z = normals(3, 12);
    expect(
      lineResiduals(
        year.plan,
        year.plan.map((p, t) => p * (1 + 0.03 * z[t])),
        12,
        shapes,
      ).seasonFree,
    ).toBe(true);
    // A phased plan carries its season, and two full years test for one and remove it.
    const phasedYear = phased.slice(0, 12);
    expect(
      lineResiduals(
        phasedYear,
        phasedYear.map((p, t) => p * (1 + 0.03 * z[t])),
        12,
        shapes,
      ).seasonFree,
    ).toBe(true);
    const years = flatPlannedLine(3, 0.03, () => 0, 24);
    expect(lineResiduals(years.plan, years.actual, 12, shapes).seasonFree).toBe(true);
    // 18 months: a year and a half is still short of two full years.
    const longer = flatPlannedLine(3, 0.03, () => 0, 18);
    expect(lineResiduals(longer.plan, longer.actual, 12, shapes).seasonFree).toBe(false);
  });
  it('leaves no level behind on a flat plan against a season, on a sheet that ends within a year', () => {
    // 30 months: January to June three times, July to December twice. Centred on the plain mean, the
    // ±30% season's first half-year (mean +0.1 over the extra half) moved every period by 1% of plan.
    let sum = 0;
    for (let seed = 1; seed <= 50; seed += 1) {
      const { plan, actual } = flatPlannedLine(seed, 0.03, () => 0, 30);
      const view = lineResiduals(plan, actual, 12);
      expect(view.deseasonalised).toBe(true);
      sum += view.residual.reduce((a, v) => a + v, 0) / view.residual.length;
    }
    expect(Math.abs(sum / 50)).toBeLessThan(0.002);
  });
  it('on 24 months (one other year a month) takes noise for a season no more often than on 36', () => {
    // The profile's first-difference noise scale wanders on two mirrored years: it passed the 30% test
    // on 1.7% of pure Gaussian lines of 24 months (0.2% of 36), and a third of those raised a run.
    const seasonal = (n: number) => {
      let count = 0;
      for (let seed = 1; seed <= 600; seed += 1) {
        const z = normals(1000 + seed, n);
        const view = lineResiduals(
          z.map(() => 1000),
          z.map((v) => 1000 * (1 + 0.1 * v)),
          12,
        );
        if (view.deseasonalised) count += 1;
      }
      return count;
    };
    expect(seasonal(24)).toBeLessThanOrEqual(4);
    expect(seasonal(36)).toBeLessThanOrEqual(4);
    for (let seed = 1; seed <= 20; seed += 1) {
      const { plan, actual } = flatPlannedLine(seed, 0.03, () => 0, 24);
      expect(lineResiduals(plan, actual, 12).deseasonalised).toBe(true);
    }
  });
  it('takes noise for a season at most as often as PATTERN_LEVEL allows, at 4, 12 and 52 periods a year', () => {
    // The 30% test alone passed 12% of pure-noise lines of 8 quarters and 9% of 16 (few positions, few
    // years); with the F-test of the profile's P − 1 numbers, 1% + 3 binomial standard errors of 400 lines.
    const adopted = (periodsPerYear: number, n: number) => {
      let count = 0;
      for (let seed = 1; seed <= 400; seed += 1) {
        const z = normals(7000 + seed, n);
        const plan = z.map((_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / periodsPerYear)));
        if (
          lineResiduals(
            plan,
            plan.map((p, t) => p * (1 + 0.03 * z[t])),
            periodsPerYear,
          ).deseasonalised
        )
          count += 1;
      }
      return count;
    };
    const bound = 400 * PATTERN_LEVEL + 3 * Math.sqrt(400 * PATTERN_LEVEL * (1 - PATTERN_LEVEL));
    for (const [periodsPerYear, n] of [
      [4, 8],
      [4, 12],
      [4, 16],
      [12, 36],
      [52, 104],
    ])
      expect(adopted(periodsPerYear, n)).toBeLessThanOrEqual(bound);
  });
  it('removes a clear quarterly season from a flat plan, on 8 quarters and on 16', () => {
    for (const n of [8, 16])
      for (let seed = 1; seed <= 20; seed += 1) {
        const z = normals(300 + seed, n);
        const actual = z.map((v, t) => 1000 * (1 + 0.3 * Math.cos((Math.PI * t) / 2) + 0.03 * v));
        const view = lineResiduals(new Array<number>(n).fill(1000), actual, 4);
        expect(view.deseasonalised).toBe(true);
        expect(view.sigma).toBeLessThan(0.06);
      }
  });
});

describe('yearMean', () => {
  it('averages each position once, whatever the number of years it is seen in (by hand)', () => {
    expect(yearMean([1, -1, 1], [0, 1, 0])).toBe(0);
    // Positions 0 and 1 have means 2 and 6: the year's mean is 4 (the plain mean 10 / 3).
    expect(yearMean([1, 6, 3], [0, 1, 0])).toBeCloseTo(4, 12);
  });
  it('is the plain mean, to the last bit, over whole years', () => {
    const z = normals(3, 36);
    const month = z.map((_, t) => t % 12);
    expect(yearMean(z, month)).toBe(z.reduce((a, b) => a + b, 0) / z.length);
  });
});

describe('seasonallyAdjusted', () => {
  // Three years of four quarters; the running median (two periods either side) ignores one spike.
  const spiked = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0.6, 0, 0];
  const quarter = spiked.map((_, i) => i % 4);
  it('leaves half a spike as an echo in the same quarter of the other years (by hand)', () => {
    // Profiles: quarter 2 of years 1 and 2 = median(0, 0.6) = 0.3; of year 3 = 0; centre 0.6 / 12.
    const r = seasonallyAdjusted(spiked, quarter, 4);
    expect(r[1]).toBeCloseTo(-0.25, 12);
    expect(r[5]).toBeCloseTo(-0.25, 12);
    expect(r[9]).toBeCloseTo(0.65, 12);
    expect(r[0]).toBeCloseTo(0.05, 12);
  });
  it('clips a judged period in the other years’ profiles, and keeps its own profile', () => {
    // Quarter 2 of years 1 and 2: median(0, 0 + clip 0.1) = 0.05; centre 0.1 / 12.
    const r = seasonallyAdjusted(spiked, quarter, 4, new Set([9]), 0.1);
    expect(r[1]).toBeCloseTo(-0.05 + 0.1 / 12, 12);
    expect(r[9]).toBeCloseTo(0.6 + 0.1 / 12, 12);
    expect(seasonallyAdjusted(spiked, quarter, 4, new Set([9]), 0)[1]).toBeCloseTo(0, 12);
  });
  it('changes nothing for a judged period within the clip, or with no clip', () => {
    const z = normals(11, 36).map((v, t) => 0.2 * Math.cos((2 * Math.PI * t) / 12) + 0.02 * v);
    const month = z.map((_, t) => t % 12);
    const plain = seasonallyAdjusted(z, month, 12);
    expect(seasonallyAdjusted(z, month, 12, new Set([3, 20]), 1)).toEqual(plain);
    expect(seasonallyAdjusted(z, month, 12, new Set([3, 20]))).toEqual(plain);
  });
  it('is the adjustment lineResiduals removes from a flat plan', () => {
    const { plan, actual } = flatPlannedLine(7, 0.01);
    const view = lineResiduals(plan, actual, 12);
    expect(view.deseasonalised).toBe(true);
    const again = seasonallyAdjusted(
      view.raw,
      view.index.map((t) => t % 12),
      12,
    );
    again.forEach((v, i) => expect(v).toBeCloseTo(view.residual[i], 12));
  });
  it('removes a pure season to nothing on 30 months as on 36', () => {
    for (const n of [30, 36]) {
      const r = Array.from({ length: n }, (_, t) => 0.3 * Math.cos((2 * Math.PI * t) / 12));
      const adjusted = seasonallyAdjusted(
        r,
        r.map((_, t) => t % 12),
        12,
      );
      adjusted.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    }
  });
  it('handles empty input and huge magnitudes', () => {
    expect(seasonallyAdjusted([], [], 12)).toEqual([]);
    const big = spiked.map((v) => v * 1e300);
    const r = seasonallyAdjusted(big, quarter, 4, new Set([9]), 1e299);
    expect(r.every(Number.isFinite)).toBe(true);
    expect(r[9] / 1e300).toBeCloseTo(0.6 + 0.1 / 12, 9);
  });
});

describe('seasonFreeLevel', () => {
  const month = Array.from({ length: 36 }, (_, t) => t % 12);
  const swing = month.map((m) => 0.3 * Math.cos((2 * Math.PI * m) / 12));
  it('is not moved by a seasonal swing, where a running median alone follows it at the ends', () => {
    const level = seasonFreeLevel(swing, month, 12);
    level.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    // With the level from the running median alone, this noise-free line kept residuals of up to 0.052
    // (months 9–11 of the first year): smooth errors the run test took for runs.
    const residual = seasonallyAdjusted(swing, month, 12);
    residual.forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
  });
  it('follows a level shift and a trend', () => {
    const shifted = swing.map((v, t) => v + (t >= 18 ? 0.2 : 0));
    const level = seasonFreeLevel(shifted, month, 12);
    expect(level[3]).toBeCloseTo(0, 1);
    expect(level[32]).toBeCloseTo(0.2, 1);
    const trend = swing.map((v, t) => v + 0.01 * t);
    const slope = seasonFreeLevel(trend, month, 12);
    expect(slope[30] - slope[6]).toBeCloseTo(0.24, 1);
  });
  it('ignores one spike, and copes with empty input and huge magnitudes', () => {
    const spiked = swing.map((v, t) => v + (t === 20 ? 5 : 0));
    seasonFreeLevel(spiked, month, 12).forEach((v) => expect(Math.abs(v)).toBeLessThan(0.05));
    expect(seasonFreeLevel([], [], 12)).toEqual([]);
    expect(seasonFreeLevel([0.5], [0], 12)).toEqual([0.5]);
    expect(
      seasonFreeLevel(
        swing.map((v) => v * 1e300),
        month,
        12,
      ).every(Number.isFinite),
    ).toBe(true);
  });
});
