/**
 * The elastic reserve in the Proposals view, sized as the loop step sizes it (signals.ts): the spread
 * of the scanned lines' year-end landings together, at the severe band. Small overruns asked for by
 * flags come out of it instead of a re-budget that moves other lines.
 */
import type { AdjustmentRecord } from '../model/kpi';
import { learnedPassThrough } from './adjustment-memory';
import type { FlagRequest } from './flag-requests';
import { DEFAULT_LOOP_SETTINGS } from './loop-types';
import { paneLanding } from './pane-memory';
import type { PaneScan } from './pane-memory';
import { elasticReserve } from './signals';

/** The pane's elastic reserve and which flag requests it can absorb. */
export interface PaneReserve {
  /** severeZ·√Σσ² of the lines' year-end landings (signals.ts elasticReserve): the 90% band of all lines together. */
  reserve: number;
  /** Lines with a landing (the others add nothing to the reserve). */
  lines: number;
  /** Requests (raises asked by over-plan flags) no larger than the reserve: met from it, not by a re-budget. */
  absorbed: FlagRequest[];
}

/**
 * The elastic reserve as the loop step sizes it, from the scanned lines' landings with their current
 * budgets: small overruns come out of this buffer instead of moving other lines' budgets.
 * @param budgets current budget per line (same order as `scan.lines`)
 */
export function paneReserve(
  scan: PaneScan,
  budgets: ReadonlyArray<number>,
  memory: ReadonlyArray<AdjustmentRecord>,
  requests: ReadonlyArray<FlagRequest>,
  severeZ: number = DEFAULT_LOOP_SETTINGS.severeZ,
): PaneReserve {
  const landings = scan.lines.flatMap((line, i) => {
    const landing = paneLanding(
      line,
      budgets[i],
      learnedPassThrough(memory, line.id, DEFAULT_LOOP_SETTINGS.passThrough),
    );
    return landing ? [{ landing }] : [];
  });
  const reserve = elasticReserve(landings, severeZ);
  return { reserve, lines: landings.length, absorbed: requests.filter((r) => r.change > 0 && r.change <= reserve) };
}
