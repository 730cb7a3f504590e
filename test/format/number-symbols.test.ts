import { numberSymbols, resolveLocale } from '../../src/format/number-symbols';

describe('numberSymbols', () => {
  it('reads the four reference locales’ separators from CLDR', () => {
    expect(numberSymbols('en-US')).toMatchObject({ decimal: '.', group: ',' });
    expect(numberSymbols('en-GB')).toMatchObject({ decimal: '.', group: ',' });
    expect(numberSymbols('de-DE')).toMatchObject({ decimal: ',', group: '.' });
    expect(numberSymbols('fr-FR')).toMatchObject({ decimal: ',', group: '\u202f' });
  });
  it('lets the host’s separators win', () => {
    expect(numberSymbols('de-DE', { decimal: '.', group: ',' })).toMatchObject({ decimal: '.', group: ',' });
  });
  it('falls back to en-US for an unreadable locale and normalises underscores', () => {
    expect(resolveLocale('de_DE')).toBe('de-DE');
    expect(resolveLocale(undefined)).toBe('en-US');
    expect(resolveLocale('??')).toBe('en-US');
    expect(numberSymbols('??').locale).toBe('en-US');
  });
});
