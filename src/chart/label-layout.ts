/**
 * Places text labels along one axis so they do not collide: each label wants to be centred on its
 * anchor (a marker such as P5 or a tick); labels that would overlap go to the next row, and when the
 * rows are used up they are pushed sideways. Label widths are estimated from the text (a chart in
 * the pane knows its font size; src/ has no DOM to measure with).
 */

export interface LabelRequest {
  /** Where the label belongs, in pixels along the axis. */
  at: number;
  /** Its width in pixels (see `textWidth`). */
  width: number;
}

export interface PlacedLabel {
  /** Centre of the label, in pixels. */
  x: number;
  /** 0 for the first row, 1 for the next… */
  row: number;
}

/**
 * Width of a label in a sans-serif UI font: digits and most letters are about 0.56 em, separators and
 * spaces narrower. A slight overestimate, so labels placed with it do not touch.
 * @example textWidth('P95 52,348', 10) // ≈ 53
 */
export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const c of text) em += /[.,:;'|!il\s\u202f\u00a0]/.test(c) ? 0.3 : /[MWm%@]/.test(c) ? 0.85 : 0.58;
  return em * fontSize;
}

/**
 * @param min,max the room along the axis (labels are kept inside it)
 * @param gap the least space between two labels on one row @default 4
 * @param rows how many rows may be used @default 2
 * @example layoutLabels([{ at: 50, width: 40 }, { at: 60, width: 40 }], 0, 200) // [{ x: 50, row: 0 }, { x: 60, row: 1 }]
 */
export function layoutLabels(labels: LabelRequest[], min: number, max: number, gap = 4, rows = 2): PlacedLabel[] {
  const order = labels.map((_, i) => i).sort((a, b) => labels[a].at - labels[b].at);
  const rightEdge = new Array<number>(Math.max(1, rows)).fill(-Infinity);
  const placed: PlacedLabel[] = new Array(labels.length);
  for (const i of order) {
    const { at, width } = labels[i];
    const half = width / 2;
    const wanted = Math.min(Math.max(at, min + half), max - half);
    let row = rightEdge.findIndex((edge) => wanted - half >= edge + gap);
    let x = wanted;
    if (row < 0) {
      // Every row is taken here: use the row whose last label ends first, just after it.
      row = rightEdge.indexOf(Math.min(...rightEdge));
      x = rightEdge[row] + gap + half;
    }
    rightEdge[row] = x + half;
    placed[i] = { x, row };
  }
  return placed;
}

/** A marker's label as placed, with its edges. */
export interface PlacedMarkerLabel extends PlacedLabel {
  /** Left and right edges of the label, px. */
  left: number;
  right: number;
}

/**
 * Places the labels of marker lines (P5, P50, P95…) in rows above the plot (row 0 on top). A marker's
 * line runs down from just under its own label through every lower row, so besides not touching
 * another label of its row, a label never covers the line of a marker in a row above it, and a marker
 * is never put in a row above a label its line would cross. Each label stays over its own line: the
 * line's top is under the label's middle half when it can be, else under the label or within `gap`
 * of its edge, moving to a new row before it moves further. Labels are kept inside [min, max]. Rows
 * are added as needed (at most one per marker); markers are placed from the left, or from the right
 * when that keeps labels nearer their lines (markers crowded at the right end).
 * @param gap the least space between a label and another label or another marker's line @default 4
 * @example layoutMarkerLabels([{ at: 155, width: 47 }, { at: 183, width: 52 }, { at: 212, width: 52 }], 0, 288, 6).rows // 3
 */
export function layoutMarkerLabels(
  labels: LabelRequest[],
  min: number,
  max: number,
  gap = 4,
): { placed: PlacedMarkerLabel[]; rows: number } {
  const ascending = labels.map((_, i) => i).sort((a, b) => labels[a].at - labels[b].at || a - b);
  const tries = [ascending, [...ascending].reverse()].map((order) => placeInOrder(labels, order, min, max, gap));
  const best = tries.reduce((a, b) => (b.cost < a.cost || (b.cost === a.cost && b.rows < a.rows) ? b : a));
  return { placed: best.placed, rows: best.rows };
}

function placeInOrder(labels: LabelRequest[], order: number[], min: number, max: number, gap: number) {
  const placed: PlacedMarkerLabel[] = new Array(labels.length);
  const done: number[] = [];
  let rows = 0;
  let cost = 0;
  for (const i of order) {
    const { at, width } = labels[i];
    const half = width / 2;
    const lo = min + half;
    const hi = Math.max(lo, max - half);
    const wanted = Math.min(Math.max(at, lo), hi);
    // Where the label may go on each row (undefined: nowhere), nearest its line.
    const options: Array<number | undefined> = [];
    for (let row = 0; row <= done.length; row++) {
      // This marker's line runs down through every row below `row`: no label there may sit on it.
      if (done.some((j) => placed[j].row > row && placed[j].left - gap < at && at < placed[j].right + gap)) {
        options.push(undefined);
        continue;
      }
      // Centres the label may not take on this row: next to a label of the row, or on a line from above.
      const blocked: Array<[number, number]> = [];
      for (const j of done) {
        if (placed[j].row === row) blocked.push([placed[j].left - gap - half, placed[j].right + gap + half]);
        else if (placed[j].row < row) blocked.push([labels[j].at - gap - half, labels[j].at + gap + half]);
      }
      options.push(nearestFree(wanted, lo, hi, blocked));
    }
    const tiers = [Math.max(half / 2, Math.abs(wanted - at)), half + gap, Infinity];
    const tier = tiers.findIndex((reach) => options.some((x) => x !== undefined && Math.abs(x - at) <= reach + 1e-9));
    const row = options.findIndex((x) => x !== undefined && Math.abs(x - at) <= tiers[tier] + 1e-9);
    const x = row < 0 ? wanted : (options[row] as number);
    const r = row < 0 ? done.length : row;
    // A label away from its line (when nothing else fits) costs more than every shift put together.
    cost += row < 0 || tier === 2 ? labels.length * 2 : tier;
    placed[i] = { x, row: r, left: x - half, right: x + half };
    rows = Math.max(rows, r + 1);
    done.push(i);
  }
  return { placed, rows, cost };
}

/** The point of [lo, hi] nearest `wanted` outside every open interval of `blocked`, if any. */
function nearestFree(wanted: number, lo: number, hi: number, blocked: Array<[number, number]>): number | undefined {
  const free = (x: number) => x >= lo - 1e-9 && x <= hi + 1e-9 && blocked.every(([a, b]) => x <= a || x >= b);
  const candidates = [wanted, lo, hi, ...blocked.flat()].filter(free);
  if (candidates.length === 0) return undefined;
  return candidates.reduce((a, b) => (Math.abs(b - wanted) < Math.abs(a - wanted) ? b : a));
}
