#!/usr/bin/env node
// `npm run docs:screenshots`: builds the add-in and runs the layout browser test (test/e2e/layout.e2e.ts)
// with OPENFPA_SCREENSHOTS=docs/screenshots, so the user guide's pictures of every view at 320, 450
// and 800 px, light and dark, are the ones the layout checks just passed on.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

if (!process.argv.includes('--no-build')) run(bin('webpack'), ['--mode', 'production']);
run(
  process.execPath,
  [
    '--experimental-vm-modules',
    '--no-warnings=ExperimentalWarning',
    bin('jest'),
    '-c',
    'jest.e2e.config.js',
    'test/e2e/layout.e2e.ts',
  ],
  { OPENFPA_SCREENSHOTS: path.join('docs', 'screenshots') },
);
console.log('Screenshots written to docs/screenshots/.');
