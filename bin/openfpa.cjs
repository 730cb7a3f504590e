#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so `npx openfpa` works on a fresh clone without a
// build: the loader handles require() and import() of .ts files and ESM-only packages such as glpk.js.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const loader = pathToFileURL(require.resolve('tsx')).href;
const main = path.join(__dirname, '..', 'cli', 'main.ts');
const run = spawnSync(process.execPath, ['--import', loader, main, ...process.argv.slice(2)], { stdio: 'inherit' });
if (run.error) {
  process.stderr.write(`openfpa: ${run.error.message}\n`);
  process.exit(1);
}
process.exit(run.status ?? 1);
