import type { Connector, WriteOutcome } from './connector';
import { writes } from './writes';
import type { AdjustmentOutcome, AdjustmentRecord, KpiDefinition, TeamAdjustment, TeamKpi } from '../model/kpi';

/**
 * The budget loop's shared records over a connector (part of `apiClient`): KPI definitions owned by
 * a cost centre, and the memory of applied adjustments with their outcomes. Reads go to the server;
 * writes go through the offline queue. A KPI change takes the version the user saw (If-Match), so a
 * change made meanwhile by someone else becomes a conflict to resolve, never a silent overwrite.
 * Nothing is erased: a deleted KPI is archived and a forgotten move kept as a tombstone, and the
 * lists give them (`archived`, `forgotten`) so a pane drops its copies.
 */
export function loopApi(connector: Connector) {
  const { create, change } = writes(connector);
  /** A change of a remembered move, named by its cost centre and id. */
  const moveChange = <T>(
    endpoint: 'measureAdjustment' | 'forgetAdjustment',
    record: Pick<AdjustmentRecord, 'id' | 'costCentre'>,
    body: unknown,
    label: string,
  ): Promise<WriteOutcome<T>> =>
    connector.write({ endpoint, pathParams: { id: record.id }, query: { costCentre: record.costCentre }, body, label });
  return {
    /** The cost centre's live KPIs, and with `archived` the deleted ones too. */
    listKpis: (costCentre: string, options: { archived?: boolean } = {}) =>
      connector.read<TeamKpi[]>('listKpis', {}, options.archived ? { costCentre, archived: 'true' } : { costCentre }),
    getKpi: (id: string) => connector.read<TeamKpi>('getKpi', { id }),
    createKpi: (kpi: KpiDefinition) =>
      create<TeamKpi>('createKpi', kpi, `Define KPI ${kpi.name} of ${kpi.ownerCostCentre}`),
    updateKpi: (
      seen: { id: string; version: number },
      kpi: Omit<KpiDefinition, 'ownerCostCentre'>,
    ): Promise<WriteOutcome<TeamKpi>> => change<TeamKpi>('updateKpi', seen, kpi, `Update KPI ${kpi.name}`),
    updateKpiActual: (
      seen: { id: string; version: number; name: string },
      actual: Array<number | null>,
    ): Promise<WriteOutcome<TeamKpi>> =>
      change<TeamKpi>('updateKpiActual', seen, { actual }, `Actuals of KPI ${seen.name}`),

    /** Deletes (archives) a KPI against the version the user saw. */
    deleteKpi: (seen: { id: string; version: number; name: string }): Promise<WriteOutcome<TeamKpi>> =>
      change<TeamKpi>('deleteKpi', seen, undefined, `Delete KPI ${seen.name}`),

    /** The cost centre's remembered moves (of one line), and with `forgotten` the forgotten ones too. */
    listAdjustments: (costCentre: string, line?: string, options: { forgotten?: boolean } = {}) =>
      connector.read<TeamAdjustment[]>(
        'listAdjustments',
        {},
        {
          costCentre,
          ...(line ? { line } : {}),
          ...(options.forgotten ? { forgotten: 'true' } : {}),
        },
      ),
    recordAdjustment: (record: AdjustmentRecord) =>
      create<TeamAdjustment>('recordAdjustment', record, `Remember move ${record.id}`),
    /** Stores a measured outcome; the first measurement stands (a different one is a conflict). */
    measureAdjustment: (
      record: Pick<AdjustmentRecord, 'id' | 'costCentre'>,
      outcome: AdjustmentOutcome,
    ): Promise<WriteOutcome<TeamAdjustment>> =>
      moveChange('measureAdjustment', record, outcome, `Outcome of move ${record.id}`),
    /** Forgets a move whose proposal was reverted (forgetting one already forgotten is harmless). */
    forgetAdjustment: (
      record: Pick<AdjustmentRecord, 'id' | 'costCentre'>,
      reason?: string,
    ): Promise<WriteOutcome<TeamAdjustment>> =>
      moveChange('forgetAdjustment', record, reason === undefined ? {} : { reason }, `Forget move ${record.id}`),
  };
}
