/** Equal-width histogram of trial values, for the pane's chart and the workbook's histogram data. */
export interface Histogram {
  /** Bin lower edges, then the last upper edge (length bins + 1). */
  edges: number[];
  counts: number[];
}

/**
 * @example binValues(Float64Array.of(0, 1, 2, 3), 2) // { edges: [0, 1.5, 3], counts: [2, 2] }
 */
export function binValues(values: ArrayLike<number>, bins = 30): Histogram {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (values.length === 0) return { edges: [], counts: [] };
  if (min === max) return { edges: [min, max], counts: [values.length] };
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, Math.floor((values[i] - min) / width))]++;
  return { edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width)), counts };
}
