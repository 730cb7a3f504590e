/**
 * Formula text of the templates. Every reference is a structured reference by table and column
 * name (written in the file form `T[[#This Row],[c]]`, which the Excel API and .xlsx files both take),
 * so formulas follow their tables when a re-run moves or grows them.
 */

/** A column name inside brackets: ' escapes [ ] # and '. */
const escape = (column: string): string => column.replace(/(['#[\]])/g, "'$1");

/** @example column('fpaPlan', '2025-01') // 'fpaPlan[2025-01]' */
export const column = (table: string, name: string): string => `${table}[${escape(name)}]`;

/** @example thisRow('fpaPlan', 'id') // 'fpaPlan[[#This Row],[id]]' */
export const thisRow = (table: string, name: string): string => `${table}[[#This Row],[${escape(name)}]]`;

/** @example columns('fpaPlan', 'a', 'b') // 'fpaPlan[[a]:[b]]' */
export const columns = (table: string, from: string, to: string): string =>
  `${table}[[${escape(from)}]:[${escape(to)}]]`;

/** @example thisRowSpan('fpaPlan', 'a', 'b') // 'fpaPlan[[#This Row],[a]:[b]]' */
export const thisRowSpan = (table: string, from: string, to: string): string =>
  `${table}[[#This Row],[${escape(from)}]:[${escape(to)}]]`;

/** A text constant. @example text('a"b') // '"a""b"' */
export const text = (value: string): string => `"${value.replace(/"/g, '""')}"`;

/** The row of `source` whose id is this row's id: `MATCH(T[[#This Row],[id]],S[id],0)`. */
export const matchRow = (table: string, source: string, key = 'id'): string =>
  `MATCH(${thisRow(table, key)},${column(source, key)},0)`;

/** This line's value of `name` in `source`: INDEX(S[name], MATCH(…)). */
export const lookup = (table: string, source: string, name: string): string =>
  `INDEX(${column(source, name)},${matchRow(table, source)})`;

/** As lookup, but a blank stays blank ("") instead of reading as 0: an actual not booked yet. */
export const lookupKeepBlank = (table: string, source: string, name: string): string => {
  const value = lookup(table, source, name);
  return `IF(ISBLANK(${value}),"",${value})`;
};

/** A sum of this row's columns `from`..`to`, or 0 when the span is empty. */
export const rowSum = (table: string, names: readonly string[]): string =>
  names.length === 0 ? '0' : `SUM(${thisRowSpan(table, names[0], names[names.length - 1])})`;

/** a / b, blank when b is 0. */
export const ratio = (a: string, b: string): string => `IF(${b}=0,"",${a}/${b})`;
