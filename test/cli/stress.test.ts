import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../cli/commands/stress';
import { stressTest } from '../../src/cash/stress-test';
import { captureOutput, inputFolder } from './command-io';

const { dir, write } = inputFolder('openfpa-stress-');
const io = captureOutput();

const input = {
  openingCash: 100,
  minCash: 50,
  flows: [-80, -30, 60, 40],
  creditLine: { limit: 60, rate: 0.1 },
  shocks: [
    { name: 'late', kind: 'delay', days: 30 },
    { name: 'line halved', kind: 'credit', pct: -0.5 },
    { name: 'fine', kind: 'outflow', amount: 20, period: 3 },
  ],
};

test('writes the base case and every shock, as stressTest computes them', async () => {
  const out = path.join(dir, 'result.json');
  expect(await run([write('stress.json', input), '--out', out])).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  const { shocks, ...base } = input;
  expect(result).toEqual({ scenarios: JSON.parse(JSON.stringify(stressTest(base, shocks as never))) });
  expect(result.scenarios.map((s: { name: string }) => s.name)).toEqual(['base', 'late', 'line halved', 'fine']);
  expect(io.stderr).toMatch(/4 periods, 3 shocks; below the minimum: /);
});

test('a malformed input exits 1 naming the field; a bad command line exits 2', async () => {
  expect(await run([write('bad.json', { ...input, shocks: [{ name: 'x', kind: 'meteor' }] })])).toBe(1);
  expect(io.stderr).toMatch(/shocks\[1\]\.kind must be one of revenue, delay, outflow, credit/);
  expect(await run([write('bad2.json', { ...input, flows: [1, 'a'] })])).toBe(1);
  expect(io.stderr).toMatch(/flows\[2\] must be a number/);
  expect(await run([])).toBe(2);
  expect(await run(['a.json', '--bogus'])).toBe(2);
});
