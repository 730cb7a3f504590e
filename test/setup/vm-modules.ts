/**
 * Tests that load glpk.js (ES-module only) need jest under `node --experimental-vm-modules`. Run the
 * natural way (`npx jest test/x.test.ts`) they fail with "You need to run with a version of node
 * that supports ES Modules in the VM API"; say how to run one file instead, once per test file.
 */
import vm from 'node:vm';

if (!('SourceTextModule' in vm)) {
  process.stderr.write(
    'Note: jest runs without --experimental-vm-modules, so tests that load glpk.js fail. Run one file with\n' +
      '  npm run test:unit -- test/path/to/file.test.ts   (browser tests: npm run test:e2e -- test/e2e/file.e2e.ts)\n',
  );
}
