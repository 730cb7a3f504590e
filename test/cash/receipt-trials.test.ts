import { receiptTrials } from '../../src/cash/receipt-trials';

describe('receiptTrials', () => {
  const invoices = [
    { customer: 'A', amount: 100, probabilities: Float64Array.of(0.1, 0.3, 0.4, 0.2) },
    { customer: 'A', amount: 50, probabilities: Float64Array.of(0.1, 0.0, 0.5, 0.4) },
    { customer: 'B', amount: 10, probabilities: Float64Array.of(0, 1, 0, 0) },
  ];

  it('reproduces each invoice’s period probabilities (seeded, 20,000 trials)', () => {
    const trials = receiptTrials(invoices, 2, 20000, 7);
    const hits = [0, 0, 0, 0]; // A1 in p1, A1 in p2, A2 in p2, B in p1
    for (const row of trials) {
      const a = row[0] - 10; // B always pays 10 in period 1
      if (a === 100) hits[0]++;
      if (row[1] === 100 || row[1] === 150) hits[1]++;
      if (row[1] === 50 || row[1] === 150) hits[2]++;
      if (row[0] >= 10) hits[3]++;
    }
    const n = trials.length,
      se = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / n);
    expect(Math.abs(hits[0] / n - 0.3)).toBeLessThan(se(0.3));
    expect(Math.abs(hits[1] / n - 0.4)).toBeLessThan(se(0.4));
    expect(Math.abs(hits[2] / n - 0.5)).toBeLessThan(se(0.5));
    expect(hits[3]).toBe(n);
  });

  it('moves a customer’s invoices together: both default or neither', () => {
    for (const row of receiptTrials(invoices, 2, 2000, 3)) {
      const total = row[0] + row[1] - 10;
      // A's two invoices: either none is received in the horizon (default, or later) or the pattern is comonotone.
      expect([0, 50, 100, 150]).toContain(total);
    }
    const defaults = receiptTrials(invoices, 2, 5000, 3).filter((r) => r[0] + r[1] === 10).length / 5000;
    expect(defaults).toBeGreaterThan(0.07); // at least the joint default probability 0.1, minus noise
  });

  it('is deterministic for a seed and independent of other customers’ presence', () => {
    expect(receiptTrials(invoices, 2, 50, 11)).toEqual(receiptTrials(invoices, 2, 50, 11));
    const withoutB = receiptTrials(invoices.slice(0, 2), 2, 50, 11);
    const withB = receiptTrials(invoices, 2, 50, 11);
    withB.forEach((row, i) => expect(row[1]).toBe(withoutB[i][1]));
  });

  it('handles no invoices and a single trial', () => {
    expect(receiptTrials([], 3, 2, 1)).toEqual([new Float64Array(3), new Float64Array(3)]);
    expect(receiptTrials(invoices, 2, 1, 1)).toHaveLength(1);
  });
});
