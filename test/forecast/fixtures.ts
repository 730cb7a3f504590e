import * as fs from 'fs';
import * as path from 'path';

/** Output of R's forecast() in a fixture. */
export interface RForecast {
  call?: string;
  mean: number[];
  lo80: number[];
  hi80: number[];
  lo95: number[];
  hi95: number[];
}

/** One ets() fit from scripts/r/make-forecast-fixtures.R. */
export interface REtsFit {
  call: string;
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
  initstate: number[];
  loglik: number;
  aic: number;
  aicc: number;
  bic: number;
  sigma2: number;
  mse: number;
  forecast: RForecast;
}

export interface RFixture {
  name: string;
  frequency: number;
  horizon: number;
  values: number[];
  ets: Record<string, REtsFit>;
  snaive: RForecast;
  ses: RForecast;
  holt: RForecast;
  hw?: RForecast;
  thetaf: RForecast;
  auto: RForecast & { model: string; aicc: number; loglik: number };
}

const DIR = path.join(__dirname, '..', 'fixtures', 'forecast');

/** Every R fixture (see scripts/r/make-forecast-fixtures.R for the R calls). */
export function loadFixtures(): RFixture[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(fs.readFileSync(path.join(DIR, f), 'utf8')) as RFixture);
}

/** Largest relative difference |a − b| / max(|b|, 1e-12). */
export function maxRelDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-12));
  return worst;
}
