/**
 * A count and its noun, singular for exactly one: the pane's "1 line" / "2 lines". The count is
 * written as given (no grouping), as the phrases that used it wrote it.
 *
 * @param n how many
 * @param noun the singular, e.g. `'line'` or `'actual amount'`
 * @param plural the plural when it is not the singular with an s, e.g. `'people'` for `'person'`
 * @example countOf(1, 'line') // '1 line'
 * @example countOf(0, 'line') // '0 lines'
 */
export function countOf(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
