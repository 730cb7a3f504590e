/**
 * Months of a budget template: "YYYY-MM" labels, consecutive. A template's months are either a
 * first month and a count or a list, which must be consecutive (no gap, repeat or step back).
 */
import { TemplateErrors } from './errors';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 of a "YYYY-MM" label, or null when it is not one. @example monthNumber('2025-02') // 24301 */
export function monthNumber(label: string): number | null {
  const m = MONTH.exec(label.trim());
  return m ? Number(m[1]) * 12 + Number(m[2]) - 1 : null;
}

/** The label of a month number. @example monthLabel(24301) // '2025-02' */
export function monthLabel(n: number): string {
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}

/** `label` moved by `by` months. @example addMonths('2025-11', 3) // '2026-02' */
export function addMonths(label: string, by: number): string {
  const n = monthNumber(label);
  if (n === null) throw TemplateErrors.badMonths(`month "${label}"`, 'is not a month written YYYY-MM');
  return monthLabel(n + by);
}

/**
 * `count` consecutive months from `first`.
 * @throws TEMPLATE_BAD_MONTHS for a first month that is not YYYY-MM or a count outside 1..600.
 * @example monthSequence('2025-11', 3) // ['2025-11', '2025-12', '2026-01']
 */
export function monthSequence(first: string, count: number): string[] {
  const start = monthNumber(first);
  if (start === null) throw TemplateErrors.badMonths('first month', `"${first}" is not a month written YYYY-MM`);
  if (!Number.isInteger(count) || count < 1 || count > 600)
    throw TemplateErrors.badMonths('number of months', `must be a whole number from 1 to 600; got ${count}`);
  return Array.from({ length: count }, (_, i) => monthLabel(start + i));
}

/**
 * Checks a list of months: each YYYY-MM, each the month after the one before. `where` names an
 * entry for messages (default "month 3").
 * @throws TEMPLATE_BAD_MONTHS naming the first entry that breaks the rule.
 * @example readMonths(['2025-01', '2025-03']) // throws: month 2: "2025-03" follows "2025-01"; expected "2025-02"
 */
export function readMonths(
  labels: readonly string[],
  where: (index: number) => string = (i) => `month ${i + 1}`,
): string[] {
  if (labels.length === 0) throw TemplateErrors.badMonths('months', 'none given');
  let previous: number | null = null;
  return labels.map((raw, i) => {
    const label = String(raw).trim();
    const n = monthNumber(label);
    if (n === null) throw TemplateErrors.badMonths(where(i), `"${label}" is not a month written YYYY-MM`);
    if (previous !== null && n !== previous + 1)
      throw TemplateErrors.badMonths(
        where(i),
        `"${label}" follows "${monthLabel(previous)}"; expected "${monthLabel(previous + 1)}" (months must be consecutive)`,
      );
    previous = n;
    return label;
  });
}

/**
 * Months typed in a form: "2025-01 to 2026-12", "2025-01..2026-12", or a list separated by commas,
 * semicolons or spaces.
 * @example parseMonths('2025-11 to 2026-01') // ['2025-11', '2025-12', '2026-01']
 */
export function parseMonths(text: string): string[] {
  const range = /^\s*(\S+)\s*(?:to|\.\.|–|—)\s*(\S+)\s*$/i.exec(text);
  if (range) {
    const [from, to] = [monthNumber(range[1]), monthNumber(range[2])];
    if (from === null) throw TemplateErrors.badMonths('first month', `"${range[1]}" is not a month written YYYY-MM`);
    if (to === null) throw TemplateErrors.badMonths('last month', `"${range[2]}" is not a month written YYYY-MM`);
    if (to < from) throw TemplateErrors.badMonths('last month', `"${range[2]}" comes before "${range[1]}"`);
    return monthSequence(range[1], to - from + 1);
  }
  return readMonths(text.split(/[\s,;]+/).filter((s) => s !== ''));
}
