/**
 * `openfpa loop-step` end to end through the real binary: the protocol on standard input and
 * output, a file argument, malformed input (exit 1, the field named) and a bad command line (exit 2).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { makeOrg, spendOf, kpiOf, stepInput } from '../loop/org';

const bin = path.join(__dirname, '..', '..', 'bin', 'openfpa.cjs');
const run = (args: string[], input?: string) =>
  spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', timeout: 120_000 });

const org = makeOrg(43, 2, 1);
const actual = org.lineIds.map((_, i) =>
  Array.from({ length: 11 }, (_, t) => spendOf(org, i, org.annualPlan[i][t], t)),
);
const kpi = org.kpiBase.map((_, c) => Array.from({ length: 11 }, (_, t) => kpiOf(org, c, (i) => actual[i][t], t)));

describe('openfpa loop-step', () => {
  test('speaks the protocol on stdin/stdout: plan for the window, state, report', () => {
    const input = { ...stepInput(org, org.annualPlan, actual, kpi, 10), window: [11, 11] as [number, number] };
    const r = run(['loop-step'], JSON.stringify(input));
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as {
      plan: Record<string, number[]>;
      state: { version: number };
      report: { month: number };
    };
    expect(out.state.version).toBe(1);
    expect(out.report.month).toBe(10);
    for (const values of Object.values(out.plan)) expect(values).toHaveLength(1);
    const noReport = JSON.parse(run(['loop-step', '-', '--no-report'], JSON.stringify(input)).stdout) as object;
    expect(Object.keys(noReport).sort()).toEqual(['plan', 'state']);
    // --quiet, which README says every command takes, is taken (it was exit 2) and changes nothing:
    // loop-step writes nothing on stderr anyway.
    const quiet = run(['loop-step', '--quiet'], JSON.stringify(input));
    expect({ status: quiet.status, stderr: quiet.stderr, stdout: quiet.stdout }).toEqual({
      status: 0,
      stderr: '',
      stdout: r.stdout,
    });
    expect(r.stderr).toBe('');
  }, 120_000);

  test('malformed input exits 1 naming the field; a bad option exits 2', () => {
    const bad = run(['loop-step'], JSON.stringify({ month: 0 }));
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('monthsPerYear');
    const notJson = run(['loop-step'], 'not json');
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toContain('not valid JSON');
    const option = run(['loop-step', '--balance', '3'], '{}');
    expect(option.status).toBe(2);
    expect(option.stderr).toContain('--balance must be a number from 0 to 1');
    const confidence = run(['loop-step', '--kpi-confidence', '-1'], '{}');
    expect(confidence.status).toBe(2);
    expect(confidence.stderr).toContain('--kpi-confidence must be a number from 0 to 10');
  }, 120_000);

  test('settings that are not an object are refused by name, also with an option that overrides one', () => {
    const input = { ...stepInput(org, org.annualPlan, actual, kpi, 10), window: [11, 11], settings: 'fast' };
    for (const args of [['loop-step'], ['loop-step', '--balance', '0.3']]) {
      const r = run(args, JSON.stringify(input));
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('openfpa loop-step: settings: must be an object');
    }
  }, 120_000);

  test('--kpi-confidence Z sets the step’s settings.kpiConfidence (do no harm: docs/loop.md)', () => {
    // The benchmark's step where the estimate cannot back the move (test/fixtures/loop/README.md).
    const input = readFileSync(path.join(__dirname, '..', 'fixtures', 'loop', 'bench-133-cc1-month17.json'), 'utf8');
    const moved = (args: string[]) =>
      Object.keys((JSON.parse(run(['loop-step', ...args], input).stdout) as { plan: object }).plan);
    expect(moved([])).toEqual(['CC01-A', 'CC01-B']);
    expect(moved(['--kpi-confidence', '1.645'])).toEqual([]);
  }, 120_000);
});
