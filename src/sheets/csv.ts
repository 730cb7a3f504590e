/**
 * CSV as the actuals import reads it (RFC 4180: comma separated, double-quoted fields with ""
 * escapes, CRLF or LF): records by header for the team server's import, a grid of text for the
 * sheet readers (the pane's "Load actuals from a CSV file").
 */

/**
 * Writes rows as RFC 4180 CSV (CRLF line ends): a field with a comma, quote or line break is quoted,
 * quotes doubled; null is an empty field; numbers in JavaScript's shortest round-trip form, so
 * reading the text back gives the same bits.
 * @example csvText([['a', 'x, y'], [1.5, null]]) // 'a,"x, y"\r\n1.5,\r\n'
 */
export function csvText(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const field = (c: string | number | boolean | null): string => {
    if (c === null) return '';
    const t = String(c);
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
  };
  return rows.map((row) => row.map(field).join(',') + '\r\n').join('');
}

/** A row of the file that could not be read (1-based data row; 0 = the header). */
export interface CsvRowError {
  row: number;
  field: string;
  message: string;
}

/**
 * The field separator of a file: a comma, unless its first line has none and has a semicolon (Excel's
 * "CSV" where the decimal separator is a comma, in most of Europe) or a tab (Excel's "Text").
 * @example delimiterOf('cost centre;account;2025-01\nMKT;Ads;12') // ';'
 */
export function delimiterOf(text: string): ',' | ';' | '\t' {
  const first = /^[^\r\n]*/.exec(text.replace(/^\s*[\r\n]+/, ''))?.[0].replace(/"[^"]*"/g, '') ?? '';
  if (first.includes(',')) return ',';
  if (first.includes(';')) return ';';
  return first.includes('\t') ? '\t' : ',';
}

/**
 * The file as a grid of texts, header first, blank lines dropped; fields separated by commas, or by
 * semicolons or tabs when the header line has no comma (`delimiterOf`).
 * @throws nothing: a quote left open is returned as `unclosed` (the 1-based line of the grid).
 * @example csvGrid('a,b\n1,"x, y"').rows // [['a', 'b'], ['1', 'x, y']]
 */
export function csvGrid(text: string): { rows: string[][]; unclosed: number | null } {
  const rows: string[][] = [];
  const body = text.replace(/^\uFEFF/, '');
  for (const fields of csvRows(body, delimiterOf(body))) {
    if (fields === null) return { rows, unclosed: rows.length + 1 };
    if (fields.length === 1 && fields[0] === '') continue;
    rows.push(fields);
  }
  return { rows, unclosed: null };
}

/**
 * Parses RFC 4180 CSV (comma separated, double-quoted fields with "" escapes, CRLF or LF) into
 * records keyed by the header row. A row with the wrong number of fields, or an unterminated
 * quote, is reported in `errors` (1-based data row), never guessed around.
 *
 * @example parseCsv('account,period,amount\n4000,2025-01,12.5').records
 * // → [{ account: '4000', period: '2025-01', amount: '12.5' }]
 */
export function parseCsv(text: string): {
  header: string[];
  records: Record<string, string>[];
  errors: CsvRowError[];
} {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  const errors: CsvRowError[] = [];
  if (rows.length === 0 || rows[0].fields === null) {
    return { header: [], records: [], errors: [{ row: 0, field: 'header', message: 'The CSV has no header row.' }] };
  }
  const header = rows[0].fields.map((name) => name.trim().toLowerCase());
  const records: Record<string, string>[] = [];
  rows.slice(1).forEach((row, index) => {
    const rowNumber = index + 1;
    if (row.fields === null) {
      errors.push({ row: rowNumber, field: 'row', message: 'A quoted field is not closed.' });
      return;
    }
    if (row.fields.length === 1 && row.fields[0] === '') return; // blank line
    if (row.fields.length !== header.length) {
      errors.push({
        row: rowNumber,
        field: 'row',
        message: `Expected ${header.length} fields, found ${row.fields.length}.`,
      });
      return;
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => (record[name] = row.fields![column]));
    records.push(record);
  });
  return { header, records, errors };
}

/** Splits into rows of fields; `fields: null` marks a row whose quote never closed. */
export function splitRows(text: string): { fields: string[] | null }[] {
  return Array.from(csvRows(text), (fields) => ({ fields }));
}

/** How much of a row `csvRows` keeps (what it scans past is not kept). */
export interface CsvRowLimits {
  /** Fields kept per row: a longer row is cut to `fields + 1`, so its reader still sees it is too long. */
  fields: number;
  /** Characters kept per field: a longer field is cut to `fieldLength + 1`, so its reader still sees it is too long. */
  fieldLength: number;
}

/**
 * The rows of the file one at a time, as fields (blank lines included, as `['']`); `null` marks a
 * quote that never closed (the rest of the text). A reader that stops early reads no further. With
 * `limits`, a row keeps at most `fields + 1` fields of at most `fieldLength + 1` characters each:
 * one line of a 16 MiB file (15 million commas, or one quoted cell of doubled quotes) is scanned
 * without building what no reader takes.
 * @param delimiter the field separator (a comma by default)
 * @example [...csvRows('a,b\n1,"x"')] // [['a', 'b'], ['1', 'x']]
 * @example [...csvRows('a,b,c,d\n12345', ',', { fields: 2, fieldLength: 3 })] // [['a', 'b', 'c'], ['1234']]
 */
export function* csvRows(text: string, delimiter = ',', limits?: CsvRowLimits): Generator<string[] | null> {
  const maxFields = limits ? limits.fields + 1 : Infinity;
  const maxLength = limits ? limits.fieldLength + 1 : Infinity;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const add = (ch: string) => {
    if (field.length < maxLength) field += ch;
  };
  const end = () => {
    if (fields.length < maxFields) fields.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i];
    let step = 1;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        add('"');
        step = 2;
      } else if (ch === '"') quoted = false;
      else add(ch);
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) end();
    else if (ch === '\n' || ch === '\r') {
      end();
      yield fields;
      fields = [];
      if (ch === '\r' && text[i + 1] === '\n') step = 2;
    } else add(ch);
    i += step;
  }
  if (quoted) yield null;
  else if (field !== '' || fields.length > 0) {
    end();
    yield fields;
  }
}
