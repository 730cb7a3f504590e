/**
 * Scoring of flags against the labelled events of scripts/make-budget-set.ts (set a) or
 * scripts/make-budget-set-b.ts (set b), one flag per issue.
 *
 * - A flag is real when at least half of its span (onset through last period) lies inside labelled
 *   events of its line: its onset and its end must both be roughly right, and a one-off must sit on
 *   the event.
 * - An event is caught when a real flag's span meets its catch window: a shift or trend change within
 *   two periods of its onset, any other event anywhere in its periods.
 * - Precision = real flags / flags; recall = caught events / events, also over the material events
 *   only (peak effect ≥ 5% of plan, the engine's default `minPct`: smaller events are below the
 *   threshold a user set, so no flag is wanted for them).
 * - Flags per caught event shows fragmentation: 1.0 means one flag per issue.
 */

/** A labelled event of either set: its line, kind, periods (0-based, inclusive) and peak effect (share of plan). */
export interface LabelledEvent {
  line: string;
  kind: string;
  start: number;
  end: number;
  effect: number;
}

export interface ScoredFlag {
  line: string;
  periodIndex: number;
  throughIndex: number;
  kind: string;
  confidence?: number;
}

export interface Score {
  flags: number;
  real: number;
  events: number;
  caught: number;
  materialEvents: number;
  materialCaught: number;
  /** Real flags that meet a caught event, per caught event. */
  flagsPerCaught: number;
  byFlagKind: Record<string, { flags: number; real: number }>;
  byEventKind: Record<string, { events: number; caught: number }>;
  /** For calibration: [confidence, real] of every flag that has a confidence. */
  confidence: [number, boolean][];
}

/** Smallest material effect: the engine's default minPct. */
export const MATERIAL_EFFECT = 0.05;

function catchWindow(e: LabelledEvent): [number, number] {
  return e.kind === 'shift' || e.kind === 'trend' ? [e.start, Math.min(e.end, e.start + 2)] : [e.start, e.end];
}

export function scoreFlags(flags: ReadonlyArray<ScoredFlag>, events: ReadonlyArray<LabelledEvent>): Score {
  const byLine = new Map<string, LabelledEvent[]>();
  for (const e of events) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e]);
  const inside = (line: string, t: number) => (byLine.get(line) ?? []).some((e) => t >= e.start && t <= e.end);
  const isReal = (f: ScoredFlag): boolean => {
    let n = 0;
    for (let t = f.periodIndex; t <= f.throughIndex; t += 1) n += inside(f.line, t) ? 1 : 0;
    return 2 * n >= f.throughIndex - f.periodIndex + 1;
  };
  const real = flags.filter(isReal);
  const byFlagKind: Score['byFlagKind'] = {};
  for (const f of flags) {
    const k = (byFlagKind[f.kind] ??= { flags: 0, real: 0 });
    k.flags += 1;
    k.real += isReal(f) ? 1 : 0;
  }
  const catching = (e: LabelledEvent) => {
    const [a, b] = catchWindow(e);
    return real.filter((f) => f.line === e.line && f.periodIndex <= b && f.throughIndex >= a);
  };
  const byEventKind: Score['byEventKind'] = {};
  let caught = 0;
  let materialEvents = 0;
  let materialCaught = 0;
  let catchers = 0;
  for (const e of events) {
    const hits = catching(e).length;
    const k = (byEventKind[e.kind] ??= { events: 0, caught: 0 });
    k.events += 1;
    k.caught += hits > 0 ? 1 : 0;
    caught += hits > 0 ? 1 : 0;
    catchers += hits;
    if (e.effect >= MATERIAL_EFFECT) {
      materialEvents += 1;
      materialCaught += hits > 0 ? 1 : 0;
    }
  }
  return {
    flags: flags.length,
    real: real.length,
    events: events.length,
    caught,
    materialEvents,
    materialCaught,
    flagsPerCaught: caught > 0 ? catchers / caught : 0,
    byFlagKind,
    byEventKind,
    confidence: flags.filter((f) => f.confidence !== undefined).map((f) => [f.confidence as number, isReal(f)]),
  };
}

/** Adds scores up (counts only; ratios are taken from the sums). */
export function addScores(scores: ReadonlyArray<Score>): Score {
  const total: Score = {
    flags: 0,
    real: 0,
    events: 0,
    caught: 0,
    materialEvents: 0,
    materialCaught: 0,
    flagsPerCaught: 0,
    byFlagKind: {},
    byEventKind: {},
    confidence: [],
  };
  let catchers = 0;
  for (const s of scores) {
    total.flags += s.flags;
    total.real += s.real;
    total.events += s.events;
    total.caught += s.caught;
    total.materialEvents += s.materialEvents;
    total.materialCaught += s.materialCaught;
    catchers += s.flagsPerCaught * s.caught;
    for (const [k, v] of Object.entries(s.byFlagKind)) {
      const t = (total.byFlagKind[k] ??= { flags: 0, real: 0 });
      t.flags += v.flags;
      t.real += v.real;
    }
    for (const [k, v] of Object.entries(s.byEventKind)) {
      const t = (total.byEventKind[k] ??= { events: 0, caught: 0 });
      t.events += v.events;
      t.caught += v.caught;
    }
    total.confidence.push(...s.confidence);
  }
  total.flagsPerCaught = total.caught > 0 ? catchers / total.caught : 0;
  return total;
}
