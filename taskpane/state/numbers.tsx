/**
 * The pane's numbers: one formatter and one parser in the user's locale (Office's display language,
 * with Excel's own separators when the host reports them), given to every view through context.
 * Views never format or parse numbers themselves: `useNumbers().format(v, 'money')`,
 * `useNumbers().parse(text, { field: 'Min' })`.
 *
 * Negative numbers are written with the true minus sign, as finance typesets them: "−19,162", not the
 * hyphen-minus "-19,162" Intl gives in most locales (a hyphen is shorter and sits lower, and reads as a
 * dash in "variance -19,162"). Accounting brackets "(19,162)" were not chosen: the pane's sentences put
 * numbers in brackets already ("variance −19,162 (−29.9% of plan)"), where brackets would nest and read
 * as asides. What goes into an input box (`toInput`) keeps the keyboard's "-"; the parser reads "−",
 * "-" and "(1,200)" alike.
 */
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  numberFormatter,
  TRUE_MINUS,
  tryParseNumber,
  type NumberFormatter,
  type NumberStyle,
  type ParseNumberOptions,
  type ParseResult,
} from '../../src/format';

export interface PaneNumbers extends NumberFormatter {
  /** Reads what the user typed in the pane's locale. */
  parse(text: string, options?: Omit<ParseNumberOptions, 'locale' | 'separators'>): ParseResult;
  /** A number as it belongs in an input box in this locale (no currency, full precision to `decimals`). */
  toInput(value: number, decimals?: number): string;
}

/** The true minus sign (U+2212). */
export const MINUS = TRUE_MINUS;

/**
 * The pane's formatter: the style's locale with the true minus. Its `style` is what the pane hands to
 * the sentences src/ builds for it (flag explanations, citations, notes), so they read like the rest.
 */
export function paneNumbers(style: NumberStyle = {}): PaneNumbers {
  const formatter = numberFormatter({ ...style, minus: 'true' });
  const typed = numberFormatter({ ...style, minus: 'hyphen' });
  return {
    ...formatter,
    parse: (text, options) =>
      tryParseNumber(text, { ...options, locale: formatter.style.locale, separators: formatter.style.separators }),
    toInput: (value, decimals) => {
      if (!Number.isFinite(value)) return '';
      const fixed = decimals === undefined ? Number(value.toPrecision(12)) : value;
      return typed.format(fixed, 'number', { decimals: decimals ?? decimalsOf(fixed) });
    },
  };
}

/** Decimals needed to show a value exactly (at most 10). */
function decimalsOf(value: number): number {
  const m = /\.(\d+)$/.exec(String(value));
  return Math.min(m ? m[1].length : 0, 10);
}

const NumbersContext = createContext<PaneNumbers>(paneNumbers());

export function NumbersProvider({ style, children }: { style: NumberStyle; children: ReactNode }) {
  const value = useMemo(
    () => paneNumbers(style),
    [style.locale, style.currency, style.separators?.decimal, style.separators?.group],
  );
  return <NumbersContext.Provider value={value}>{children}</NumbersContext.Provider>;
}

export const useNumbers = (): PaneNumbers => useContext(NumbersContext);
