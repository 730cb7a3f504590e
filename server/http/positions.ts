/**
 * Where in a request a message points, counted as people count: the first line of a proposal is
 * `lines[1]`, as the pane and the CLI say it (`openfpa flags`: `lines[1].plan[1]`). The validator
 * reports JSON Pointers, which count from 0 (`body/lines/0/period`), and messages said them so: a
 * user told of `lines/1` looked at their second line for a problem in the first. `details.path` keeps
 * the pointer, for programs.
 */

/** A list's item as messages name it: `item('lines', 0)` is `lines[1]`, the first line. */
export const item = (list: string, index: number): string => `${list}[${index + 1}]`;

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * A field named from its place: `where` (`body`, `querystring`, `params`) and a JSON Pointer inside
 * it (RFC 6901, from 0), read along `data` (what was sent) so that only an array's items are counted
 * (a key made of digits stays a key). Where `data` does not reach, a segment of digits is an item.
 *
 * @example fieldPath('body', '/lines/0/period', { lines: [{}] }) // → 'body.lines[1].period'
 * @example fieldPath('body', '', {}) // → 'body'
 */
export function fieldPath(where: string, pointer: string, data?: unknown): string {
  let text = where;
  let at: unknown = data;
  const known = data !== undefined;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const isItem = known && at !== undefined ? Array.isArray(at) : /^(0|[1-9][0-9]*)$/.test(key);
    if (isItem && /^(0|[1-9][0-9]*)$/.test(key)) text += `[${Number(key) + 1}]`;
    else text += NAME.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
    at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  }
  return text;
}
