import { kaplanMeier } from '../../src/cash/kaplan-meier';
import type { DelayObservation } from '../../src/cash/delay-distribution';

const paid = (delay: number): DelayObservation => ({ delay, kind: 'paid' });
const open = (delay: number): DelayObservation => ({ delay, kind: 'open' });
const never: DelayObservation = { delay: 0, kind: 'never' };

describe('kaplanMeier', () => {
  it('matches R survival::survfit with open invoices censored and write-offs censored at +∞', () => {
    // R 4, survival:
    //   time   <- c(-2, 0, 0, 3, 5, 5, 7, 10, 12, 4, 9, 15, 1e6, 1e6)
    //   status <- c( 1, 1, 1, 1, 1, 1, 1,  1,  1, 0, 0,  0,   0,   0)
    //   summary(survfit(Surv(time, status) ~ 1))  →  time -2 0 3 5 7 10 12
    //   surv 0.92857142857142860 0.78571428571428570 0.71428571428571430 0.55555555555555558
    //        0.47619047619047616 0.38095238095238093 0.28571428571428570
    const d = kaplanMeier([...[-2, 0, 0, 3, 5, 5, 7, 10, 12].map(paid), ...[4, 9, 15].map(open), never, never]);
    expect(Array.from(d.support)).toEqual([-2, 0, 3, 5, 7, 10, 12]);
    const r = [
      0.9285714285714286, 0.7857142857142857, 0.7142857142857143, 0.5555555555555556, 0.47619047619047616,
      0.38095238095238093, 0.2857142857142857,
    ];
    let s = 1;
    d.mass.forEach((m, k) => {
      s -= m;
      expect(s).toBeCloseTo(r[k], 14);
    });
    expect(d.never).toBeCloseTo(0.2857142857142857, 14);
  });

  it('is the empirical distribution without censoring', () => {
    const d = kaplanMeier([paid(1), paid(1), paid(4), never]);
    expect(Array.from(d.mass)).toEqual([0.5, 0.25]);
    expect(d.never).toBeCloseTo(0.25, 15);
  });

  it('edge cases: nothing paid, one value, huge day numbers', () => {
    expect(kaplanMeier([never, open(3)])).toEqual({
      support: new Float64Array(0),
      mass: new Float64Array(0),
      never: 1,
    });
    expect(kaplanMeier([paid(7)]).never).toBe(0);
    const big = kaplanMeier([paid(1e9), paid(-1e9), open(0)]);
    expect(Array.from(big.support)).toEqual([-1e9, 1e9]);
    expect(big.mass[0] + big.mass[1] + big.never).toBeCloseTo(1, 15);
  });
});
