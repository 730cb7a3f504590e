/**
 * False flags on lines of pure noise (no events, 36 months, `minPct` 0 so materiality does not hide
 * them): the share of lines with a run and with a one-off, for Gaussian noise and for Student-t(4)
 * noise scaled to the same standard deviation on a plan flat at 1,000 (noise 10% of plan), and for
 * Gaussian noise of 3% on a plan phased flat at 1,000 against actuals that swing ±30% with the season
 * (the seasonal pattern the engine removes before testing). Each test holds a Gaussian noise line to
 * `alpha` (1%).
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import type { BudgetLine } from '../src/anomaly/types';
import { SeededGenerator } from '../src/stats/seeded-generator';

const PERIODS = 36;

type Noise = 'Gaussian' | 'Student-t(4)' | 'Gaussian, flat plan against ±30% seasonal actuals';

function noiseLines(count: number, noise: Noise, seed: number): BudgetLine[] {
  const stream = noise === 'Gaussian' ? 'noise:normal' : noise === 'Student-t(4)' ? 'noise:t4' : 'noise:seasonal';
  const g = new SeededGenerator(seed, stream);
  // Student-t(4) has variance 2: divided by √2 it has the Gaussian's unit variance.
  const t4 = () =>
    g.nextNormal() /
    Math.sqrt((g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2) / 4) /
    Math.SQRT2;
  const actual = (t: number): number => {
    if (noise === 'Student-t(4)') return 1000 * (1 + 0.1 * t4());
    if (noise === 'Gaussian') return 1000 * (1 + 0.1 * g.nextNormal());
    return 1000 * (1 + 0.3 * Math.cos((2 * Math.PI * t) / 12) + 0.03 * g.nextNormal());
  };
  return Array.from({ length: count }, (_, i) => ({
    id: `N${i}`,
    costCentre: 'N',
    account: 'noise',
    owner: 'n',
    plan: new Array<number>(PERIODS).fill(1000),
    actual: Array.from({ length: PERIODS }, (__, t) => actual(t)),
  }));
}

/**
 * Markdown rows: noise, lines, share with a run, share with a one-off. The seasonal lines are fewer
 * (`count` / 4): each period's one-off test re-estimates their seasonal pattern.
 */
export function noiseRows(count = 4000, seed = 7): string[] {
  const kinds: [Noise, number][] = [
    ['Gaussian', count],
    ['Student-t(4)', count],
    ['Gaussian, flat plan against ±30% seasonal actuals', Math.round(count / 4)],
  ];
  return kinds.map(([noise, n]) => {
    const lines = noiseLines(n, noise, seed);
    const flags = detectFlags(lines, { minPct: 0, alpha: 0.01 });
    const share = (one: boolean) =>
      new Set(flags.filter((f) => (f.throughIndex === f.periodIndex) === one).map((f) => f.line)).size / n;
    return `| ${noise} | ${n} | ${(100 * share(false)).toFixed(2)}% | ${(100 * share(true)).toFixed(2)}% |`;
  });
}
