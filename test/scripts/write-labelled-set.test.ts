/**
 * The labelled budget sets' shared command line (scripts/write-labelled-set.ts): the arguments reach
 * the generator as numbers, and the set and its labels land in the two named files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeLabelledSet } from '../../scripts/write-labelled-set';

describe('writeLabelledSet', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'labelled-set-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('writes make(seed, lines) as the budget file and the labels file, in a folder it creates', () => {
    const calls: [number, number][] = [];
    const make = (seed: number, count: number) => {
      calls.push([seed, count]);
      return { budget: { periods: ['2024-01'], lines: [{ id: 'L1' }] }, labels: [{ line: 'L1' }, { line: 'L2' }] };
    };
    const said: unknown[] = [];
    const write = jest.spyOn(process.stderr, 'write').mockImplementation((text) => said.push(text) > 0);
    const dir = join(root, 'nested', 'set');
    try {
      writeLabelledSet(['7', '3', dir], make, { budget: 'b.json', labels: 'l.json' });
    } finally {
      write.mockRestore();
    }
    expect(calls).toEqual([[7, 3]]);
    expect(readdirSync(dir).sort()).toEqual(['b.json', 'l.json']);
    expect(readFileSync(join(dir, 'b.json'), 'utf8')).toBe('{"periods":["2024-01"],"lines":[{"id":"L1"}]}');
    expect(JSON.parse(readFileSync(join(dir, 'l.json'), 'utf8'))).toEqual({
      seed: 7,
      lines: 3,
      events: [{ line: 'L1' }, { line: 'L2' }],
    });
    expect(said).toEqual([`wrote 3 lines and 2 events to ${dir}\n`]);
  });

  test('a fourth argument is the sheet length, passed on as a number; without it the generator chooses', () => {
    const calls: unknown[][] = [];
    const make = (...args: unknown[]) => {
      calls.push(args);
      return { budget: {}, labels: [] };
    };
    const write = jest.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      writeLabelledSet(['7', '3', join(root, 'a'), '24'], make, { budget: 'b.json', labels: 'l.json' });
      writeLabelledSet(['7', '3', join(root, 'b')], make, { budget: 'b.json', labels: 'l.json' });
    } finally {
      write.mockRestore();
    }
    expect(calls).toEqual([
      [7, 3, 24],
      [7, 3, undefined],
    ]);
  });
});
