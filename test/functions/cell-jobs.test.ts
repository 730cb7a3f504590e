/**
 * The custom functions' job pool, with stand-ins for Web Workers that answer through the real job
 * protocol (src/jobs) across a structured clone, on later turns of the event loop as a worker would:
 * forecast and scenario formulas give the same spills through workers as in-thread, a history keeps
 * its worker, FPA.SCENARIO.MC runs on a worker and stops when Excel cancels it, and a failing worker
 * hands its jobs back to this thread.
 */
import { cellJobHandlers, cellWorkerHandlers, runCellJob, useCellWorkers } from '../../functions/cell-jobs';
import { forecastModel, forecastRolling } from '../../functions/forecast';
import { scenarioMc, scenarioTornado, scenarioTrials } from '../../functions/scenario';
import { webWorkerEndpoint } from '../../src/jobs/endpoints';
import type { JobRequest } from '../../src/jobs/protocol';
import { describeModel } from '../../src/forecast/describe-model';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { fakeWorker } from '../jobs/fake-worker';
import type { FakeWorker } from '../jobs/fake-worker';
import { column, expectExcelError } from './excel-range';

const series = (shift: number): number[] =>
  Array.from({ length: 40 }, (_, t) => 100 + shift + 2 * t + 10 * Math.sin((2 * Math.PI * t) / 12) + ((t * 31) % 5));

const DRIVERS = [
  ['name', 'distribution', 'param1', 'param2', 'param3'],
  ['price', 'normal', 130, 10, null],
  ['volume', 'lognormal', 50000, 12000, null],
  ['unit_cost', 'triangular', 40, 55, 75],
];
const MODEL = [['revenue = price * volume'], ['profit = revenue - unit_cost * volume']];

function startFakes(count: number, broken: boolean[] = []): FakeWorker[] {
  const fakes: FakeWorker[] = [];
  useCellWorkers(() => {
    const fake = fakeWorker(cellJobHandlers, { broken: broken[fakes.length] });
    fakes.push(fake);
    return webWorkerEndpoint(fake);
  }, count);
  return fakes;
}

const runs = (fake: FakeWorker): Extract<JobRequest, { type: 'run' }>[] =>
  fake.seen.filter((m): m is Extract<JobRequest, { type: 'run' }> => m.type === 'run');

afterEach(() => useCellWorkers(() => null, 0));

describe('cell jobs', () => {
  test('forecasts equal the in-thread engine, and a history always goes to the same worker', async () => {
    const fakes = startFakes(3);
    const requests = Array.from({ length: 12 }, (_, i) => ({ values: series(i), horizon: 6, method: 'hw' }));
    const answers = await Promise.all(
      [...requests, ...requests].map((request) => runCellJob('forecast.rolling', request, { route: i(request) })),
    );
    answers.forEach((answer, k) => expect(answer).toEqual(rollingForecast(requests[k % 12])));
    expect(fakes.filter((f) => runs(f).length > 0).length).toBeGreaterThan(1);
    function i(request: { values: number[] }): number {
      return requests.findIndex((r) => r.values === request.values);
    }
  });

  test('the forecast functions spill the same through workers as in-thread, errors included', async () => {
    const inThread = await forecastRolling(column(series(3)), 6, 12, 0.9, 'madm');
    const model = await forecastModel(column(series(3)), 12, 'hw');
    const fakes = startFakes(2);
    expect(await forecastRolling(column(series(3)), 6, 12, 0.9, 'madm')).toEqual(inThread);
    expect(await forecastModel(column(series(3)), 12, 'hw')).toEqual(model);
    // ROLLING and MODEL of one history ran on one worker (its memoised fits answer both).
    const holders = fakes.filter((f) => runs(f).some((m) => m.kind === 'forecast.describe'));
    expect(holders).toHaveLength(1);
    expect(runs(holders[0]).some((m) => m.kind === 'forecast.rolling')).toBe(true);
    // An engine error crosses the port with its message: 3 values are too few for Holt–Winters.
    expectExcelError(
      await forecastRolling(column([1, 2, 3]), 6, 12, 0.9, 'hw'),
      '#VALUE!',
      /needs at least \d+ values/,
    );
  });

  test('FPA.SCENARIO.MC, TORNADO and TRIALS run on a worker and spill what they spill in-thread', async () => {
    const mc = await scenarioMc(DRIVERS, MODEL, 3000, 11);
    const tornado = await scenarioTornado(DRIVERS, MODEL, 'revenue', 2000, 3);
    const trials = await scenarioTrials(DRIVERS, MODEL, 'PROFIT', 500, 5);
    const fakes = startFakes(2);
    expect(await scenarioMc(DRIVERS, MODEL, 3000, 11)).toEqual(mc);
    expect(await scenarioTornado(DRIVERS, MODEL, 'revenue', 2000, 3)).toEqual(tornado);
    expect(await scenarioTrials(DRIVERS, MODEL, 'PROFIT', 500, 5)).toEqual(trials);
    const scenarioRuns = fakes.flatMap((f) => runs(f)).filter((m) => m.kind === 'scenario.run');
    expect(scenarioRuns).toHaveLength(3);
    // TRIALS asks for the one column it spills.
    expect(scenarioRuns[2].payload).toMatchObject({ trials: ['PROFIT'] });
    expectExcelError(await scenarioMc(DRIVERS, [['y = price * colume']]), '#N/A', /"colume" is not a driver/);
  });

  test("Excel's cancel stops a running FPA.SCENARIO.MC on its worker", async () => {
    const fakes = startFakes(1);
    const invocation: CustomFunctions.CancelableInvocation = { onCanceled: () => undefined };
    // 200,000 trials run in two blocks of 100,000. The run is posted before scenarioMc returns, so
    // Excel's cancel is posted right behind it: the worker receives it before its second block
    // whatever the machine's speed (a cancel timed by a clock would race the first block).
    const result = scenarioMc(DRIVERS, MODEL, 200_000, 1, undefined, undefined, undefined, invocation);
    invocation.onCanceled?.();
    // The worker's run ends with the engine's cancellation, not with statistics.
    expectExcelError(await result, '#VALUE!', /The scenario run was cancelled/);
    expect(fakes[0].seen.map((m) => m.type)).toEqual(['run', 'cancel']);
  }, 60_000);

  test('a large FPA.SCENARIO.MC spreads its blocks over the cell worker’s block workers: the same spill', async () => {
    const inThread = await scenarioMc(DRIVERS, MODEL, 60_000, 4);
    const blockFakes: FakeWorker[] = [];
    const startBlock = () => {
      const fake = fakeWorker(cellJobHandlers);
      blockFakes.push(fake);
      return webWorkerEndpoint(fake);
    };
    const cellFakes: FakeWorker[] = [];
    useCellWorkers(() => {
      const fake = fakeWorker(cellWorkerHandlers(startBlock, 2));
      cellFakes.push(fake);
      return webWorkerEndpoint(fake);
    }, 1);
    // 60,000 trials are three blocks of 25,000: two block workers run them, the cell worker merges.
    expect(await scenarioMc(DRIVERS, MODEL, 60_000, 4)).toEqual(inThread);
    expect(runs(cellFakes[0]).map((m) => m.kind)).toEqual(['scenario.run']);
    expect(blockFakes).toHaveLength(2);
    const blocks = blockFakes.map((f) => runs(f).filter((m) => m.kind === 'scenario.block').length);
    expect(blocks.reduce((a, b) => a + b, 0)).toBe(3);
    expect(blocks.every((b) => b > 0)).toBe(true);
    // A one-block cell stays on the cell worker.
    await scenarioMc(DRIVERS, MODEL, 3000, 4);
    expect(blockFakes.flatMap((f) => runs(f)).length).toBe(3);
  }, 60_000);

  test('jobs of a worker that fails run in this thread, later jobs on the others', async () => {
    const fakes = startFakes(2, [true, false]);
    const requests = Array.from({ length: 6 }, (_, i) => ({ values: series(10 * i), seasonality: 12, method: 'hw' }));
    const answers = await Promise.all(
      requests.map((request, k) => runCellJob('forecast.describe', request, { route: k })),
    );
    answers.forEach((answer, k) => expect(answer).toEqual(describeModel(requests[k])));
    expect(fakes[0].terminated).toBe(true);
    const after = await runCellJob('forecast.rolling', { values: series(1), horizon: 3, method: 'ses' });
    expect(after).toEqual(rollingForecast({ values: series(1), horizon: 3, method: 'ses' }));
    expect(runs(fakes[1]).length).toBeGreaterThan(0);
  });

  test('replacing the pool settles the jobs still pending on it', async () => {
    startFakes(1);
    const request = { values: series(2), horizon: 3, method: 'ses' };
    const pending = runCellJob('forecast.rolling', request);
    expect(useCellWorkers(() => null, 0)).toBe(0);
    expect(await pending).toEqual(rollingForecast(request));
  });
});
