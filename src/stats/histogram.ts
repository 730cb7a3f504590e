/**
 * Equal-width histogram of a sample: the pane's result and preview charts and the workbook's
 * histogram table draw from it.
 */
import { extent } from './extent';

export interface Histogram {
  /** Bin lower edges, then the last upper edge (length bins + 1). */
  edges: number[];
  counts: number[];
}

/**
 * `bins` equal-width bins from the minimum to the maximum; each bin holds the values in
 * [lower edge, upper edge), the last bin also its upper edge (the maximum). One bin when all values
 * are equal; no bins for no values. Values must be finite (the engines check their outputs).
 * @example histogram(Float64Array.of(0, 1, 2, 3), 2) // { edges: [0, 1.5, 3], counts: [2, 2] }
 * @example histogram([7, 7], 5) // { edges: [7, 7], counts: [2] }
 */
export function histogram(values: ArrayLike<number>, bins = 30): Histogram {
  if (values.length === 0) return { edges: [], counts: [] };
  const [min, max] = extent(values);
  if (min === max) return { edges: [min, max], counts: [values.length] };
  const width = (max - min) / bins;
  const counts = new Int32Array(bins);
  // ⌊(v − min)/width⌋ by `| 0` (the same for a quotient from 0 to `bins`), counted in an Int32Array.
  for (let i = 0; i < values.length; i++) counts[Math.min(bins - 1, ((values[i] - min) / width) | 0)]++;
  return {
    edges: Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width)),
    counts: Array.from(counts),
  };
}
