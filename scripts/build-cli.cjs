#!/usr/bin/env node
// Bundles the `openfpa` command line into one CommonJS file, dist-cli/openfpa.cjs, so the CLI starts
// without compiling TypeScript: bin/openfpa.cjs requires it in its own process. `npm ci` and
// `npm install` build it through the package's `prepare` script; bin/openfpa.cjs rebuilds it when a
// source is newer than the bundle (and runs the sources through tsx when esbuild is not installed).
//
// It also links node_modules/.bin/openfpa to bin/openfpa.cjs (see linkBin).
// dist-cli/inputs.json lists the files the bundle was built from, for that freshness check.
// glpk.js/node goes into the bundle too (so Node's ES-module loader never starts, about 20 ms), with
// its three `import.meta.url` (how it finds glpk.wasm beside itself) pointed at its file in node_modules.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'dist-cli');
const BUNDLE = path.join(OUT_DIR, 'openfpa.cjs');
const INPUTS = path.join(OUT_DIR, 'inputs.json');
/** Files that shape the bundle besides its modules. */
const ALSO = ['package.json', 'scripts/build-cli.cjs'];

/** Loads glpk.js's Node entry with `import.meta.url` resolved, when first used, to its own file. */
const glpkInline = {
  name: 'glpk-inline',
  setup(build) {
    build.onLoad({ filter: /[\\/]glpk\.js[\\/]dist[\\/]glpk\.js$/ }, (args) => {
      const text = fs.readFileSync(args.path, 'utf8').replaceAll('import.meta.url', '__glpkFileUrl()');
      const helper =
        "const __glpkFileUrl = () => require('node:url').pathToFileURL(require('node:module').createRequire(__filename).resolve('glpk.js/node')).href;\n";
      return { contents: helper + text, loader: 'js' };
    });
  },
};

/** esbuild options for a CommonJS bundle of `entry` as the CLI is built (bench/cli.ts reuses them). */
function bundleOptions(entry, outfile) {
  const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [glpkInline],
    define: { OPENFPA_BUNDLED: 'true', OPENFPA_VERSION: JSON.stringify(version) },
    minifyWhitespace: true,
    minifySyntax: true,
    keepNames: true,
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: ROOT,
  };
}

/** Builds the bundle and resolves to its path; writes are atomic renames. */
async function buildCli() {
  const esbuild = require('esbuild');
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const tmp = path.join(OUT_DIR, `.openfpa-${process.pid}-${Date.now()}.cjs`);
  try {
    const result = await esbuild.build(bundleOptions(path.join(ROOT, 'cli', 'bundle.ts'), tmp));
    const inputs = Object.keys(result.metafile.inputs).filter((f) => !f.startsWith('node_modules/'));
    const inputsTmp = `${tmp}.inputs.json`;
    fs.writeFileSync(inputsTmp, JSON.stringify([...inputs, ...ALSO]) + '\n');
    fs.renameSync(inputsTmp, INPUTS);
    fs.renameSync(tmp, BUNDLE);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return BUNDLE;
}

/** True when the bundle exists and no input is newer than it. */
function bundleIsFresh() {
  let built;
  let inputs;
  try {
    built = fs.statSync(BUNDLE).mtimeMs;
    inputs = JSON.parse(fs.readFileSync(INPUTS, 'utf8'));
  } catch {
    return false;
  }
  for (const file of inputs) {
    try {
      if (fs.statSync(path.join(ROOT, file)).mtimeMs > built) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Links node_modules/.bin/openfpa to bin/openfpa.cjs (npm links the bins of dependencies, not the
 * project's own), so `npx openfpa` and `./node_modules/.bin/openfpa` find it without installing the
 * project into npx's cache on every call.
 */
function linkBin() {
  const dir = path.join(ROOT, 'node_modules', '.bin');
  if (process.platform === 'win32' || !fs.existsSync(dir)) return;
  const link = path.join(dir, 'openfpa');
  const target = path.relative(dir, path.join(ROOT, 'bin', 'openfpa.cjs'));
  try {
    if (fs.readlinkSync(link) === target) return;
  } catch {
    // absent, or not a link: (re)made below
  }
  fs.rmSync(link, { force: true });
  fs.symlinkSync(target, link);
}

module.exports = { buildCli, bundleIsFresh, bundleOptions, linkBin, BUNDLE };

if (require.main === module) {
  const started = Date.now();
  buildCli().then(() => {
    linkBin();
    const size = (fs.statSync(BUNDLE).size / 1024).toFixed(0);
    console.log(`openfpa CLI bundled: ${path.relative(ROOT, BUNDLE)} (${size} KiB) in ${Date.now() - started} ms`);
  });
}
