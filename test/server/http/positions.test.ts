import { fieldPath, item } from '../../../server/http/positions';

describe('positions in messages count from 1, as the pane and the CLI count', () => {
  it('names the first item [1]', () => {
    expect(item('lines', 0)).toBe('lines[1]');
    expect(item('flags', 999)).toBe('flags[1000]');
  });
  it('reads a JSON Pointer (from 0) as a field counted from 1', () => {
    expect(fieldPath('body', '/lines/0/period', { lines: [{ period: 'x' }] })).toBe('body.lines[1].period');
    expect(fieldPath('body', '/lines/11/before')).toBe('body.lines[12].before');
    expect(fieldPath('body', '')).toBe('body');
    expect(fieldPath('querystring', '/limit')).toBe('querystring.limit');
  });
  it('counts only an array’s items: a key of digits or dots stays a key', () => {
    const overrides = { overrides: { '0': { mean: 1 }, 'units.q1': { mean: 2 } } };
    expect(fieldPath('body', '/overrides/0/mean', overrides)).toBe('body.overrides["0"].mean');
    expect(fieldPath('body', '/overrides/units.q1/mean', overrides)).toBe('body.overrides["units.q1"].mean');
    expect(fieldPath('body', '/a~1b/c~0d', { 'a/b': { 'c~d': 1 } })).toBe('body["a/b"]["c~d"]');
  });
});
