/**
 * False flags on lines of pure noise (no events, plan flat at 1,000, noise 10% of plan, 36 months,
 * `minPct` 0 so materiality does not hide them): the share of lines with a run and with a one-off, for
 * Gaussian noise and for Student-t(4) noise scaled to the same standard deviation. Both tests hold a
 * noise line to `alpha` (1%) under Gaussian noise.
 */
import { detectFlags } from '../src/anomaly/detect-flags';
import type { BudgetLine } from '../src/anomaly/types';
import { SeededGenerator } from '../src/stats/seeded-generator';

const PERIODS = 36;

function noiseLines(count: number, heavy: boolean, seed: number): BudgetLine[] {
  const g = new SeededGenerator(seed, heavy ? 'noise:t4' : 'noise:normal');
  // Student-t(4) has variance 2: divided by √2 it has the Gaussian's unit variance.
  const t4 = () =>
    g.nextNormal() /
    Math.sqrt((g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2 + g.nextNormal() ** 2) / 4) /
    Math.SQRT2;
  return Array.from({ length: count }, (_, i) => ({
    id: `N${i}`,
    costCentre: 'N',
    account: 'noise',
    owner: 'n',
    plan: new Array<number>(PERIODS).fill(1000),
    actual: Array.from({ length: PERIODS }, () => 1000 * (1 + 0.1 * (heavy ? t4() : g.nextNormal()))),
  }));
}

/** Markdown rows: noise, lines, share with a run, share with a one-off. */
export function noiseRows(count = 4000, seed = 7): string[] {
  return [false, true].map((heavy) => {
    const lines = noiseLines(count, heavy, seed);
    const flags = detectFlags(lines, { minPct: 0 });
    const share = (one: boolean) =>
      new Set(flags.filter((f) => (f.throughIndex === f.periodIndex) === one).map((f) => f.line)).size / count;
    return `| ${heavy ? 'Student-t(4)' : 'Gaussian'} | ${count} | ${(100 * share(false)).toFixed(2)}% | ${(100 * share(true)).toFixed(2)}% |`;
  });
}
