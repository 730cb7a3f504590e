/**
 * The `openfpa` executable as users and benchmarks run it (`node bin/openfpa.cjs ...`): it runs the
 * bundle `npm ci` builds (dist-cli/openfpa.cjs), rebuilds it when a source is newer, gives the same
 * output from the TypeScript sources (the fallback), dispatches each command, prints its version,
 * and exits 2 on a bad command line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const bin = path.join(ROOT, 'bin', 'openfpa.cjs');
const openfpa = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: os.tmpdir() });
const fromSource = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: os.tmpdir(),
    env: { ...process.env, OPENFPA_FROM_SOURCE: '1' },
  });
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the build script is CommonJS, as bin/ uses it
const build = require('../../scripts/build-cli.cjs') as {
  buildCli: () => Promise<string>;
  bundleIsFresh: () => boolean;
  BUNDLE: string;
};

it('prints the package version, from the bundle and from the sources', () => {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const bundled = openfpa('--version');
  expect(bundled.status).toBe(0);
  expect(bundled.stdout).toBe(`${version}\n`);
  expect(build.bundleIsFresh()).toBe(true);
  expect(fromSource('-v').stdout).toBe(`${version}\n`);
}, 60_000);

it('rebuilds a bundle older than its sources before running it', async () => {
  if (!build.bundleIsFresh()) await build.buildCli();
  const source = path.join(ROOT, 'cli', 'version.ts');
  const { atime, mtime } = fs.statSync(source);
  const now = Date.now();
  try {
    // The bundle a minute old, a source edited since.
    fs.utimesSync(build.BUNDLE, new Date(now - 60_000), new Date(now - 60_000));
    fs.utimesSync(source, atime, new Date(now - 30_000));
    expect(build.bundleIsFresh()).toBe(false);
    expect(openfpa('--version').status).toBe(0);
    expect(build.bundleIsFresh()).toBe(true);
    expect(fs.statSync(build.BUNDLE).mtimeMs).toBeGreaterThan(now - 30_000);
  } finally {
    fs.utimesSync(source, atime, mtime);
  }
}, 60_000);

it('prints usage and exits 2 without a command, 0 for --help', () => {
  expect(openfpa().status).toBe(2);
  const help = openfpa('--help');
  expect(help.status).toBe(0);
  for (const command of ['forecast', 'scenario', 'cash', 'flags']) expect(help.stdout).toContain(`openfpa ${command}`);
});

it('rejects an unknown command with exit 2', () => {
  const run = openfpa('budgetz');
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/unknown command "budgetz"/);
});

it('runs a forecast end to end from any directory, the same from the bundle and from the sources', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-bin-'));
  const dataset = path.join(dir, 'data.json');
  const out = path.join(dir, 'out.json');
  const values = Array.from({ length: 48 }, (_, t) => 100 + 0.1 * t + 40 * Math.sin((2 * Math.PI * t) / 12));
  fs.writeFileSync(dataset, JSON.stringify({ name: 't', frequency: 12, horizon: 6, series: [{ id: 'A', values }] }));
  const run = openfpa('forecast', dataset, '--method', 'snaive', '--out', out);
  expect(run.stderr).not.toMatch(/Error/);
  expect(run.status).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8')) as { forecasts: { id: string; mean: number[] }[] };
  // seasonal naive repeats the last season: the forecast for step h is the value 12 periods earlier
  expect(result.forecasts[0].id).toBe('A');
  expect(result.forecasts[0].mean).toEqual(values.slice(36, 42));
  // Start-up and work are timed apart, on stderr.
  expect(run.stderr).toMatch(/forecast: start-up \d+ ms, work \d+ ms/);
  const again = path.join(dir, 'again.json');
  const source = fromSource('forecast', dataset, '--method', 'snaive', '--out', again, '--quiet');
  expect(source.status).toBe(0);
  expect(fs.readFileSync(again, 'utf8')).toBe(fs.readFileSync(out, 'utf8'));
}, 60_000);

it('forecasts on worker threads that run the bundle itself, byte-identical to one thread', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-bin-workers-'));
  const dataset = path.join(dir, 'data.json');
  const series = Array.from({ length: 10 }, (_, i) => ({
    id: `s${i}`,
    values: Array.from({ length: 36 }, (_, t) => 50 + i + t * (1 + i / 10) + 9 * Math.sin((2 * Math.PI * t) / 12)),
  }));
  fs.writeFileSync(dataset, JSON.stringify({ frequency: 12, horizon: 6, series }));
  const outs = ['1', '3'].map((workers) => {
    const out = path.join(dir, `w${workers}.json`);
    const run = openfpa('forecast', dataset, '--method', 'theta', '--workers', workers, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(workers === '1' ? /in [\d.]+ s \(one thread\)/ : /in [\d.]+ s \(3 worker threads\)/);
    return fs.readFileSync(out, 'utf8');
  });
  expect(outs[1]).toBe(outs[0]);
  expect((JSON.parse(outs[0]) as { forecasts: unknown[] }).forecasts).toHaveLength(10);
}, 60_000);
