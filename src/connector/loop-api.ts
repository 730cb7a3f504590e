import type { Connector, WriteOutcome } from './connector';
import type { AdjustmentOutcome, AdjustmentRecord, KpiDefinition, TeamAdjustment, TeamKpi } from '../model/kpi';

/**
 * The budget loop's shared records over a connector (part of `apiClient`): KPI definitions owned by
 * a cost centre, and the memory of applied adjustments with their outcomes. Reads go to the server;
 * writes go through the offline queue. A KPI change takes the version the user saw (If-Match), so a
 * change made meanwhile by someone else becomes a conflict to resolve, never a silent overwrite.
 */
export function loopApi(connector: Connector) {
  return {
    listKpis: (costCentre: string) => connector.read<TeamKpi[]>('listKpis', {}, { costCentre }),
    getKpi: (id: string) => connector.read<TeamKpi>('getKpi', { id }),
    createKpi: (kpi: KpiDefinition): Promise<WriteOutcome<TeamKpi>> =>
      connector.write({
        endpoint: 'createKpi',
        pathParams: {},
        query: {},
        body: kpi,
        label: `Define KPI ${kpi.name} of ${kpi.ownerCostCentre}`,
      }),
    updateKpi: (
      seen: { id: string; version: number },
      kpi: Omit<KpiDefinition, 'ownerCostCentre'>,
    ): Promise<WriteOutcome<TeamKpi>> =>
      connector.write({
        endpoint: 'updateKpi',
        pathParams: { id: seen.id },
        query: {},
        body: kpi,
        ifMatch: seen.version,
        label: `Update KPI ${kpi.name}`,
      }),
    updateKpiActual: (
      seen: { id: string; version: number; name: string },
      actual: Array<number | null>,
    ): Promise<WriteOutcome<TeamKpi>> =>
      connector.write({
        endpoint: 'updateKpiActual',
        pathParams: { id: seen.id },
        query: {},
        body: { actual },
        ifMatch: seen.version,
        label: `Actuals of KPI ${seen.name}`,
      }),

    listAdjustments: (costCentre: string, line?: string) =>
      connector.read<TeamAdjustment[]>('listAdjustments', {}, line ? { costCentre, line } : { costCentre }),
    recordAdjustment: (record: AdjustmentRecord): Promise<WriteOutcome<TeamAdjustment>> =>
      connector.write({
        endpoint: 'recordAdjustment',
        pathParams: {},
        query: {},
        body: record,
        label: `Remember move ${record.id}`,
      }),
    /** Stores a measured outcome; the first measurement stands (a different one is a conflict). */
    measureAdjustment: (
      record: Pick<AdjustmentRecord, 'id' | 'costCentre'>,
      outcome: AdjustmentOutcome,
    ): Promise<WriteOutcome<TeamAdjustment>> =>
      connector.write({
        endpoint: 'measureAdjustment',
        pathParams: { id: record.id },
        query: { costCentre: record.costCentre },
        body: outcome,
        label: `Outcome of move ${record.id}`,
      }),
  };
}
