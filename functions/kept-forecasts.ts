/**
 * The track record of the forecast cells: the `forecasts` store of the local database (src/store,
 * schema v3), which the task pane shares in the same runtime and exports with the workbook copy.
 * FPA.FORECAST.ROLLING with weights=accuracy reads the kept forecasts of its series from here and
 * keeps what the engine returns (src/forecast/track-record.ts decides the numbers). Without
 * IndexedDB the record lives in memory for the session.
 */
import type { ForecastRecord } from '../src/model/kpi';
import { openIdbRepository } from '../src/store/idb-repository';
import { createMemoryRepository } from '../src/store/memory-repository';
import type { Repository } from '../src/store/repository';
import { TRACK_RECORD_ORIGINS } from '../src/forecast/track-record';

/** Origins kept per series (twice what the weights read, so a few edits do not empty the record). */
export const KEPT_ORIGINS = 2 * TRACK_RECORD_ORIGINS;

export interface KeptForecasts {
  /** The kept forecasts of one series. */
  records(series: string): Promise<ForecastRecord[]>;
  /** Keeps (adds or replaces) records, dropping a series' origins older than the last `KEPT_ORIGINS`. */
  keep(records: ReadonlyArray<ForecastRecord>): Promise<void>;
}

const idOf = (r: ForecastRecord): string => `${r.series}@${r.origin}@${r.method}`;

/** The kept forecasts in a repository: read once into memory by series, written through. */
export function keptForecastsIn(repository: Repository): KeptForecasts {
  let bySeries: Promise<Map<string, Map<string, ForecastRecord>>> | undefined;
  const load = (): Promise<Map<string, Map<string, ForecastRecord>>> =>
    (bySeries ??= repository.list('forecasts').then((all) => {
      const map = new Map<string, Map<string, ForecastRecord>>();
      for (const { id, ...record } of all) {
        const series = map.get(record.series) ?? new Map<string, ForecastRecord>();
        series.set(id, record);
        map.set(record.series, series);
      }
      return map;
    }));
  return {
    async records(series) {
      return [...((await load()).get(series)?.values() ?? [])];
    },
    async keep(records) {
      const map = await load();
      const touched = new Set<string>();
      for (const record of records) {
        const series = map.get(record.series) ?? new Map<string, ForecastRecord>();
        series.set(idOf(record), record);
        map.set(record.series, series);
        touched.add(record.series);
        await repository.put('forecasts', { id: idOf(record), ...record });
      }
      for (const name of touched) {
        const series = map.get(name)!;
        const origins = [...new Set([...series.values()].map((r) => r.origin))].sort((a, b) => b - a);
        const oldest = origins[KEPT_ORIGINS - 1] ?? -Infinity;
        for (const [id, record] of series)
          if (record.origin < oldest) {
            series.delete(id);
            await repository.remove('forecasts', id);
          }
      }
    },
  };
}

let current: Promise<KeptForecasts> | undefined;

/** The cells' kept forecasts: the local database, or memory when it cannot be opened. */
export function keptForecasts(): Promise<KeptForecasts> {
  current ??= openIdbRepository()
    .catch(() => createMemoryRepository())
    .then(keptForecastsIn);
  return current;
}

/** Replaces where the cells keep their forecasts (tests; a pane that opened the store itself). */
export function useKeptForecasts(store: KeptForecasts): void {
  current = Promise.resolve(store);
}
