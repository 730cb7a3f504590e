import { detectFlags } from '../../src/anomaly/detect-flags';
import { resolveThresholds } from '../../src/anomaly/resolve-thresholds';
import { DEFAULT_THRESHOLDS } from '../../src/anomaly/types';
import type { BudgetLine } from '../../src/anomaly/types';
import { FpaError } from '../../src/errors';
import { makeBudgetSet } from '../../scripts/make-budget-set';
import { normals, seasonalLine } from './helpers';

const quiet = { useForecast: false };
const months = Array.from(
  { length: 36 },
  (_, t) => `${2024 + Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`,
);

describe('detectFlags: one flag per issue', () => {
  it('gives the JSDoc example', () => {
    const flags = detectFlags([
      {
        id: 'L1',
        costCentre: 'CC',
        account: 'A',
        owner: 'o',
        plan: [100, 100, 100, 100, 100, 100],
        actual: [101, 99, 100, 160, 101, 100],
      },
    ]);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ line: 'L1', periodIndex: 3, throughIndex: 3, kind: 'outlier', direction: 'over' });
    expect(flags[0].persistent).toBe(false);
    expect(flags[0].severity).toBeGreaterThan(0);
    expect(flags[0].severity).toBeLessThan(1);
  });
  it('makes one flag of a line 20% under plan since January, with its span', () => {
    const line = seasonalLine('U', 1, 0.01, () => -0.2, 12);
    const flags = detectFlags([line], quiet, { periods: months });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ periodIndex: 0, throughIndex: 11, kind: 'opportunity', direction: 'under' });
    expect(flags[0]).toMatchObject({ persistent: true, ongoing: true });
    expect(flags[0].variancePct).toBeCloseTo(-0.2, 1);
    expect(flags[0].explanation).toMatch(/^Under plan since 2024-01: /);
    expect(flags[0].explanation).toMatch(/which could be freed for reallocation/);
    expect(flags[0].explanation).not.toMatch(/(^|[^\d])0\.0%/);
  });
  it('dates a 5σ level shift within two periods and runs it to the latest period', () => {
    const flags = detectFlags([seasonalLine('S', 5, 0.02, (p) => (p >= 18 ? 0.1 : 0))], quiet, { periods: months });
    expect(flags).toHaveLength(1);
    expect(flags[0].periodIndex).toBeGreaterThanOrEqual(18);
    expect(flags[0].periodIndex).toBeLessThanOrEqual(20);
    expect(flags[0]).toMatchObject({ throughIndex: 35, kind: 'shift', direction: 'over', ongoing: true });
    expect(flags[0].explanation).toMatch(/before 2025-0[7-9] the line (ran|was)/);
  });
  it("flags a two-month 36% overspend on a ±2.5% line in its second month (the pane's sample MKT-ADS in October)", () => {
    // An autocorrelation widening estimated on ten periods read this fresh step as correlated noise and hid it.
    const line: BudgetLine = {
      id: 'MKT-ADS',
      costCentre: 'MKT',
      account: 'Advertising',
      owner: 'mia',
      plan: new Array(10).fill(10000),
      actual: [10192, 9712, 10112, 9936, 10240, 9824, 10048, 9744, 13694, 13370],
    };
    const flags = detectFlags([line], quiet);
    expect(flags.map((f) => [f.kind, f.periodIndex, f.throughIndex])).toEqual([['shift', 8, 9]]);
  });
  it('calls a growing gap that ends the year over budget a run-rate breach', () => {
    const flags = detectFlags([seasonalLine('D', 9, 0.02, (p) => (p >= 24 ? 0.015 * (p - 23) : 0))], quiet);
    expect(flags).toHaveLength(1);
    expect(flags[0].kind).toBe('run-rate');
    expect(flags[0].projection?.share).toBeGreaterThan(0.05);
    expect(flags[0].explanation).toMatch(/At this pace the year ends .* over its budget/);
  });
  it('dates an under-spend that has ended, and says when it came back', () => {
    const flags = detectFlags([seasonalLine('E', 10, 0.02, (p) => (p >= 13 && p <= 20 ? -0.15 : 0))], quiet, {
      periods: months,
    });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ periodIndex: 13, throughIndex: 20, kind: 'underspend', ongoing: false });
    expect(flags[0].explanation).toMatch(/Back in line from 2025-10\./);
  });
  it('flags a spike as one outlier, and two spikes as two', () => {
    const one = detectFlags([seasonalLine('P', 3, 0.02, (p) => (p === 20 ? 0.25 : 0))], quiet);
    expect(one.map((f) => [f.kind, f.periodIndex, f.throughIndex])).toEqual([['outlier', 20, 20]]);
    const two = detectFlags([seasonalLine('Q', 4, 0.02, (p) => (p === 8 ? 0.2 : p === 30 ? -0.2 : 0))], quiet);
    expect(two.map((f) => f.periodIndex).sort((a, b) => a - b)).toEqual([8, 30]);
  });
  it('flags each month of two late accruals and a spike on one line (five one-offs; the bound was three)', () => {
    // Each accrual books 30% of a month a month late on a ±3% line: 10 noise units short, then long.
    const effect = (t: number) => ({ 5: -0.3, 6: 0.3, 20: -0.3, 21: 0.3, 30: 0.3 })[t] ?? 0;
    for (const seed of [1, 2, 3]) {
      const flags = detectFlags([seasonalLine('T', seed, 0.03, effect)], quiet);
      expect(flags.map((f) => [f.kind, f.periodIndex, f.throughIndex]).sort((a, b) => +a[1] - +b[1])).toEqual(
        [5, 6, 20, 21, 30].map((t) => ['outlier', t, t]),
      );
    }
  });
  it('dates a run the EWMA finds from its change, not from where the EWMA last touched plan', () => {
    // The labelled set's seed 5, line L042 (noise 3.1% of plan, planned flat against a year-end season):
    // an under-spend over periods 31–35 whose first period is beyond the scan's clip, so only the EWMA
    // keeps it. Its excursion starts in period 25; dated from there, the flag lay mostly outside the event.
    const flags = detectFlags(makeBudgetSet(5, 200).budget.lines, quiet).filter((f) => f.line === 'L042');
    expect(flags.map((f) => [f.kind, f.periodIndex, f.throughIndex])).toEqual([['underspend', 31, 35]]);
  }, 60000);
  it('stays quiet on clean seasonal lines (20 lines × 36 periods)', () => {
    const lines = Array.from({ length: 20 }, (_, k) => seasonalLine(`C${k}`, k + 1, 0.02));
    expect(detectFlags(lines, quiet).length).toBeLessThanOrEqual(1);
  });
  it('ignores a 12% variance on a 10% noise line, which a ±10% rule would flag', () => {
    const line = seasonalLine('N', 4, 0.1);
    line.actual = line.plan.map((p, i) => (i === 10 ? (p as number) * 1.12 : line.actual[i]));
    expect(detectFlags([line], quiet).filter((f) => f.periodIndex <= 10 && f.throughIndex >= 10)).toEqual([]);
  });
  it('respects the materiality thresholds', () => {
    const line = seasonalLine('M', 3, 0.02, (p) => (p === 20 ? 0.25 : 0));
    expect(detectFlags([line], { ...quiet, minAbs: 1e6 })).toEqual([]);
    expect(detectFlags([line], { ...quiet, minPct: 0.5 })).toEqual([]);
  });
  it('names periods by the labels given, else "period n"', () => {
    const line = seasonalLine('L', 3, 0.02, (p) => (p === 20 ? 0.25 : 0));
    expect(detectFlags([line], quiet, { periods: months })[0].explanation).toMatch(/^One-off in 2025-09: /);
    expect(detectFlags([line], quiet)[0].explanation).toMatch(/^One-off in period 21: /);
  });
  it('flags a sheet whose period labels repeat as it flags one whose labels are unique', () => {
    const line = seasonalLine('L', 3, 0.02, (p) => (p === 20 ? 0.25 : 0));
    const repeated = months.map((m, t) => (t === 20 ? months[8] : m));
    const flags = detectFlags([line], quiet, { periods: repeated });
    expect(flags.map((f) => [f.kind, f.periodIndex, f.throughIndex])).toEqual(
      detectFlags([line], quiet, { periods: months }).map((f) => [f.kind, f.periodIndex, f.throughIndex]),
    );
    expect(flags[0].explanation).toMatch(/^One-off in 2024-09: /);
  });
  it('ranks by severity, and severity grows with the money at stake', () => {
    const lines = [
      seasonalLine('A', 1, 0.02, (p) => (p >= 30 ? 0.1 : 0)),
      seasonalLine('B', 2, 0.02, (p) => (p >= 20 ? 0.3 : 0)),
      seasonalLine('C', 3, 0.02, (p) => (p === 12 ? 0.4 : 0)),
    ];
    const flags = detectFlags(lines, quiet);
    expect(flags.map((f) => f.line)).toEqual(['B', 'A', 'C']);
    for (let i = 1; i < flags.length; i += 1) expect(flags[i - 1].severity).toBeGreaterThan(flags[i].severity);
    expect(new Set(flags.map((f) => f.severity)).size).toBe(3);
  });
  it('corroborates with the rolling forecast band when the history allows', () => {
    const flags = detectFlags([seasonalLine('F', 3, 0.02, (p) => (p === 32 ? 0.5 : 0))], {}, { periods: months });
    expect(flags.find((f) => f.periodIndex === 32)?.explanation).toMatch(
      /2026-09 is also above the rolling forecast's 95% range/,
    );
  });
  it('returns nothing for no lines or lines without actuals', () => {
    expect(detectFlags([])).toEqual([]);
    const blank: BudgetLine = {
      id: 'x',
      costCentre: 'c',
      account: 'a',
      owner: 'o',
      plan: [1, 2],
      actual: [null, null],
    };
    expect(detectFlags([blank])).toEqual([]);
  });
  it('is deterministic and copes with huge magnitudes', () => {
    const big = seasonalLine('H', 4, 0.02, (p) => (p === 20 ? 0.3 : 0));
    big.plan = big.plan.map((v) => (v as number) * 1e290);
    big.actual = big.actual.map((v) => (v as number) * 1e290);
    const once = detectFlags([big], quiet);
    expect(once.some((f) => f.periodIndex === 20)).toBe(true);
    expect(detectFlags([big], quiet)).toEqual(once);
  });
});

describe('thresholds', () => {
  it('apply per account, then per line', () => {
    const line = { id: 'L', account: 'Travel' };
    expect(
      resolveThresholds({ minPct: 0.1, byAccount: { Travel: { minPct: 0.2 } }, byLine: { L: { z: 4 } } }, line),
    ).toMatchObject({ minPct: 0.2, z: 4, alpha: 0.01 });
  });
  it('reject a bad value with a catalogue error', () => {
    expect(() => resolveThresholds({ z: -1 }, { id: 'L', account: 'A' })).toThrow(FpaError);
    expect(() => resolveThresholds({ z: -1 }, { id: 'L', account: 'A' })).toThrow(/Threshold z must be/);
    expect(() => resolveThresholds({ alpha: 0 }, { id: 'L', account: 'A' })).toThrow(/Threshold alpha must be/);
    expect(() => resolveThresholds({ alpha: 0.9 }, { id: 'L', account: 'A' })).toThrow(/Threshold alpha must be/);
  });
  it('reject a sheetMateriality that is not true or false', () => {
    expect(() => resolveThresholds({ sheetMateriality: 1 as unknown as boolean }, { id: 'L', account: 'A' })).toThrow(
      /Threshold sheetMateriality must be/,
    );
    expect(resolveThresholds({}, { id: 'L', account: 'A' }).sheetMateriality).toBe(true);
  });
  it('a smaller alpha raises fewer flags', () => {
    const lines = Array.from({ length: 10 }, (_, k) =>
      seasonalLine(`V${k}`, 40 + k, 0.05, (p) => (p === 17 ? 0.2 : 0)),
    );
    expect(detectFlags(lines, { ...quiet, alpha: 1e-6 }).length).toBeLessThan(
      detectFlags(lines, { ...quiet, alpha: 0.2 }).length,
    );
  });
});

/**
 * Lines of pure Gaussian noise (3% of plan, 36 months, no event) of three kinds: a plan phased flat
 * against actuals that swing with the season (the seasonal pattern is removed before testing), a
 * seasonal plan the actuals follow, and a plan with a trend the actuals follow.
 */
function noiseLine(kind: 'flat' | 'seasonal' | 'trend', seed: number): BudgetLine {
  const z = normals(seed, 36);
  const season = (t: number) => 1 + 0.3 * Math.cos((2 * Math.PI * t) / 12);
  const expected = Array.from({ length: 36 }, (_, t) => 1000 * (kind === 'trend' ? 1 + 0.02 * t : season(t)));
  const plan = kind === 'flat' ? expected.map(() => 1000) : expected;
  const actual = expected.map((e, t) => e + 1000 * 0.03 * z[t] * (kind === 'flat' ? 1 : e / 1000));
  return { id: `${kind}${seed}`, costCentre: 'CC', account: 'A', owner: 'o', plan, actual };
}

describe('false alarms on pure-noise lines, at alpha = 1%', () => {
  // Each test holds a line of pure noise to alpha: the share of lines with a false run (scan and EWMA)
  // and with a false one-off must be within three binomial standard errors of 1%. Before the level was
  // taken free of the season (line-residuals.ts, seasonFreeLevel), 5.9–6.7% of flat-planned lines had a run.
  const alpha = 0.01;
  const shares = (lines: BudgetLine[]) => {
    const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha });
    const lineShare = (run: boolean) =>
      new Set(flags.filter((f) => f.throughIndex > f.periodIndex === run).map((f) => f.line)).size / lines.length;
    return { run: lineShare(true), oneOff: lineShare(false) };
  };
  const bound = (n: number) => alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / n);
  it.each([
    ['a flat plan against seasonal actuals', 'flat' as const, 400, 10000],
    ['a seasonal plan', 'seasonal' as const, 1000, 20000],
    ['a plan with a trend', 'trend' as const, 1000, 30000],
  ])(
    'holds on %s',
    (_, kind, n, seed) => {
      const lines = Array.from({ length: n }, (__, k) => noiseLine(kind, seed + k));
      const { run, oneOff } = shares(lines);
      expect(run).toBeLessThanOrEqual(bound(n));
      expect(oneOff).toBeLessThanOrEqual(bound(n));
    },
    60000,
  );
  it('raises no more false alarms on flat-planned noise lines when the sheet phases ten seasons than one', () => {
    // Each noise line (3% of a flat plan, no season) takes the best of the sheet's shapes when it lowers its noise
    // at all: ten shapes (the most a library of monthly plans keeps) is the worst case for fitting noise. 400 lines;
    // runs within 1% + 3 binomial standard errors, and each share within 3 of them of the one-season sheet's.
    // Measured: runs 1, 2, 2 and one-offs 10, 9, 9 of 400 with 1, 6, 10 seasons.
    const n = 400;
    const falseAlarms = (seasons: number) => {
      const season = (k: number) => (t: number) => 1 + 0.3 * Math.cos((2 * Math.PI * (t - (6 * k) / 5)) / 12);
      const phased = Array.from({ length: 2 * seasons }, (_, i): BudgetLine => {
        const plan = Array.from({ length: 36 }, (__, t) => 1000 * (1 + 0.1 * (i % 2)) * season(i >> 1)(t));
        return { id: `P${i}`, costCentre: 'CC', account: 'A', owner: 'o', plan, actual: plan };
      });
      const noise = Array.from({ length: n }, (_, k): BudgetLine => {
        const z = normals(70000 + k, 36);
        return {
          id: `N${k}`,
          costCentre: 'CC',
          account: 'A',
          owner: 'o',
          plan: z.map(() => 1000),
          actual: z.map((v) => 1000 + 30 * v),
        };
      });
      const flags = detectFlags([...phased, ...noise], { ...quiet, minPct: 0, alpha });
      const share = (run: boolean) =>
        new Set(
          flags.filter((f) => f.line.startsWith('N') && f.throughIndex > f.periodIndex === run).map((f) => f.line),
        ).size / n;
      return { run: share(true), oneOff: share(false) };
    };
    const one = falseAlarms(1);
    const ten = falseAlarms(10);
    const se = 3 * Math.sqrt((alpha * (1 - alpha)) / n);
    expect(ten.run).toBeLessThanOrEqual(bound(n));
    expect(ten.run).toBeLessThanOrEqual(one.run + se);
    expect(ten.oneOff).toBeLessThanOrEqual(one.oneOff + se);
  }, 90000);
  it('holds on lines of mixed sizes with materiality in currency (sheetMateriality)', () => {
    // Levels from 100 to 1,000,000 in one sheet: materiality only removes flags, so a line of pure noise
    // still raises a run with probability at most alpha (1% + 3 binomial standard errors on 400 lines).
    // Measured: 1 line with a run at the defaults, 0 without materiality in currency, 2 at minPct 0.
    const n = 400;
    const lines = Array.from({ length: n }, (_, k) => {
      const line = noiseLine('seasonal', 50000 + k);
      const level = 10 ** (2 + (4 * k) / (n - 1));
      const scale = (v: number | null) => (v as number) * (level / 1000);
      return { ...line, plan: line.plan.map(scale), actual: line.actual.map(scale) };
    });
    const runLines = (flags: ReturnType<typeof detectFlags>) =>
      new Set(flags.filter((f) => f.throughIndex > f.periodIndex).map((f) => f.line)).size;
    const withRule = runLines(detectFlags(lines, { ...quiet, alpha: 0.01 }));
    expect(withRule).toBeLessThanOrEqual(runLines(detectFlags(lines, { ...quiet, alpha: 0.01, minPct: 0 })));
    expect(withRule).toBeLessThanOrEqual(n * (0.01 + 3 * Math.sqrt((0.01 * 0.99) / n)));
  }, 60000);
  it('still finds a level shift of 4 noise units from period 24 on flat-planned seasonal lines', () => {
    const lines = Array.from({ length: 100 }, (_, k) => {
      const line = noiseLine('flat', 40000 + k);
      return { ...line, actual: line.actual.map((v, t) => (v as number) + (t >= 24 ? 4 * 0.03 * 1000 : 0)) };
    });
    const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha });
    const found = lines.filter((l) =>
      flags.some((f) => f.line === l.id && f.direction === 'over' && Math.abs(f.periodIndex - 24) <= 2),
    );
    // 96 of these 100 (93 with the level before); the others are dated as drifts 4–6 periods early.
    expect(found.length).toBeGreaterThanOrEqual(90);
  }, 30000);
});

describe('false alarms on pure-noise quarterly lines, at periodsPerYear 4 (the default of quarterly labels)', () => {
  // The monthly tests' bound (alpha 1% + 3 binomial standard errors) on quarterly sheets judged with a
  // year of 4 periods: a plan with a ±30% quarterly season the actuals follow, and a flat plan against
  // actuals that swing with it (the pattern is removed from two full years on). At 4 periods a year a
  // pure-noise line takes a seasonal profile by chance far more often than at 12 (9% of lines on 16
  // quarters, 0.05% on 36 months), and those lines raise most of the false runs (docs/anomaly.md, "CLI").
  // Measured, lines of 400 with a run / a one-off (at 12 periods a year): seasonal 16 quarters 2 / 8 (1 / 3),
  // 8 quarters 5 / 4 (3 / 4); flat against seasonal actuals 1 / 9 (0 / 0: the season hid in the noise scale).
  const alpha = 0.01;
  const quarterly = (kind: 'flat' | 'seasonal', seed: number, n: number): BudgetLine => {
    const z = normals(seed, n);
    const season = Array.from({ length: n }, (_, t) => 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 4)));
    const plan = kind === 'flat' ? season.map(() => 1000) : season;
    return {
      id: `${kind}${seed}`,
      costCentre: 'CC',
      account: 'A',
      owner: 'o',
      plan,
      actual: season.map((e, t) => e + 30 * z[t] * (kind === 'flat' ? 1 : e / 1000)),
    };
  };
  it.each([
    ['a seasonal plan, 16 quarters', 'seasonal' as const, 16],
    ['a seasonal plan, 8 quarters', 'seasonal' as const, 8],
    ['a flat plan against seasonal actuals, 16 quarters', 'flat' as const, 16],
  ])(
    'holds on %s',
    (_, kind, periods) => {
      const n = 400;
      const lines = Array.from({ length: n }, (__, k) => quarterly(kind, 80000 + k, periods));
      const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha, periodsPerYear: 4 });
      const share = (run: boolean) =>
        new Set(flags.filter((f) => f.throughIndex > f.periodIndex === run).map((f) => f.line)).size / n;
      const bound = alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / n);
      expect(share(true)).toBeLessThanOrEqual(bound);
      expect(share(false)).toBeLessThanOrEqual(bound);
      // A line planned with its season is not flagged for it: at the default thresholds as good as none is.
      if (kind === 'seasonal')
        expect(detectFlags(lines, { ...quiet, periodsPerYear: 4 }).length).toBeLessThanOrEqual(bound * n);
    },
    60000,
  );
});

describe('false alarms on lines of AR(1) noise, their autocorrelation read across the sheet', () => {
  // AR(1) noise of rho 0.5 at 10% of a flat plan (month-end estimates trued up slowly): judged as
  // independent noise, 38–40% of such lines raise a false run at alpha 1% (docs/anomaly.md, "False
  // alarms by noise type"). Each line's autocorrelation is shrunk toward the sheet's lines
  // (sheet-autocorrelation.ts) and its runs judged under it.
  const arLine = (seed: number, rho: number): BudgetLine => {
    const out: number[] = [];
    normals(seed, 36).forEach((v, t) => out.push(t === 0 ? v : rho * out[t - 1] + Math.sqrt(1 - rho * rho) * v));
    return {
      ...noiseLine('seasonal', seed),
      id: `AR${seed}`,
      plan: Array(36).fill(1000),
      actual: out.map((v) => 1000 * (1 + 0.1 * v)),
    };
  };
  const runShare = (lines: BudgetLine[], prefix: string) => {
    const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha: 0.01 });
    const n = lines.filter((l) => l.id.startsWith(prefix)).length;
    return (
      new Set(flags.filter((f) => f.line.startsWith(prefix) && f.throughIndex > f.periodIndex).map((f) => f.line))
        .size / n
    );
  };
  it('halves the false runs of AR lines that are a quarter of a sheet, and keeps its independent lines at alpha', () => {
    const lines = [
      ...Array.from({ length: 100 }, (_, k) => arLine(70000 + k, 0.5)),
      ...Array.from({ length: 300 }, (_, k) => ({ ...noiseLine('seasonal', 71000 + k), id: `G${k}` })),
    ];
    // Measured: 22 of the 100 AR lines and 2 of the 300 others (43 and 2 with every line judged as independent noise).
    expect(runShare(lines, 'AR')).toBeLessThanOrEqual(0.26);
    expect(runShare(lines, 'G')).toBeLessThanOrEqual(0.01 + 3 * Math.sqrt(0.0099 / 300));
  }, 120000);
  it('holds a sheet of AR lines to alpha: the sheet says its noise is autocorrelated', () => {
    const lines = Array.from({ length: 300 }, (_, k) => arLine(72000 + k, 0.5));
    // Measured: 3 of 300 (20 while lines whose rho could not be read were taken as independent; 1,000 lines
    // in bench:flags' pure-noise table: 1.8%, 6.5% then, 39.9% judged as independent noise).
    expect(runShare(lines, 'AR')).toBeLessThanOrEqual(0.01 + 3 * Math.sqrt(0.0099 / 300));
  }, 120000);
});

describe('a single budget year: the autocorrelation prior read from the lines free of a season', () => {
  // 12 months: 160 lines phased with a ±10% season and independent noise of 3%, 100 of them with a
  // step of 3 noise units from period 6, and 40 lines planned flat against the same season (which one
  // year cannot remove: docs/anomaly.md, "A single budget year"). The flat lines' season reads as
  // autocorrelation; in the sheet's prior (mean 0.42 with them, 0.20 without: the steps the first pass
  // misses read as autocorrelation too) it had the stepped lines' runs, whose own rho is unread (84 of
  // 100: the first pass took their step), judged as AR(1) noise.
  const line = (id: string, seed: number, flat: boolean, step: number): BudgetLine => {
    const z = normals(seed, 12);
    const expected = Array.from({ length: 12 }, (_, t) => 1000 * (1 + 0.1 * Math.cos((2 * Math.PI * t) / 12)));
    const plan = flat ? expected.map(() => 1000) : expected;
    const actual = expected.map((e, t) => e * (1 + 0.03 * z[t] + (t >= 6 ? step * 0.03 : 0)));
    return { id, costCentre: 'CC', account: 'A', owner: 'o', plan, actual };
  };
  it('finds steps of 3 noise units on one year as the prior of independent noise lets it', () => {
    const lines = [
      ...Array.from({ length: 40 }, (_, k) => line(`FLAT${k}`, 80000 + k, true, 0)),
      ...Array.from({ length: 60 }, (_, k) => line(`CLEAN${k}`, 81000 + k, false, 0)),
      ...Array.from({ length: 100 }, (_, k) => line(`STEP${k}`, 82000 + k, false, 3)),
    ];
    const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha: 0.01 });
    const linesWith = (prefix: string, f: (flag: (typeof flags)[number]) => boolean) =>
      new Set(flags.filter((flag) => flag.line.startsWith(prefix) && f(flag)).map((flag) => flag.line)).size;
    // Measured: 51 of 100 (19 with the flat lines in the prior).
    expect(linesWith('STEP', (f) => f.direction === 'over' && Math.abs(f.periodIndex - 6) <= 2)).toBeGreaterThanOrEqual(
      40,
    );
    // Measured: no false flag on the clean or the flat lines either way.
    expect(linesWith('CLEAN', () => true)).toBeLessThanOrEqual(60 * (0.02 + 3 * Math.sqrt(0.0196 / 60)));
    expect(linesWith('FLAT', () => true)).toBeLessThanOrEqual(40 * (0.02 + 3 * Math.sqrt(0.0196 / 40)));
  }, 60000);
});

describe('false alarms on pure-noise lines, at alpha = 2% and at the default', () => {
  it('holds seasonal-plan noise lines to alpha (2% + 3 standard errors) for runs and for one-offs', () => {
    // alpha 2% is what the cross-validation on the first labelled set chooses; the default stays 1%
    // (docs/anomaly.md, "Accuracy"). Measured: 6 lines with a run and 8 with a one-off of 400 (3 and 2 at 1%).
    const alpha = 0.02;
    expect(DEFAULT_THRESHOLDS.alpha).toBe(0.01);
    const n = 400;
    const lines = Array.from({ length: n }, (_, k) => noiseLine('seasonal', 60000 + k));
    const flags = detectFlags(lines, { ...quiet, minPct: 0, alpha });
    const share = (run: boolean) =>
      new Set(flags.filter((f) => f.throughIndex > f.periodIndex === run).map((f) => f.line)).size / n;
    const bound = alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / n);
    expect(share(true)).toBeLessThanOrEqual(bound);
    expect(share(false)).toBeLessThanOrEqual(bound);
    // and more than at the default 1%: each test spends its alpha
    expect(flags.length).toBeGreaterThan(detectFlags(lines, { ...quiet, minPct: 0 }).length);
  }, 60000);
});

describe('materiality in currency (sheetMateriality)', () => {
  // A large line (100,000 a period, noise 0.5%) 3% under plan from period 26: 3,000 a period, six noise
  // units, below minPct (5%) but 5% of the sheet's typical plan of 1,000 is 50.
  const big: BudgetLine = (() => {
    const z = normals(77, 36);
    const plan = new Array<number>(36).fill(100000);
    const actual = plan.map((p, t) => p * (1 + 0.005 * z[t] - (t >= 26 ? 0.03 : 0)));
    return { id: 'BIG', costCentre: 'CC', account: 'Salaries', owner: 'o', plan, actual };
  })();
  const small = Array.from({ length: 9 }, (_, k) => {
    const z = normals(700 + k, 36);
    const plan = new Array<number>(36).fill(1000);
    return {
      id: `S${k}`,
      costCentre: 'CC',
      account: 'A',
      owner: 'o',
      plan,
      actual: plan.map((p, t) => p * (1 + 0.02 * z[t])),
    };
  });
  it("flags a large line's run that is small in % but material on the sheet's typical line", () => {
    const flags = detectFlags([big, ...small], quiet).filter((f) => f.line === 'BIG');
    expect(flags).toEqual([expect.objectContaining({ periodIndex: 26, throughIndex: 35, direction: 'under' })]);
    expect(detectFlags([big], quiet)).toEqual([]);
    expect(detectFlags([big, ...small], { ...quiet, sheetMateriality: false }).filter((f) => f.line === 'BIG')).toEqual(
      [],
    );
  });
});

describe("flat-planned lines judged against the sheet's plan shapes (seasonal-shapes.ts)", () => {
  // Two phased lines in the sheet carry the season (with growth) that the flat-planned lines' actuals
  // follow: their pattern of variances is then that shape × a fitted amplitude and tilt, not each month's
  // profile over the two other years (which inflates the noise by about √1.5).
  const alpha = 0.01;
  const phasedLine = (id: string, growth: number): BudgetLine => {
    const plan = Array.from(
      { length: 36 },
      (_, t) => 5000 * (1 + growth * t) * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12)),
    );
    return { id, costCentre: 'CC', account: 'A', owner: 'o', plan, actual: plan };
  };
  // A shape enters the sheet's library when two or more plans are phased with it.
  const phased = [phasedLine('PHASED1', 0.01), phasedLine('PHASED2', 0)];
  const flagsOf = (lines: BudgetLine[], withPhased: boolean) =>
    detectFlags(withPhased ? [...phased, ...lines] : lines, { ...quiet, minPct: 0, alpha }).filter(
      (f) => !f.line.startsWith('PHASED'),
    );
  const linesWith = (flags: ReturnType<typeof detectFlags>, run: boolean) =>
    new Set(flags.filter((f) => f.throughIndex > f.periodIndex === run).map((f) => f.line)).size;
  it('holds pure-noise lines to alpha (1% + 3 standard errors) for runs and for one-offs', () => {
    const n = 400;
    const lines = Array.from({ length: n }, (_, k) => noiseLine('flat', 10000 + k));
    const flags = flagsOf(lines, true);
    const bound = n * (alpha + 3 * Math.sqrt((alpha * (1 - alpha)) / n));
    // Measured: 3 lines with a run and 7 with a one-off (without the phased lines: 1 and 6).
    expect(linesWith(flags, true)).toBeLessThanOrEqual(bound);
    expect(linesWith(flags, false)).toBeLessThanOrEqual(bound);
  }, 60000);
  it('finds more 5-noise-unit spikes than the profile of the other years', () => {
    const lines = Array.from({ length: 200 }, (_, k) => {
      const line = noiseLine('flat', 40000 + k);
      return { ...line, actual: line.actual.map((v, t) => (v as number) + (t === 17 ? 5 * 0.03 * 1000 : 0)) };
    });
    const found = (withPhased: boolean) =>
      new Set(
        flagsOf(lines, withPhased)
          .filter((f) => f.periodIndex === 17 && f.throughIndex === 17)
          .map((f) => f.line),
      ).size;
    // Measured: 146 of 200 with the sheet's shape, 91 with the other years' profile.
    expect(found(false)).toBeLessThan(110);
    expect(found(true)).toBeGreaterThanOrEqual(130);
  }, 60000);
  it('still finds most level shifts of 4 noise units from period 24', () => {
    const lines = Array.from({ length: 100 }, (_, k) => {
      const line = noiseLine('flat', 40000 + k);
      return { ...line, actual: line.actual.map((v, t) => (v as number) + (t >= 24 ? 4 * 0.03 * 1000 : 0)) };
    });
    const flags = flagsOf(lines, true);
    const found = lines.filter((l) =>
      flags.some((f) => f.line === l.id && f.direction === 'over' && Math.abs(f.periodIndex - 24) <= 2),
    );
    // Measured: 83 of 100 (96 with the other years' profile, the test above). With the lower noise the
    // slope test reads more of these steps as drifts, dated 4–7 periods early (docs/anomaly.md).
    expect(found.length).toBeGreaterThanOrEqual(78);
  }, 30000);
});
