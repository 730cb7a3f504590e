import { elasticReserve, moveReason, signalSizes, updateSignals } from '../../src/loop/signals';
import { context } from './contexts';

describe('signals: severe and persistent', () => {
  const c = context(0);
  const sigmaPlan = c.landing.sd / (1 - c.passThrough);

  test('z is the move in sd of the year-end landing', () => {
    expect(signalSizes([c], [c.landing.planLeft + 2 * sigmaPlan])[0]).toBeCloseTo(2, 10);
  });

  test('severe beyond 1.645 sd; persistent after two month-ends in the same direction', () => {
    const best = [c.landing.planLeft + 2 * sigmaPlan];
    const first = updateSignals([c], best, {}, 1.645, 2);
    expect(first.signals).toHaveLength(1);
    expect(first.signals[0].persistent).toBe(false);
    const second = updateSignals([c], best, first.counts, 1.645, 2);
    expect(second.signals[0].persistent).toBe(true);
    expect(second.counts.L).toEqual([1, 2]);
    // A turn of direction restarts the count; a mild month clears it.
    const turned = updateSignals([c], [c.landing.planLeft - 2 * sigmaPlan], second.counts, 1.645, 2);
    expect(turned.signals[0].persistent).toBe(false);
    expect(updateSignals([c], [c.landing.planLeft + sigmaPlan], second.counts, 1.645, 2).signals).toHaveLength(0);
  });

  test('kinds in the anomaly engine’s words', () => {
    const over = { ...c, landing: { ...c.landing, gap: 50 } };
    const under = { ...c, landing: { ...c.landing, gap: -50 } };
    expect(moveReason(over, 1)).toBe('run-rate');
    expect(moveReason(under, -1)).toBe('opportunity');
    expect(moveReason(under, 1)).toBe('kpi-response');
  });

  test('the elastic reserve is z·√Σσ²', () => {
    expect(elasticReserve([c, c], 1.645)).toBeCloseTo(1.645 * Math.sqrt(2) * c.landing.sd, 10);
  });
});
