/**
 * A line–KPI link as the KPI form edits it: the response (KPI units per unit of spend in a period,
 * with its standard error) and the lag may be entered by hand, instead of or before the estimate
 * from history (src/loop/response-curves.ts uses an entered response as it is). Blank response =
 * estimated; blank lag = 0 (spend moves the KPI in the same period).
 */
import type { KpiLink } from '../../src/model/kpi';
import { MAX_AMOUNT, MAX_KPI_LAG } from '../../src/model/limits';
import type { ParseResult } from '../../src/format';

/** What the form holds for one linked line, as typed. */
export interface LinkDraft {
  perUnit: string;
  sd: string;
  lag: string;
  /** A stored response's saturation (the form does not edit it), kept while a response is entered. */
  saturation?: number;
}

export const BLANK_LINK: LinkDraft = { perUnit: '', sd: '', lag: '' };

/** Reads a number as the user typed it (the pane's locale), naming `field` in its message. */
export type ParseText = (text: string, field: string) => ParseResult;

/** The form field a problem belongs to: `perUnit:<line>`, `sd:<line>` or `lag:<line>`. */
export const linkField = (part: 'perUnit' | 'sd' | 'lag', line: string) => `${part}:${line}`;

type Problem = { field: string; problem: string };

function readLag(line: string, text: string, periods: number, parse: ParseText): { lag?: number } | Problem {
  if (text.trim() === '') return {};
  const refused = {
    field: linkField('lag', line),
    problem: `Lag of ${line}: a whole number of periods from 0 to ${Math.min(MAX_KPI_LAG, periods - 1)} (blank = 0, the same period).`,
  };
  const read = parse(text, `Lag of ${line}`);
  if (!read.ok || !Number.isInteger(read.value) || read.value < 0 || read.value > MAX_KPI_LAG) return refused;
  if (read.value >= periods)
    return {
      field: linkField('lag', line),
      problem: `Lag of ${line}: the KPI has ${periods} periods, so the lag must be below ${periods}.`,
    };
  return read.value === 0 ? {} : { lag: read.value };
}

function readResponse(line: string, draft: LinkDraft, parse: ParseText): Pick<KpiLink, 'response'> | Problem {
  const perUnitText = draft.perUnit.trim();
  const sdText = draft.sd.trim();
  if (perUnitText === '') {
    if (sdText === '') return {};
    return {
      field: linkField('perUnit', line),
      problem: `Response of ${line}: enter the response its uncertainty belongs to, or leave both blank to estimate them.`,
    };
  }
  const perUnit = parse(perUnitText, `Response of ${line}`);
  if (!perUnit.ok || Math.abs(perUnit.value) > MAX_AMOUNT)
    return {
      field: linkField('perUnit', line),
      problem: `Response of ${line}: a number of KPI units per unit of spend (negative when spend lowers the KPI), or blank to estimate it.`,
    };
  const saturation = draft.saturation !== undefined ? { saturation: draft.saturation } : {};
  if (sdText === '') return { response: { perUnit: perUnit.value, ...saturation } };
  const sd = parse(sdText, `Uncertainty of ${line}`);
  if (!sd.ok || sd.value < 0 || sd.value > MAX_AMOUNT)
    return {
      field: linkField('sd', line),
      problem: `Uncertainty of ${line}: a standard error of 0 or more in the response's units, or blank for none.`,
    };
  return { response: { perUnit: perUnit.value, ...(sd.value > 0 ? { sd: sd.value } : {}), ...saturation } };
}

/**
 * The link to store for `line` (without its KPI), or the problem with what was typed.
 * @param periods the KPI's periods (a lag must be shorter)
 * @example linkFromDraft('MKT-ADS', { perUnit: '0.05', sd: '0.01', lag: '1' }, 12, parse)
 *   // { link: { line: 'MKT-ADS', lag: 1, response: { perUnit: 0.05, sd: 0.01 } } }
 */
export function linkFromDraft(
  line: string,
  draft: LinkDraft | undefined,
  periods: number,
  parse: ParseText,
): { link: Omit<KpiLink, 'kpi'> } | Problem {
  const d = draft ?? BLANK_LINK;
  const response = readResponse(line, d, parse);
  if ('problem' in response) return response;
  const lag = readLag(line, d.lag, periods, parse);
  if ('problem' in lag) return lag;
  return { link: { line, ...lag, ...response } };
}

/**
 * A stored link as the form shows it again (to edit a saved KPI).
 * @param toInput a number as the pane's input boxes show it
 */
export function draftOfLink(link: Omit<KpiLink, 'kpi'>, toInput: (v: number) => string): LinkDraft {
  return {
    perUnit: link.response ? toInput(link.response.perUnit) : '',
    sd: link.response?.sd ? toInput(link.response.sd) : '',
    lag: link.lag ? String(link.lag) : '',
    ...(link.response?.saturation !== undefined ? { saturation: link.response.saturation } : {}),
  };
}
