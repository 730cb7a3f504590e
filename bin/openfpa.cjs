#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx, so `npx openfpa` works on a fresh clone without a build.
require('tsx/cjs/api').register();
const { main } = require('../cli/main.ts');
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`openfpa: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
