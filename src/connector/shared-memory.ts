/**
 * The memory of adjustments shared through the team server: the moves remembered in the pane and
 * their outcomes are sent through the connector (queued while the server is away), and the team's
 * moves of the cost centres in view are merged into the local store, so a new proposal cites past
 * cases whoever applied them. An outcome is measured once: when the server already holds one, it
 * stands, and the local copy takes it. The moves of a reverted proposal are forgotten: here at once,
 * on the server through the queue (kept there as tombstones), and in every other pane at its next
 * sync, which drops its copy instead of sending it back.
 */
import type { AdjustmentOutcome, AdjustmentRecord, TeamAdjustment } from '../model/kpi';
import { FpaError } from '../errors';
import { isCostCentre } from '../model/names';
import type { Repository } from '../store/repository';
import type { ApiClient } from './api-client';

type MemoryApi = Pick<ApiClient, 'listAdjustments' | 'recordAdjustment' | 'measureAdjustment' | 'forgetAdjustment'>;

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
  /** Local copies dropped because the server has forgotten them. */
  forgotten: number;
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
  let forgotten = 0;
  for (const costCentre of [...new Set(costCentres)].filter(isCostCentre).sort()) {
    const team = await api.listAdjustments(costCentre, undefined, { forgotten: true });
    const gone = new Set(team.filter((r) => r.forgottenAt !== null).map((r) => r.id));
    for (const copy of local.filter((r) => r.costCentre === costCentre && gone.has(r.id))) {
      await repository.remove('adjustments', copy.id);
      local.splice(local.indexOf(copy), 1);
      forgotten += 1;
    }
    const remote = new Map(team.filter((r) => !gone.has(r.id)).map((r) => [r.id, localAdjustment(r)]));
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
  return { memory, sent, received, forgotten };
}

/**
 * Forgets the moves of reverted proposal `proposal`: the local ones at once, and on the server
 * (through the queue) those it holds of `costCentres`, so that other panes drop theirs at their next
 * sync. A local move the server does not hold was never sent, and is only forgotten here. Offline,
 * the server's list cannot be read: the local moves are queued to be forgotten (one that never
 * reached the server then ends among the failed writes, as not found). Returns how many moves were
 * forgotten on the server or queued.
 * @throws the connector's error when the server refuses (a move of a proposal not reverted there: 409)
 */
export async function forgetMoves(
  api: MemoryApi,
  repository: Repository,
  proposal: string,
  costCentres: readonly string[],
  reason?: string,
): Promise<number> {
  const local = (await repository.list('adjustments')).filter((r) => r.proposal === proposal);
  for (const record of local) await repository.remove('adjustments', record.id);
  const centres = [...new Set([...costCentres, ...local.map((r) => r.costCentre)])].filter(isCostCentre).sort();
  let moves: Pick<AdjustmentRecord, 'id' | 'costCentre'>[] = [];
  try {
    for (const costCentre of centres)
      moves.push(...(await api.listAdjustments(costCentre)).filter((r) => r.proposal === proposal));
  } catch (error) {
    if (!(error instanceof FpaError && error.code === 'CONNECTOR_OFFLINE')) throw error;
    moves = local;
  }
  for (const move of moves) await api.forgetAdjustment(move, reason);
  return moves.length;
}
