/**
 * A link's response and lag as typed in the KPI form: blank is estimated (lag 0), numbers are read in
 * the pane's locale, and each refusal names the line and the field.
 */
import { tryParseNumber } from '../../../src/format';
import { BLANK_LINK, draftOfLink, linkFromDraft, type ParseText } from '../../../taskpane/review/kpi-links';

const enUs: ParseText = (text, field) => tryParseNumber(text, { field, percent: 'reject' });
const deDe: ParseText = (text, field) => tryParseNumber(text, { field, percent: 'reject', locale: 'de-DE' });
const typed = (perUnit: string, sd = '', lag = '') => ({ perUnit, sd, lag });

describe('linkFromDraft', () => {
  it('blank is estimated, with no lag', () => {
    expect(linkFromDraft('MKT-ADS', undefined, 12, enUs)).toEqual({ link: { line: 'MKT-ADS' } });
    expect(linkFromDraft('MKT-ADS', BLANK_LINK, 12, enUs)).toEqual({ link: { line: 'MKT-ADS' } });
    expect(linkFromDraft('MKT-ADS', typed(' ', ' ', '0'), 12, enUs)).toEqual({ link: { line: 'MKT-ADS' } });
  });

  it('an entered response with its uncertainty and a lag', () => {
    expect(linkFromDraft('MKT-ADS', typed('0.05', '0.01', '2'), 12, enUs)).toEqual({
      link: { line: 'MKT-ADS', lag: 2, response: { perUnit: 0.05, sd: 0.01 } },
    });
    // A lag alone: the response is still estimated, with spend two periods before the KPI.
    expect(linkFromDraft('MKT-ADS', typed('', '', '2'), 12, enUs)).toEqual({ link: { line: 'MKT-ADS', lag: 2 } });
    // Spend that lowers the KPI (cost per lead): a negative response; sd 0 is no uncertainty.
    expect(linkFromDraft('MKT-ADS', typed('-0.3', '0'), 12, enUs)).toEqual({
      link: { line: 'MKT-ADS', response: { perUnit: -0.3 } },
    });
    // In the user's locale.
    expect(linkFromDraft('MKT-ADS', typed('0,05', '0,01'), 12, deDe)).toEqual({
      link: { line: 'MKT-ADS', response: { perUnit: 0.05, sd: 0.01 } },
    });
  });

  it('refuses text, a negative or fractional lag, a lag past the series, and an uncertainty alone', () => {
    const refused = (draft: ReturnType<typeof typed>, periods = 12) => linkFromDraft('MKT-ADS', draft, periods, enUs);
    expect(refused(typed('lots'))).toEqual({
      field: 'perUnit:MKT-ADS',
      problem:
        'Response of MKT-ADS: a number of KPI units per unit of spend (negative when spend lowers the KPI), or blank to estimate it.',
    });
    const lag = {
      field: 'lag:MKT-ADS',
      problem: 'Lag of MKT-ADS: a whole number of periods from 0 to 11 (blank = 0, the same period).',
    };
    expect(refused(typed('', '', 'one'))).toEqual(lag);
    expect(refused(typed('', '', '-1'))).toEqual(lag);
    expect(refused(typed('0.05', '', '1.5'))).toEqual(lag);
    expect(refused(typed('', '', '40'), 60)).toMatchObject({ problem: expect.stringContaining('from 0 to 24') });
    expect(refused(typed('', '', '12'))).toEqual({
      field: 'lag:MKT-ADS',
      problem: 'Lag of MKT-ADS: the KPI has 12 periods, so the lag must be below 12.',
    });
    expect(refused(typed('0.05', '-0.01'))).toEqual({
      field: 'sd:MKT-ADS',
      problem: "Uncertainty of MKT-ADS: a standard error of 0 or more in the response's units, or blank for none.",
    });
    expect(refused(typed('0.05', 'high'))).toMatchObject({ field: 'sd:MKT-ADS' });
    expect(refused(typed('', '0.01'))).toEqual({
      field: 'perUnit:MKT-ADS',
      problem:
        'Response of MKT-ADS: enter the response its uncertainty belongs to, or leave both blank to estimate them.',
    });
  });
});

describe('draftOfLink', () => {
  it('shows a stored link again, and keeps a saturation the form does not edit', () => {
    const stored = { line: 'A', lag: 1, response: { perUnit: 0.5, sd: 0.1, saturation: 8000 } };
    const draft = draftOfLink(stored, String);
    expect(draft).toEqual({ perUnit: '0.5', sd: '0.1', lag: '1', saturation: 8000 });
    expect(linkFromDraft('A', draft, 12, enUs)).toEqual({ link: stored });
    expect(draftOfLink({ line: 'A' }, String)).toEqual(BLANK_LINK);
  });
});
