/**
 * The one number formatter: every number the pane (and any message built for a user) shows goes
 * through `formatNumber` with its unit, in the user's locale. The unit decides precision and what
 * is written beside the number, so a reader never has to guess what "51,811" is:
 *
 * | unit | value | en-US | de-DE |
 * |---|---|---|---|
 * | money | 1234.5 (EUR) | €1,235 | 1.235 € |
 * | money | 12.345 | 12.35 | 12,35 |
 * | percent | 0.1234 (a share) | 12.3% | 12,3 % |
 * | points | 0.012 (a share's change) | 1.2 pts | 1,2 pts |
 * | count | 1100000 | 1,100,000 | 1.100.000 |
 * | number | 18146.2 | 18,146 | 18.146 |
 * | ratio | -0.4567 | -0.46 | -0,46 |
 * | multiple | 4.26 | 4.3× | 4,3× |
 * | multiple | 70.04 | 70× | 70× |
 * | rate/month | 0.0042 | 0.42% per month | 0,42 % per month |
 * | duration | 83000 (ms) | 1 min 23 s | 1 min 23 s |
 *
 * Amounts of 100 or more are whole; smaller ones keep two decimals (cents matter on small lines,
 * not on large ones). Multiples of 10 or more are whole ("70×": "70.0×" claims a precision the
 * evidence has not); smaller ones keep one decimal ("2.5×"). `sign: 'always'` writes + on positive
 * values (variances); `compact` gives axis labels such as 1.2M. Values that round to zero never
 * show "-0". The style's `minus: 'true'` writes "−1,200" (U+2212) instead of Intl's hyphen. Not finite: "–" for NaN, "∞" for infinity.
 */
import { numberSymbols, resolveLocale, type NumberSymbols } from './number-symbols';
import { sharedDecimals } from './shared-decimals';

/** Periods a rate can be quoted per. */
export type RatePeriod = 'period' | 'month' | 'quarter' | 'year';

/**
 * `points`: percentage points of a share (0.012 is "1.2 pts"), for a change or spread of a share that
 * a percent sign would misread as relative (KPI attainment gained, its uncertainty).
 */
export type Unit =
  'money' | 'percent' | 'points' | 'count' | 'number' | 'ratio' | 'multiple' | 'duration' | `rate/${RatePeriod}`;

export interface NumberStyle {
  /** BCP 47 locale (Office's display language). @default "en-US" */
  locale?: string;
  /** ISO 4217 code shown with money (e.g. "EUR"); none: amounts without a symbol. */
  currency?: string;
  /** Separators that override the locale's (Excel's own settings). */
  separators?: Partial<Pick<NumberSymbols, 'decimal' | 'group'>>;
  /**
   * The sign of a negative number: `hyphen` as Intl writes it (the hyphen-minus "-19,162" in en-US,
   * de-DE and fr-FR: what the CLI, the custom functions and their tests print); `true` the minus sign
   * U+2212 "−19,162", as finance typesets it (the pane). @default "hyphen"
   */
  minus?: 'hyphen' | 'true';
}

/** The true minus sign (U+2212). */
export const TRUE_MINUS = '\u2212';

/** A formatted number's hyphen-minus as the style's minus. @example withMinus('-€1,235', { minus: 'true' }) // "−€1,235" */
export const withMinus = (text: string, style: NumberStyle): string =>
  style.minus === 'true' ? text.replace(/-/g, TRUE_MINUS) : text;

export interface FormatOptions {
  /** `always`: +1,200 and -1,200 (a change); `auto`: -1,200 and 1,200. @default "auto" */
  sign?: 'auto' | 'always';
  /** Short scale for axis labels: 1.2M, 35K. @default false */
  compact?: boolean;
  /**
   * Fixed number of decimals, overriding the unit's precision. With `compact`: that many decimals on
   * the short scale (12.0K, 9.6K: a table column), whole numbers where it does not abbreviate.
   */
  decimals?: number;
  /** `false`: no thousands separators ("12345.68", as `toFixed` wrote a message's figure). @default true */
  grouping?: boolean;
}

/** Multiples from this size on are written whole. */
const MULTIPLE_WHOLE_FROM = 10;

const PER: Record<RatePeriod, string> = {
  period: 'per period',
  month: 'per month',
  quarter: 'per quarter',
  year: 'per year',
};

const cache = new Map<string, Intl.NumberFormat>();

function intl(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    cache.set(key, found);
  }
  return found;
}

/** Intl options for a unit at this magnitude. */
function unitOptions(value: number, unit: Unit, style: NumberStyle, options: FormatOptions): Intl.NumberFormatOptions {
  const size = Math.abs(value);
  const base: Intl.NumberFormatOptions = {
    signDisplay: options.sign === 'always' ? 'exceptZero' : 'auto',
    ...(options.grouping === false ? { useGrouping: false } : {}),
  };
  if (options.compact && unit !== 'points') {
    const shape = (places: Intl.NumberFormatOptions): Intl.NumberFormatOptions => {
      const compact: Intl.NumberFormatOptions = { ...base, notation: 'compact', ...places };
      if (unit === 'percent' || unit.startsWith('rate/')) return { ...compact, style: 'percent' };
      if (unit === 'money' && style.currency)
        return { ...compact, style: 'currency', currency: style.currency, currencyDisplay: 'narrowSymbol' };
      return compact;
    };
    const abbreviates = (o: Intl.NumberFormatOptions): boolean =>
      intl(resolveLocale(style.locale), o)
        .formatToParts(value)
        .some((p) => p.type === 'compact');
    // Where the short scale does not abbreviate (German thousands), the locale's plain grouping: compact
    // notation groups only from five digits there, so an axis read "8000" under "10.000" and a
    // sentence beside it "4.000".
    const plain = (o: Intl.NumberFormatOptions): Intl.NumberFormatOptions => ({ ...o, notation: 'standard' });
    if (options.decimals === undefined) {
      const significant = shape({ maximumSignificantDigits: 3 });
      return abbreviates(significant) ? significant : plain(significant);
    }
    // Fixed decimals where the short scale abbreviates, for a column that reads alike (12.0K beside
    // 9.6K); whole where it does not (540, or German thousands: 19.162).
    const fixed = shape({ minimumFractionDigits: options.decimals, maximumFractionDigits: options.decimals });
    return abbreviates(fixed) ? fixed : plain(shape({ maximumFractionDigits: 0 }));
  }
  const digits = (min: number, max: number): Intl.NumberFormatOptions =>
    options.decimals !== undefined
      ? { minimumFractionDigits: options.decimals, maximumFractionDigits: options.decimals }
      : { minimumFractionDigits: min, maximumFractionDigits: max };
  switch (unit) {
    case 'money': {
      const money = size >= 100 ? digits(0, 0) : digits(2, 2);
      return style.currency
        ? { ...base, ...money, style: 'currency', currency: style.currency, currencyDisplay: 'narrowSymbol' }
        : { ...base, ...money };
    }
    case 'count':
      return { ...base, ...digits(0, 0) };
    case 'ratio':
      return { ...base, ...digits(2, 2) };
    case 'multiple':
      // Whole from 10 on, judged after rounding to one decimal: 9.96 is "10×", not "10.0×".
      return Math.round(size * 10) >= MULTIPLE_WHOLE_FROM * 10
        ? { ...base, ...digits(0, 0) }
        : { ...base, ...digits(1, 1) };
    case 'points':
      // The value arrives in points (×100); one decimal, two significant digits below 0.1 pts.
      return options.decimals === undefined && size > 0 && size < 0.1
        ? { ...base, maximumSignificantDigits: 2 }
        : { ...base, ...digits(1, 1) };
    case 'number':
      if (options.decimals !== undefined || size >= 100) return { ...base, ...digits(0, 0) };
      return { ...base, maximumSignificantDigits: 4 };
    default: {
      // percent and rates: a share; one decimal of a percent, two significant digits below 1%.
      const pct: Intl.NumberFormatOptions =
        options.decimals === undefined && size > 0 && size < 0.01 ? { maximumSignificantDigits: 2 } : digits(0, 1);
      return { ...base, ...pct, style: 'percent' };
    }
  }
}

/** Replaces the locale's separators by the overrides, part by part. */
function withSeparators(format: Intl.NumberFormat, value: number, symbols: NumberSymbols): string {
  return format
    .formatToParts(value)
    .map((p) => (p.type === 'group' ? symbols.group : p.type === 'decimal' ? symbols.decimal : p.value))
    .join('');
}

function duration(ms: number, style: NumberStyle): string {
  const s = ms / 1000;
  const locale = resolveLocale(style.locale);
  if (s < 10)
    return `${intl(locale, { maximumFractionDigits: 1, minimumFractionDigits: s < 1 ? 1 : 0 }).format(Math.round(s * 10) / 10)} s`;
  const whole = Math.round(s);
  if (whole < 60) return `${whole} s`;
  const minutes = Math.floor(whole / 60);
  if (minutes < 60) return `${minutes} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/**
 * @param value the number; a share for percent and rates (0.12 is 12%); milliseconds for duration
 * @example formatNumber(1234.5, 'money', { locale: 'de-DE', currency: 'EUR' }) // "1.235 €"
 * @example formatNumber(-0.034, 'percent', {}, { sign: 'always' }) // "-3.4%"
 * @example formatNumber(0.0042, 'rate/month') // "0.42% per month"
 * @example formatNumber(0.012, 'points', {}, { sign: 'always' }) // "+1.2 pts"
 */
export function formatNumber(value: number, unit: Unit, style: NumberStyle = {}, options: FormatOptions = {}): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return withMinus(`${value < 0 ? '-' : options.sign === 'always' ? '+' : ''}∞`, style);
  if (unit === 'duration') return duration(Math.max(0, value), style);
  // Points are written ×100 (0.012 is 1.2 pts).
  const shownValue = unit === 'points' ? value * 100 : value;
  const locale = resolveLocale(style.locale);
  const format = intl(locale, unitOptions(shownValue, unit, style, options));
  const symbols = numberSymbols(locale, style.separators);
  // A negative value that rounds to zero is shown as zero, not "-0".
  const shown = shownValue < 0 && !/[1-9]/.test(format.format(shownValue)) ? 0 : shownValue;
  const text = style.separators ? withSeparators(format, shown, symbols) : format.format(shown);
  const suffix =
    unit === 'multiple'
      ? '×'
      : unit === 'points'
        ? ' pts'
        : unit.startsWith('rate/')
          ? ` ${PER[unit.slice(5) as RatePeriod]}`
          : '';
  return withMinus(text, style) + suffix;
}

/**
 * A figure as JavaScript wrote it (`String(v)`, `v.toPrecision(3)`, `v.toLocaleString('en-US')`: its
 * own digits) with the style's decimal mark, thousands separator and minus sign, for a message whose
 * en-US text must stay as it was.
 * @example figureInStyle((0.0123).toPrecision(3), { locale: 'de-DE' }) // "0,0123"
 * @example figureInStyle('-1,234.5', { locale: 'de-DE', minus: 'true' }) // "−1.234,5"
 * @example figureInStyle('8000') // "8000"
 */
export function figureInStyle(text: string, style: NumberStyle = {}): string {
  const { decimal, group } = numberSymbols(resolveLocale(style.locale), style.separators);
  return withMinus(
    text.replace(/[.,]/g, (mark) => (mark === '.' ? decimal : group)),
    style,
  );
}

/** The formatter bound to one style: what the pane passes down to every view. */
export interface NumberFormatter {
  readonly style: Readonly<NumberStyle>;
  readonly symbols: NumberSymbols;
  format(value: number, unit: Unit, options?: FormatOptions): string;
  /**
   * Values shown side by side (one summary), at one precision chosen from their range
   * (`sharedDecimals`) unless `options.decimals` fixes it; compact labels keep their own.
   */
  formatAll(values: readonly number[], unit: Unit, options?: FormatOptions): string[];
}

/** @example numberFormatter({ locale: 'fr-FR' }).format(0.5, 'percent') // "50 %" (with a narrow no-break space) */
export function numberFormatter(style: NumberStyle = {}): NumberFormatter {
  const frozen = Object.freeze({ ...style, locale: resolveLocale(style.locale) });
  return {
    style: frozen,
    symbols: numberSymbols(frozen.locale, frozen.separators),
    format: (value, unit, options) => formatNumber(value, unit, frozen, options),
    formatAll: (values, unit, options = {}) => {
      const decimals = options.decimals ?? (options.compact ? undefined : sharedDecimals(values, unit));
      return values.map((v) => formatNumber(v, unit, frozen, { ...options, decimals }));
    },
  };
}
