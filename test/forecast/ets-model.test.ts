import { etsCode, parseEtsCode } from '../../src/forecast/ets-model';

describe('ETS codes', () => {
  test.each([
    ['MAdM', 'MAdM', 12],
    ['madm', 'MAdM', 12],
    [' aAdN ', 'AAdN', 1],
    ['ANA', 'ANA', 12],
    ['mnm', 'MNM', 12],
  ])('"%s" is %s', (text, code, period) => {
    const spec = parseEtsCode(text, 12)!;
    expect(etsCode(spec)).toBe(code);
    expect(spec.period).toBe(period);
  });

  test.each(['ANdN', 'andn', 'XAN', 'AAAA', 'AAD', '', 'auto'])('"%s" is not a model', (text) => {
    expect(parseEtsCode(text, 12)).toBeUndefined();
  });
});
