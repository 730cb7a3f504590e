import { figureInStyle, formatNumber, numberFormatter } from '../../src/format/format-number';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatNumber', () => {
  it('writes money whole from 100 up and with cents below, in the locale, with the currency when known', () => {
    expect(formatNumber(1234.5, 'money')).toBe('1,235');
    expect(formatNumber(12.345, 'money')).toBe('12.35');
    expect(formatNumber(1234.5, 'money', { locale: 'en-US', currency: 'EUR' })).toBe('€1,235');
    expect(formatNumber(1234.5, 'money', { locale: 'en-GB', currency: 'GBP' })).toBe('£1,235');
    expect(formatNumber(1234.5, 'money', { locale: 'de-DE', currency: 'EUR' })).toBe(`1.235${NBSP}€`);
    expect(formatNumber(1234567.5, 'money', { locale: 'fr-FR', currency: 'EUR' })).toBe(
      `1${NNBSP}234${NNBSP}568${NBSP}€`,
    );
    expect(formatNumber(-12.5, 'money', { locale: 'de-DE' })).toBe('-12,50');
  });

  it('writes a change with its sign, and never "-0"', () => {
    expect(formatNumber(1200, 'money', {}, { sign: 'always' })).toBe('+1,200');
    expect(formatNumber(-1200, 'money', {}, { sign: 'always' })).toBe('-1,200');
    expect(formatNumber(0, 'money', {}, { sign: 'always' })).toBe('0.00');
    expect(formatNumber(-0.001, 'money')).toBe('0.00');
    expect(formatNumber(-0.4, 'count')).toBe('0');
    expect(formatNumber(-0.0001, 'percent')).toBe('-0.01%');
    expect(formatNumber(0.034, 'percent', { locale: 'fr-FR' }, { sign: 'always' })).toBe(`+3,4${NBSP}%`);
  });

  it('writes shares as percentages: one decimal, two significant digits below 1%', () => {
    expect(formatNumber(0.1234, 'percent')).toBe('12.3%');
    expect(formatNumber(0.05, 'percent')).toBe('5%');
    expect(formatNumber(0.00042, 'percent')).toBe('0.042%');
    expect(formatNumber(0.1234, 'percent', { locale: 'de-DE' })).toBe(`12,3${NBSP}%`);
    expect(formatNumber(0.125, 'percent', {}, { decimals: 2 })).toBe('12.50%');
  });

  it('writes a change of a share in points, not as a relative percent', () => {
    expect(formatNumber(0.012, 'points')).toBe('1.2 pts');
    expect(formatNumber(0.012, 'points', {}, { sign: 'always' })).toBe('+1.2 pts');
    expect(formatNumber(-0.05, 'points')).toBe('-5.0 pts');
    expect(formatNumber(0.00042, 'points')).toBe('0.042 pts');
    expect(formatNumber(0, 'points')).toBe('0.0 pts');
    expect(formatNumber(0.125, 'points', { locale: 'de-DE' })).toBe('12,5 pts');
    // An axis asks for compact labels: points stay points.
    expect(formatNumber(0.2, 'points', {}, { compact: true })).toBe('20.0 pts');
  });

  it('says per what a rate is', () => {
    expect(formatNumber(0.0042, 'rate/month')).toBe('0.42% per month');
    expect(formatNumber(0.05, 'rate/year', { locale: 'de-DE' })).toBe(`5${NBSP}% per year`);
    expect(formatNumber(0.012, 'rate/period')).toBe('1.2% per period');
    expect(formatNumber(0.03, 'rate/quarter')).toBe('3% per quarter');
  });

  it('writes counts, quantities, ratios and multiples at their own precision', () => {
    expect(formatNumber(1100000, 'count')).toBe('1,100,000');
    expect(formatNumber(1100000, 'count', { locale: 'de-DE' })).toBe('1.100.000');
    expect(formatNumber(18146.23, 'number')).toBe('18,146');
    expect(formatNumber(32.9434, 'number')).toBe('32.94');
    expect(formatNumber(0.0123456, 'number')).toBe('0.01235');
    expect(formatNumber(-0.4567, 'ratio')).toBe('-0.46');
    expect(formatNumber(1, 'ratio', { locale: 'fr-FR' })).toBe('1,00');
    expect(formatNumber(4.26, 'multiple')).toBe('4.3×');
    // Large multiples whole (no "70.0×"), small ones with one decimal; the switch is judged as shown.
    expect(formatNumber(70.04, 'multiple')).toBe('70×');
    expect(formatNumber(12.34, 'multiple')).toBe('12×');
    expect(formatNumber(9.94, 'multiple')).toBe('9.9×');
    expect(formatNumber(9.96, 'multiple')).toBe('10×');
    expect(formatNumber(2.5, 'multiple', { locale: 'de-DE' })).toBe('2,5×');
    expect(formatNumber(1234.5, 'multiple', { locale: 'de-DE' })).toBe('1.235×');
    expect(formatNumber(12.34, 'multiple', {}, { decimals: 2 })).toBe('12.34×');
  });

  it('writes a compact column with fixed decimals where the short scale abbreviates, whole where not', () => {
    const column = (locale: string) =>
      [-19162, -12000, 9610, 540, 1234567].map((v) =>
        formatNumber(v, 'money', { locale }, { compact: true, decimals: 1, sign: 'always' }),
      );
    // Significant digits gave -19.2K, -12K, +9.61K: a column that does not read alike.
    expect(column('en-US')).toEqual(['-19.2K', '-12.0K', '+9.6K', '+540', '+1.2M']);
    // German has no short form for thousands: those stay whole, never "-19.162,0".
    // Grouped as the locale groups its plain numbers: compact notation wrote "+9610" under "-12.000".
    expect(column('de-DE')).toEqual(['-19.162', '-12.000', '+9.610', '+540', `+1,2${NBSP}Mio.`]);
  });

  it('writes compact axis labels', () => {
    expect(formatNumber(1234567, 'money', {}, { compact: true })).toBe('1.23M');
    expect(formatNumber(35000, 'number', {}, { compact: true })).toBe('35K');
    expect(formatNumber(1234567, 'money', { locale: 'de-DE' }, { compact: true })).toBe(`1,23${NBSP}Mio.`);
    expect(formatNumber(-2500000, 'money', { currency: 'USD' }, { compact: true })).toBe('-$2.5M');
    expect(formatNumber(0.25, 'percent', {}, { compact: true })).toBe('25%');
    // German abbreviates no thousands: an axis 8.000 … 14.000 groups every label as its sentences do
    // ("4.000"; compact notation alone wrote "8000" under "10.000"); French and Spanish abbreviate.
    const axis = (locale: string) =>
      [2000, 8000, 10000, 14000].map((v) => formatNumber(v, 'number', { locale }, { compact: true }));
    expect(axis('de-DE')).toEqual(['2.000', '8.000', '10.000', '14.000']);
    expect(axis('de-DE')[1]).toBe(formatNumber(8000, 'number', { locale: 'de-DE' }));
    expect(axis('en-US')).toEqual(['2K', '8K', '10K', '14K']);
    expect(axis('fr-FR')).toEqual([2, 8, 10, 14].map((k) => `${k}${NBSP}k`));
    expect(axis('es-ES')).toEqual([2, 8, 10, 14].map((k) => `${k}${NBSP}mil`));
    expect(formatNumber(8000, 'money', { locale: 'de-DE', currency: 'EUR' }, { compact: true })).toBe(`8.000${NBSP}€`);
  });

  // Each row: a duration in milliseconds, the style, what is written.
  it.each([
    [420, {}, '0.4 s'],
    [4200, { locale: 'de-DE' }, '4,2 s'],
    [24_400, {}, '24 s'],
    [83_000, {}, '1 min 23 s'],
    [3_780_000, {}, '1 h 03 min'],
    [-5, {}, '0.0 s'],
  ])('writes durations in seconds, minutes and hours: %d ms (%j) is %s', (ms, style, text) => {
    expect(formatNumber(ms, 'duration', style)).toBe(text);
  });

  it('marks what is not a finite number', () => {
    expect(formatNumber(NaN, 'money')).toBe('–');
    expect(formatNumber(Infinity, 'number')).toBe('∞');
    expect(formatNumber(-Infinity, 'number')).toBe('-∞');
    expect(formatNumber(Number.MAX_VALUE, 'count')).toMatch(/^179,769,313,486,231,5\d\d(,000)+$/);
  });

  it('uses Excel’s separators when the host gives them', () => {
    expect(formatNumber(1234567.5, 'number', { locale: 'en-US', separators: { group: "'", decimal: '.' } })).toBe(
      "1'234'568",
    );
    expect(formatNumber(12.5, 'percent', { locale: 'en-US', separators: { decimal: ',' } })).toBe('1,250%');
  });

  it('writes the true minus when the style asks for it, and the hyphen-minus by default (the CLI, the functions)', () => {
    const MINUS = '\u2212';
    expect(formatNumber(-19162, 'money')).toBe('-19,162');
    expect(formatNumber(-19162, 'money', { minus: 'hyphen' })).toBe('-19,162');
    expect(formatNumber(-19162, 'money', { minus: 'true' })).toBe(`${MINUS}19,162`);
    expect(formatNumber(-19162, 'money', { locale: 'de-DE', minus: 'true' })).toBe(`${MINUS}19.162`);
    expect(formatNumber(-19162, 'money', { locale: 'fr-FR', minus: 'true' })).toBe(`${MINUS}19${NNBSP}162`);
    expect(formatNumber(-0.299, 'percent', { locale: 'de-DE', minus: 'true' })).toBe(`${MINUS}29,9${NBSP}%`);
    expect(formatNumber(-1234.5, 'money', { currency: 'EUR', minus: 'true' })).toBe(`${MINUS}€1,235`);
    expect(formatNumber(-Infinity, 'number', { minus: 'true' })).toBe(`${MINUS}∞`);
    // A positive change keeps its plus, a value that rounds to zero stays unsigned.
    expect(formatNumber(0.012, 'points', { minus: 'true' }, { sign: 'always' })).toBe('+1.2 pts');
    expect(formatNumber(-0.001, 'money', { minus: 'true' })).toBe('0.00');
  });

  it('writes a figure JavaScript wrote in the style’s decimal mark and minus, en-US as it was', () => {
    expect(figureInStyle((0.05).toPrecision(3))).toBe('0.0500');
    expect(figureInStyle('-1.23e-7')).toBe('-1.23e-7');
    expect(figureInStyle((0.05).toPrecision(3), { locale: 'de-DE' })).toBe('0,0500');
    expect(figureInStyle('-4.05', { locale: 'fr-FR', minus: 'true' })).toBe('\u22124,05');
    expect(figureInStyle('8000', { locale: 'de-DE' })).toBe('8000');
  });

  it('writes an en-US grouped figure in the style’s separators, en-US as it was', () => {
    const figure = (1234567.5).toLocaleString('en-US');
    expect(figureInStyle(figure)).toBe('1,234,567.5');
    expect(figureInStyle(`-${figure}`, { locale: 'de-DE', minus: 'true' })).toBe('\u22121.234.567,5');
    expect(figureInStyle(figure, { locale: 'fr-FR' })).toBe(`1${NNBSP}234${NNBSP}567,5`);
    expect(figureInStyle(figure, { locale: 'en-US', separators: { group: "'" } })).toBe("1'234'567.5");
  });

  it('writes a figure without thousands separators when asked (a message that wrote toFixed)', () => {
    expect(formatNumber(1012268.505, 'number', {}, { decimals: 2, grouping: false })).toBe((1012268.505).toFixed(2));
    expect(formatNumber(1012268.51, 'number', { locale: 'de-DE' }, { decimals: 2, grouping: false })).toBe(
      '1012268,51',
    );
    expect(formatNumber(1012268.51, 'number', {}, { decimals: 2 })).toBe('1,012,268.51');
  });
});

describe('numberFormatter', () => {
  it('binds one style and resolves the locale once', () => {
    const f = numberFormatter({ locale: 'de_DE', currency: 'EUR' });
    expect(f.style.locale).toBe('de-DE');
    expect(f.symbols.decimal).toBe(',');
    expect(f.format(1200, 'money', { sign: 'always' })).toBe(`+1.200${NBSP}€`);
    expect(numberFormatter().style.locale).toBe('en-US');
  });
});
