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
      'closed 80% of the gap, 95% of the change spent, KPI +12.3% of target (measured at period 12)',
    );
    // German writes a (non-breaking) space before the percent sign.
    expect(outcomeText(record, paneNumbers({ locale: 'de-DE' })).replace(/\u00a0/g, ' ')).toBe(
      'closed 80 % of the gap, 95 % of the change spent, KPI +12,3 % of target (measured at period 12)',
    );
  });

  test('the moved amount in the locale', () => {
    render(
      <NumbersProvider style={{ locale: 'de-DE' }}>
        <AdjustmentMemory memory={[record]} />
      </NumbersProvider>,
    );
    expect(screen.getByTestId('adjustment-memory').textContent).toMatch(/^MKT-ADS raise \+14\.268 at period 10/);
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
