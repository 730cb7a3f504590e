import {
  maseScale,
  memberRecords,
  scoreRecord,
  trackRecordWeights,
  trackSeriesKey,
  TRACK_RECORD_ORIGINS,
} from '../../src/forecast/track-record';
import { accuracyWeights } from '../../src/forecast/accuracy-weights';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import type { ForecastRecord } from '../../src/model/kpi';
import { loadFixtures } from './fixtures';

const record = (origin: number, method: string, mean: number[]): ForecastRecord => ({
  series: 's',
  origin,
  method,
  mean,
  errors: mean.map(() => null),
});
const member = (name: string, mean: number[]) => ({ name, mean: Float64Array.from(mean), lower: [], upper: [] });

describe('trackSeriesKey', () => {
  test('is stable as actuals are appended after the first 24 values, and changes with an edit', () => {
    const two = Array.from({ length: 24 }, (_, t) => 100 + t);
    expect(trackSeriesKey([...two, 1, 2])).toBe(trackSeriesKey(two));
    expect(trackSeriesKey([...two.slice(0, 5), 0, ...two.slice(6)])).not.toBe(trackSeriesKey(two));
    expect(trackSeriesKey([])).toMatch(/^cells:/);
  });
});

describe('maseScale and scoreRecord', () => {
  test('scale is the mean absolute naive error at lag m, lag 1 within a season', () => {
    const y = [1, 3, 2, 6, 4];
    // lag 1 over y[0..4): |3-1|, |2-3|, |6-2| → 7 / 3
    expect(maseScale(y, 4, 1)).toBeCloseTo(7 / 3, 14);
    // lag 2 over y[0..5): |2-1|, |6-3|, |4-2| → 6 / 3; with end ≤ m the lag falls back to 1
    expect(maseScale(y, 5, 2)).toBeCloseTo(2, 14);
    expect(maseScale(y, 2, 2)).toBeCloseTo(2, 14);
    expect(maseScale([5, 5, 5], 3, 1)).toBe(0);
  });

  test('errors are actual − forecast where the actual is known, null beyond', () => {
    expect(scoreRecord(record(1, 'auto:ets', [5, 6]), [1, 2, 7]).errors).toEqual([2, null]);
    expect(scoreRecord(record(0, 'auto:ets', [5, 6]), [1, 2, 7]).errors).toEqual([-3, 1]);
    expect(scoreRecord(record(4, 'auto:ets', [5]), [1]).errors).toEqual([null]);
  });

  test('memberRecords keeps one record per fitted member, named by role', () => {
    const kept = memberRecords('s', 3, [member('a', [1, 2]), undefined, member('c', [3, 4])], [0, 0, 0, 1]);
    expect(kept.map((r) => [r.method, r.origin, r.errors])).toEqual([
      ['auto:ets', 2, [0, null]],
      ['auto:ar', 2, [-2, null]],
    ]);
  });
});

describe('trackRecordWeights', () => {
  // y = 0..19: every lag-1 naive error is 1, so each scaled error is the absolute error.
  const y = Array.from({ length: 20 }, (_, t) => t);

  test('1 / mean MASE per role over the kept origins; a role without a scored step gives undefined', () => {
    const records = [
      record(15, 'auto:ets', [15, 15]), // errors 1, 2
      record(15, 'auto:theta', [16, 17]), // errors 0, 0
      record(15, 'auto:ar', [0, 0]), // errors 16, 17
      record(16, 'auto:ets', [16, 16]), // errors 1, 2
      record(16, 'auto:theta', [18, 18]), // errors 1, 0
      record(19, 'auto:ar', [0]), // no actual yet: not scored
    ];
    const w = trackRecordWeights(records, y, 1)!;
    expect(w.origins).toBe(2);
    expect(w.weights[0]).toBeCloseTo(4 / 6, 14);
    expect(w.weights[1]).toBeCloseTo(4 / 1, 14);
    expect(w.weights[2]).toBeCloseTo(2 / 33, 14);
    expect(trackRecordWeights(records.slice(0, 2), y, 1)).toBeUndefined();
    expect(trackRecordWeights([], y, 1)).toBeUndefined();
  });

  test('only the most recent origins count, and origins with a zero scale are skipped', () => {
    const records = Array.from({ length: 18 }, (_, o) => [
      record(o + 1, 'auto:ets', [o === 1 ? 1000 : o + 3]), // error 1, except a huge miss at origin 2
      record(o + 1, 'auto:theta', [o + 2.5]), // error 0.5
      record(o + 1, 'auto:ar', [o + 4]), // error 2
    ]).flat();
    const w = trackRecordWeights(records, y, 1)!;
    expect(w.origins).toBe(TRACK_RECORD_ORIGINS);
    expect(w.weights[0]).toBeCloseTo(1, 14); // the miss at origin 2 is older than the last 12
    expect(w.weights[1]).toBeCloseTo(2, 14);
    expect(w.weights[2]).toBeCloseTo(0.5, 14);
    const flat = Array.from({ length: 20 }, () => 7);
    expect(trackRecordWeights(records, flat, 1)).toBeUndefined();
  });

  test('kept from the refitted origins, it gives accuracyWeights numbers (seeded property)', () => {
    let state = 12345;
    const next = (): number => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 10;
    for (let trial = 0; trial < 20; trial++) {
      const series = Float64Array.from({ length: 30 }, (_, t) => t + next());
      const build = (x: Float64Array) => [
        member('last', [x[x.length - 1], x[x.length - 1], x[x.length - 1]]),
        member('drift', [x.length + 1, x.length + 2, x.length + 3]),
        member('noise', [next(), next() + 20, next() + 25]),
      ];
      const kept: ForecastRecord[] = [];
      const refit = accuracyWeights(series, 4, 3, 3, 8, (x) => {
        const members = build(x);
        kept.push(...memberRecords('s', x.length, members, series));
        return members;
      })!;
      const fromRecord = trackRecordWeights(kept, series, 4)!;
      expect(fromRecord.origins).toBe(3);
      expect(fromRecord.weights).toEqual(refit);
    }
  });
});

describe('rollingForecast with a track record', () => {
  const monthly = loadFixtures().find((f) => f.name === 'usaccdeaths')!;
  const base = {
    values: monthly.values,
    horizon: 12,
    seasonality: 12,
    method: 'auto',
    combination: 'accuracy' as const,
  };

  test('without a record it refits the origins once and keeps them; with it, it reads them', () => {
    const plain = rollingForecast(base);
    const first = rollingForecast({ ...base, trackRecord: { series: 'us', records: [] } });
    expect(first.mean).toEqual(plain.mean);
    const n = monthly.values.length;
    // 3 refitted origins and this one, a record per member each
    expect(new Set(first.kept!.map((r) => r.origin))).toEqual(new Set([n - 15, n - 14, n - 13, n - 1]));
    expect(first.kept!.every((r) => r.series === 'us' && r.mean.length === 12)).toBe(true);
    const again = rollingForecast({ ...base, trackRecord: { series: 'us', records: first.kept! } });
    expect(again.notes.some((x) => x.startsWith('Combination weights from the track record at 3 kept origins'))).toBe(
      true,
    );
    expect(again.mean).toEqual(first.mean);
    expect(again.kept).toEqual([]); // nothing new to score
  });

  test('a new actual scores the kept forecasts and moves the weights', () => {
    const before = { ...base, values: monthly.values.slice(0, -1) };
    const first = rollingForecast({ ...before, trackRecord: { series: 'us', records: [] } });
    const next = rollingForecast({ ...base, trackRecord: { series: 'us', records: first.kept! } });
    const last = monthly.values.length - 2;
    const rescored = next.kept!.filter((r) => r.origin < monthly.values.length - 1);
    // the refitted origins were already scored in full; the last origin's members gain their first actual
    expect(rescored.map((r) => r.origin)).toEqual([last, last, last]);
    const ets = rescored.find((r) => r.origin === last && r.method === 'auto:ets')!;
    expect(ets.errors[0]).toBeCloseTo(monthly.values[last + 1]! - ets.mean[0], 9);
    expect(next.notes.some((x) => x.includes('track record at 4 kept origins'))).toBe(true);
  });
});
