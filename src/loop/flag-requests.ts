/**
 * Flags feed proposals. The anomaly engine raises one flag per issue (src/anomaly, docs/anomaly.md),
 * with its span (`periodIndex` … `throughIndex`), whether it is persistent and still running, and a
 * calibrated severity. A line is proposed for change only when one of its flags is
 *
 * - persistent: a deviation of two periods or more (a one-off outlier never moves budget),
 * - ongoing: it runs through the line's latest booked period (an issue that ended is history), and
 * - severe: severity at least `minSeverity` (default 0.5, the "medium" band of SEVERITY_BANDS).
 *
 * An under-plan flag (underspend, opportunity, a downward shift) releases budget into the pool; an
 * over-plan flag (overspend, run-rate, an upward shift) raises an adjustment request. The amount is
 * the flag's projected year-end variance when it has one (where the year lands at the recent
 * pace), otherwise its variance over the span, and never more than the line's budget for a release.
 */
import { SEVERITY_BANDS } from '../model/flag';
import type { Flag, FlagKind } from '../model/flag';

/** Severity from which a persistent, ongoing flag moves budget: the "medium" band. */
export const PROPOSAL_MIN_SEVERITY: number = SEVERITY_BANDS.find((b) => b.band === 'medium')?.from ?? 0.5;

/** What the flags ask of one line. */
export interface FlagRequest {
  line: string;
  /** +amount: a request for more budget; −amount: budget released into the pool. */
  change: number;
  kind: FlagKind;
  severity: number;
  /** The flag's explanation, for the proposal. */
  explanation: string;
}

export interface FlagPool {
  /** One entry per line with a severe, persistent, ongoing flag (the most severe one). */
  requests: FlagRequest[];
  /** Σ released by under-plan flags (≥ 0). */
  released: number;
  /** Σ requested by over-plan flags (≥ 0). */
  requested: number;
}

/**
 * True when `flag` is severe and persistent enough to move budget (see the top of this file).
 * @example isSevereAndPersistent({ persistent: true, ongoing: true, severity: 0.6 }) // true
 */
export function isSevereAndPersistent(
  flag: Pick<Flag, 'persistent' | 'ongoing' | 'severity'>,
  minSeverity: number = PROPOSAL_MIN_SEVERITY,
): boolean {
  return flag.persistent && flag.ongoing && flag.severity >= minSeverity;
}

/**
 * The pool and the requests the flags raise, for the lines with a budget.
 * @param budgets line id → current budget (a release is capped at it; lines not listed are skipped)
 * @example flagPool(scan.flags, new Map([['IT-LIC', 96000]])).released // 14400
 */
export function flagPool(
  flags: ReadonlyArray<Flag>,
  budgets: ReadonlyMap<string, number>,
  minSeverity: number = PROPOSAL_MIN_SEVERITY,
): FlagPool {
  const strongest = new Map<string, Flag>();
  for (const flag of flags) {
    if (!budgets.has(flag.line) || !isSevereAndPersistent(flag, minSeverity)) continue;
    const held = strongest.get(flag.line);
    if (!held || flag.severity > held.severity) strongest.set(flag.line, flag);
  }
  const requests: FlagRequest[] = [];
  let released = 0;
  let requested = 0;
  for (const [line, flag] of strongest) {
    const size = Math.abs(flag.projection?.variance ?? flag.variance);
    if (!(size > 0)) continue;
    if (flag.direction === 'under') {
      const amount = Math.min(size, Math.max(0, budgets.get(line) ?? 0));
      released += amount;
      requests.push({ line, change: -amount, kind: flag.kind, severity: flag.severity, explanation: flag.explanation });
    } else {
      requested += size;
      requests.push({ line, change: size, kind: flag.kind, severity: flag.severity, explanation: flag.explanation });
    }
  }
  return { requests, released, requested };
}
