/**
 * Smoke test of the built add-in in real Chromium: the shared-runtime page loads without errors,
 * every function in the built functions.json is registered, FPA.FORECAST.ROLLING returns the same
 * array in the browser as the core computes in Node, and FPA.SCENARIO.MC runs on the bundle's Web
 * Worker (the add-in thread stays responsive) with the numbers Node computes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { runScenario } from '../../src/scenario/run';
import {
  addinPageForFile,
  CUSTOM_FUNCTIONS_ERRORS,
  DIST,
  invokeFunction,
  openFunctionsPage,
  registeredIds,
  routeOfficeJs,
  screenshotPath,
} from './harness';
import { SAMPLE_CORRELATION, SAMPLE_DRIVERS, SAMPLE_MODEL, sampleSpec } from '../functions/sample-scenario';

let page: Page;

const addin = addinPageForFile(openFunctionsPage, (opened) => (page = opened.page));

it('loads the shared-runtime page without errors', async () => {
  await page.screenshot({ path: screenshotPath('smoke-taskpane') });
  expect(addin.problems).toEqual([]);
});

it('registers exactly the functions listed in the built functions.json', async () => {
  const metadata = JSON.parse(fs.readFileSync(path.join(DIST, 'functions.json'), 'utf8')) as {
    functions: { id: string }[];
  };
  const registered = await registeredIds(page);
  expect(registered.sort()).toEqual(metadata.functions.map((f) => f.id.toUpperCase()).sort());
});

it('returns the right forecast array from FPA.FORECAST.ROLLING', async () => {
  const history = Array.from(
    { length: 48 },
    (_, t) => 100 + 2 * t + 15 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 11) - 5,
  );
  const result = await invokeFunction(page, 'FORECAST.ROLLING', [history.map((v) => [v]), 6, 12, 0.9, 'hw']);
  const expected = rollingForecast({ values: history, horizon: 6, seasonality: 12, levels: [90], method: 'hw' });
  expect(Array.isArray(result)).toBe(true);
  const rows = result as number[][];
  expect(rows).toHaveLength(6);
  rows.forEach((row, h) => {
    expect(row).toHaveLength(3);
    expect(row[0]).toBeCloseTo(expected.mean[h], 9);
    expect(row[1]).toBeCloseTo(expected.intervals[0].lower[h], 9);
    expect(row[2]).toBeCloseTo(expected.intervals[0].upper[h], 9);
  });
});

it('passes the options argument through: weights=accuracy is the learning-loop combination', async () => {
  const history = Array.from(
    { length: 60 },
    (_, t) => 300 + 3 * t + 40 * Math.sin((2 * Math.PI * t) / 12) + ((t * 7919) % 13) - 6,
  );
  const rows = (await invokeFunction(page, 'FORECAST.ROLLING', [
    history.map((v) => [v]),
    4,
    0,
    0.8,
    'auto',
    [['weights=accuracy']],
  ])) as number[][];
  const expected = rollingForecast({
    values: history,
    horizon: 4,
    levels: [80],
    method: 'auto',
    combination: 'accuracy',
  });
  expect(rows.map((row) => row[0])).toEqual(expected.mean.map((v) => expect.closeTo(v, 9)));
  const unknown = await invokeFunction(page, 'FORECAST.ROLLING', [
    history.map((v) => [v]),
    4,
    0,
    0.8,
    'auto',
    [['speed', 'fast']],
  ]);
  expect(unknown).toMatchObject({ code: '#VALUE!' });
  expect((unknown as { message: string }).message).toMatch(/options row 1 "speed" is not known/);
});

it('forecasts on a pool of Web Workers: 60 formulas at once give what Node computes', async () => {
  expect(page.workers().length).toBeGreaterThanOrEqual(1);
  const histories = Array.from({ length: 60 }, (_, i) =>
    Array.from(
      { length: 48 },
      (_, t) => 200 + 5 * i + (1 + i / 30) * t + 20 * Math.sin((2 * Math.PI * (t + i)) / 12) + ((t * 7919 + i) % 9),
    ),
  );
  const rows = (await page.evaluate(async (all) => {
    const fn = (
      window as unknown as {
        CustomFunctions: { _association: { mappings: Record<string, (...args: unknown[]) => unknown> } };
      }
    ).CustomFunctions._association.mappings['FORECAST.ROLLING'];
    return Promise.all(
      all.map((h) =>
        fn(
          h.map((v) => [v]),
          6,
          0,
          0.95,
          'auto',
        ),
      ),
    );
  }, histories)) as number[][][];
  rows.forEach((result, i) => {
    const expected = rollingForecast({ values: histories[i], horizon: 6, levels: [95], method: 'auto' });
    expect(result.map((row) => row[0])).toEqual(expected.mean.map((v) => expect.closeTo(v, 9)));
    expect(result.map((row) => row[2])).toEqual(expected.intervals[0].upper.map((v) => expect.closeTo(v, 9)));
  });
});

it('returns #VALUE! with a message for bad input in the browser too', async () => {
  const result = await invokeFunction(page, 'FORECAST.ROLLING', [[[1], ['text'], [3]], 3]);
  expect(result).toMatchObject({ code: '#VALUE!' });
  expect((result as { message: string }).message).toMatch(/row 2/);
});

it('solves FPA.CASH.OPTIMIZE with glpk.js in the browser', async () => {
  // Three periods, no flows, 100 opening cash, one 2-period instrument at 1% per period: invest all 100 in
  // period 1, it returns 100 × 1.01² = 102.01 at the end of period 3 (1 + 2 ≤ 3), the objective.
  const rows = (await invokeFunction(page, 'CASH.OPTIMIZE', [
    [[0], [0], [0]],
    100,
    [[0]],
    [['TD', 2, 0.01]],
  ])) as unknown[][];
  expect(rows[4][8]).toBeCloseTo(102.01, 9); // totals row: the closing-cash cell holds the objective
  // A 500 outflow in period 2 cannot be covered: 100 opening cash leaves it 400 short there.
  const bad = await invokeFunction(page, 'CASH.OPTIMIZE', [[[0], [-500], [0]], 100, [[0]], [['TD', 2, 0.01]]]);
  expect(bad).toMatchObject({ code: '#VALUE!' });
  expect((bad as { message: string }).message).toMatch(/^cash falls short by 400\.00 in period 2/);
});

/** FPA.SCENARIO.MC's arguments as cells, and the same scenario as the engine's spec. */
const MC_DRIVERS = SAMPLE_DRIVERS;
const MC_MODEL = SAMPLE_MODEL;
const MC_CORRELATION = SAMPLE_CORRELATION;
const MC_SPEC = sampleSpec(200_000, 42, [5, 50, 95]);

/**
 * Calls FPA.SCENARIO.MC in the page while a 10 ms timer ticks on the add-in thread; returns the spill
 * and the longest gap between ticks (how long the add-in thread was held).
 */
async function mcWithHeartbeat(target: Page): Promise<{ rows: unknown[][]; longestGapMs: number }> {
  return target.evaluate(
    async ([drivers, model, correlation]) => {
      const fn = (
        window as unknown as {
          CustomFunctions: { _association: { mappings: Record<string, (...args: unknown[]) => unknown> } };
        }
      ).CustomFunctions._association.mappings['SCENARIO.MC'];
      let last = performance.now();
      let longestGapMs = 0;
      const beat = setInterval(() => {
        const now = performance.now();
        longestGapMs = Math.max(longestGapMs, now - last);
        last = now;
      }, 10);
      const rows = (await fn(drivers, model, 200000, 42, correlation)) as unknown[][];
      clearInterval(beat);
      longestGapMs = Math.max(longestGapMs, performance.now() - last);
      return { rows: JSON.parse(JSON.stringify(rows)) as unknown[][], longestGapMs };
    },
    [MC_DRIVERS, MC_MODEL, MC_CORRELATION] as const,
  );
}

it('runs FPA.SCENARIO.MC on a Web Worker of the built bundle, with the numbers Node computes', async () => {
  const { rows, longestGapMs } = await mcWithHeartbeat(page);
  const core = runScenario(MC_SPEC);
  expect(rows[0]).toEqual(['output', 'mean', 'sd', 'min', 'max', 'se', 'P5', 'P50', 'P95', 'VaR95', 'CVaR95']);
  for (const row of rows.slice(1)) {
    const s = core.outputs[row[0] as string];
    expect(row).toEqual([
      row[0],
      s.mean,
      s.sd,
      s.min,
      s.max,
      s.se,
      s.percentiles['5'],
      s.percentiles['50'],
      s.percentiles['95'],
      s.var95,
      s.cvar95,
    ]);
  }
  // On the same page with workers turned off, the run holds the add-in thread for its whole length;
  // on the worker the thread keeps ticking.
  const inThread = await page
    .context()
    .browser()!
    .newPage({ viewport: { width: 320, height: 640 } });
  try {
    await routeOfficeJs(inThread);
    await inThread.addInitScript(CUSTOM_FUNCTIONS_ERRORS);
    await inThread.goto(`${addin.url}/taskpane.html?tab=help&workers=0`, { waitUntil: 'load' });
    await inThread.getByTestId('function-list').waitFor({ timeout: 20_000 });
    const held = await mcWithHeartbeat(inThread);
    expect(held.rows).toEqual(rows);
    process.stderr.write(
      `FPA.SCENARIO.MC, 200,000 trials: add-in thread held at most ${longestGapMs.toFixed(0)} ms on the worker, ${held.longestGapMs.toFixed(0)} ms without\n`,
    );
    expect(longestGapMs).toBeLessThan(held.longestGapMs / 2);
  } finally {
    await inThread.close();
  }
  expect(addin.problems).toEqual([]);
});
