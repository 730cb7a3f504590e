import { isFpaError } from '../../src/errors';
import { formatNumber } from '../../src/format/format-number';
import { parseNumber, tryParseNumber } from '../../src/format/parse-number';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

/** The code of the error a text gives, or the value. */
const read = (text: string, locale: string, percent?: 'share' | 'points' | 'reject') => {
  const r = tryParseNumber(text, { locale, percent });
  return r.ok ? r.value : r.error.code;
};

describe('parseNumber in en-US, en-GB, de-DE and fr-FR', () => {
  // Each row: what a finance user in that locale types, and the number meant. The separators are
  // CLDR's (R: formatC(1234567.5, big.mark=".", decimal.mark=",", format="f", digits=1) gives "1.234.567,5").
  const cases: [string, string, number][] = [
    ['en-US', '1,200', 1200],
    ['en-US', '1,234,567.5', 1234567.5],
    ['en-US', '$1,200.50', 1200.5],
    ['en-US', '(1,200)', -1200],
    ['en-US', '-1,200', -1200],
    ['en-US', '1,200-', -1200],
    ['en-US', '12.5%', 0.125],
    ['en-US', '250k', 250000],
    ['en-US', '1.2m', 1200000],
    ['en-US', '3 bn', 3e9],
    ['en-US', '1.5e6', 1.5e6],
    ['en-US', '.5', 0.5],
    ['en-US', '1 200', 1200],
    ['en-GB', '£1,200.50', 1200.5],
    ['en-GB', '(3,400.25)', -3400.25],
    ['en-GB', '7.5%', 0.075],
    ['de-DE', '1.200', 1200],
    ['de-DE', '1.234.567,5', 1234567.5],
    ['de-DE', '1.200,50 €', 1200.5],
    ['de-DE', '-0,5', -0.5],
    ['de-DE', '12,5 %', 0.125],
    ['de-DE', '1,5 Mio.', 1.5e6],
    ['de-DE', '2 Mrd', 2e9],
    ['de-DE', 'EUR 1.200', 1200],
    ['fr-FR', `1${NNBSP}234${NNBSP}567,5`, 1234567.5],
    ['fr-FR', `1${NBSP}200,50${NBSP}€`, 1200.5],
    ['fr-FR', '1 200,5', 1200.5],
    ['fr-FR', `12,5${NNBSP}%`, 0.125],
    ['fr-FR', '−3,25', -3.25],
  ];
  it.each(cases)('%s reads %j as %d', (locale, text, expected) => {
    expect(parseNumber(text, { locale })).toBe(expected);
  });

  // Each row: what is typed in that locale, and the error it gives: a grouping that is not one,
  // text, a sign alone, empty input.
  const refused: [string, string, string][] = [
    ['en-US', '1,20', 'FORMAT_WRONG_SEPARATOR'],
    ['de-DE', '1.5', 'FORMAT_WRONG_SEPARATOR'],
    ['fr-FR', '1.5', 'FORMAT_WRONG_SEPARATOR'],
    ['en-GB', '1.200,50', 'FORMAT_WRONG_SEPARATOR'],
    ['de-DE', '1,2,3', 'FORMAT_WRONG_SEPARATOR'],
    ['en-US', '', 'FORMAT_EMPTY'],
    ['fr-FR', '   ', 'FORMAT_EMPTY'],
    ['en-US', 'abc', 'FORMAT_NOT_A_NUMBER'],
    ['en-US', '-', 'FORMAT_NOT_A_NUMBER'],
    ['en-US', '12 apples', 'FORMAT_NOT_A_NUMBER'],
    ['en-US', '1e999', 'FORMAT_NOT_A_NUMBER'],
  ];
  it.each(refused)('%s refuses %j: %s', (locale, text, code) => {
    expect(read(text, locale)).toBe(code);
  });

  it('refuses a grouping that is not one, naming the locale and its decimal mark', () => {
    const error = tryParseNumber('1.5', { locale: 'de-DE', field: 'Min' });
    expect(error.ok).toBe(false);
    if (!error.ok)
      expect(error.error.fullMessage).toBe(
        'Min: "1.5" is not a number in de-DE, where "," marks decimals and "." groups thousands. Write it like 1.234,5.',
      );
  });

  it('reads a percentage by the field: a share, percent points, or refused for an amount', () => {
    expect(read('10', 'en-US', 'points')).toBe(0.1);
    expect(read('10%', 'en-US', 'points')).toBe(0.1);
    expect(read('12,5', 'de-DE', 'points')).toBe(0.125);
    expect(read('10', 'en-US', 'share')).toBe(10);
    expect(read('10%', 'en-US', 'reject')).toBe('FORMAT_PERCENT_NOT_ALLOWED');
    expect(read('250k', 'en-US', 'points')).toBe('FORMAT_NOT_A_NUMBER');
  });

  it('says what is wrong with text, and names the field', () => {
    expect(() => parseNumber('x')).toThrow(expect.objectContaining({ code: 'FORMAT_NOT_A_NUMBER' }));
    try {
      parseNumber('x', { field: 'Pool' });
    } catch (e) {
      expect(isFpaError(e) && e.field).toBe('Pool');
    }
  });

  it('keeps huge and tiny magnitudes, and never returns -0', () => {
    expect(parseNumber('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseNumber('5e-324')).toBe(5e-324);
    expect(Object.is(parseNumber('-0'), 0)).toBe(true);
    expect(Object.is(parseNumber('(0,00)', { locale: 'de-DE' }), 0)).toBe(true);
  });

  it('takes Excel’s own separators over the language’s', () => {
    expect(parseNumber("1'200.5", { locale: 'de-DE', separators: { decimal: '.', group: "'" } })).toBe(1200.5);
    expect(parseNumber('1 200,5', { locale: 'en-US', separators: { decimal: ',', group: ' ' } })).toBe(1200.5);
  });

  it('falls back to en-US for a locale it cannot read', () => {
    expect(parseNumber('1,200.5', { locale: 'not a locale!' })).toBe(1200.5);
    expect(parseNumber('1,200.5', { locale: '' })).toBe(1200.5);
  });

  it('reads back what the formatter writes (seeded, 400 values per locale)', () => {
    const g = new SeededGenerator(20, 'parse');
    for (const locale of ['en-US', 'en-GB', 'de-DE', 'fr-FR']) {
      for (let i = 0; i < 400; i++) {
        const value = Math.round((g.nextOpen01() - 0.5) * 10 ** (1 + (i % 9)) * 100) / 100;
        const shown = formatNumber(value, 'number', { locale }, { decimals: 2 });
        expect(parseNumber(shown, { locale })).toBeCloseTo(value, 8);
        const money = formatNumber(value, 'money', { locale, currency: 'EUR' }, { decimals: 2 });
        expect(parseNumber(money, { locale })).toBeCloseTo(value, 8);
        const share = formatNumber(value / 1e4, 'percent', { locale }, { decimals: 4 });
        expect(parseNumber(share, { locale })).toBeCloseTo(value / 1e4, 8);
      }
    }
  });
});
