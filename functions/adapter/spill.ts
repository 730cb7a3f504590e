/**
 * Shaping results as dynamic arrays. Excel spills a returned 2-D array; every row must have the
 * same length, and a non-finite number would show as #NUM! in that one cell, so we say so
 * explicitly with an empty cell ("") where a value does not exist.
 */
export type SpillValue = number | string | boolean;

/** Makes a rectangular array out of rows, padding short rows with "". */
export function rectangular(rows: ReadonlyArray<ReadonlyArray<SpillValue | null | undefined>>): SpillValue[][] {
  let width = 1;
  for (const row of rows) width = Math.max(width, row.length); // no spread: results can be long
  return rows.map((row) => {
    const out: SpillValue[] = [];
    for (let c = 0; c < width; c++) {
      const value = row[c];
      out.push(
        value === null || value === undefined || (typeof value === 'number' && !Number.isFinite(value)) ? '' : value,
      );
    }
    return out;
  });
}

/** Puts equal-length columns side by side: `columns([a, b, c])` → rows of `[a[i], b[i], c[i]]`. */
export function columns(cols: ReadonlyArray<ReadonlyArray<SpillValue>>): SpillValue[][] {
  let length = 0;
  for (const c of cols) length = Math.max(length, c.length);
  const rows: SpillValue[][] = [];
  for (let i = 0; i < length; i++) rows.push(cols.map((c) => c[i]));
  return rectangular(rows);
}

/** A labelled table: a header row, then one row per record. */
export function withHeader(
  header: ReadonlyArray<string>,
  rows: ReadonlyArray<ReadonlyArray<SpillValue | null | undefined>>,
): SpillValue[][] {
  return rectangular([header, ...rows]);
}
