import { adjustHistory, parseOutlierOption } from '../../src/forecast/adjust-history';
import { FpaError } from '../../src/errors';

test('parseOutlierOption: default keep, case and spaces forgiven, anything else an input error', () => {
  expect(parseOutlierOption(undefined)).toBe('keep');
  expect(parseOutlierOption(null)).toBe('keep');
  expect(parseOutlierOption(' Adjust ')).toBe('adjust');
  expect(parseOutlierOption('keep')).toBe('keep');
  for (const bad of ['', 'remove', 1, true]) {
    expect(() => parseOutlierOption(bad)).toThrow(FpaError);
  }
  expect(() => parseOutlierOption('x')).toThrow(
    expect.objectContaining({ code: 'FORECAST_BAD_OUTLIERS', kind: 'input', hint: 'Use one of: keep, adjust.' }),
  );
});

test('JSDoc example: the note names the 1-based position, value as given, replacement', () => {
  const y = [10, 11, 10, 12, 11, 95, 10, 11, 12, 11];
  expect(adjustHistory(Float64Array.from(y), 1, y, 0, 1).notes).toEqual([
    '1 outlier(s) replaced before fitting: value 6 (95 → 10.49).',
  ]);
});

test('indices into the raw values, factor undone, at most five listed in the note', () => {
  const base = Array.from({ length: 60 }, (_, t) => 100 + (t % 3));
  const spikes = [5, 15, 25, 35, 45, 55];
  const raw: (number | null)[] = [null, ...base.map((v, t) => (spikes.includes(t) ? 1000 + t : v))];
  const y = Float64Array.from(raw.slice(1) as number[], (v) => v / 4);
  const r = adjustHistory(y, 1, raw, 1, 4);
  expect(r.outliers.map((o) => o.index)).toEqual(spikes.map((t) => t + 1));
  expect(r.outliers[0].value).toBe(1005);
  expect(r.outliers[0].replacement).toBeGreaterThan(99);
  expect(r.outliers[0].replacement).toBeLessThan(103);
  expect(r.notes[0]).toMatch(
    /^6 outlier\(s\) replaced before fitting: value 7 \(1005 → 10\d(\.\d+)?\), .*value 47 \(1045 → .*\) and 1 more\.$/,
  );
  expect(r.values[5]).toBeCloseTo(r.outliers[0].replacement / 4, 12);
});
