/**
 * Recalculation of forecast formulas in the built add-in, in Debian's Chromium:
 * `tsx bench/forecast-recalc-browser.ts [dataset.json] [--series 100] [--length 60] [--horizon 12]`
 * (npm run bench:forecast-recalc-browser; needs `npm run build` first).
 *
 * Excel calls every FPA.FORECAST.ROLLING of a workbook at once when it recalculates; here the
 * registered function is called for all series at once in the add-in page and the wall time until
 * the last result is measured in the page (performance.now). Rows: the forecast worker pool
 * (one worker per core, the default) against `?workers=0` (everything on the add-in thread),
 * each in a fresh page:
 * - "open": the first calculation after the workbook opens (includes compiling the engine);
 * - "unchanged": a recalculation in which no history changed;
 * - "month-end close": every series gains its next actual, so every history is new.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, openAddinPage } from '../test/e2e/harness';
import { runMain } from './run-main';

interface Dataset {
  series: Array<{ values: number[] }>;
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
}

type Registered = Record<string, (...args: unknown[]) => unknown>;

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const positional = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  const dataset = positional[0] ?? path.resolve(__dirname, '..', '..', 'shared', 'data', 'tourism-monthly.json');
  if (!fs.existsSync(dataset)) {
    process.stdout.write(
      `bench/forecast-recalc-browser: ${dataset} not found; shared benchmark data absent, nothing to measure.\n`,
    );
    return 0;
  }
  if (!fs.existsSync(path.join(DIST, 'taskpane.html'))) {
    process.stdout.write(
      'bench/forecast-recalc-browser: dist/ is not built; run "npm run build" first. Nothing measured.\n',
    );
    return 0;
  }
  const count = option(args, 'series', 100);
  const length = option(args, 'length', 60);
  const horizon = option(args, 'horizon', 12);
  const data = JSON.parse(fs.readFileSync(dataset, 'utf8')) as Dataset;
  const usable = data.series.filter((s) => s.values.length >= length + 1).slice(0, count);
  const before = usable.map((s) => s.values.slice(-length - 1, -1));
  const after = usable.map((s) => s.values.slice(-length));

  const rows: string[] = [];
  for (const workers of [undefined, 0]) {
    const addin = await openAddinPage({ height: 640 });
    try {
      const query = workers === undefined ? '' : `&workers=${workers}`;
      await addin.page.goto(`${addin.url}/taskpane.html?tab=help${query}`, { waitUntil: 'load' });
      await addin.page.getByTestId('function-list').waitFor({ timeout: 30_000 });
      const cores = await addin.page.evaluate(() => navigator.hardwareConcurrency);
      const recalc = (histories: number[][]): Promise<number> =>
        addin.page.evaluate(
          async ([all, h]) => {
            const fn = (window as unknown as { CustomFunctions: { _association: { mappings: Registered } } })
              .CustomFunctions._association.mappings['FORECAST.ROLLING'];
            const t0 = performance.now();
            const results = await Promise.all(
              all.map((values) =>
                fn(
                  values.map((v) => [v]),
                  h,
                ),
              ),
            );
            const ms = performance.now() - t0;
            if (results.some((r) => !Array.isArray(r))) throw new Error('a forecast failed');
            return ms;
          },
          [histories, horizon] as const,
        );
      const open = await recalc(before);
      const unchanged = await recalc(before);
      const close = await recalc(after);
      const label =
        workers === 0 ? 'add-in thread (workers=0)' : `worker pool (${Math.max(1, Math.min(4, cores))} workers)`;
      for (const [pass, ms] of [
        ['open', open],
        ['unchanged', unchanged],
        ['month-end close', close],
      ] as const) {
        rows.push(`| ${label} | ${pass} | ${ms.toFixed(0)} | ${(ms / usable.length).toFixed(2)} |`);
      }
      if (addin.problems.length) throw new Error(addin.problems.join('\n'));
    } finally {
      await addin.close();
    }
  }
  process.stdout.write(
    [
      `Recalculation of ${usable.length} × FPA.FORECAST.ROLLING(last ${length} values of ${path.basename(dataset)}, ${horizon}) in Chromium, ${os.cpus().length} cores, wall time in the page`,
      '',
      '| where | pass | wall ms | ms per formula |',
      '|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
  return 0;
}

runMain('bench/forecast-recalc-browser', main);
