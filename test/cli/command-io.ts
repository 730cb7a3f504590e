/**
 * What the command tests share: a temporary folder for input files, and the command's stdout and
 * stderr captured per test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A temporary folder removed after the file's tests; `write` puts JSON (or raw text) in it. */
export function inputFolder(prefix: string): { dir: string; write: (name: string, content: unknown) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write: (name, content) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
      return file;
    },
  };
}

/** Captures process.stdout and process.stderr for each test. */
export function captureOutput(): { readonly stdout: string; readonly stderr: string } {
  const seen = { stdout: '', stderr: '' };
  beforeEach(() => {
    seen.stdout = '';
    seen.stderr = '';
    for (const stream of ['stdout', 'stderr'] as const) {
      jest.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
        seen[stream] += String(chunk);
        return true;
      });
    }
  });
  afterEach(() => jest.restoreAllMocks());
  return seen;
}

/** One test per command line that must be refused as a bad command line (exit 2); the empty line is always one. */
export function badCommandLines(run: (args: string[]) => Promise<number>, lines: string[][]): void {
  test.each([[], ...lines].map((line) => [line.join(' ') || '(none)', line] as const))(
    'a bad command line exits 2: %s',
    async (_shown, line) => {
      expect(await run([...line])).toBe(2);
    },
  );
}
