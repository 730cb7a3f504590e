/**
 * What the command tests share: a temporary folder for input files, the command's stdout and
 * stderr captured per test, and the tests every command owes for bad command lines and input files.
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

/**
 * One test per input file the command cannot use (exit 1, `openfpa <command>: ` and the message on
 * stderr), and one for a file that is not there (exit 1). `what` names the input in the test names.
 */
export function badInputFiles(
  run: (args: string[]) => Promise<number>,
  folder: ReturnType<typeof inputFolder>,
  io: { readonly stderr: string },
  command: { name: string; what: string },
  cases: Array<readonly [string, unknown]>,
): void {
  // The message names the file once (not "a.json: a.json is not valid JSON").
  const namedOnce = (file: string): void => expect(io.stderr.split(file)).toHaveLength(2);
  test.each(cases)(`malformed ${command.what} (%s): message on io.stderr, exit 1`, async (_name, content) => {
    const file = folder.write('bad.json', content);
    expect(await run([file])).toBe(1);
    expect(io.stderr).toMatch(new RegExp(`openfpa ${command.name}: `));
    namedOnce(file);
  });

  test('a missing file exits 1', async () => {
    const file = path.join(folder.dir, 'nope.json');
    expect(await run([file])).toBe(1);
    namedOnce(file);
  });
}
