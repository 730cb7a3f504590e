import { conditionalOnOpen, firstAbove, survivalAt } from '../../src/cash/delay-distribution';

const d = { support: Float64Array.of(-2, 0, 10), mass: Float64Array.of(0.2, 0.3, 0.4), never: 0.1 };

describe('delay distribution', () => {
  it('survival counts never-paid mass at every horizon', () => {
    expect([-5, -2, 0, 5, 10, 1e9].map((u) => survivalAt(d, u))).toEqual([
      expect.closeTo(1, 15),
      expect.closeTo(0.8, 15),
      expect.closeTo(0.5, 15),
      expect.closeTo(0.5, 15),
      expect.closeTo(0.1, 15),
      expect.closeTo(0.1, 15),
    ]);
  });

  it('finds the first support point above a day', () => {
    expect([-3, -2, 5, 10].map((u) => firstAbove(d.support, u))).toEqual([0, 1, 2, 3]);
  });

  it('conditions on being open: rescales what lies above', () => {
    const c = conditionalOnOpen(d, 0); // left: 0.4 at 10 and 0.1 never
    expect(Array.from(c.support)).toEqual([10]);
    expect(c.mass[0]).toBeCloseTo(0.8, 15);
    expect(c.never).toBeCloseTo(0.2, 15);
    expect(conditionalOnOpen(d, -10).mass[0]).toBeCloseTo(0.2, 15);
  });

  it('an invoice open longer than anyone ever paid is never paid', () => {
    const none = { support: Float64Array.of(0, 5), mass: Float64Array.of(0.5, 0.5), never: 0 };
    const c = conditionalOnOpen(none, 30);
    expect(c.never).toBe(1);
    expect(c.support.length).toBe(0);
  });
});
