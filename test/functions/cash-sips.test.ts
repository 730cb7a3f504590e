/**
 * FPA.CASH.RISK and FPA.CASH.BUFFER taking their trials from a SIPmath library whose SIPs are the
 * periods: a 2.0 table read by trial index gives exactly the answer of the same trials typed as
 * numbers; a 3.0 library gives the answer of its regenerated trials.
 */
import { cashBufferFn, cashRisk } from '../../functions/cash';
import { importSipmath3, sipmath2Table, sipmath3Library } from '../../src/scenario/sipmath/library';
import { expectExcelError } from './excel-range';

/** 30 trials of four monthly flows (not three: three columns of numbers are low/mid/high), correlated. */
const FLOWS = Array.from({ length: 30 }, (_, t) => {
  const base = Math.sin(t * 1.7) * 80;
  return [base - 10, 0.6 * base + Math.cos(t) * 20, 0.4 * base + Math.cos(3 * t) * 30, Math.sin(5 * t) * 40];
});
const NAMES = ['jan', 'feb', 'mar', 'apr'];
const BARE = [NAMES, ...FLOWS];
const VARS = NAMES.map((name, p) => ({ name, trials: Float64Array.from(FLOWS, (row) => row[p]) }));

describe('FPA.CASH.RISK with a SIPmath library', () => {
  it('a bare 2.0 table (period names over one row per trial) gives the answer of the trials themselves', () => {
    const expected = cashRisk(FLOWS, 20, [[0]]);
    expect((expected as unknown[][])[1][1]).toBeGreaterThan(0);
    expect(cashRisk(BARE, 20, [[0]])).toEqual(expected);
  });

  it('the standard’s PM_Index layout gives the same answer', () => {
    const rows = sipmath2Table(VARS, 'test').map((r) => [...r, ...new Array<null>(5 - r.length).fill(null)]);
    expect(cashRisk(rows, 20, [[0]])).toEqual(cashRisk(FLOWS, 20, [[0]]));
  });

  it('3.0 JSON in a cell: iterations trials are regenerated, with the periods’ correlation', () => {
    const library = sipmath3Library(VARS, { name: 'flows', provenance: 'test', dateCreated: '2026-12-06' });
    const regenerated = importSipmath3(library, 400);
    const trials = Array.from({ length: 400 }, (_, t) => NAMES.map((n) => regenerated[n][t]));
    const result = cashRisk([[JSON.stringify(library)]], 20, [[0]], 400);
    expect(result).toEqual(cashRisk(trials, 20, [[0]]));
    expect((result as unknown[][]).slice(1, 5).every((r) => typeof r[1] === 'number')).toBe(true);
  });

  it('FPA.CASH.BUFFER reads the same library as its trials', () => {
    expect(cashBufferFn(BARE, 20)).toEqual(cashBufferFn(FLOWS, 20));
  });

  it('a library of fewer than 10 trials, unreadable JSON or a text flow is #VALUE! with a message', () => {
    expectExcelError(cashRisk(BARE.slice(0, 6), 0, [[0]]), '#VALUE!', /at least 10 trials.*5 trials/);
    expectExcelError(cashRisk([['{"U01": ']], 0, [[0]]), '#VALUE!', /JSON cannot be read/);
    expectExcelError(
      cashRisk([NAMES, ...FLOWS.slice(0, 12), [1, 'two', 3, 4]], 0, [[0]]),
      '#VALUE!',
      /"feb" trial 13 is not a number/,
    );
    expectExcelError(cashRisk(BARE, 0, [[0]], 5), '#VALUE!', /iterations/);
  });
});
