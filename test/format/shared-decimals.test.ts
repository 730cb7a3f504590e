import { decimalPlaces, sharedDecimals, tickDecimals } from '../../src/format/shared-decimals';
import { numberFormatter } from '../../src/format/format-number';

describe('sharedDecimals', () => {
  it('keeps two significant digits of the values’ range, in the unit as shown', () => {
    // normal(100, 10): P5 = 100 − 1.6449·10, P50 = 100, P95 = 100 + 1.6449·10 (qnorm(0.95) = 1.644854).
    expect(sharedDecimals([83.55, 100, 116.45], 'number')).toBe(0);
    expect(sharedDecimals([8.355, 10, 11.645], 'number')).toBe(1);
    expect(sharedDecimals([0.98355, 1, 1.01645], 'number')).toBe(3);
    expect(sharedDecimals([18_000, 21_500], 'number')).toBe(0);
    // Percent and points are shown ×100: 5% to 12.3% spreads 7.3 points.
    expect(sharedDecimals([0.05, 0.123], 'percent')).toBe(1);
    expect(sharedDecimals([0.0042, 0.0051], 'rate/month')).toBe(2);
    expect(sharedDecimals([0.012, 0.5], 'points')).toBe(0);
  });

  it('stays within the unit’s precision: no fraction of a cent, at most 6 decimals of a number', () => {
    expect(sharedDecimals([10.001, 10.002], 'money')).toBe(2);
    expect(sharedDecimals([1e-12, 2e-12], 'number')).toBe(6);
    expect(sharedDecimals([-1e300, 1e300], 'number')).toBe(0);
  });

  it('has no shared precision when nothing spreads or the unit fixes its own', () => {
    expect(sharedDecimals([], 'number')).toBeUndefined();
    expect(sharedDecimals([42], 'number')).toBeUndefined();
    expect(sharedDecimals([7, 7, 7], 'number')).toBeUndefined();
    expect(sharedDecimals([NaN, 3, Infinity], 'number')).toBeUndefined();
    expect(sharedDecimals([-Number.MAX_VALUE, Number.MAX_VALUE], 'number')).toBeUndefined();
    expect(sharedDecimals([1, 2_000_000], 'count')).toBeUndefined();
    expect(sharedDecimals([1_000, 90_000], 'duration')).toBeUndefined();
  });

  it('blanks (NaN) are skipped: the others still share a precision', () => {
    expect(sharedDecimals([NaN, 8.355, 11.645], 'number')).toBe(1);
  });

  it('is the same for any order of the values (seeded shuffles)', () => {
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let k = 0; k < 50; k += 1) {
      const values = Array.from({ length: 5 }, () => (next() - 0.5) * 10 ** Math.floor(next() * 8 - 3));
      const shuffled = [...values].sort(() => next() - 0.5);
      expect(sharedDecimals(shuffled, 'number')).toBe(sharedDecimals(values, 'number'));
    }
  });
});

describe('NumberFormatter.formatAll', () => {
  const en = numberFormatter({ locale: 'en-US' });

  it('writes values read side by side at one precision (each alone: "83.55" beside "116")', () => {
    expect([83.55, 116.45].map((v) => en.format(v, 'number'))).toEqual(['83.55', '116']);
    expect(en.formatAll([83.55, 100, 116.45], 'number')).toEqual(['84', '100', '116']);
    expect(en.formatAll([8.355, 10, 11.645], 'number')).toEqual(['8.4', '10.0', '11.6']);
    expect(en.formatAll([0.05, 0.123], 'percent')).toEqual(['5.0%', '12.3%']);
    expect(numberFormatter({ locale: 'de-DE' }).formatAll([8.355, 11.645], 'number')).toEqual(['8,4', '11,6']);
  });

  it('keeps fixed decimals, compact labels, blanks and single values as format writes them', () => {
    expect(en.formatAll([83.55, 116.45], 'number', { decimals: 1 })).toEqual(['83.6', '116.5']);
    expect(en.formatAll([1_200, 35_000], 'number', { compact: true })).toEqual(['1.2K', '35K']);
    expect(en.formatAll([NaN, 83.55], 'number')).toEqual(['–', '83.55']);
    expect(en.formatAll([], 'number')).toEqual([]);
  });
});

describe('decimalPlaces and tickDecimals', () => {
  it('counts the decimals a number has as written, float noise aside', () => {
    expect([0, 100, 0.035, 100 * 0.035, 11.200000000000001, 1e-7, -2.5, NaN].map(decimalPlaces)).toEqual([
      0, 0, 3, 1, 1, 7, 1, 0,
    ]);
  });

  it('gives axis ticks the decimals of their step, as shown', () => {
    expect(tickDecimals([0, 0.1, 0.2, 0.3, 0.4], 'points')).toBe(0);
    expect(tickDecimals([0.112, 0.114, 0.116], 'points')).toBe(1);
    expect(tickDecimals([0.11, 0.115, 0.12], 'points')).toBe(1);
    expect(tickDecimals([0, 2000, 4000], 'number')).toBe(0);
    expect(tickDecimals([0.5, 0.75, 1], 'ratio')).toBe(2);
  });
});
