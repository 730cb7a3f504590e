/**
 * How many `flag.raised` announcements a cost centre makes over time. A report announces its most
 * severe new high-band flags one by one (at most `ANNOUNCED_PER_REPORT`, the rest counted on the last
 * as `alsoRaised`); over a window (`flagWindowMs`, an hour by default) a cost centre announces at most
 * `flagAnnouncedPerWindow`. What a window's reports raise beyond that is held and counted, and
 * announced once when the window closes: one `flag.raised` naming the most severe held flag, the
 * others as `alsoRaised`, and the window (`heldBack`). So a writer sending reports as fast as the rate
 * limit allows makes at most that many deliveries per webhook and window, plus one, and other cost
 * centres' approvals are not queued behind them. The count lives in the database (`flag_windows`),
 * so every server instance keeps the same one.
 */
import type { Db, Queryable } from '../db/db';
import { emitEvent } from './events';

/** New high-severity flags of one report announced one by one (the rest counted on the last). */
export const ANNOUNCED_PER_REPORT = 5;

export interface FlagWindowSettings {
  /** The window's length (ms). */
  flagWindowMs: number;
  /** Announcements a cost centre makes in one window before it holds the rest for the summary. */
  flagAnnouncedPerWindow: number;
}

/** A new high-band flag of a report, as announced. */
export interface RaisedFlag {
  flagId: string;
  kind: string;
  severity: number;
  amount: number;
  explanation?: string;
}

interface WindowRow {
  opened_at: string;
  expired: boolean;
  announced: number;
  held: number;
  held_flag: (RaisedFlag & { costCentre: string }) | null;
  held_reporters: string[];
}

const mostSevere = (a: RaisedFlag, b: RaisedFlag): RaisedFlag =>
  b.severity > a.severity || (b.severity === a.severity && b.flagId < a.flagId) ? b : a;

/**
 * Announces the flags a report of `costCentre` raised (any order), within the cost centre's window:
 * in the report's transaction, which holds the cost centre's flag lock.
 */
export async function announceRaised(
  tx: Queryable,
  costCentre: string,
  raised: readonly RaisedFlag[],
  reportedBy: string,
  settings: FlagWindowSettings,
): Promise<void> {
  if (raised.length === 0) return;
  const found = await tx.query<WindowRow>(
    `SELECT opened_at, opened_at + $2 * interval '1 millisecond' <= now() AS expired, announced, held, held_flag,
       held_reporters FROM flag_windows WHERE cost_centre = $1 FOR UPDATE`,
    [costCentre, settings.flagWindowMs],
  );
  let window = found.rows[0];
  if (!window || window.expired) {
    if (window) await announceHeld(tx, costCentre, window, settings.flagWindowMs);
    await tx.query(
      `INSERT INTO flag_windows (cost_centre, opened_at) VALUES ($1, now())
       ON CONFLICT (cost_centre) DO UPDATE SET opened_at = now(), announced = 0, held = 0, held_flag = NULL,
         held_reporters = '{}'`,
      [costCentre],
    );
    window = { opened_at: '', expired: false, announced: 0, held: 0, held_flag: null, held_reporters: [] };
  }
  const sorted = [...raised].sort((a, b) => b.severity - a.severity || a.flagId.localeCompare(b.flagId));
  const now = Math.min(ANNOUNCED_PER_REPORT, settings.flagAnnouncedPerWindow - window.announced, sorted.length);
  if (now <= 0) {
    const held = window.held_flag ? mostSevere(window.held_flag, sorted[0]) : sorted[0];
    await tx.query(
      `UPDATE flag_windows SET held = held + $2, held_flag = $3::jsonb,
         held_reporters = CASE WHEN $4 = ANY (held_reporters) THEN held_reporters ELSE array_append(held_reporters, $4) END
       WHERE cost_centre = $1`,
      [costCentre, sorted.length, JSON.stringify({ ...held, costCentre }), reportedBy],
    );
    return;
  }
  const announced = sorted.slice(0, now);
  for (const [i, flag] of announced.entries()) {
    const alsoRaised = i === announced.length - 1 ? sorted.length - announced.length : 0;
    await emitEvent(tx, {
      kind: 'flag.raised',
      costCentres: [costCentre],
      payload: { flag: { ...flag, costCentre }, reportedBy, ...(alsoRaised > 0 ? { alsoRaised } : {}) },
    });
  }
  await tx.query('UPDATE flag_windows SET announced = announced + $2 WHERE cost_centre = $1', [costCentre, now]);
}

/** The one announcement of what a closed window held back. */
async function announceHeld(tx: Queryable, costCentre: string, window: WindowRow, windowMs: number): Promise<void> {
  if (window.held === 0 || !window.held_flag) return;
  const from = new Date(window.opened_at);
  await emitEvent(tx, {
    kind: 'flag.raised',
    costCentres: [costCentre],
    payload: {
      flag: { ...window.held_flag, costCentre },
      reportedBy: window.held_reporters[0] ?? null,
      ...(window.held > 1 ? { alsoRaised: window.held - 1 } : {}),
      heldBack: {
        count: window.held,
        from: from.toISOString(),
        to: new Date(from.getTime() + windowMs).toISOString(),
        reportedBy: window.held_reporters,
      },
    },
  });
  await tx.query("UPDATE flag_windows SET held = 0, held_flag = NULL, held_reporters = '{}' WHERE cost_centre = $1", [
    costCentre,
  ]);
}

/**
 * The background round's part: announces what every closed window held back (each window once, by
 * one instance); returns how many windows it closed.
 */
export async function closeFlagWindows(db: Db, windowMs: number): Promise<number> {
  return db.transaction(async (tx) => {
    const closed = await tx.query<WindowRow & { cost_centre: string }>(
      `SELECT cost_centre, opened_at, true AS expired, announced, held, held_flag, held_reporters FROM flag_windows
       WHERE held > 0 AND opened_at + $1 * interval '1 millisecond' <= now()
       ORDER BY opened_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      [windowMs],
    );
    for (const window of closed.rows) await announceHeld(tx, window.cost_centre, window, windowMs);
    return closed.rowCount;
  });
}
