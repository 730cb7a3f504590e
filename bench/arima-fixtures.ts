/**
 * ARIMA against R: `tsx bench/arima-fixtures.ts` (npm run bench:arima). Compares our fits with the
 * committed R fixtures (test/fixtures/forecast/arima/, written by scripts/r/make-arima-fixtures.R
 * and make-auto-arima-fixtures.R, R 4.2 + forecast 8.20) and prints two markdown tables:
 *
 * 1. fixed orders, forecast::Arima() on 19 series: how many match R's log-likelihood, and R's point
 *    forecasts and 95% bounds, within 1e-6 relative, for each likelihood initialization (R's κ = 1e6
 *    or the exact diffuse one), with CPU time;
 * 2. forecast::auto.arima() on 72 series of the three tuning sets: how many get R's orders and
 *    constant, and R's d and D, for each likelihood initialization, with CPU time; the
 *    series where the orders differ are listed under the table.
 *
 * Needs the shared tuning data (a shared/data folder beside the repository) for the
 * second table; without it only the first is printed. Exits 0.
 */
import { fitArima } from '../src/forecast/arima-fit';
import type { ArimaFitOptions } from '../src/forecast/arima-fit';
import { arimaForecast } from '../src/forecast/arima-forecast';
import { autoArima } from '../src/forecast/arima-select';
import type { AutoArimaOptions } from '../src/forecast/arima-select';
import { normalQuantile } from '../src/stats';
import { autoArimaFits, fixedOrderFits, fixtureSeries, orderOf, sharedDataDir } from '../test/forecast/arima-fixtures';
import { titledTable } from './markdown';

/** Largest relative difference (as test/forecast/fixtures' maxRelDiff, which needs jest). */
const relDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let worst = 0;
  for (let i = 0; i < b.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 1e-12));
  return worst;
};

const cpuSeconds = (f: () => void): number => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1e6;
};

function fixedOrderRows(): string[] {
  const fits = fixedOrderFits();
  const z95 = normalQuantile(0.975);
  const configs: Array<[string, ArimaFitOptions]> = [
    ['κ = 1e6 (R), BFGS (R)', { initialization: 'kappa' }],
    ['exact diffuse (default), BFGS (R)', { initialization: 'diffuse' }],
    ['exact diffuse, exact gradient', { initialization: 'diffuse', mlGradient: 'analytic' }],
  ];
  return configs.map(([label, options]) => {
    let loglik = 0;
    let forecasts = 0;
    let both = 0;
    let worstLoglik = 0;
    let higher = 0;
    const seconds = cpuSeconds(() => {
      for (const f of fits) {
        const fit = fitArima(Float64Array.from(f.values), orderOf(f), { ...options, regressor: f.regressor })!;
        const fc = arimaForecast(fit, f.horizon);
        const dl = Math.abs(fit.loglik - f.loglik) / Math.abs(f.loglik);
        const df = Math.max(
          relDiff(fc.mean, f.forecast.mean),
          relDiff(
            Array.from(fc.mean, (v, i) => v + z95 * fc.se[i]),
            f.forecast.hi95,
          ),
        );
        worstLoglik = Math.max(worstLoglik, dl);
        if (fit.loglik >= f.loglik - 1e-9 * Math.abs(f.loglik)) higher++;
        if (dl <= 1e-6) loglik++;
        if (df <= 1e-6) forecasts++;
        if (dl <= 1e-6 && df <= 1e-6) both++;
      }
    });
    return `| ${label} | ${fits.length} | ${loglik} | ${forecasts} | ${both} | ${higher} | ${worstLoglik.toExponential(1)} | ${seconds.toFixed(2)} |`;
  });
}

function autoRows(dir: string): { rows: string[]; misses: string[] } {
  const fits = autoArimaFits();
  const histories = fits.map((f) => fixtureSeries(dir, f));
  const configs: Array<[string, AutoArimaOptions]> = [
    ['κ = 1e6 (as auto.arima)', { initialization: 'kappa' }],
    ['exact diffuse (default)', {}],
    ['exact diffuse, exact ML gradient', { mlGradient: 'analytic' }],
  ];
  const misses: string[] = [];
  const rows = configs.map(([label, options]) => {
    let same = 0;
    let diffs = 0;
    let models = 0;
    const seconds = cpuSeconds(() => {
      fits.forEach((f, i) => {
        const r = autoArima(histories[i], f.frequency, options)!;
        const o = r.fit.order;
        const ours = [o.p, o.d, o.q, o.P, o.D, o.Q].join(',');
        models += r.modelsFitted;
        if (o.d === f.ndiffs && o.D === f.nsdiffs) diffs++;
        if (ours === f.order.join(',') && r.fit.regressor === f.constant) same++;
        else misses.push(`${label}: ${f.set} ${f.id} (${f.form}): R ${f.model}, ours (${ours}) ${r.fit.regressor}`);
      });
    });
    return `| ${label} | ${fits.length} | ${same} | ${diffs} | ${models} | ${seconds.toFixed(2)} |`;
  });
  return { rows, misses };
}

function main(): void {
  const out = titledTable(
    'Fixed orders: forecast::Arima() fixtures (R 4.2, forecast 8.20); "within" = relative difference ≤ 1e-6; forecasts = point forecasts and 95% upper bounds',
    [
      'likelihood',
      'series',
      'log-lik within',
      'forecasts within',
      'both',
      'log-lik ≥ R',
      'worst log-lik diff',
      'CPU s',
    ],
    fixedOrderRows(),
  );
  const dir = sharedDataDir();
  if (!dir) out.push('auto.arima fixtures: shared/data not found; table skipped.', '');
  else {
    const { rows, misses } = autoRows(dir);
    out.push(
      ...titledTable(
        'auto.arima(): forecast::auto.arima() fixtures on the three tuning sets (orders = p,d,q,P,D,Q and the constant)',
        ['likelihood', 'series', 'same orders', 'same d and D', 'models fitted', 'CPU s'],
        rows,
      ),
      ...(misses.length ? ['Differences:', '', ...misses.map((m) => `- ${m}`), ''] : []),
    );
  }
  process.stdout.write(out.join('\n') + '\n');
}

main();
