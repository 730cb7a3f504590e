import {
  ACCOUNT_PATTERN,
  COST_CENTRE_PATTERN,
  FLAG_ID_PATTERN,
  isAccount,
  isCostCentre,
  isCurrency,
  isName,
  isPeriod,
  NAME_MAX_LENGTH,
  NAME_PATTERN,
  NAME_RULE_TEXT,
  NAME_TOKEN_SOURCE,
  nameKey,
} from '../../src/model/names';
import { flagId } from '../../src/model/flag';

describe('driver and output names', () => {
  test.each(['price', '_x', 'Price_2', 'price.eu', 'a.b.c', 'x'.repeat(NAME_MAX_LENGTH)])('%s is a name', (name) => {
    expect(isName(name)).toBe(true);
  });
  test.each(['', '2x', '.x', 'price eu', 'price-eu', 'prix€', 'a\u0000', 'x'.repeat(NAME_MAX_LENGTH + 1)])(
    '%j is not a name',
    (name) => {
      expect(isName(name)).toBe(false);
    },
  );
  test('the dot is part of a name, as the expression tokenizer reads it', () => {
    expect(new RegExp(`^${NAME_TOKEN_SOURCE}`).exec('price.eu*2')?.[0]).toBe('price.eu');
  });
  test('the JSON-schema pattern is the same rule as isName', () => {
    const schema = new RegExp(NAME_PATTERN);
    for (const name of ['price.eu', '2x', 'x'.repeat(64), 'x'.repeat(65), 'a-b']) {
      expect(schema.test(name)).toBe(isName(name));
    }
  });
  test('names compare without regard to case', () => {
    expect(nameKey('Price.EU')).toBe(nameKey('price.eu'));
  });
  test('the rule in words names the length', () => {
    expect(NAME_RULE_TEXT).toContain(String(NAME_MAX_LENGTH));
  });
});

describe('codes the backend stores', () => {
  test('cost centres: letters, digits, _ and -, at most 32', () => {
    expect(isCostCentre('CC-10_a')).toBe(true);
    expect(isCostCentre('-CC')).toBe(false);
    expect(isCostCentre('C'.repeat(33))).toBe(false);
    expect(isCostCentre("CC1'; DROP TABLE x")).toBe(false);
    expect(COST_CENTRE_PATTERN.startsWith('^')).toBe(true);
  });
  test('accounts allow . / _ -', () => {
    expect(isAccount('6100/travel.eu')).toBe(true);
    expect(isAccount('/6100')).toBe(false);
    expect(ACCOUNT_PATTERN.endsWith('$')).toBe(true);
  });
  test.each([
    ['2025-01', true],
    ['2025-12', true],
    ['2025-00', false],
    ['2025-13', false],
    ['2025-1', false],
    ['25-01', false],
    ['1900-01', true],
    ['9999-12', true],
    ['1899-12', false],
    ['1000-01', false],
    ['0000-01', false],
    ['10000-01', false],
  ])('period %s → %s', (period, ok) => {
    expect(isPeriod(period)).toBe(ok);
  });
  test('every month an Excel date can hold is a period (1900-01 to 9999-12), and none before', () => {
    const refused: string[] = [];
    for (let year = 1900; year <= 9999; year++)
      for (let month = 1; month <= 12; month++) {
        const period = `${year}-${String(month).padStart(2, '0')}`;
        if (!isPeriod(period)) refused.push(period);
      }
    expect(refused).toEqual([]);
    for (let year = 0; year < 1900; year++)
      expect([year, isPeriod(`${String(year).padStart(4, '0')}-06`)]).toEqual([year, false]);
  });
  test('currencies are three capitals', () => {
    expect(isCurrency('EUR')).toBe(true);
    expect(isCurrency('eur')).toBe(false);
  });
  test("the pane's flag ids pass the server's flag-id rule", () => {
    const pattern = new RegExp(FLAG_ID_PATTERN);
    expect(pattern.test(flagId({ line: 'MKT-ADS', periodIndex: 11 }))).toBe(true);
    expect(pattern.test(flagId({ line: 'MKT ADS', periodIndex: 1 }))).toBe(false);
  });
});
