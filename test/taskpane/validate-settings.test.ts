/**
 * Settings read the default iterations as finance types them, in the pane's locale: "100,000" (en-US),
 * "100.000" (de-DE) and "1m" are numbers of trials; a fraction or text is refused with the rule.
 */
import { checkSettings, type SettingsDraft } from '../../taskpane/settings/validate-settings';
import { paneNumbers } from '../../taskpane/state/numbers';

const draft = (defaultIterations: string): SettingsDraft => ({
  defaultIterations,
  defaultSeed: '1',
  numberFormat: '#,##0.00',
  backendUrl: '',
});

describe('checkSettings', () => {
  test.each([
    ['100000', 'en-US', 100000],
    ['100,000', 'en-US', 100000],
    ['100.000', 'de-DE', 100000],
    ['1m', 'en-US', 1000000],
  ])('%s in %s is %d iterations', (typed, locale, expected) => {
    const { errors, record } = checkSettings(draft(typed), paneNumbers({ locale }).parse);
    expect(errors).toEqual({});
    expect(record.defaultIterations).toBe(expected);
  });

  test.each([['12.5'], ['abc'], ['1'], ['20,000,000'], ['50%']])('%s is refused with the rule', (typed) => {
    expect(checkSettings(draft(typed), paneNumbers({ locale: 'en-US' }).parse).errors.defaultIterations).toBe(
      'Must be a whole number from 2 to 10,000,000.',
    );
  });

  test.each([
    ['en-US', 'Must be a whole number from 2 to 10,000,000.'],
    ['de-DE', 'Must be a whole number from 2 to 10.000.000.'],
    ['fr-FR', 'Must be a whole number from 2 to 10\u202f000\u202f000.'],
  ])('the rule in the pane’s number style (%s)', (locale, rule) => {
    const numbers = paneNumbers({ locale });
    expect(checkSettings(draft('1'), numbers.parse, numbers.style).errors.defaultIterations).toBe(rule);
  });

  test('without a locale, plain digits and en-US separators', () => {
    expect(checkSettings(draft('10,000')).record.defaultIterations).toBe(10000);
  });
});
