/**
 * A header row of dates, as Excel hands it over: a date cell formatted "Jan-26" arrives as its date
 * serial (46023), so a flag read "One-off in 46240". When every cell of the row is a whole serial
 * between 1 Jan 1990 and 31 Dec 2100 and the dates step by a month, a quarter or a week, the row is
 * read as dates and each period is labelled as finance writes it: "Jan 2026", "Q1 2026" (the
 * calendar quarter holding the date) or "2026-W05" (the ISO week). Any other row (period numbers
 * 1 … 36, years 2024 …, yyyymm numbers 202601 …) is left to the caller to read as it is.
 */

/** How far apart the dated periods are, and how many of them make a year. */
export type DateSpacing = 'month' | 'quarter' | 'week';

export interface DatedPeriods {
  labels: string[];
  spacing: DateSpacing;
  periodsPerYear: 12 | 4 | 52;
}

/** The serials of 1 Jan 1990 and 31 Dec 2100 in Excel's 1900 date system. */
export const FIRST_DATE_SERIAL = 32874;
export const LAST_DATE_SERIAL = 73415;

const DAY_MS = 86_400_000;
/** Serial 0 of the 1900 system from 1 Mar 1900 on: Excel counts 29 Feb 1900, a day that did not exist. */
const EPOCH_MS = Date.UTC(1899, 11, 30);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The calendar date of a whole Excel serial in the 1900 date system (Windows Excel's default). Excel
 * takes 1900 for a leap year (Lotus 1-2-3's bug, kept for compatibility): serial 60 is "29 Feb 1900"
 * and the serials before it are one day later than a plain count from 30 Dec 1899 would say.
 * @example excelDate(46023) // { year: 2026, month: 1, day: 1 }
 * @example excelDate(60) // { year: 1900, month: 2, day: 29 }
 */
export function excelDate(serial: number): { year: number; month: number; day: number } {
  if (serial === 60) return { year: 1900, month: 2, day: 29 };
  const d = new Date(EPOCH_MS + (serial < 60 ? serial + 1 : serial) * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The ISO 8601 week of a date: the week (Monday to Sunday) is in the year that holds its Thursday. */
function isoWeek(year: number, month: number, day: number): string {
  const date = Date.UTC(year, month - 1, day);
  const weekday = (new Date(date).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const thursday = new Date(date + (3 - weekday) * DAY_MS);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / DAY_MS / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The spacing all gaps share: a month is 28–31 days, a quarter 89–92, a week 7; undefined when they mix. */
function spacingOf(gaps: number[]): DateSpacing | undefined {
  if (gaps.every((g) => g >= 28 && g <= 31)) return 'month';
  if (gaps.every((g) => g >= 89 && g <= 92)) return 'quarter';
  if (gaps.every((g) => g === 7)) return 'week';
  return undefined;
}

const PER_YEAR = { month: 12, quarter: 4, week: 52 } as const;

/**
 * Reads a row of period cells as dates when it is one (see the file's comment): at least two cells,
 * each a whole serial from 1 Jan 1990 to 31 Dec 2100, increasing by a month (28–31 days), a quarter
 * (89–92) or a week (7), and giving each period a different label. Undefined otherwise.
 * @example datedPeriods([46023, 46054, 46082])?.labels // ["Jan 2026", "Feb 2026", "Mar 2026"]
 * @example datedPeriods([46112, 46203])?.labels // ["Q1 2026", "Q2 2026"]
 * @example datedPeriods([46054, 46061])?.labels // ["2026-W05", "2026-W06"]
 * @example datedPeriods([1, 2, 3]) // undefined
 */
export function datedPeriods(cells: ReadonlyArray<unknown>): DatedPeriods | undefined {
  if (cells.length < 2) return undefined;
  const serials: number[] = [];
  for (const c of cells) {
    if (typeof c !== 'number' || !Number.isInteger(c) || c < FIRST_DATE_SERIAL || c > LAST_DATE_SERIAL)
      return undefined;
    serials.push(c);
  }
  const spacing = spacingOf(serials.slice(1).map((s, i) => s - serials[i]));
  if (!spacing) return undefined;
  const labels = serials.map((s) => {
    const { year, month, day } = excelDate(s);
    if (spacing === 'week') return isoWeek(year, month, day);
    if (spacing === 'quarter') return `Q${Math.ceil(month / 3)} ${year}`;
    return `${MONTHS[month - 1]} ${year}`;
  });
  // Two dates a 28-day step apart can fall in one month (1 and 29 Feb 2028): the labels would not tell them apart.
  if (new Set(labels).size !== labels.length) return undefined;
  return { labels, spacing, periodsPerYear: PER_YEAR[spacing] };
}
