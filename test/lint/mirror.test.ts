/**
 * Tests mirror src/: every source file has its test at the mirrored path, or test/README.md names the
 * group test that covers it (or says it holds only types or re-exports). Keeps the README's table true
 * in both directions: no source file forgotten, no row pointing at a test or file that is gone.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.ts$/.test(entry) && !/\.d\.ts$/.test(entry) ? [relative(ROOT, full).split('\\').join('/')] : [];
  });
}

const mirrored = (file: string): boolean =>
  ['.test.ts', '.test.tsx'].some((ext) => existsSync(join(ROOT, 'test', file.slice(4, -3) + ext)));

function readmeRows(): Map<string, string> {
  const rows = new Map<string, string>();
  const text = readFileSync(join(ROOT, 'test', 'README.md'), 'utf8');
  for (const match of text.matchAll(/^\| `(src\/[^`]+)` \| (.+?) \|$/gm))
    rows.set(match[1], match[2].replace(/`/g, ''));
  return rows;
}

describe('tests mirror src/', () => {
  const rows = readmeRows();
  const files = sourceFiles(join(ROOT, 'src'));

  test('every source file has its mirrored test or a row in test/README.md', () => {
    const missing = files.filter((file) => !mirrored(file) && !rows.has(file));
    expect(missing).toEqual([]);
  });

  test('every row of test/README.md names a source file that exists and a test that exists', () => {
    const stale = [...rows].filter(
      ([file, coveredBy]) =>
        !existsSync(join(ROOT, file)) ||
        (coveredBy !== 'types only' && coveredBy !== 're-exports' && !existsSync(join(ROOT, coveredBy))),
    );
    expect(stale).toEqual([]);
  });

  test('a row for a file that now has its mirrored test is removed', () => {
    expect([...rows.keys()].filter((file) => existsSync(join(ROOT, file)) && mirrored(file))).toEqual([]);
  });
});
