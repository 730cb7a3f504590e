/** Settings validation: the same rules on the Settings view and on import. */
import { boundsText, TRIALS_PER_RUN, withinBounds } from '../../src/model/limits';
import { tryParseNumber, type NumberStyle } from '../../src/format';
import type { SettingsRecord } from '../../src/store/schema';
import type { PaneNumbers } from '../state/numbers';

export interface SettingsDraft {
  defaultIterations: string;
  defaultSeed: string;
  numberFormat: string;
  backendUrl: string;
}

/**
 * @param read how a typed number is read: the pane's `useNumbers().parse` in the user's locale, so
 *   "100,000" (or "100.000" in German, or "100k") is a number of iterations; en-US by default
 * @returns per-field messages (empty when valid) and the parsed record
 * @example checkSettings({ defaultIterations: '10000', defaultSeed: '1', numberFormat: '0.00', backendUrl: 'http://x' }).errors.backendUrl // 'Use an https:// address (http:// only for localhost).'
 */
/**
 * Trials for one pane run as typed in the locale ("1,000,000", German "1.000.000", "1m"): the number,
 * and what is wrong with it when it is no whole number within TRIALS_PER_RUN (Settings' default and
 * the scenario wizard read them alike); `style` writes the bounds in the problem (the pane's).
 */
export function readTrials(
  text: string,
  read: PaneNumbers['parse'],
  field: string,
  style: NumberStyle = {},
): { trials: number; problem?: string } {
  const typed = read(text, { field, percent: 'reject' });
  const trials = typed.ok ? typed.value : NaN;
  return Number.isInteger(trials) && withinBounds(trials, TRIALS_PER_RUN)
    ? { trials }
    : { trials, problem: `a whole number ${boundsText(TRIALS_PER_RUN, style)}` };
}

export function checkSettings(
  d: SettingsDraft,
  read: PaneNumbers['parse'] = (text, options) => tryParseNumber(text, options),
  style: NumberStyle = {},
): {
  errors: Partial<Record<keyof SettingsDraft, string>>;
  record: SettingsRecord;
} {
  const errors: Partial<Record<keyof SettingsDraft, string>> = {};
  const { trials: iterations, problem } = readTrials(d.defaultIterations, read, 'Default iterations', style);
  if (problem) errors.defaultIterations = `Must be ${problem}.`;
  if (!/^\d+$/.test(d.defaultSeed.trim())) errors.defaultSeed = 'Must be a whole number (0 or more).';
  if (d.numberFormat.trim() === '' || d.numberFormat.length > 60)
    errors.numberFormat = 'Give an Excel number format, e.g. #,##0.00.';
  const url = d.backendUrl.trim();
  if (url !== '') {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      errors.backendUrl = 'Not a web address; e.g. https://fpa.example.com.';
    }
    if (parsed) {
      const local = parsed.hostname === 'localhost' || parsed.hostname === '127.0.0.1';
      if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local))
        errors.backendUrl = 'Use an https:// address (http:// only for localhost).';
      else if (parsed.username || parsed.password)
        errors.backendUrl = 'Do not put a user name or password in the address.';
    }
  }
  return {
    errors,
    record: {
      key: 'settings',
      defaultIterations: iterations,
      defaultSeed: Number(d.defaultSeed),
      numberFormat: d.numberFormat.trim(),
      backendUrl: url.replace(/\/+$/, ''),
    },
  };
}
