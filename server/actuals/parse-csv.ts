import { csvRows } from '../../src/sheets/csv';
import type { ImportRowError } from '../errors';

/** The columns an actuals CSV may have (header names, any case), each at most once. */
export const CSV_COLUMNS = ['account', 'period', 'amount', 'currency'] as const;
const REQUIRED = ['account', 'period', 'amount'];
/** The longest cell an actuals CSV may hold: an account is at most 64 characters, a month 7, an amount far fewer than this. */
export const MAX_CSV_FIELD = 1000;

export interface CsvLimits {
  /** Data rows beyond this stop parsing (`tooManyRows`). */
  maxRows: number;
  /** Problems beyond this stop parsing (`stoppedEarly`). */
  maxErrors: number;
}

export interface ParsedCsv {
  header: string[];
  records: Record<string, string>[];
  errors: ImportRowError[];
  /** The file has more than `maxRows` data rows (nothing past the limit was read). */
  tooManyRows: boolean;
  /** Parsing stopped at `maxErrors` problems. */
  stoppedEarly: boolean;
}

/**
 * Reads an actuals import: RFC 4180 CSV (the one reader, src/sheets/csv.ts `csvRows`) into records
 * keyed by the header row. The header must name account, period and amount (currency is
 * optional), each once, and nothing else: a repeated or unknown column is an error, never a guess
 * about which one was meant. A row with the wrong number of fields, or an unterminated quote, is
 * reported in `errors` (1-based data row). It yields to the event loop every few thousand rows, so
 * a large file does not stall other requests, and stops at the row and error limits.
 *
 * @example (await parseImportCsv('account,period,amount\n4000,2025-01,12.5')).records
 * // → [{ account: '4000', period: '2025-01', amount: '12.5' }]
 */
export async function parseImportCsv(text: string, limits: CsvLimits): Promise<ParsedCsv> {
  // No cell of an actuals row is longer than an amount, and no row wider than the columns: what a
  // line holds beyond that is scanned, not kept (15 million commas on one line were 4 s of one
  // request, a header of 80,000 names 23 s).
  const rows = csvRows(text.replace(/^\uFEFF/, ''), ',', { fields: CSV_COLUMNS.length, fieldLength: MAX_CSV_FIELD });
  const parsed: ParsedCsv = { header: [], records: [], errors: [], tooManyRows: false, stoppedEarly: false };
  const first = rows.next();
  if (first.done || first.value === null) {
    parsed.errors.push({ row: 0, field: 'header', message: 'The CSV has no header row.' });
    return parsed;
  }
  const header = first.value.map((name) => name.trim().toLowerCase());
  parsed.header = header;
  const headerProblem = checkHeader(header);
  if (headerProblem) {
    parsed.errors.push({ row: 0, field: 'header', message: headerProblem });
    return parsed;
  }
  let rowNumber = 0;
  let lines = 0;
  for (const fields of rows) {
    // Every few thousand lines, blank ones too (15 million blank lines never yielded when only rows counted).
    lines += 1;
    if (lines % 5000 === 0) await new Promise((resolve) => setImmediate(resolve));
    if (fields !== null && fields.length === 1 && fields[0] === '') continue; // a blank line is not a row
    rowNumber += 1;
    if (rowNumber > limits.maxRows) {
      parsed.tooManyRows = true;
      break;
    }
    const message = rowProblem(fields, header.length);
    if (fields === null || message) {
      parsed.errors.push({ row: rowNumber, field: 'row', message: message ?? 'A quoted field is not closed.' });
      if (parsed.errors.length >= limits.maxErrors) {
        parsed.stoppedEarly = true;
        break;
      }
      continue;
    }
    const record: Record<string, string> = {};
    header.forEach((name, column) => (record[name] = fields[column]));
    parsed.records.push(record);
  }
  return parsed;
}

/** Why a row of fields cannot be read against a header of `width` columns, or null. */
function rowProblem(fields: readonly string[] | null, width: number): string | null {
  if (fields === null) return 'A quoted field is not closed.';
  // csvRows kept one field more than any header has: a row that long may have had many more.
  if (fields.length > CSV_COLUMNS.length) return `Expected ${width} fields, found more than ${CSV_COLUMNS.length}.`;
  if (fields.length !== width) return `Expected ${width} fields, found ${fields.length}.`;
  if (fields.some((field) => field.length > MAX_CSV_FIELD))
    return `A field is longer than ${MAX_CSV_FIELD.toLocaleString('en-US')} characters.`;
  return null;
}

function checkHeader(header: string[]): string | null {
  if (header.length > CSV_COLUMNS.length)
    return `The header has more than ${CSV_COLUMNS.length} columns; allowed: ${CSV_COLUMNS.join(', ')}, each once.`;
  if (header.some((name) => name.length > MAX_CSV_FIELD))
    return `A column name is longer than ${MAX_CSV_FIELD.toLocaleString('en-US')} characters; allowed: ${CSV_COLUMNS.join(', ')}.`;
  const repeated = header.filter((name, i) => header.indexOf(name) !== i);
  if (repeated.length > 0) return `The header repeats ${[...new Set(repeated)].join(', ')}.`;
  const unknown = header.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  if (unknown.length > 0)
    return `The header has unknown column(s) ${unknown.map((n) => `"${n}"`).join(', ')}; allowed: ${CSV_COLUMNS.join(', ')}.`;
  const missing = REQUIRED.filter((name) => !header.includes(name));
  if (missing.length > 0) return `The header lacks ${missing.join(', ')}.`;
  return null;
}
