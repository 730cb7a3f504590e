/**
 * The pane's data, loaded from the local store and written back to it; every save of drivers or the
 * model also refreshes the copy kept in the workbook, so a colleague opening it sees the same model.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Repository } from '../../src/store/repository';
import { DEFAULT_SETTINGS, DriverRecord, ModelRecord, RunSummaryRecord, SettingsRecord } from '../../src/store/schema';
import type { Workbook } from '../workbook/types';

export const DEFAULT_MODEL_ID = 'default';

export interface PaneData {
  drivers: DriverRecord[];
  model: ModelRecord;
  settings: SettingsRecord;
  runs: RunSummaryRecord[];
}

export interface PaneActions {
  saveDriver(driver: DriverRecord): Promise<void>;
  removeDriver(id: string): Promise<void>;
  saveModel(model: ModelRecord): Promise<void>;
  saveSettings(settings: SettingsRecord): Promise<void>;
  saveRun(run: RunSummaryRecord): Promise<void>;
  /** Reloads everything (after an import). */
  reload(): Promise<void>;
}

const emptyModel = (): ModelRecord => ({ id: DEFAULT_MODEL_ID, name: 'Model', expressions: '', driverIds: [] });

let counter = 0;
/** A record id unique within this pane session and across sessions (time + counter). */
export function newId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

export function usePaneData(repository: Repository | null, workbook: Workbook) {
  const [data, setData] = useState<PaneData | null>(null);
  const [copyProblem, setCopyProblem] = useState<string | null>(null);

  const reload = useCallback(async () => {
    if (!repository) return;
    const [drivers, model, settings, runs] = await Promise.all([
      repository.list('drivers'),
      repository.get('models', DEFAULT_MODEL_ID),
      repository.get('settings', 'settings'),
      repository.list('runs'),
    ]);
    setData({
      drivers: drivers.sort((a, b) => a.name.localeCompare(b.name)),
      model: model ?? emptyModel(),
      settings: settings ?? { ...DEFAULT_SETTINGS },
      runs: runs.sort((a, b) => a.finishedAt.localeCompare(b.finishedAt)),
    });
  }, [repository]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const syncCopy = useCallback(async () => {
    if (!repository || repository.mode === 'workbook') return; // the fallback saves the copy itself
    try {
      await workbook.saveDocumentCopy(JSON.stringify(await repository.exportAll(new Date().toISOString())));
      setCopyProblem(null);
    } catch (error) {
      setCopyProblem(`The workbook copy could not be saved: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, [repository, workbook]);

  const write = useCallback(
    async (action: (r: Repository) => Promise<void>, copy = true) => {
      if (!repository) return;
      await action(repository);
      await reload();
      if (copy) await syncCopy();
    },
    [repository, reload, syncCopy],
  );

  const actions: PaneActions = {
    saveDriver: (d) => write((r) => r.put('drivers', d)),
    removeDriver: (id) => write((r) => r.remove('drivers', id)),
    saveModel: (m) => write((r) => r.put('models', m)),
    saveSettings: (s) => write((r) => r.put('settings', s), false),
    saveRun: (run) => write((r) => r.put('runs', run), false),
    reload,
  };
  return { data, actions, copyProblem };
}
