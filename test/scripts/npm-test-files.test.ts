/**
 * `npm test -- <file>`, the way a newcomer runs one test file: scripts/test.mjs runs just that file
 * through jest (as `npm run test:unit -- <file>` does), not the whole suite with its installs and
 * build, and its last line counts that file's tests.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

it('runs only the test file given, and counts its tests on the last line', () => {
  const run = spawnSync(process.execPath, ['scripts/test.mjs', 'test/format/count-of.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  const out = run.stdout + run.stderr;
  expect(run.status).toBe(0);
  expect(out).toContain('Running only test/format/count-of.test.ts');
  expect(out).not.toMatch(/type check|production build|system packages/);
  expect(run.stdout.trim().split('\n').at(-1)).toMatch(/^tests: [1-9]\d* passed, 0 failed, 0 skipped$/);
}, 60_000);

it('fails when the file matches no test', () => {
  const run = spawnSync(process.execPath, ['scripts/test.mjs', 'test/format/no-such-file.test.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status).toBe(1);
  expect(run.stdout.trim().split('\n').at(-1)).toBe('tests: 0 passed, 1 failed, 0 skipped');
}, 60_000);
