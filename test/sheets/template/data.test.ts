import { dataForMonths } from '../../../src/sheets/template/data';
import { sampleCompany, SAMPLE_MONTHS } from '../../../src/sheets/template/sample-company';
import { monthSequence } from '../../../src/sheets/template/months';

describe('template data for other months', () => {
  const data = {
    plan: new Map([['MKT/Travel', [100, 'n/a', null]]]),
    actual: new Map([['MKT/Travel', [90, null, null]]]),
  };
  const from = ['2025-01', '2025-02', '2025-03'];

  test('a month in both keeps its amount (a number, a text, a blank); a new month is blank', () => {
    const to = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
    const relaid = dataForMonths(data, from, to);
    expect(relaid.plan.get('MKT/Travel')).toEqual([null, 100, 'n/a', null, null]);
    expect(relaid.actual.get('MKT/Travel')).toEqual([null, 90, null, null, null]);
  });

  test('months dropped lose their amounts; the same months give the same amounts', () => {
    expect(dataForMonths(data, from, ['2025-02']).plan.get('MKT/Travel')).toEqual(['n/a']);
    expect(dataForMonths(data, from, from)).toEqual({ plan: data.plan, actual: data.actual });
  });

  test('no months, or no lines', () => {
    expect(dataForMonths(data, from, []).plan.get('MKT/Travel')).toEqual([]);
    expect(dataForMonths({ plan: new Map(), actual: new Map() }, from, from).plan.size).toBe(0);
  });

  test("the sample company a year longer: its 36 months' amounts in place, 2026 blank, every line", () => {
    const sample = sampleCompany();
    const longer = monthSequence('2023-01', 48);
    const relaid = dataForMonths(sample.data, SAMPLE_MONTHS, longer);
    expect(relaid.plan.size).toBe(12 * 4);
    for (const [line, row] of sample.data.plan) {
      expect(relaid.plan.get(line)!.slice(0, 36)).toEqual(row);
      expect(relaid.plan.get(line)!.slice(36)).toEqual(Array(12).fill(null));
    }
  });
});
