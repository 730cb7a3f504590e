/**
 * False flags on lines of pure noise (no events, 36 months unless `periods` says otherwise, `minPct` 0 so materiality does not hide
 * them): the share of lines with a run and with a one-off, for Gaussian noise and for Student-t(4)
 * noise scaled to the same standard deviation on a plan flat at 1,000 (noise 10% of plan), and for
 * Gaussian noise of 3% on a plan phased flat at 1,000 against actuals that swing ±30% with the season
 * (the seasonal pattern the engine removes before testing), and for AR(1) Gaussian noise (ρ 0.5, 10%
 * of a flat plan: month-end estimates trued up slowly; set b of scripts/make-budget-set-b.ts has it on
 * a third of its lines), and, for the false-alarm rate by noise type (docs/anomaly.md, "False alarms by
 * noise type"), Student-t(3) noise, AR(1) noise of ρ 0.3 and lognormal (multiplicative) noise
 * exp(0.3·N(0, 1) − 0.045) − 1, all at 10% of a flat plan. Each test holds a line of independent
 * Gaussian noise to `alpha` (1%).
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import type { BudgetLine } from '../src/anomaly/types';
import { SeededGenerator } from '../src/stats/seeded-generator';

const PERIODS = 36;

type Noise =
  | 'Gaussian'
  | 'Student-t(4)'
  | 'Gaussian, flat plan against ±30% seasonal actuals'
  | 'Gaussian AR(1), ρ 0.5'
  | 'Student-t(3)'
  | 'Gaussian AR(1), ρ 0.3'
  | 'lognormal, σ 0.3';

/** AR(1) coefficient of each autocorrelated noise. */
const RHO: Partial<Record<Noise, number>> = { 'Gaussian AR(1), ρ 0.5': 0.5, 'Gaussian AR(1), ρ 0.3': 0.3 };

/** σ of the lognormal noise's logarithm: exp(σ·N(0, 1) − σ²/2) has mean 1. */
const LOG_SIGMA = 0.3;

function noiseLines(count: number, noise: Noise, seed: number, periods: number): BudgetLine[] {
  const streams: Record<Noise, string> = {
    Gaussian: 'noise:normal',
    'Student-t(4)': 'noise:t4',
    'Gaussian, flat plan against ±30% seasonal actuals': 'noise:seasonal',
    'Gaussian AR(1), ρ 0.5': 'noise:ar1',
    'Student-t(3)': 'noise:t3',
    'Gaussian AR(1), ρ 0.3': 'noise:ar1-0.3',
    'lognormal, σ 0.3': 'noise:lognormal',
  };
  const stream = streams[noise];
  const g = new SeededGenerator(seed, stream);
  // Student-t(4) has variance 2: divided by √2 it has the Gaussian's unit variance.
  const t4 = () =>
    g.nextNormal() /
    Math.sqrt((g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2) / 4) /
    Math.SQRT2;
  // Student-t(3) has variance 3: divided by √3 it has unit variance.
  const t3 = () =>
    g.nextNormal() / Math.sqrt((g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2) / 3) / Math.sqrt(3);
  // Stationary AR(1) of unit variance: e_t = ρ e_{t−1} + √(1 − ρ²) η_t, started from its marginal.
  const rho = RHO[noise] ?? 0;
  let previous = 0;
  const ar1 = (t: number) =>
    (previous = t === 0 ? g.nextNormal() : rho * previous + Math.sqrt(1 - rho * rho) * g.nextNormal());
  const actual = (t: number): number => {
    if (noise === 'Gaussian AR(1), ρ 0.5' || noise === 'Gaussian AR(1), ρ 0.3') return 1000 * (1 + 0.1 * ar1(t));
    if (noise === 'Student-t(3)') return 1000 * (1 + 0.1 * t3());
    if (noise === 'lognormal, σ 0.3') return 1000 * Math.exp(LOG_SIGMA * g.nextNormal() - LOG_SIGMA ** 2 / 2);
    if (noise === 'Student-t(4)') return 1000 * (1 + 0.1 * t4());
    if (noise === 'Gaussian') return 1000 * (1 + 0.1 * g.nextNormal());
    return 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12) + 0.03 * g.nextNormal());
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `N${i}`,
    costCentre: 'N',
    account: 'noise',
    owner: 'n',
    plan: new Array<number>(periods).fill(1000),
    actual: Array.from({ length: periods }, (__, t) => actual(t)),
  }));
}

/**
 * Markdown rows: noise, lines, share with a run, share with a one-off. The seasonal lines are fewer
 * (`count` / 4): each period's one-off test re-estimates their seasonal pattern. Each line is `periods`
 * months long.
 */
export function noiseRows(count = 4000, seed = 7, periods = PERIODS): string[] {
  const kinds: [Noise, number][] = [
    ['Gaussian', count],
    ['Student-t(4)', count],
    ['Gaussian, flat plan against ±30% seasonal actuals', Math.round(count / 4)],
    ['Gaussian AR(1), ρ 0.5', Math.round(count / 4)],
    ['Student-t(3)', Math.round(count / 4)],
    ['Gaussian AR(1), ρ 0.3', Math.round(count / 4)],
    ['lognormal, σ 0.3', Math.round(count / 4)],
  ];
  return kinds.map(([noise, n]) => {
    const lines = noiseLines(n, noise, seed, periods);
    const flags = detectFlags(lines, { minPct: 0, alpha: 0.01 });
    const share = (one: boolean) =>
      new Set(flags.filter((f) => (f.throughIndex === f.periodIndex) === one).map((f) => f.line)).size / n;
    return `| ${noise} | ${n} | ${(100 * share(false)).toFixed(2)}% | ${(100 * share(true)).toFixed(2)}% |`;
  });
}
