/**
 * The event-free lines of the second labelled budget set (make-budget-set-b.ts): accounts with their
 * own noise, size and season, plans phased flat or seasonal, and noise of several shapes. Designed
 * from what monthly budget-vs-actual data looks like, independently of make-budget-set.ts.
 *
 * - Noise is relative to the expected cost (multiplicative): `(1 + σ r)` or, on a share of lines,
 *   lognormal `exp(σ r − σ²/2)`; `r` has unit variance and is Gaussian, Student-t(5), Student-t(3),
 *   Laplace or a contaminated normal (1 draw in 20 from a normal 4× wider), and on a share of lines
 *   AR(1)-correlated (φ 0.2–0.6, marginal variance kept at 1): month-end estimates that are trued up
 *   slowly leave correlated errors.
 * - σ, the size and the season come from the account (salaries 1–3%, travel 10–30%, training 15–40%…);
 *   sizes run from 500 to 2,000,000 a month, so one sheet mixes lines three to four decades apart.
 * - Seasons are by calendar month (heating in winter, travel down in August and December, campaigns in
 *   March and September, consulting at quarter ends, freight before Christmas…), with an amplitude
 *   drawn per line. A line's plan is phased with the season, its amplitude misjudged by up to ±20%
 *   (a planner's stable phasing error, not an event), or flat (annual plan / 12) on 35% of seasonal lines.
 * - The plan grows each fiscal year by −3% to +8%, and the expected actual grows with it: between
 *   events, actuals are on plan up to the phasing error and the noise.
 */
import { SeededGenerator } from '../src/stats/seeded-generator';

export type NoiseFamily = 'gaussian' | 't5' | 't3' | 'laplace' | 'contaminated';

/** What the generator decided for one line: enough to read the labels and the flags against. */
export interface LineTruth {
  line: string;
  account: string;
  /** Monthly level of the first year before season (currency). */
  level: number;
  /** SD of the relative noise (share of the expected cost). */
  sigma: number;
  noise: NoiseFamily;
  /** AR(1) coefficient of the noise; 0 for independent noise. */
  phi: number;
  lognormal: boolean;
  phasing: 'flat' | 'seasonal' | 'none';
  /** Expected actual per period, before events and noise. */
  expected: number[];
  /** Relative noise draws (unit variance) per period. */
  noiseDraws: number[];
}

interface Account {
  name: string;
  sigma: [number, number];
  level: [number, number];
  season: (calendarMonth: number) => number;
}

const none = () => 0;
/** Deviations from 1 by calendar month (0 = January), centred to mean 0 below. */
const table = (t: number[]) => {
  const mean = t.reduce((s, x) => s + x, 0) / 12;
  return (m: number) => t[m] - mean;
};

export const ACCOUNTS: ReadonlyArray<Account> = [
  { name: 'Salaries', sigma: [0.01, 0.03], level: [50_000, 2_000_000], season: none },
  { name: 'Rent', sigma: [0.005, 0.02], level: [5_000, 300_000], season: none },
  {
    name: 'Utilities',
    sigma: [0.04, 0.12],
    level: [1_000, 60_000],
    season: (m) => 0.5 * Math.cos((2 * Math.PI * m) / 12),
  },
  {
    name: 'Travel',
    sigma: [0.1, 0.3],
    level: [1_000, 150_000],
    season: table([0, 0.1, 0.15, 0.1, 0.1, 0.05, -0.2, -0.6, 0.15, 0.2, 0.1, -0.5]),
  },
  {
    name: 'Marketing',
    sigma: [0.1, 0.35],
    level: [2_000, 400_000],
    season: table([-0.2, -0.1, 0.7, 0, -0.1, -0.1, -0.3, -0.3, 0.6, 0.4, 0, -0.3]),
  },
  { name: 'Software', sigma: [0.02, 0.08], level: [2_000, 200_000], season: none },
  {
    name: 'Consulting',
    sigma: [0.12, 0.35],
    level: [5_000, 300_000],
    season: table([-0.25, -0.25, 0.5, -0.25, -0.25, 0.5, -0.25, -0.25, 0.5, -0.25, -0.25, 0.5]),
  },
  {
    name: 'Freight',
    sigma: [0.05, 0.15],
    level: [5_000, 500_000],
    season: table([-0.3, -0.2, 0, 0, 0, 0, 0, 0.05, 0.1, 0.4, 0.45, 0.2]),
  },
  {
    name: 'Training',
    sigma: [0.15, 0.4],
    level: [500, 40_000],
    season: table([0, 0.1, 0.2, 0.1, 0, -0.1, -0.5, -0.5, 0.4, 0.5, 0.4, -0.3]),
  },
  { name: 'Telecom', sigma: [0.02, 0.06], level: [500, 30_000], season: none },
  { name: 'Insurance', sigma: [0.01, 0.03], level: [1_000, 80_000], season: none },
  {
    name: 'Maintenance',
    sigma: [0.08, 0.25],
    level: [1_000, 100_000],
    season: table([-0.2, -0.2, -0.1, 0, 0.2, 0.5, 0.5, 0.4, 0, -0.2, -0.3, -0.3]),
  },
];

const FAMILIES: ReadonlyArray<[NoiseFamily, number]> = [
  ['gaussian', 0.35],
  ['t5', 0.15],
  ['t3', 0.15],
  ['laplace', 0.15],
  ['contaminated', 0.2],
];

export const uniform = (g: SeededGenerator, lo: number, hi: number) => lo + (hi - lo) * g.nextOpen01();
export const logUniform = (g: SeededGenerator, lo: number, hi: number) =>
  Math.exp(uniform(g, Math.log(lo), Math.log(hi)));

function weighted<T>(g: SeededGenerator, choices: ReadonlyArray<[T, number]>): T {
  let u = g.nextOpen01();
  for (const [value, weight] of choices) {
    u -= weight;
    if (u < 0) return value;
  }
  return choices[choices.length - 1][0];
}

/** Student-t with ν degrees of freedom (integer), scaled to unit variance. */
function studentT(g: SeededGenerator, nu: number): number {
  let chi2 = 0;
  for (let i = 0; i < nu; i += 1) chi2 += g.nextNormal() ** 2;
  return (g.nextNormal() / Math.sqrt(chi2 / nu)) * Math.sqrt((nu - 2) / nu);
}

/** One unit-variance draw of the family. */
export function noiseDraw(g: SeededGenerator, family: NoiseFamily): number {
  switch (family) {
    case 'gaussian':
      return g.nextNormal();
    case 't5':
      return studentT(g, 5);
    case 't3':
      return studentT(g, 3);
    case 'laplace':
      return (Math.log(g.nextOpen01()) - Math.log(g.nextOpen01())) / Math.SQRT2;
    case 'contaminated':
      return (g.nextOpen01() < 0.05 ? 4 : 1) * (g.nextNormal() / Math.sqrt(0.95 + 0.05 * 16));
  }
}

/**
 * One event-free line: plan, noisy actual (before events) and what was drawn.
 * @param fiscalStart calendar month (0 = January) of period 0, the first month of a fiscal year
 */
export function makeLine(seed: number, index: number, periods: number, fiscalStart: number) {
  const g = new SeededGenerator(seed, `budget-set-b:line:${index}`);
  const noiseGen = new SeededGenerator(seed, `budget-set-b:noise:${index}`);
  const account = ACCOUNTS[g.nextBelow(ACCOUNTS.length)];
  const level = Math.round(logUniform(g, account.level[0], account.level[1]));
  const sigma = uniform(g, account.sigma[0], account.sigma[1]);
  const noise = weighted(g, FAMILIES);
  const phi = g.nextOpen01() < 0.35 ? uniform(g, 0.2, 0.6) : 0;
  const lognormal = g.nextOpen01() < 0.4;
  const seasonal = account.season !== none;
  const amplitude = uniform(g, 0.4, 1);
  const phasing = !seasonal ? 'none' : g.nextOpen01() < 0.35 ? 'flat' : 'seasonal';
  const planAmplitude = phasing === 'seasonal' ? amplitude * uniform(g, 0.8, 1.2) : 0;
  const growth = uniform(g, -0.03, 0.08);
  const plan: number[] = [];
  const expected: number[] = [];
  const noiseDraws: number[] = [];
  let previous = 0;
  for (let t = 0; t < periods; t += 1) {
    const yearLevel = level * (1 + growth) ** Math.floor(t / 12);
    const s = account.season((fiscalStart + t) % 12);
    plan.push(Math.round(yearLevel * (1 + planAmplitude * s)));
    expected.push(yearLevel * (1 + amplitude * s));
    const innovation = noiseDraw(noiseGen, noise);
    previous = t === 0 ? innovation : phi * previous + Math.sqrt(1 - phi * phi) * innovation;
    noiseDraws.push(previous);
  }
  const noisy = expected.map((e, t) => {
    const r = sigma * noiseDraws[t];
    // A cost is not negative; a lognormal month is held within e^±1.5 of expected.
    return lognormal ? e * Math.exp(Math.max(-1.5, Math.min(1.5, r)) - (sigma * sigma) / 2) : e * Math.max(0.02, 1 + r);
  });
  const truth: LineTruth = {
    line: '',
    account: account.name,
    level,
    sigma,
    noise,
    phi,
    lognormal,
    phasing,
    expected,
    noiseDraws,
  };
  return { plan, noisy, truth, events: g };
}
