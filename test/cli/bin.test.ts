/**
 * The `openfpa` executable as users and benchmarks run it (`npx openfpa ...`): it must start from a
 * fresh clone without a build, dispatch each command, and exit 2 on a bad command line.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const bin = path.resolve(__dirname, '..', '..', 'bin', 'openfpa.cjs');
const openfpa = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd: os.tmpdir() });

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

it('runs a forecast end to end from any directory', () => {
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
}, 60_000);
