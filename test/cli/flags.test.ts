import * as fs from 'fs';
import * as path from 'path';
import { run } from '../../cli/commands/flags';
import { captureOutput, inputFolder } from './command-io';

const { dir, write } = inputFolder('openfpa-flags-');
const io = captureOutput();

const periods = Array.from({ length: 12 }, (_, t) => `2026-${String(t + 1).padStart(2, '0')}`);
const wobble = [1.01, 0.99, 1.0, 1.02, 0.98, 1.0, 1.01, 0.99, 1.0, 1.01, 0.99, 1.0];
const budget = {
  periods,
  lines: [
    {
      id: 'TRV-1',
      costCentre: 'Sales',
      account: 'Travel',
      owner: 'ann',
      plan: periods.map(() => 1000),
      actual: periods.map((_, t) => (t === 7 ? 1600 : 1000 * wobble[t])),
    },
    {
      id: 'SW-1',
      costCentre: 'IT',
      account: 'Software',
      owner: 'bob',
      plan: periods.map(() => 500),
      actual: periods.map((_, t) => 500 * wobble[(t + 3) % 12]),
    },
  ],
};

test('writes exactly the issue format, with the period label', async () => {
  const out = path.join(dir, 'flags.json');
  expect(await run([write('b.json', budget), '--out', out])).toBe(0);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  expect(Object.keys(result)).toEqual(['flags']);
  expect(result.flags).toHaveLength(1);
  expect(Object.keys(result.flags[0])).toEqual(['line', 'period', 'through', 'kind', 'severity', 'explanation']);
  expect(result.flags[0]).toMatchObject({ line: 'TRV-1', period: '2026-08', through: '2026-08', kind: 'outlier' });
  expect(result.flags[0].explanation).toMatch(/^One-off in 2026-08: 1,600/);
  // docs/anomaly.md ("CLI") shows this very flag: its sentence is the one written, word for word.
  const docs = fs.readFileSync(path.join(__dirname, '../../docs/anomaly.md'), 'utf8');
  expect(docs).toContain(`"explanation": ${JSON.stringify(result.flags[0].explanation)}}]}`);
  expect(result.flags[0].explanation).toMatch(/, [1-9]\d+× the spread /); // a large multiple, whole
  expect(io.stderr).toMatch(/1 flags on 2 lines/);
});

test('periods saved from a date header (Excel serials) read "Jan 2026" …; no share of a plan of 0 or of a line swinging through 0', async () => {
  // 1 Jan … 1 Dec 2026 as Excel hands a header formatted "Jan-26" over (=DATE(2026,1,1) is 46023).
  const dates = [46023, 46054, 46082, 46113, 46143, 46174, 46204, 46235, 46266, 46296, 46327, 46357];
  const swing = periods.map((_, t) => Math.round(1000 * Math.sin((2 * Math.PI * t) / 12 + 2)));
  const lines = [
    budget.lines[0],
    { id: 'ZERO', plan: periods.map(() => 0), actual: periods.map((_, t) => (t === 9 ? 500 : 0)) },
    { id: 'NET', plan: swing, actual: swing.map((p, t) => p + 10 * (wobble[t] - 1) * 100 + (t === 3 ? 2500 : 0)) },
  ];
  const out = path.join(dir, 'dated.json');
  expect(await run([write('dated.json', { periods: dates, lines }), '--out', out, '--no-forecast'])).toBe(0);
  const flags = JSON.parse(fs.readFileSync(out, 'utf8')).flags;
  const byLine = (id: string) => flags.find((f: { line: string }) => f.line === id);
  expect(flags.map((f: object) => Object.keys(f))).toEqual(
    flags.map(() => ['line', 'period', 'through', 'kind', 'severity', 'explanation']),
  );
  expect(byLine('TRV-1')).toMatchObject({ period: 'Aug 2026', through: 'Aug 2026', kind: 'outlier' });
  expect(byLine('TRV-1').explanation).toMatch(
    /^One-off in Aug 2026: 1,600 against a plan of 1,000, 600 \(60\.0%\) over/,
  );
  expect(byLine('ZERO').explanation).toMatch(/^One-off in Oct 2026: 500 with nothing planned, /);
  expect(byLine('NET').explanation).toMatch(
    /^One-off in Apr 2026: [\d,]+ against a plan of -?[\d,]+, 2,5\d\d over plan, /,
  );
});

test('a persistent deviation is one flag: period is its onset, through its last period', async () => {
  const under = {
    periods,
    lines: [{ id: 'LIC', plan: periods.map(() => 1000), actual: periods.map((_, t) => 800 * wobble[t]) }],
  };
  expect(await run([write('u.json', under), '--quiet'])).toBe(0);
  const { flags } = JSON.parse(io.stdout);
  expect(flags).toHaveLength(1);
  expect(flags[0]).toMatchObject({ line: 'LIC', period: '2026-01', through: '2026-12', kind: 'opportunity' });
  expect(flags[0].explanation).toMatch(/^Under plan since 2026-01: /);
  expect(flags[0].explanation).not.toMatch(/moved from 0\.0%/);
});

test('quarterly labels count a year as 4 periods unless thresholds.periodsPerYear is given; no warning', async () => {
  const quarters = ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027', 'Q3 2027', 'Q4 2027'];
  const line = {
    id: 'LIC',
    plan: quarters.map(() => 1000),
    actual: quarters.map((_, t) => (t >= 4 ? 800 : 1000) * wobble[t]),
  };
  const explanation = async (name: string, thresholds?: object) => {
    const out = path.join(dir, `${name}-flags.json`);
    expect(await run([write(`${name}.json`, { periods: quarters, lines: [line], thresholds }), '--out', out])).toBe(0);
    return JSON.parse(fs.readFileSync(out, 'utf8')).flags[0].explanation;
  };
  expect(await explanation('q4')).toMatch(/year ends 816 \(20\.4%\) under its budget of 4,000,/);
  expect(await explanation('q12', { periodsPerYear: 12 })).toMatch(/under its budget of 8,000,/);
  expect(io.stderr).not.toMatch(/warning/);
});

test('repeated period labels ("Jan" … "Dec" over two years) give the same flags, with a warning on stderr', async () => {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const unique = Array.from({ length: 24 }, (_, t) => `${2025 + Math.floor(t / 12)}-${months[t % 12]}`);
  const line = (id: string, spike: number) => ({
    id,
    plan: unique.map(() => 1000),
    actual: unique.map((_, t) => (t === spike ? 1600 : 1000 * wobble[t % 12])),
  });
  const lines = [line('A', 19), line('B', 4)];
  const labelled = path.join(dir, 'labelled.json');
  expect(await run([write('unique.json', { periods: unique, lines }), '--out', labelled, '--quiet'])).toBe(0);
  expect(io.stderr).toBe('');
  expect(await run([write('months.json', { periods: unique.map((_, t) => months[t % 12]), lines }), '--quiet'])).toBe(
    0,
  );
  const flags: { period: string; through: string }[] = JSON.parse(io.stdout).flags;
  const expected: { period: string; through: string }[] = JSON.parse(fs.readFileSync(labelled, 'utf8')).flags;
  const monthOf = (label: string) => label.slice(5);
  expect(flags.map((f) => ({ ...f, explanation: '' }))).toEqual(
    expected.map((f) => ({ ...f, period: monthOf(f.period), through: monthOf(f.through), explanation: '' })),
  );
  expect(flags.map((f) => f.period)).toEqual(expect.arrayContaining(['Aug', 'May']));
  expect(io.stderr).toMatch(
    /^openfpa flags: warning: .*Period label "Jan" appears more than once \(periods 1 and 13\)/,
  );
});

test('writes to io.stdout without --out and accepts thresholds in the file', async () => {
  expect(await run([write('t.json', { ...budget, thresholds: { minAbs: 10000 } }), '--quiet', '--no-forecast'])).toBe(
    0,
  );
  expect(JSON.parse(io.stdout)).toEqual({ flags: [] });
  expect(io.stderr).toBe('');
});

test('a file saved with a byte-order mark, CRLF line ends or as UTF-16 (Windows tools) reads as UTF-8 without them', async () => {
  const text = JSON.stringify(budget, null, 2);
  expect(await run([write('plain.json', text), '--quiet', '--no-forecast'])).toBe(0);
  const plain = io.stdout;
  expect(await run([write('bom.json', '\uFEFF' + text.replace(/\n/g, '\r\n')), '--quiet', '--no-forecast'])).toBe(0);
  expect(io.stderr).toBe('');
  expect(io.stdout).toBe(plain + plain);
  const utf16 = (le: boolean) => {
    const bytes = Buffer.from('\uFEFF' + text, 'utf16le');
    return le ? bytes : bytes.swap16();
  };
  for (const le of [true, false]) {
    fs.writeFileSync(path.join(dir, 'u16.json'), utf16(le));
    expect(await run([path.join(dir, 'u16.json'), '--quiet', '--no-forecast'])).toBe(0);
  }
  expect(io.stdout).toBe(plain.repeat(4));
});

test.each([
  ['not json', '{', /not valid JSON/],
  ['no periods', { lines: [] }, /periods/],
  ['bad number', { periods: ['a'], lines: [{ id: 'x', plan: ['one'], actual: [1] }] }, /lines\[1\]\.plan\[1\]/],
  [
    'too long',
    { periods: ['a'], lines: [{ id: 'x', plan: [1, 2], actual: [1] }] },
    /plan has 2 values but there are 1 periods/,
  ],
  [
    'duplicate',
    {
      periods: ['a'],
      lines: [
        { id: 'x', plan: [1], actual: [1] },
        { id: 'x', plan: [1], actual: [1] },
      ],
    },
    /Line id "x" appears more than once \(lines\[1\] and lines\[2\]\)/,
  ],
  ['bad threshold', { periods: ['a'], lines: [], thresholds: { z: 0 } }, /Threshold z must be/],
])('malformed input (%s) → message on io.stderr, exit 1', async (_name, content, message) => {
  expect(await run([write('bad.json', content)])).toBe(1);
  expect(io.stderr).toMatch(message);
});

test('missing file → exit 1; bad command line → exit 2; --help → 0', async () => {
  expect(await run([path.join(dir, 'nope.json')])).toBe(1);
  expect(io.stderr).toMatch(/cannot read/);
  expect(await run([])).toBe(2);
  expect(await run(['a.json', '--bogus'])).toBe(2);
  expect(await run(['--out'])).toBe(2);
  expect(await run(['--help'])).toBe(0);
  expect(io.stdout).toMatch(/usage: openfpa flags/);
});
