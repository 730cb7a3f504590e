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
