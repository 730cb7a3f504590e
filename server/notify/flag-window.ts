/**
 * How many `flag.raised` announcements a cost centre makes over time. A report announces its most
 * severe new high-band flags one by one (at most `ANNOUNCED_PER_REPORT`, the rest counted on the last
 * as `alsoRaised`); over a window (`flagWindowMs`, an hour by default, opened by the cost centre's
 * first announcement) each person reporting for the cost centre has a share of
 * `flagAnnouncedPerWindow` announcements. What a person's reports raise beyond their share is held
 * and counted, and announced once when the window closes: one `flag.raised` naming the most severe
 * held flag, the others as `alsoRaised`, and the window (`heldBack`). So a writer sending reports as
 * fast as the rate limit allows makes at most their share (plus the escalations below) of deliveries
 * per webhook and window, plus one, and other cost centres' approvals are not queued behind them.
 *
 * A critical flag is not held behind trivial ones: one person's reports never spend another
 * person's share (a colleague's scan is announced at once, whatever one writer sent before), and a
 * flag more severe than every flag its reporter's share announced in the window is announced at
 * once even when the share is spent (`escalated: true`; at most `ESCALATIONS_PER_WINDOW` per person
 * and window, each more severe than the last, so they stay bounded). The counts live in the database
 * (`flag_windows`, a share per reporter in `shares`), so every server instance keeps the same ones.
 */
import type { Db, Queryable } from '../db/db';
import { emitEvent } from './events';

/** New high-severity flags of one report announced one by one (the rest counted on the last). */
export const ANNOUNCED_PER_REPORT = 5;

/**
 * Flags a person's reports may announce past their spent share in one window, each more severe than
 * every flag announced for them in it: a critical flag is not held behind trivial ones.
 */
export const ESCALATIONS_PER_WINDOW = 5;

/** One reporter's part of a cost centre's window. */
interface Share {
  /** Flags announced within the share. */
  announced: number;
  /** Flags announced past it, each more severe than all before. */
  escalated: number;
  /** The most severe flag announced for the reporter in the window (null: none yet). */
  most: number | null;
}

const NO_SHARE: Share = { announced: 0, escalated: 0, most: null };

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
  shares: Record<string, Share>;
}

const mostSevere = (a: RaisedFlag, b: RaisedFlag): RaisedFlag =>
  b.severity > a.severity || (b.severity === a.severity && b.flagId < a.flagId) ? b : a;

/**
 * Announces the flags a report of `costCentre` raised (any order), within the cost centre's window:
 * in the report's transaction, which holds the cost centre's flag lock. `shareOf` names whose share
 * the report spends: the reporter's person when an admin declared the account one person's (the
 * people table, `shareOfReporter`), so one person's accounts share one; else the account.
 */
export async function announceRaised(
  tx: Queryable,
  costCentre: string,
  raised: readonly RaisedFlag[],
  reportedBy: string,
  settings: FlagWindowSettings,
  shareOf = reportedBy,
): Promise<void> {
  if (raised.length === 0) return;
  const found = await tx.query<WindowRow>(
    `SELECT opened_at, opened_at + $2 * interval '1 millisecond' <= now() AS expired, announced, held, held_flag,
       held_reporters, shares FROM flag_windows WHERE cost_centre = $1 FOR UPDATE`,
    [costCentre, settings.flagWindowMs],
  );
  let window = found.rows[0];
  if (!window || window.expired) {
    if (window) await announceHeld(tx, costCentre, window, settings.flagWindowMs);
    await tx.query(
      `INSERT INTO flag_windows (cost_centre, opened_at) VALUES ($1, now())
       ON CONFLICT (cost_centre) DO UPDATE SET opened_at = now(), announced = 0, held = 0, held_flag = NULL,
         held_reporters = '{}', shares = '{}'`,
      [costCentre],
    );
    window = { opened_at: '', expired: false, announced: 0, held: 0, held_flag: null, held_reporters: [], shares: {} };
  }
  const sorted = [...raised].sort((a, b) => b.severity - a.severity || a.flagId.localeCompare(b.flagId));
  // A user id is a key of the JSON object: only its own entry counts (`constructor` is no share).
  const share: Share = { ...NO_SHARE, ...(Object.hasOwn(window.shares, shareOf) ? window.shares[shareOf] : {}) };
  const now = Math.min(ANNOUNCED_PER_REPORT, settings.flagAnnouncedPerWindow - share.announced, sorted.length);
  // The share is spent: the report's most severe flag still goes out at once if it tops every flag
  // announced for this reporter in the window (a critical flag behind trivial ones), within a bound.
  const escalates =
    now <= 0 && share.escalated < ESCALATIONS_PER_WINDOW && sorted[0].severity > (share.most ?? -Infinity);
  const announced = now > 0 ? sorted.slice(0, now) : escalates ? sorted.slice(0, 1) : [];
  // Past the share, what is not announced is held for the window's summary; within it, the rest of a
  // large report is counted on its last announcement.
  const held = now > 0 ? [] : sorted.slice(announced.length);
  for (const [i, flag] of announced.entries()) {
    const alsoRaised = now > 0 && i === announced.length - 1 ? sorted.length - announced.length : 0;
    await emitEvent(tx, {
      kind: 'flag.raised',
      costCentres: [costCentre],
      payload: {
        flag: { ...flag, costCentre },
        reportedBy,
        ...(alsoRaised > 0 ? { alsoRaised } : {}),
        ...(escalates ? { escalated: true } : {}),
      },
    });
  }
  const after: Share = {
    announced: share.announced + Math.max(0, now),
    escalated: share.escalated + (escalates ? 1 : 0),
    most: announced.length > 0 ? Math.max(share.most ?? -Infinity, announced[0].severity) : share.most,
  };
  const heldFlag =
    held.length === 0 ? window.held_flag : window.held_flag ? mostSevere(window.held_flag, held[0]) : held[0];
  await tx.query(
    `UPDATE flag_windows SET announced = announced + $2, shares = jsonb_set(shares, ARRAY[$7::text], $4::jsonb),
       held = held + $5, held_flag = $6::jsonb,
       held_reporters = CASE WHEN $5 = 0 OR $3 = ANY (held_reporters) THEN held_reporters
         ELSE array_append(held_reporters, $3) END
     WHERE cost_centre = $1`,
    [
      costCentre,
      announced.length,
      reportedBy,
      JSON.stringify(after),
      held.length,
      heldFlag ? JSON.stringify({ ...heldFlag, costCentre }) : null,
      shareOf,
    ],
  );
}

/**
 * Whose share of a window an account's reports spend: one name for every account an admin declared
 * one person (the least name `people_of` joins to it through the declarations in force now), or the
 * account itself. Never an email: a claimed address would spend a colleague's share (tenth pass, D1).
 */
export async function shareOfReporter(tx: Queryable, account: string): Promise<string> {
  const found = await tx.query<{ name: string | null }>(
    'SELECT (SELECT min(n) FROM unnest(people_of(ARRAY[$1::text], now())) AS n) AS name',
    [account],
  );
  return found.rows[0]?.name ?? account;
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
      `SELECT cost_centre, opened_at, true AS expired, announced, held, held_flag, held_reporters, shares FROM flag_windows
       WHERE held > 0 AND opened_at + $1 * interval '1 millisecond' <= now()
       ORDER BY opened_at LIMIT 100 FOR UPDATE SKIP LOCKED`,
      [windowMs],
    );
    for (const window of closed.rows) await announceHeld(tx, window.cost_centre, window, windowMs);
    return closed.rowCount;
  });
}
