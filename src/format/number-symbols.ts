/**
 * The characters a locale writes numbers with: decimal mark, thousands separator, minus and percent
 * sign, read from the platform's CLDR data (Intl) so the pane and the parser agree with what Excel
 * shows in the same language. An unknown or malformed locale falls back to en-US.
 */

export interface NumberSymbols {
  /** The locale the symbols were resolved for (e.g. "de-DE"). */
  locale: string;
  decimal: string;
  group: string;
  minus: string;
  percent: string;
}

/** The locale used when none is given or the given one cannot be read. */
export const DEFAULT_LOCALE = 'en-US';

const cache = new Map<string, NumberSymbols>();

/** A locale tag Intl accepts, or DEFAULT_LOCALE. @example resolveLocale('de_DE') // "de-DE" */
export function resolveLocale(locale: string | undefined | null): string {
  const tag = (locale ?? '').trim().replace(/_/g, '-');
  if (tag === '') return DEFAULT_LOCALE;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/**
 * @param overrides separators the host reports (Excel's own decimal and thousands separators, which a
 *   user may have set apart from the language); each replaces the locale's
 * @example numberSymbols('de-DE').decimal // ","
 */
export function numberSymbols(
  locale?: string | null,
  overrides: Partial<Pick<NumberSymbols, 'decimal' | 'group'>> = {},
): NumberSymbols {
  const tag = resolveLocale(locale);
  const key = `${tag}|${overrides.decimal ?? ''}|${overrides.group ?? ''}`;
  const known = cache.get(key);
  if (known) return known;
  const part = (parts: Intl.NumberFormatPart[], type: string, fallback: string) =>
    parts.find((p) => p.type === type)?.value ?? fallback;
  const parts = new Intl.NumberFormat(tag, { useGrouping: true }).formatToParts(-1234567.5);
  const percentParts = new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.5);
  const symbols: NumberSymbols = {
    locale: tag,
    decimal: overrides.decimal || part(parts, 'decimal', '.'),
    group: overrides.group || part(parts, 'group', ','),
    minus: part(parts, 'minusSign', '-'),
    percent: part(percentParts, 'percentSign', '%'),
  };
  cache.set(key, symbols);
  return symbols;
}
