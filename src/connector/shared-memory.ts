/**
 * The memory of adjustments shared through the team server: the moves remembered in the pane and
 * their outcomes are sent through the connector (queued while the server is away), and the team's
 * moves of the cost centres in view are merged into the local store, so a new proposal cites past
 * cases whoever applied them. An outcome is measured once: when the server already holds one, it
 * stands, and the local copy takes it.
 */
import type { AdjustmentOutcome, AdjustmentRecord, TeamAdjustment } from '../model/kpi';
import { isCostCentre } from '../model/names';
import type { Repository } from '../store/repository';
import type { ApiClient } from './api-client';

type MemoryApi = Pick<ApiClient, 'listAdjustments' | 'recordAdjustment' | 'measureAdjustment'>;

/** A server record as the local memory keeps it (the model's record: no who and when, no nulls for absent parts). */
export function localAdjustment(found: TeamAdjustment): AdjustmentRecord {
  const {
    recordedBy: _by,
    recordedAt: _at,
    measuredBy: _measuredBy,
    forgottenAt: _forgottenAt,
    forgottenBy: _forgottenBy,
    forgottenReason: _reason,
    outcome,
    proposal,
    ...record
  } = found;
  return { ...record, ...(outcome ? { outcome } : {}), ...(proposal ? { proposal } : {}) };
}

const OUTCOME_FIELDS = ['measuredAt', 'gapClosed', 'passThrough', 'kpiLift'] as const;

/** True when two outcomes say the same (both absent counts as the same). */
export function sameOutcome(a: AdjustmentOutcome | undefined, b: AdjustmentOutcome | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && OUTCOME_FIELDS.every((f) => a[f] === b[f]));
}

/** What one sync did, for the view's note. */
export interface MemorySync {
  /** Every local record after the merge, oldest move first. */
  memory: AdjustmentRecord[];
  /** Moves and outcomes sent (or queued), and records read in or updated from the server. */
  sent: number;
  received: number;
}

/**
 * Syncs the memory of `costCentres` both ways: local moves the server lacks are sent (with their
 * outcome when measured), local outcomes the server lacks are sent, the server's moves not held here
 * are added, and the server's outcome replaces a missing or different local one.
 */
export async function syncMemory(
  api: MemoryApi,
  repository: Repository,
  costCentres: readonly string[],
): Promise<MemorySync> {
  const local = await repository.list('adjustments');
  let sent = 0;
  let received = 0;
  for (const costCentre of [...new Set(costCentres)].filter(isCostCentre).sort()) {
    const remote = new Map((await api.listAdjustments(costCentre)).map((r) => [r.id, localAdjustment(r)]));
    for (const mine of local.filter((r) => r.costCentre === costCentre)) {
      const theirs = remote.get(mine.id);
      if (!theirs) {
        await api.recordAdjustment(mine);
        sent += 1;
      } else if (mine.outcome && !theirs.outcome) {
        await api.measureAdjustment(mine, mine.outcome);
        sent += 1;
      }
    }
    for (const theirs of remote.values()) {
      const mine = local.find((r) => r.costCentre === costCentre && r.id === theirs.id);
      if (mine && (!theirs.outcome || sameOutcome(mine.outcome, theirs.outcome))) continue;
      const record = mine ? { ...mine, outcome: theirs.outcome } : theirs;
      await repository.put('adjustments', record);
      local.splice(mine ? local.indexOf(mine) : local.length, mine ? 1 : 0, record);
      received += 1;
    }
  }
  const memory = local.sort((a, b) => a.context.period - b.context.period || a.id.localeCompare(b.id));
  return { memory, sent, received };
}
