/**
 * Validation of a budget document (the CLI's input) into typed budget lines. Every problem is
 * reported with where it is, so a finance user can fix the file.
 */
import { numberFromText } from '../sheets/cells';
import { datedPeriods } from '../sheets/period-dates';
import { AnomalyErrors } from './errors';
import { resolveThresholds } from './resolve-thresholds';
import type { BudgetLine, DriverSeries, LineDrivers, ThresholdSettings } from './types';

export interface BudgetDocument {
  /** Period labels as given (for example "2026-01"); flags name their period with these. */
  periods: string[];
  /**
   * Problems that do not stop the run, for the CLI to print: a repeated period label, byAccount/byLine
   * settings for a name no line has.
   */
  warnings: string[];
  lines: BudgetLine[];
  /** As given, with `periodsPerYear` 4 or 52 when not given and every label is a quarter or a week. */
  thresholds?: ThresholdSettings;
}

/**
 * Says where a period label first repeats, or undefined when each is unique. A repeat is not an error:
 * a finance sheet of 36 months is often headed "Jan" … "Dec" three times, and its flags are as good;
 * only the labels in `period`, `through` and the sentences are then ambiguous, so the CLI warns.
 * @example repeatedPeriodLabel(['Jan', 'Feb', 'Jan']) // 'Period label "Jan" appears more than once (periods 1 and 3) …'
 */
export function repeatedPeriodLabel(labels: ReadonlyArray<string>): string | undefined {
  const first = new Map<string, number>();
  for (let i = 0; i < labels.length; i++) {
    const seen = first.get(labels[i]);
    if (seen !== undefined)
      return (
        `Period label "${labels[i]}" appears more than once (periods ${seen + 1} and ${i + 1}); ` +
        'flags name their periods by these labels, so give each period a unique one (for example "2026-01") to tell them apart.'
      );
    first.set(labels[i], i);
  }
  return undefined;
}

const QUARTER = /^(?:(?:FY\s*)?\d{2,4}[\s\-_/]*)?Q[1-4](?:[\s\-_/']*(?:FY\s*)?\d{2,4})?$/i;
const WEEK = /^(?:\d{4}[\s\-_/]*)?W(?:K|EEK)?\s*\d{1,2}(?:[\s\-_/]*\d{4})?$/i;

/**
 * The year a sheet's period labels imply: 4 when every label names a quarter ("Q1 2026", "2026-Q1",
 * "FY26 Q1", and a date row a quarter apart, read as "Q1 2026"), 52 when every label names a week
 * ("W05", "2026-W05", "Week 7"); undefined otherwise (months, numbers, mixed labels: the default 12).
 * FPA.VARIANCE.FLAGS and the flags CLI use it when `thresholds.periodsPerYear` is not given.
 * @example labelledPeriodsPerYear(['Q1 2026', 'Q2 2026']) // 4
 * @example labelledPeriodsPerYear(['Jan 2026', 'Feb 2026']) // undefined
 */
export function labelledPeriodsPerYear(labels: ReadonlyArray<string> | undefined): 4 | 52 | undefined {
  if (!labels || labels.length === 0) return undefined;
  const every = (re: RegExp) => labels.every((l) => re.test(l.trim()));
  return every(QUARTER) ? 4 : every(WEEK) ? 52 : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numbers(value: unknown, where: string, length: number, line: string, field: string): (number | null)[] {
  if (!Array.isArray(value))
    throw AnomalyErrors.badInput(where, 'must be an array of numbers (null or "" for a blank)');
  if (value.length > length) throw AnomalyErrors.lengthMismatch(line, field, value.length, length);
  const out = value.map((v, k) => {
    // "" is how Excel's API (range.values) hands over a blank cell, so a sheet exported as JSON has it.
    if (v === null || v === '') return null;
    // A text that is a plain number ("1250", as CSV-to-JSON converters quote every value): the cell rule of src/sheets.
    if (typeof v === 'string' && numberFromText(v) !== undefined) return numberFromText(v) as number;
    if (typeof v === 'number' && !Number.isFinite(v))
      // JSON.parse reads 1e999 as Infinity (which JSON.stringify would show as null).
      throw AnomalyErrors.badInput(`${where}[${k + 1}]`, `is too large to hold (${v}), not a number or null`);
    if (typeof v !== 'number')
      throw AnomalyErrors.badInput(`${where}[${k + 1}]`, `is ${JSON.stringify(v)}, not a number or null`);
    return v;
  });
  // A shorter actual means the later periods are not booked yet.
  while (out.length < length) out.push(null);
  return out;
}

function driverSeries(value: unknown, where: string, length: number, line: string): DriverSeries {
  if (!isObject(value)) throw AnomalyErrors.badInput(where, 'must be an object {plan:[...], actual:[...]}');
  return {
    plan: numbers(value.plan, `${where}.plan`, length, line, `${where}.plan`),
    actual: numbers(value.actual, `${where}.actual`, length, line, `${where}.actual`),
  };
}

function drivers(value: unknown, where: string, length: number, line: string): LineDrivers | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value))
    throw AnomalyErrors.badInput(where, 'must be an object with price (or rate) and volume (or quantity)');
  const price = value.price ?? value.rate;
  const volume = value.volume ?? value.quantity;
  if (price === undefined || volume === undefined)
    throw AnomalyErrors.badInput(where, 'needs both price (or rate) and volume (or quantity)');
  const volumeDriver = value.volumeDriver;
  if (volumeDriver !== undefined && typeof volumeDriver !== 'string')
    throw AnomalyErrors.badInput(`${where}.volumeDriver`, 'must be a string');
  return {
    price: driverSeries(price, `${where}.price`, length, line),
    volume: driverSeries(volume, `${where}.volume`, length, line),
    volumeDriver,
  };
}

function text(value: unknown, where: string, fallback?: string): string {
  if (value === undefined && fallback !== undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '')
    throw AnomalyErrors.badInput(where, 'must be a non-empty string');
  return value;
}

/**
 * Checks `{"periods":[...],"lines":[{"id","costCentre","account","owner","plan":[],"actual":[],
 * "drivers"?}], "thresholds"?}`. `costCentre`, `account` and `owner` default to "" when absent;
 * `actual` may be shorter than the periods (later periods not booked yet); a blank amount is null or "";
 * a text that is a plain number ("1250") is that number. A blank period label (null, "") is "period n";
 * periods that are all Excel date serials a month, a quarter or a week apart are "Jan 2026", "Q1 2026" or
 * "2026-W05" (datedPeriods in src/sheets).
 * @throws ANOMALY_BAD_INPUT naming the field at fault; ANOMALY_LENGTH_MISMATCH when a series is
 *   longer than the periods; ANOMALY_DUPLICATE_LINE for a repeated id; ANOMALY_BAD_THRESHOLD. A repeated period label is
 *   a warning (`warnings`), not an error.
 */
export function parseBudget(doc: unknown): BudgetDocument {
  if (!isObject(doc))
    throw AnomalyErrors.badInput('budget', 'the top level must be an object {"periods":[...],"lines":[...]}');
  if (!Array.isArray(doc.periods) || doc.periods.length === 0)
    throw AnomalyErrors.badInput('periods', 'must be a non-empty array of period labels');
  // Dates as Excel hands them over (a header formatted "Jan-26" saved as JSON): "Jan 2026", as the function reads them.
  const periods =
    datedPeriods(doc.periods)?.labels ??
    doc.periods.map((p, i) => {
      // A blank header cell is "period n", as readPeriodLabels (src/sheets) reads it: "" made "Over plan since : …".
      if (p === null || (typeof p === 'string' && p.trim() === '')) return `period ${i + 1}`;
      if (typeof p !== 'string' && typeof p !== 'number')
        throw AnomalyErrors.badInput(`periods[${i + 1}]`, 'must be a label (text or number)');
      return String(p);
    });
  const repeated = repeatedPeriodLabel(periods);
  if (!Array.isArray(doc.lines)) throw AnomalyErrors.badInput('lines', 'must be an array of budget lines');
  const seen = new Map<string, number>();
  const lines = doc.lines.map((raw, i): BudgetLine => {
    const where = `lines[${i + 1}]`;
    if (!isObject(raw)) throw AnomalyErrors.badInput(where, 'must be an object');
    const id = typeof raw.id === 'number' ? String(raw.id) : text(raw.id, `${where}.id`);
    const first = seen.get(id);
    if (first !== undefined) throw AnomalyErrors.duplicateLine(id, [`lines[${first + 1}]`, where]);
    seen.set(id, i);
    return {
      id,
      costCentre: text(raw.costCentre, `${where}.costCentre`, ''),
      account: text(raw.account, `${where}.account`, ''),
      owner: text(raw.owner, `${where}.owner`, ''),
      plan: numbers(raw.plan, `${where}.plan`, periods.length, id, 'plan'),
      actual: numbers(raw.actual, `${where}.actual`, periods.length, id, 'actual'),
      drivers: drivers(raw.drivers, `${where}.drivers`, periods.length, id),
    };
  });
  if (doc.thresholds !== undefined && !isObject(doc.thresholds))
    throw AnomalyErrors.badInput('thresholds', 'must be an object');
  const thresholds = doc.thresholds as ThresholdSettings | undefined;
  // Validate the settings now, so a bad threshold is reported even when no line uses it.
  resolveThresholds(thresholds, { id: '', account: '' });
  for (const [account, t] of Object.entries(thresholds?.byAccount ?? {}))
    resolveThresholds({ byAccount: { [account]: t } }, { id: '', account });
  for (const [id, t] of Object.entries(thresholds?.byLine ?? {}))
    resolveThresholds({ byLine: { [id]: t } }, { id, account: '' });
  // Quarterly or weekly labels set the year when the settings do not (docs/anomaly.md, "CLI").
  const perYear = thresholds?.periodsPerYear === undefined ? labelledPeriodsPerYear(periods) : undefined;
  // Settings for an account or a line the sheet does not have apply to nothing: most likely a misspelt name.
  const unused = (what: 'byAccount' | 'byLine', names: Set<string>) =>
    Object.keys(thresholds?.[what] ?? {})
      .filter((name) => !names.has(name))
      .map(
        (name) =>
          `thresholds.${what} names "${name}", which no line has (names match exactly): its settings apply to nothing.`,
      );
  const warnings = [
    repeated,
    ...unused('byAccount', new Set(lines.map((l) => l.account))),
    ...unused('byLine', new Set(lines.map((l) => l.id))),
  ];
  return {
    periods,
    lines,
    thresholds: perYear === undefined ? thresholds : { ...thresholds, periodsPerYear: perYear },
    warnings: warnings.filter((w): w is string => w !== undefined),
  };
}
