/**
 * Counts and shares the pane wrote with its own en-US code now go through the pane's formatter: the
 * memory of adjustments (shares and the KPI lift: "KPI +12,3 % of target" in German, "+12.3%" before
 * in every locale; the moved amount) and a SIPmath library's trial count.
 */
import { render, screen } from '@testing-library/react';
import { AdjustmentMemory, outcomeText } from '../../taskpane/components/proposals/AdjustmentMemory';
import { NumbersProvider, paneNumbers } from '../../taskpane/state/numbers';
import type { AdjustmentRecord } from '../../src/model/kpi';
import { importSips, SipLibraryImport } from '../../taskpane/components/scenarios/SipLibraryImport';

const record: AdjustmentRecord = {
  id: 'a1',
  line: 'MKT-ADS',
  costCentre: 'MKT',
  kpi: 'Leads',
  before: 40000,
  after: 54268,
  context: {
    kinds: [],
    direction: 'raise',
    gapShare: 0.12,
    moveShare: 0.36,
    kpiAttainment: null,
    period: 9,
    monthsLeft: 2,
  },
  expected: { spendWithout: 27000, planAdded: 14268, kpiWithout: 100, kpiTarget: 120, gap: 14268 },
  outcome: { measuredAt: 11, gapClosed: 0.8, passThrough: 0.954, kpiLift: 0.1234 },
  proposal: 'P-20261207-1',
};

describe('AdjustmentMemory', () => {
  test('outcome in en-US and de-DE', () => {
    expect(outcomeText(record, paneNumbers({ locale: 'en-US' }))).toBe(
      'closed 80% of the gap, 95% of the change spent, KPI +12.3% of target (measured in period 12)',
    );
    // German writes a (non-breaking) space before the percent sign.
    expect(outcomeText(record, paneNumbers({ locale: 'de-DE' })).replace(/\u00a0/g, ' ')).toBe(
      'closed 80 % of the gap, 95 % of the change spent, KPI +12,3 % of target (measured in period 12)',
    );
  });

  test('the moved amount in the locale', () => {
    render(
      <NumbersProvider style={{ locale: 'de-DE' }}>
        <AdjustmentMemory memory={[record]} />
      </NumbersProvider>,
    );
    expect(screen.getByTestId('adjustment-memory').textContent).toMatch(/^MKT-ADS raise \+14\.268 in period 10 /);
  });

  test('months by the labels the sheet gave them, the proposal id whole, a cut signed by the formatter', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    const cut: AdjustmentRecord = {
      ...record,
      id: 'a2',
      line: 'IT-CLOUD',
      before: 144000,
      after: 115200,
      context: { ...record.context, direction: 'cut', period: 5 },
      outcome: undefined,
    };
    render(<AdjustmentMemory memory={[record, cut]} periods={months} />);
    const items = screen.getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'MKT-ADS raise +14,268 in Oct (P-20261207-1): closed 80% of the gap, 95% of the change spent, KPI +12.3% of target (measured in Dec)',
      'IT-CLOUD cut −28,800 in Jun (P-20261207-1): outcome measured once Aug is booked',
    ]);
    // The id does not break at its hyphens.
    expect(screen.getAllByText('P-20261207-1')[0].getAttribute('data-line-id')).toBe('');
  });
});

describe('SipLibraryImport', () => {
  test('counts a 2.0 table’s trials in the locale', () => {
    const sips = importSips(
      't.csv',
      ['units', ...Array.from({ length: 1200 }, (_, t) => String(100 + (t % 7)))].join('\n'),
    );
    render(
      <NumbersProvider style={{ locale: 'de-DE' }}>
        <SipLibraryImport value={sips} onChange={() => undefined} />
      </NumbersProvider>,
    );
    expect(screen.getByTestId('sip-library').textContent).toContain('SIPmath 2.0, 1.200 trials by index');
  });
});

describe('the sign of a negative number', () => {
  // What every view shows goes through these two; the hyphen-minus "-19,162" was the formatter's before.
  test.each([
    ['en-US', undefined, -19162, 'money', {}, '−19,162'],
    ['en-US', 'EUR', -1234.5, 'money', {}, '−€1,235'],
    ['de-DE', 'EUR', -1234.5, 'money', {}, '−1.235 €'],
    ['fr-FR', undefined, -0.299, 'percent', { sign: 'always', decimals: 1 }, '−29,9 %'],
    ['en-US', undefined, -19162, 'money', { compact: true, decimals: 1 }, '−19.2K'],
    ['en-US', undefined, -0.94, 'ratio', {}, '−0.94'],
    ['en-US', undefined, -0.012, 'points', { sign: 'always' }, '−1.2 pts'],
    ['en-US', undefined, 14268, 'money', { sign: 'always' }, '+14,268'],
  ] as const)('%s (currency %s): %d as %s', (locale, currency, value, unit, options, shown) => {
    const numbers = paneNumbers({ locale, currency });
    expect(numbers.format(value, unit, options).replace(/[\u00a0\u202f]/g, ' ')).toBe(shown);
    expect(numbers.formatAll([value], unit, options)[0].replace(/[\u00a0\u202f]/g, ' ')).toBe(shown);
  });

  test('the true minus in a rendered sentence, the hyphen nowhere', () => {
    render(
      <AdjustmentMemory
        memory={[{ ...record, before: 144000, after: 115200, context: { ...record.context, direction: 'cut' } }]}
      />,
    );
    const text = screen.getByTestId('adjustment-memory').textContent ?? '';
    expect(text).toMatch(/^MKT-ADS cut −28,800 /);
    expect(text.replace(/P-\d+-\d+/g, '')).not.toMatch(/-\d/);
  });

  test('an input box keeps the keyboard’s "-", and what is shown reads back', () => {
    const numbers = paneNumbers({ locale: 'de-DE' });
    expect(numbers.toInput(-1234.5)).toBe('-1.234,5');
    for (const value of [-19162, -0.5, -1234.5])
      expect(numbers.parse(numbers.format(value, 'number', { decimals: 1 }))).toEqual({ ok: true, value });
  });
});
