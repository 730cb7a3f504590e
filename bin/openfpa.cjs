#!/usr/bin/env node
// The `openfpa` executable. Fast path: the bundled CLI, dist-cli/openfpa.cjs (built by `npm ci` /
// `npm install` through the package's `prepare` script, or `npm run build:cli`), run in this process.
// When a source is newer than the bundle it is rebuilt first (esbuild, a few hundred ms, once);
// where that cannot be done (no esbuild, read-only folder) or OPENFPA_FROM_SOURCE=1 is set, the
// TypeScript sources run through tsx's loader in a child process, as before the bundle existed.
'use strict';
const path = require('node:path');

const argv = process.argv.slice(2);

async function fromBundle() {
  if (process.env.OPENFPA_FROM_SOURCE) return null;
  try {
    const build = require('../scripts/build-cli.cjs');
    if (!build.bundleIsFresh()) await build.buildCli();
    return require(build.BUNDLE);
  } catch {
    return null;
  }
}

function fromSource() {
  const { spawnSync } = require('node:child_process');
  const { pathToFileURL } = require('node:url');
  const loader = pathToFileURL(require.resolve('tsx')).href;
  const main = path.join(__dirname, '..', 'cli', 'main.ts');
  // Start-up is counted from this process's start (cli/command.ts reads it).
  const env = { ...process.env, OPENFPA_STARTED_AT: String(performance.timeOrigin) };
  const run = spawnSync(process.execPath, ['--import', loader, main, ...argv], { stdio: 'inherit', env });
  if (run.error) {
    process.stderr.write(`openfpa: ${run.error.message}\n`);
    process.exit(1);
  }
  process.exit(run.status ?? 1);
}

fromBundle().then((bundle) => {
  if (!bundle) return fromSource();
  return bundle.main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`openfpa: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
});
