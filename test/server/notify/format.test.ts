import { eventText, type OutboxEvent } from '../../../server/notify/format';

const event = (kind: OutboxEvent['kind'], payload: Record<string, unknown>): OutboxEvent => ({
  id: 'e1',
  kind,
  payload,
  createdAt: '2026-12-07T16:00:00Z',
});
const proposal = (versions: { costCentre: string; name: string }[]) => ({
  id: 'abcdef0123456789',
  costCentres: versions.map((v) => v.costCentre),
  amount: 12500,
  fiscalYear: 2027,
  versions,
});

describe('eventText', () => {
  test('an applied proposal names its new budget version, or versions, in the plural only when there are several', () => {
    expect(eventText(event('proposal.applied', { proposal: proposal([{ costCentre: 'CC1', name: 'v2' }]) }))).toBe(
      'Proposal applied: proposal abcdef01 (CC1, 12,500 moved, FY2027); new budget version CC1 v2.',
    );
    expect(
      eventText(
        event('proposal.applied', {
          proposal: proposal([
            { costCentre: 'CC1', name: 'v2' },
            { costCentre: 'CC2', name: 'v5' },
          ]),
        }),
      ),
    ).toBe('Proposal applied: proposal abcdef01 (CC1, CC2, 12,500 moved, FY2027); new budget versions CC1 v2, CC2 v5.');
  });

  test('a flag announcement counts the others of its report, in the singular for one', () => {
    const flag = { flagId: 'flag:L1@3', costCentre: 'CC1', kind: 'overspend', severity: 0.9, amount: 1234.5 };
    expect(eventText(event('flag.raised', { flag }))).toBe(
      'High-severity flag flag:L1@3 in CC1: overspend, severity 0.90, 1,234.5 at stake.',
    );
    expect(eventText(event('flag.raised', { flag, alsoRaised: 1 }))).toContain(
      'The same report raised 1 more high-severity flag in CC1, not announced one by one',
    );
  });

  test('what a window held back is one message naming the count, the window and the most severe flag', () => {
    const flag = { flagId: 'flag:L9@3', costCentre: 'CC1', kind: 'overspend', severity: 0.99, amount: 50000 };
    const heldBack = (count: number) => ({ count, from: '2026-12-07T14:00:00.000Z', to: '2026-12-07T15:00:00.000Z' });
    expect(eventText(event('flag.raised', { flag, alsoRaised: 36, heldBack: heldBack(37) }))).toBe(
      '37 high-severity flags raised in CC1 from 2026-12-07T14:00:00.000Z to 2026-12-07T15:00:00.000Z were held back ' +
        "after the window's announcements; the most severe is flag:L9@3: overspend, severity 0.99, 50,000 at stake. " +
        'See the review in the pane.',
    );
    expect(eventText(event('flag.raised', { flag, heldBack: heldBack(1) }))).toContain('1 high-severity flag raised');
    expect(eventText(event('flag.raised', { flag, heldBack: heldBack(1) }))).toContain('was held back');
  });
});
