/**
 * The order of the review queue.
 */
import type { Flag } from './types';

/** Ranks by severity, then by the money at stake, then by line and onset for a stable order. */
export function rankFlags(flags: Flag[]): Flag[] {
  return [...flags].sort(
    (a, b) =>
      b.severity - a.severity || b.amount - a.amount || a.line.localeCompare(b.line) || a.periodIndex - b.periodIndex,
  );
}
