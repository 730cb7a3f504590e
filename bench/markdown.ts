/**
 * How a benchmark prints a table: its title line, a blank line, the header, the separator, the rows
 * (each already `| a | b |`), and a blank line after it.
 * @example titledTable('Cached', ['member', 'CPU s'], ['| ets | 1.0 |']) // ['Cached', '', '| member | CPU s |', '|---|---|', '| ets | 1.0 |', '']
 */
export function titledTable(title: string, columns: readonly string[], rows: readonly string[]): string[] {
  return [title, '', `| ${columns.join(' | ')} |`, `|${columns.map(() => '---').join('|')}|`, ...rows, ''];
}
