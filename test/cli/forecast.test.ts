import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../cli/commands/forecast';
import { FORECAST_METHODS } from '../../src/forecast/types';
import { badCommandLines, badInputFiles, captureOutput, inputFolder } from './command-io';

const folder = inputFolder('openfpa-forecast-');
const { dir, write } = folder;
const io = captureOutput();

const season = (t: number) => 100 + 10 * Math.sin((2 * Math.PI * t) / 12) + t * 0.5;
const dataset = {
  name: 'tiny',
  frequency: 12,
  horizon: 6,
  series: [
    { id: 'a', values: Array.from({ length: 48 }, (_, t) => season(t)), actual: [1, 2, 3, 4, 5, 6] },
    { id: 'b', values: Array.from({ length: 20 }, (_, t) => 50 + (t % 3)) },
  ],
};

test('writes the scorer format with levels as keys, progress on io.stderr', async () => {
  const out = path.join(dir, 'out.json');
  expect(
    await run([write('d.json', dataset), '--method', 'hw', '--seasonality', '12', '--levels', '80,95', '--out', out]),
  ).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(result.forecasts.map((f: { id: string }) => f.id)).toEqual(['a']);
  const a = result.forecasts[0];
  for (const key of ['mean', 'lo80', 'hi80', 'lo95', 'hi95']) expect(a[key]).toHaveLength(6);
  // Series b is too short for Holt–Winters: reported, not fatal.
  expect(result.errors[0].id).toBe('b');
  expect(result.errors[0].error).toMatch(/needs at least 24/);
  expect(io.stderr).toMatch(/2 series with method hw/);
});

test('worker threads give byte-identical output to a single thread', async () => {
  const many = {
    ...dataset,
    series: Array.from({ length: 10 }, (_, i) => ({
      id: `s${i}`,
      values: dataset.series[0].values.map((v) => v * (1 + i / 10)),
    })),
  };
  const f = write('many.json', many);
  const o1 = path.join(dir, 'w1.json');
  const o2 = path.join(dir, 'w2.json');
  expect(await run([f, '--method', 'theta', '--workers', '1', '--out', o1, '--quiet'])).toBe(0);
  expect(await run([f, '--method', 'theta', '--workers', '2', '--out', o2, '--quiet'])).toBe(0);
  expect(fs.readFileSync(o2, 'utf8')).toBe(fs.readFileSync(o1, 'utf8'));
}, 60000);

test('is deterministic', async () => {
  const f = write('d2.json', dataset);
  const o1 = path.join(dir, 'o1.json');
  const o2 = path.join(dir, 'o2.json');
  await run([f, '--method', 'auto', '--out', o1, '--quiet']);
  await run([f, '--method', 'auto', '--out', o2, '--quiet']);
  expect(fs.readFileSync(o1, 'utf8')).toBe(fs.readFileSync(o2, 'utf8'));
});

badInputFiles(run, folder, io, { name: 'forecast', what: 'file' }, [
  ['not JSON', '{"frequency": 12,'],
  ['no series', { frequency: 12, horizon: 6, series: [] }],
  ['bad horizon', { frequency: 12, horizon: 0, series: dataset.series }],
  // Past the engine's 1,000 every series failed on its own (exit 1 with one error per series) before.
  ['horizon past 1,000', { frequency: 12, horizon: 1001, series: dataset.series }],
  // Above 366 each series failed with "seasonality must be … from 2 to 366; got 400" (exit 1) before.
  ['frequency past 366', { frequency: 400, horizon: 6, series: dataset.series }],
  ['text value', { frequency: 12, horizon: 6, series: [{ id: 'x', values: [1, 'two', 3] }] }],
]);

badCommandLines(run, [
  ['x.json', '--levels', '120'],
  ['x.json', '--bogus'],
  // An unknown method is a bad command line, refused once, not a fault of every series (exit 1 before).
  ['x.json', '--method', 'foo'],
  ['x.json', '--method', ''],
  ['x.json', '--method', 'ANdN'],
  // Past the engine's 366 every series failed with the same message (exit 1) before.
  ['x.json', '--seasonality', '367'],
]);

test('a horizon past 1,000 names the field and its bounds once', async () => {
  expect(await run([write('h.json', { ...dataset, horizon: 5000 }), '--quiet'])).toBe(1);
  expect(io.stderr).toMatch(/"horizon" must be a whole number from 1 to 1,000/);
  expect(io.stderr).not.toMatch(/series "a"/);
});

test('a bad series or value is named by its position counted from 1, as the other commands and a sheet count', async () => {
  const bad = { ...dataset, series: [dataset.series[0], { id: 'b', values: [1, 'x', 3] }] };
  expect(await run([write('v.json', bad), '--quiet'])).toBe(1);
  expect(io.stderr).toMatch(/series "b" values\[2\] is "x", expected a number or null/);
  expect(await run([write('s.json', { ...dataset, series: [dataset.series[0], 7] }), '--quiet'])).toBe(1);
  expect(io.stderr).toMatch(/series\[2\] must be an object/);
});

test('--combination accuracy weights the auto members by their backtest accuracy', async () => {
  const equal = path.join(dir, 'equal.json');
  const weighted = path.join(dir, 'weighted.json');
  const long = {
    ...dataset,
    series: [{ id: 'a', values: Array.from({ length: 72 }, (_, t) => season(t) + ((t * 7) % 5)) }],
  };
  const input = write('long.json', long);
  expect(await run([input, '--workers', '1', '--out', equal])).toBe(0);
  expect(await run([input, '--workers', '1', '--combination', 'accuracy', '--out', weighted])).toBe(0);
  const a = JSON.parse(fs.readFileSync(equal, 'utf8')).forecasts[0].mean as number[];
  const b = JSON.parse(fs.readFileSync(weighted, 'utf8')).forecasts[0].mean as number[];
  expect(b).toHaveLength(6);
  expect(b).not.toEqual(a);
  expect(await run([input, '--combination', 'best'])).toBe(2);
}, 60_000);

test('--outliers adjust: same output format, forecasts from the cleaned history; bad value exits 2', async () => {
  const keepOut = path.join(dir, 'keep.json');
  const adjustOut = path.join(dir, 'adjust.json');
  const spiked = {
    ...dataset,
    series: [{ id: 'a', values: dataset.series[0].values.map((v, t) => (t === 44 ? 3 * v : v)) }],
  };
  const input = write('spiked.json', spiked);
  expect(await run([input, '--method', 'ses', '--workers', '1', '--out', keepOut, '--quiet'])).toBe(0);
  expect(
    await run([input, '--method', 'ses', '--workers', '1', '--outliers', 'adjust', '--out', adjustOut, '--quiet']),
  ).toBe(0);
  const keep = JSON.parse(fs.readFileSync(keepOut, 'utf8'));
  const adjust = JSON.parse(fs.readFileSync(adjustOut, 'utf8'));
  expect(Object.keys(adjust)).toEqual(Object.keys(keep));
  expect(Object.keys(adjust.forecasts[0])).toEqual(Object.keys(keep.forecasts[0]));
  expect(adjust.forecasts[0].mean[0]).toBeLessThan(keep.forecasts[0].mean[0]);
  expect(await run([input, '--outliers', 'remove'])).toBe(2);
  expect(io.stderr).toMatch(/--outliers must be keep or adjust/);
  expect(io.stderr).toMatch(/--outliers keep\|adjust/);
});

test('--method arima: automatic ARIMA for every series, the model in R notation', async () => {
  const out = path.join(dir, 'arima.json');
  expect(
    await run([write('d-arima.json', dataset), '--method', 'arima', '--workers', '1', '--out', out, '--quiet']),
  ).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(result.forecasts.map((f: { id: string }) => f.id)).toEqual(['a', 'b']);
  for (const f of result.forecasts) {
    expect(f.method).toMatch(/^ARIMA\(\d,\d,\d\)/);
    expect(f.mean).toHaveLength(6);
    f.mean.forEach((v: number, i: number) => expect(v).toBeLessThanOrEqual(f.hi95[i]));
  }
}, 60000);

test('says in each series’ notes when a seasonal method ran without a season', async () => {
  const out = path.join(dir, 'notes.json');
  const flat = { ...dataset, series: [{ id: 'f', values: Array.from({ length: 36 }, (_, t) => 50 + (t % 3)) }] };
  expect(await run([write('n.json', flat), '--method', 'hw', '--seasonality', '1', '--out', out, '--quiet'])).toBe(0);
  const [f] = JSON.parse(fs.readFileSync(out, 'utf8')).forecasts;
  expect(f.notes).toEqual([
    'hw is a seasonal method, but seasonality 1 (none) was given: it ran as AAN instead of AAA.',
  ]);
});

it('lists every method in --help', async () => {
  expect(await run(['--help'])).toBe(0);
  const line = io.stdout.split('\n').find((l) => l.trim().startsWith('--method')) ?? '';
  for (const method of FORECAST_METHODS) expect(line).toContain(method);
  expect(line).toContain('theta');
});
