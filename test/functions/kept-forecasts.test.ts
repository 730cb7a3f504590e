/**
 * The cells' track record: kept forecasts in the local store's `forecasts` records, read by
 * FPA.FORECAST.ROLLING with weights=accuracy instead of refitting past origins.
 */
import { forecastModel, forecastRolling } from '../../functions/forecast';
import { KEPT_ORIGINS, keptForecastsIn, useKeptForecasts } from '../../functions/kept-forecasts';
import { rollingForecast } from '../../src/forecast/rolling-forecast';
import { trackSeriesKey } from '../../src/forecast/track-record';
import type { ForecastRecord } from '../../src/model/kpi';
import { createMemoryRepository } from '../../src/store/memory-repository';
import { callAsync, column } from './excel-range';

const record = (series: string, origin: number, method = 'auto:ets'): ForecastRecord => ({
  series,
  origin,
  method,
  mean: [origin],
  errors: [null],
});

describe('keptForecastsIn', () => {
  test('keeps records by series under their store id, replacing the same origin and method', async () => {
    const repository = createMemoryRepository();
    const kept = keptForecastsIn(repository);
    await kept.keep([record('a', 1), record('a', 2), record('b', 1)]);
    await kept.keep([{ ...record('a', 2), errors: [3] }]);
    expect((await kept.records('a')).map((r) => [r.origin, r.errors[0]])).toEqual([
      [1, null],
      [2, 3],
    ]);
    expect((await repository.list('forecasts')).map((r) => r.id).sort()).toEqual([
      'a@1@auto:ets',
      'a@2@auto:ets',
      'b@1@auto:ets',
    ]);
    // a second reader of the same store sees them
    expect(await keptForecastsIn(repository).records('b')).toEqual([record('b', 1)]);
    expect(await kept.records('none')).toEqual([]);
  });

  test(`drops a series' origins older than the last ${KEPT_ORIGINS}`, async () => {
    const repository = createMemoryRepository();
    const kept = keptForecastsIn(repository);
    const many = Array.from({ length: KEPT_ORIGINS + 5 }, (_, o) => [record('a', o), record('a', o, 'auto:ar')]).flat();
    await kept.keep([...many, record('b', 0)]);
    const origins = new Set((await kept.records('a')).map((r) => r.origin));
    expect(origins.size).toBe(KEPT_ORIGINS);
    expect(Math.min(...origins)).toBe(5);
    expect((await repository.list('forecasts')).length).toBe(2 * KEPT_ORIGINS + 1);
  });
});

describe('FPA.FORECAST.ROLLING weights=accuracy reads the track record', () => {
  const long = Array.from(
    { length: 73 },
    (_, t) => 500 + 4 * t + 60 * Math.sin((2 * Math.PI * t) / 12) + ((t * 53) % 23),
  );

  test('the first calculation keeps its forecasts; the next actual is scored against them', async () => {
    const repository = createMemoryRepository();
    useKeptForecasts(keptForecastsIn(repository));
    const before = long.slice(0, 72);
    const first = (await callAsync(() =>
      forecastRolling(column(before), 6, 0, 0.9, 'auto', [['weights=accuracy']]),
    )) as number[][];
    const core = rollingForecast({ values: before, horizon: 6, levels: [90], method: 'auto', combination: 'accuracy' });
    expect(first.map((r) => r[0])).toEqual(core.mean);
    const series = trackSeriesKey(before);
    const stored = (await repository.list('forecasts')).filter((r) => r.series === series);
    // three refitted origins and this one, each with ETS, Theta and AR
    expect(new Set(stored.map((r) => r.origin))).toEqual(new Set([63, 64, 65, 71]));
    expect(stored).toHaveLength(12);
    // unchanged history: the same numbers, from the record
    expect(await callAsync(() => forecastRolling(column(before), 6, 0, 0.9, 'auto', [['weights=accuracy']]))).toEqual(
      first,
    );
    // one more actual: the weights come from 4 kept origins, and the last origin's forecasts are scored
    const model = (await callAsync(() =>
      forecastModel(column(long), 0, 'auto', [['weights=accuracy']]),
    )) as unknown[][];
    expect(model.some((row) => /track record at 4 kept origins/.test(String(row[1])))).toBe(true);
    const scored = (await repository.list('forecasts')).find((r) => r.origin === 71 && r.method === 'auto:theta')!;
    expect(scored.errors[0]).toBeCloseTo(long[72] - scored.mean[0], 9);
  });
});
