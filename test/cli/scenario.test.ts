import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, runScenarioSpecWithTrials } from '../../cli/commands/scenario';
import { badCommandLines, captureOutput, inputFolder } from './command-io';

const { dir, write: spec } = inputFolder('openfpa-scenario-');
const io = captureOutput();

/** Two correlated drivers and revenue. */
const PRICE_VOLUME = {
  drivers: [
    { name: 'price', distribution: 'normal', params: { mean: 130, sd: 10 } },
    { name: 'volume', distribution: 'lognormal', params: { mean: 50000, sd: 12000 } },
  ],
  correlation: {
    names: ['price', 'volume'],
    matrix: [
      [1, -0.5],
      [-0.5, 1],
    ],
  },
  model: 'revenue = price * volume',
};

describe('openfpa scenario', () => {
  test('writes the result shape of mc-standard.md to --out', async () => {
    const file = spec('ok.json', {
      ...PRICE_VOLUME,
      iterations: 2000,
      seed: 42,
      percentiles: [5, 50, 95],
    });
    const out = join(dir, 'out.json');
    expect(await run([file, '--out', out, '--quiet'])).toBe(0);
    const result = JSON.parse(readFileSync(out, 'utf8'));
    expect(Object.keys(result).sort()).toEqual(['achievedCorrelation', 'outputs', 'timings']);
    expect(Object.keys(result.outputs.revenue.percentiles)).toEqual(['5', '50', '95']);
    expect(result.achievedCorrelation.names).toEqual(['price', 'volume']);
    expect(result.achievedCorrelation.matrix[0][1]).toBeCloseTo(-0.5, 1);
  });

  test('--workers: a run on worker threads and this one gives the same result file as one thread', async () => {
    const standard = JSON.parse(readFileSync(join(__dirname, '../../../shared/bench/mc-standard.json'), 'utf8'));
    const body = { ...standard, iterations: 6000, blockSize: 1500, sensitivity: true };
    const file = spec('standard.json', body);
    const out = join(dir, 'workers-1.json');
    expect(await run([file, '--out', out, '--quiet', '--workers', '1'])).toBe(0);
    const one = JSON.stringify({ ...JSON.parse(readFileSync(out, 'utf8')), timings: undefined });
    // 6,000 trials are too few to start workers for; a lowered threshold sends them to two helpers.
    const spread = await runScenarioSpecWithTrials(body, 3, () => undefined, false, 1000);
    expect(JSON.stringify({ ...spread.result, timings: undefined })).toBe(one);
    expect(await run([file, '--workers', '0'])).toBe(2);
    // Starting a worker loads the TypeScript sources through tsx: slow under jest, not a clock race.
  }, 120_000);

  test('--sipmath writes the 3.0 library of drivers and outputs beside the same result', async () => {
    const file = spec('sip.json', {
      ...PRICE_VOLUME,
      iterations: 3000,
      seed: 3,
    });
    const plain = join(dir, 'plain.json');
    const withLibrary = join(dir, 'with-library.json');
    const library = join(dir, 'library.json');
    expect(await run([file, '--out', plain, '--quiet'])).toBe(0);
    expect(await run([file, '--out', withLibrary, '--sipmath', library, '--quiet'])).toBe(0);
    const strip = (f: string) => JSON.stringify({ ...JSON.parse(readFileSync(f, 'utf8')), timings: undefined });
    expect(strip(withLibrary)).toBe(strip(plain));
    const lib = JSON.parse(readFileSync(library, 'utf8'));
    expect(lib).toMatchObject({ libraryType: 'SIPmath_3_0', objectType: 'sipModel', name: 'library' });
    expect(lib.sips.map((s: { name: string }) => s.name)).toEqual(['price', 'volume', 'revenue']);
    expect(lib.U01.copula[0].copulaLayer).toEqual(['c1', 'c2', 'c3']);
    expect(lib.sips[1].metadata.count).toBe(3000);
  });

  test('invalid spec → message on stderr, exit 1', async () => {
    const file = spec('bad.json', {
      drivers: [{ name: 'm', distribution: 'pert', params: { min: 3, mode: 1, max: 2 } }],
      model: 'x = m',
    });
    expect(await run([file])).toBe(1);
    expect(io.stderr).toContain('PERT: min must be ≤ mode ≤ max');
  });

  test('malformed JSON and missing file → exit 1', async () => {
    expect(await run([spec('broken.json', '{"drivers": [')])).toBe(1);
    expect(io.stderr).toContain('is not valid JSON');
    expect(await run([join(dir, 'nope.json')])).toBe(1);
    expect(io.stderr).toMatch(/cannot read .*nope.json: ENOENT/);
  });

  badCommandLines(run, [
    ['a.json', '--frobnicate'],
    ['a.json', '--out'],
  ]);
});
