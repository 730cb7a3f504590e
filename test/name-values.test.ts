import { parseNameValueText, readNameValues } from '../src/name-values';

describe('name/value options', () => {
  test('two columns, names normalised, blank rows skipped', () => {
    const pairs = readNameValues(
      [
        ['Time limit', 5],
        [null, null],
        ['shadow-prices', true],
      ],
      'options',
      ['time_limit', 'shadow_prices'],
    );
    expect(Object.fromEntries(pairs)).toEqual({ time_limit: 5, shadow_prices: true });
  });

  test('an array constant of one pair is a 1 × 2 grid', () => {
    expect(readNameValues([['weights', 'accuracy']], 'options', ['weights']).get('weights')).toBe('accuracy');
  });

  test('one text cell of name=value pairs, values typed', () => {
    const pairs = readNameValues([['weights = accuracy; outliers=adjust, seed=7; check=TRUE']], 'options', [
      'weights',
      'outliers',
      'seed',
      'check',
    ]);
    expect(Object.fromEntries(pairs)).toEqual({ weights: 'accuracy', outliers: 'adjust', seed: 7, check: true });
    expect(parseNameValueText('rate=-1.5e-2;;', 'options')).toEqual([['rate', -0.015]]);
    expect(parseNameValueText('code=12ab', 'options')).toEqual([['code', '12ab']]);
  });

  test('blank or empty input is no options', () => {
    expect(readNameValues(null, 'options', ['a']).size).toBe(0);
    expect(readNameValues([[null]], 'options', ['a']).size).toBe(0);
  });

  test('bad shapes and unknown names say what is expected', () => {
    expect(() => readNameValues([['x', 1, 2]], 'options', ['time_limit'])).toThrow(/two columns/);
    expect(() => readNameValues([['accuracy']], 'options', ['weights'])).toThrow(
      /two columns: name and value \(or one cell of name=value pairs\)/,
    );
    expect(() => readNameValues([['weights accuracy=1']], 'options', ['weights'])).toThrow(
      /options "weights accuracy" is not known|not known/,
    );
    expect(() => readNameValues([['=accuracy']], 'options', ['weights'])).toThrow(/name=value pairs/);
    expect(() => readNameValues([['speed', 'fast']], 'options', ['weights', 'outliers'])).toThrow(
      /options row 1 "speed" is not known/,
    );
  });
});
