/**
 * Determinism across engines: the same esbuild bundle of src/scenario runs the standard model in
 * Node (vm context) and in headless Debian Chromium (playwright-core); the summary JSON and a hash of
 * every trial value must be byte-identical, and equal to the TypeScript run under jest.
 *
 * Run: npx jest -c jest.e2e.config.js --testMatch '<rootDir>/test/scenario/**\/*.e2e.ts'
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { runScenarioDetailed } from '../../src/scenario/run';
import { ScenarioSpec } from '../../src/scenario/spec';
import { inconsistentCorrelation } from './inconsistent-correlation';

const ROOT = path.resolve(__dirname, '..', '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const spec = {
  ...(JSON.parse(
    fs.readFileSync(path.join(ROOT, '..', 'shared', 'bench', 'mc-standard.json'), 'utf8'),
  ) as ScenarioSpec),
  iterations: 20000,
};

/** Evaluated identically in every engine: run, drop timings, FNV-1a hash of each output's bytes. */
const FINGERPRINT = `(spec) => {
  const run = OpenFpaScenario.runScenarioDetailed(spec);
  const hashes = run.simulation.outputColumns.map((column) => {
    const bytes = new Uint8Array(column.buffer, column.byteOffset, column.byteLength);
    let h = 0x811c9dc5;
    for (let i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193); }
    return (h >>> 0).toString(16);
  });
  return JSON.stringify({ ...run.result, timings: undefined, hashes });
}`;

/** Every family, Monte Carlo sampling, and a model using EXP, LN, POWER, ^ and ROUND. */
const allFamilies: ScenarioSpec = {
  drivers: [
    { name: 'n', distribution: 'normal', params: { mean: 1, sd: 0.2 } },
    { name: 'tn', distribution: 'truncnormal', params: { mean: 0, sd: 1, min: -0.5, max: 2 } },
    { name: 'ln', distribution: 'lognormal', params: { mean: 3, sd: 1 } },
    { name: 'ln2', distribution: 'lognormal2', params: { mu: 0, sigma: 0.3 } },
    { name: 'u', distribution: 'uniform', params: { min: 0, max: 1 } },
    { name: 'tri', distribution: 'triangular', params: { min: 0, mode: 1, max: 3 } },
    { name: 'pe', distribution: 'pert', params: { min: 0, mode: 2, max: 10 } },
    { name: 'be', distribution: 'beta', params: { alpha: 0.7, beta: 2.5 } },
    { name: 'ga', distribution: 'gamma', params: { shape: 0.4, scale: 2 } },
    { name: 'st', distribution: 'student', params: { df: 4 } },
    { name: 'di', distribution: 'discrete', params: { values: [1, 2, 3], probabilities: [0.2, 0.5, 0.3] } },
    { name: 'bn', distribution: 'bernoulli', params: { p: 0.4 } },
    { name: 'po', distribution: 'poisson', params: { lambda: 30 } },
  ],
  correlation: inconsistentCorrelation(['n', 'ga', 'st']),
  model:
    'a = EXP(n) * LN(ln) + POWER(pe, 1.5) + tri ^ 2.2\nb = ROUND(a * be + ga - st, 2) + tn + ln2 + u + di + bn + po',
  iterations: 5000,
  seed: 2026,
  sampling: 'mc',
};

let bundle: string;
let browser: Browser;

beforeAll(async () => {
  const out = await build({
    entryPoints: [path.join(ROOT, 'src/scenario/run.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'OpenFpaScenario',
    platform: 'browser',
    target: 'es2022',
    write: false,
  });
  bundle = out.outputFiles[0].text;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

it.each([
  ['the standard model (20,000 LHS trials)', spec],
  ['every family, MC, repaired correlation, EXP/LN/POWER', allFamilies],
])('gives byte-identical trials and statistics in Node and Chromium: %s', async (_, spec) => {
  const context = vm.createContext({ performance, setTimeout, console });
  vm.runInContext(bundle, context);
  const inNode = vm.runInContext(`(${FINGERPRINT})(${JSON.stringify(spec)})`, context) as string;

  const page = await browser.newPage();
  await page.addScriptTag({ content: bundle });
  const inChromium = await page.evaluate(`(${FINGERPRINT})(${JSON.stringify(spec)})`);
  await page.close();
  const version = browser.version();
  process.stderr.write(
    `Node ${process.version} (V8 ${process.versions.v8}) vs Chromium ${version}: ${inNode === inChromium ? 'identical' : 'DIFFERENT'}\n`,
  );
  expect(inChromium).toBe(inNode);

  // And the bundle equals the TypeScript source run directly.
  const direct = runScenarioDetailed(spec);
  expect(JSON.parse(inNode).outputs).toEqual(JSON.parse(JSON.stringify(direct.result.outputs)));
});
