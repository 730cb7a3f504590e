/**
 * KPI definitions shared through the team server: a KPI saved in the pane is sent through the
 * connector (its offline queue keeps it while the server is away; a change goes against the version
 * last seen, so a change made meanwhile by someone else is a conflict to resolve, not an overwrite),
 * and the team's KPIs of the cost centres in view are merged into the local store, so a second user
 * sees the first one's KPI, with its targets, actuals and linked lines.
 *
 * Locally a KPI is keyed by its name (the pane's id); on the server by an id, its name unique within
 * its owner cost centre. The local record keeps the server's id and version under `shared`.
 *
 * Deleting a shared KPI archives it on the server (against the version last seen, through the
 * queue); the next pull of every pane drops its copy of a KPI the server has archived.
 */
import type { KpiDefinition, TeamKpi } from '../model/kpi';
import { isCostCentre } from '../model/names';
import type { Repository } from '../store/repository';
import type { KpiRecord } from '../store/schema';
import type { ApiClient } from './api-client';

type KpiApi = Pick<ApiClient, 'listKpis' | 'createKpi' | 'updateKpi' | 'deleteKpi'>;

/** The definition the server keeps of a local KPI (a link's `kpi` is the KPI itself, so it is dropped). */
export function kpiDefinition(record: KpiRecord): KpiDefinition {
  return {
    ownerCostCentre: record.ownerCostCentre,
    name: record.name,
    unit: record.unit,
    direction: record.direction,
    priority: record.priority ?? 1,
    target: [...record.target],
    actual: [...record.actual],
    links: record.links.map(({ kpi: _kpi, ...link }) => link),
  };
}

/** A server KPI as a local record with id `id`. */
export function localKpi(found: TeamKpi, id: string): KpiRecord {
  return {
    id,
    name: found.name,
    ownerCostCentre: found.ownerCostCentre,
    unit: found.unit,
    direction: found.direction,
    priority: found.priority,
    target: found.target,
    actual: found.actual,
    links: found.links.map((link) => ({ ...link, kpi: id })),
    shared: { id: found.id, version: found.version },
  };
}

/**
 * Sends a KPI just saved locally: a change of a shared one (against its version), else a new one.
 * Returns the record to keep: with the server's id and version when the server answered, as it was
 * when the write is queued (the next pull matches it by name).
 * @throws CONNECTOR_CONFLICT when someone changed it meanwhile (the conflict waits in Settings),
 *   CONNECTOR_FORBIDDEN / CONNECTOR_REJECTED with the server's message
 */
export async function shareKpi(api: KpiApi, record: KpiRecord): Promise<KpiRecord> {
  const { ownerCostCentre, ...definition } = kpiDefinition(record);
  const outcome = record.shared
    ? await api.updateKpi(record.shared, definition)
    : await api.createKpi({ ownerCostCentre, ...definition });
  if (!outcome.sent) return record;
  return { ...record, shared: { id: outcome.body.id, version: outcome.body.version } };
}

/** The local record a server KPI is: the one sharing its id, or the unshared one of the same name and owner. */
function localMatch(held: readonly KpiRecord[], found: TeamKpi): KpiRecord | undefined {
  return (
    held.find((k) => k.shared?.id === found.id) ??
    held.find((k) => !k.shared && k.name === found.name && k.ownerCostCentre === found.ownerCostCentre)
  );
}

/** A local id for a KPI read in: its name, or its name and owner when another KPI holds the name. */
function freeId(held: readonly KpiRecord[], found: TeamKpi): string {
  const taken = new Set(held.map((k) => k.id));
  return taken.has(found.name) ? `${found.name} (${found.ownerCostCentre})` : found.name;
}

/**
 * Deletes a KPI: a shared one is deleted (archived) on the server against the version last seen, and
 * the local copy removed once the server took it or the deletion is queued; an unshared one is only
 * local.
 * @throws CONNECTOR_CONFLICT when someone changed it meanwhile (the local copy stays; the conflict
 *   waits in Settings), CONNECTOR_FORBIDDEN / CONNECTOR_REJECTED with the server's message (kept too)
 */
export async function deleteSharedKpi(api: KpiApi, repository: Repository, record: KpiRecord): Promise<void> {
  if (record.shared) await api.deleteKpi({ ...record.shared, name: record.name });
  await repository.remove('kpis', record.id);
}

/**
 * Reads the team's KPIs of `costCentres` and merges them into the local store: one not held yet is
 * added, one the server holds a newer version of replaces the local copy (a local change still
 * queued keeps its own version, so it is not overwritten before it is sent), and the copy of one the
 * server has deleted (archived) is removed. Returns every local KPI after the merge, by name.
 */
export async function pullKpis(
  api: KpiApi,
  repository: Repository,
  costCentres: readonly string[],
): Promise<KpiRecord[]> {
  const held = await repository.list('kpis');
  for (const costCentre of [...new Set(costCentres)].filter(isCostCentre).sort()) {
    const team = await api.listKpis(costCentre, { archived: true });
    // The archived first: a live KPI that took an archived one's name then finds that name free here too.
    for (const found of [...team.filter((k) => k.archivedAt !== null), ...team.filter((k) => k.archivedAt === null)]) {
      if (found.archivedAt !== null) {
        const copy = held.find((k) => k.shared?.id === found.id);
        if (copy) {
          await repository.remove('kpis', copy.id);
          held.splice(held.indexOf(copy), 1);
        }
        continue;
      }
      const match = localMatch(held, found);
      if (match?.shared && match.shared.version >= found.version) continue;
      const record = localKpi(found, match?.id ?? freeId(held, found));
      await repository.put('kpis', record);
      held.splice(match ? held.indexOf(match) : held.length, match ? 1 : 0, record);
    }
  }
  return held.sort((a, b) => a.name.localeCompare(b.name));
}
