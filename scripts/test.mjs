#!/usr/bin/env node
// `npm test`: everything a change must pass, in order of cost:
//   type check → lint (layering) → format → unit, adapter and UI tests (jest) → manifest validation → production build →
//   built-manifest validation → browser end-to-end tests (real Chromium) → backend tests.
// It installs what a fresh machine lacks (npm packages; Debian packages when run as root) and ends
// with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'openfpa-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
/** Skipped tests per jest run, to say how to enable them. */
const skippedBy = {};
const steps = [];

function run(label, command, args, options = {}) {
  const started = Date.now();
  console.log(`\n▶ ${label}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...options.env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = result.status === 0;
  steps.push({ label, ok, seconds });
  console.log(`${ok ? '✓' : '✗'} ${label} (${seconds} s)`);
  return ok;
}

function countJest(file, name) {
  if (!fs.existsSync(file)) return false;
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += report.numPassedTests;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  totals.skipped += skipped;
  skippedBy[name] = skipped;
  totals.failed += report.numFailedTests + (report.numRuntimeErrorTestSuites ?? 0);
  return true;
}

function jest(label, configArgs, name) {
  const out = path.join(resultsDir, `${name}.json`);
  // --experimental-vm-modules lets jest load ESM-only packages (glpk.js) through dynamic import().
  const ok = run(label, process.execPath, [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    bin('jest'),
    '--ci',
    ...configArgs,
    '--json',
    `--outputFile=${out}`,
  ]);
  if (!countJest(out, name) && !ok) totals.failed += 1;
  return ok;
}

function check(label, command, args, options) {
  const ok = run(label, command, args, options);
  if (ok) totals.passed += 1;
  else totals.failed += 1;
  return ok;
}

// `npm test -- <files or folders>`: only those tests, through jest as `npm run test:unit` and
// `npm run test:e2e` run them (browser tests, *.e2e.ts, with the e2e config against the built dist/),
// not the whole suite with its installs and build.
const only = process.argv.slice(2);
if (only.length > 0) {
  const browser = only.filter((f) => /\.e2e\.ts$/.test(f) || /(^|\/)test\/e2e(\/|$)/.test(f));
  const unit = only.filter((f) => !browser.includes(f));
  console.log(`Running only ${only.join(', ')} ("npm test" alone runs everything).`);
  const ok = [
    unit.length === 0 || jest('unit, adapter and UI tests (jest)', [...unit], 'unit'),
    browser.length === 0 ||
      jest('browser end-to-end tests (Chromium)', ['-c', 'jest.e2e.config.js', ...browser], 'e2e'),
  ].every(Boolean);
  console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(ok && totals.failed === 0 ? 0 : 1);
}

if (!fs.existsSync(bin('jest'))) run('install npm packages (npm ci)', 'npm', ['ci']);
check('system packages', 'bash', [path.join(root, 'scripts', 'system-deps.sh')]);
check('type check (tsc --noEmit)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint: layering and house rules (eslint)', bin('eslint'), ['.']);
check('format (prettier --check)', bin('prettier'), ['--check', '--log-level', 'warn', '.']);
jest('unit, adapter and UI tests (jest)', [], 'unit');
check('manifest validation (npm run validate)', process.execPath, ['scripts/validate-manifest.mjs']);
const built = check('production build (npm run build)', bin('webpack'), ['--mode', 'production']);
if (built) {
  check('built manifest validation', process.execPath, [
    'scripts/validate-manifest.mjs',
    'dist/manifest.xml',
    '--dist',
    'dist',
  ]);
  jest('browser end-to-end tests (Chromium)', ['-c', 'jest.e2e.config.js'], 'e2e');
}
if (fs.existsSync(path.join(root, 'jest.server.config.js')))
  jest('backend tests', ['-c', 'jest.server.config.js'], 'server');

console.log('\nsummary');
for (const step of steps) console.log(`  ${step.ok ? '✓' : '✗'} ${step.label} (${step.seconds} s)`);
// Say what was skipped and how to run it, on the last line where a reader looks.
const enable = [];
// The backend tests skip themselves without PostgreSQL (test/server/helpers.ts), in whichever jest run holds them.
if (totals.skipped > 0 && !process.env.DATABASE_URL)
  enable.push(
    'the backend tests skip without PostgreSQL: set DATABASE_URL (e.g. DATABASE_URL=postgres://openfpa:openfpa@127.0.0.1:5432/openfpa npm test)',
  );
else if (totals.skipped > 0) enable.push('skipped in the test files themselves (it.skip/todo)');
console.log(
  `tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped${enable.length ? ` (${enable.join('; ')})` : ''}`,
);
process.exit(totals.failed === 0 && steps.every((s) => s.ok) ? 0 : 1);
