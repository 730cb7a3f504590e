import { countOf } from '../../src/format/count-of';
import { SeededGenerator } from '../../src/stats/seeded-generator';

describe('countOf', () => {
  it('says one in the singular and every other count in the plural', () => {
    expect(countOf(1, 'line')).toBe('1 line');
    expect(countOf(0, 'line')).toBe('0 lines');
    expect(countOf(2, 'actual amount')).toBe('2 actual amounts');
    expect(countOf(-1, 'month')).toBe('-1 months');
    expect(countOf(0.5, 'month')).toBe('0.5 months');
  });

  it('takes the plural when it is not the noun with an s', () => {
    expect(countOf(1, 'person', 'people')).toBe('1 person');
    expect(countOf(3, 'person', 'people')).toBe('3 people');
  });

  it('writes the count as given: no grouping, NaN and huge counts as JavaScript writes them', () => {
    expect(countOf(1234567, 'driver')).toBe('1234567 drivers');
    expect(countOf(Number.NaN, 'driver')).toBe('NaN drivers');
    expect(countOf(Number.MAX_VALUE, 'driver')).toBe('1.7976931348623157e+308 drivers');
    expect(countOf(1, '')).toBe('1 ');
  });

  it('property: the singular exactly for 1 (seeded counts)', () => {
    const g = new SeededGenerator(13, 'count-of');
    for (let k = 0; k < 200; k++) {
      const n = g.nextUint32() % 5;
      expect(countOf(n, 'line')).toBe(n === 1 ? '1 line' : `${n} lines`);
    }
  });
});
