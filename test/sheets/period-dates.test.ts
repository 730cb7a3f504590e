import { datedPeriods, excelDate, FIRST_DATE_SERIAL, LAST_DATE_SERIAL } from '../../src/sheets/period-dates';

/** Serial of a calendar date in the 1900 system from 1 Mar 1900 on (days since 30 Dec 1899). */
const serial = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;

describe('excelDate', () => {
  it('reads the 1900 date system, with its 29 Feb 1900', () => {
    // Excel: =DATE(1900,1,1) is 1, =DATE(1900,2,28) is 59, serial 60 shows 29/02/1900, =DATE(1900,3,1) is 61.
    expect(excelDate(1)).toEqual({ year: 1900, month: 1, day: 1 });
    expect(excelDate(59)).toEqual({ year: 1900, month: 2, day: 28 });
    expect(excelDate(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(excelDate(61)).toEqual({ year: 1900, month: 3, day: 1 });
    expect(excelDate(46023)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(excelDate(FIRST_DATE_SERIAL)).toEqual({ year: 1990, month: 1, day: 1 });
    expect(excelDate(LAST_DATE_SERIAL)).toEqual({ year: 2100, month: 12, day: 31 });
  });
});

describe('datedPeriods', () => {
  it('labels a monthly row of first-of-month or month-end dates "Jan 2026" …', () => {
    const starts = Array.from({ length: 14 }, (_, i) => serial(2026, i + 1, 1));
    expect(datedPeriods(starts)).toEqual({
      labels: [
        'Jan 2026',
        'Feb 2026',
        'Mar 2026',
        'Apr 2026',
        'May 2026',
        'Jun 2026',
        'Jul 2026',
        'Aug 2026',
        'Sep 2026',
        'Oct 2026',
        'Nov 2026',
        'Dec 2026',
        'Jan 2027',
        'Feb 2027',
      ],
      spacing: 'month',
      periodsPerYear: 12,
    });
    const ends = Array.from({ length: 24 }, (_, i) => serial(2027, i + 2, 0)); // day 0 = the month before's last day
    expect(datedPeriods(ends)?.labels.slice(0, 3)).toEqual(['Jan 2027', 'Feb 2027', 'Mar 2027']);
    expect(datedPeriods(ends)?.labels[23]).toBe('Dec 2028');
  });

  it('labels quarter ends or starts by the calendar quarter holding them', () => {
    const ends = [
      serial(2026, 3, 31),
      serial(2026, 6, 30),
      serial(2026, 9, 30),
      serial(2026, 12, 31),
      serial(2027, 3, 31),
    ];
    expect(datedPeriods(ends)).toEqual({
      labels: ['Q1 2026', 'Q2 2026', 'Q3 2026', 'Q4 2026', 'Q1 2027'],
      spacing: 'quarter',
      periodsPerYear: 4,
    });
    const starts = [serial(2028, 1, 1), serial(2028, 4, 1), serial(2028, 7, 1), serial(2028, 10, 1)];
    expect(datedPeriods(starts)?.labels).toEqual(['Q1 2028', 'Q2 2028', 'Q3 2028', 'Q4 2028']);
  });

  it('labels weeks by their ISO week, across 53-week years', () => {
    // python3 -c "import datetime as d; e=d.date(1899,12,30); print([(lambda c: f'{c[0]}-W{c[1]:02d}')((e+d.timedelta(s)).isocalendar()) for s in range(46380,46422,7)])"
    const weeks = Array.from({ length: 6 }, (_, i) => 46380 + 7 * i);
    expect(datedPeriods(weeks)).toEqual({
      labels: ['2026-W52', '2026-W53', '2027-W01', '2027-W02', '2027-W03', '2027-W04'],
      spacing: 'week',
      periodsPerYear: 52,
    });
    // 31 Dec 2030 (a Tuesday) is in ISO week 1 of 2031.
    expect(datedPeriods([47844, 47851, 47858])?.labels).toEqual(['2030-W52', '2031-W01', '2031-W02']);
  });

  it('leaves other numbers and rows alone', () => {
    expect(datedPeriods([1, 2, 3])).toBeUndefined(); // period numbers
    expect(datedPeriods([2024, 2025, 2026])).toBeUndefined(); // years
    expect(datedPeriods([202601, 202602])).toBeUndefined(); // yyyymm
    expect(datedPeriods([46023])).toBeUndefined(); // one cell: no spacing
    expect(datedPeriods([46023, 46054, 'Mar'])).toBeUndefined(); // not every cell a number
    expect(datedPeriods([46023, 46054, null])).toBeUndefined(); // a blank
    expect(datedPeriods([46023.5, 46054.5])).toBeUndefined(); // date-times
    expect(datedPeriods([46054, 46023])).toBeUndefined(); // decreasing
    expect(datedPeriods([46023, 46054, 46064])).toBeUndefined(); // months then 10 days
    expect(datedPeriods([46023, 46054, 46145])).toBeUndefined(); // a month then a quarter
    expect(datedPeriods([FIRST_DATE_SERIAL - 31, FIRST_DATE_SERIAL])).toBeUndefined(); // Dec 1989
    expect(datedPeriods([LAST_DATE_SERIAL, LAST_DATE_SERIAL + 31])).toBeUndefined(); // Jan 2101
    // 1 Feb and 29 Feb 2028 are 28 days apart but one month: labels that cannot tell periods apart.
    expect(datedPeriods([serial(2028, 2, 1), serial(2028, 2, 29)])).toBeUndefined();
  });
});
