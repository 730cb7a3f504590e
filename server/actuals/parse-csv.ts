import type { ImportRowError } from '../errors';

/**
 * Parses RFC 4180 CSV (comma separated, double-quoted fields with "" escapes, CRLF or LF) into
 * records keyed by the header row. A row with the wrong number of fields, or an unterminated
 * quote, is reported in `errors` (1-based data row), never guessed around.
 *
 * @example parseCsv('account,period,amount\n4000,2025-01,12.5').records
 * // → [{ account: '4000', period: '2025-01', amount: '12.5' }]
 */
export function parseCsv(text: string): { header: string[]; records: Record<string, string>[]; errors: ImportRowError[] } {
  const rows = splitRows(text.replace(/^\uFEFF/, ''));
  const errors: ImportRowError[] = [];
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
      errors.push({ row: rowNumber, field: 'row', message: `Expected ${header.length} fields, found ${row.fields.length}.` });
      return;
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => (record[name] = row.fields![column]));
    records.push(record);
  });
  return { header, records, errors };
}

/** Splits into rows of fields; `fields: null` marks a row whose quote never closed. */
function splitRows(text: string): { fields: string[] | null }[] {
  const rows: { fields: string[] | null }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), (i += 1);
      else (field += ch), (i += 1);
      continue;
    }
    if (ch === '"' && field === '') (quoted = true), (i += 1);
    else if (ch === ',') fields.push(field), (field = ''), (i += 1);
    else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      rows.push({ fields });
      fields = [];
      field = '';
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else (field += ch), (i += 1);
  }
  if (quoted) rows.push({ fields: null });
  else if (field !== '' || fields.length > 0) rows.push({ fields: [...fields, field] });
  return rows;
}
