import { detExp, detLog, detLog1p, detPow, detSinSmall } from '../../src/stats/deterministic-math';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const EPS = 2.220446049250313e-16;
const ulps = (a: number, b: number): number => Math.abs(a - b) / (Math.abs(b) * EPS);

describe('engine-independent elementary functions', () => {
  test('agree with Math within a few ulp (seeded, 100,000 points each)', () => {
    const r = new SeededGenerator(11);
    let worst = { exp: 0, log: 0, log1p: 0, pow: 0, sin: 0 };
    for (let i = 0; i < 100000; i++) {
      const u = r.nextOpen01();
      const x = (u - 0.5) * 1400;
      const y = Math.exp(x);
      const w = (u - 0.5) * (i % 2 ? 2 : 2e-6);
      const s = ((u - 0.5) * Math.PI) / 3;
      worst = {
        exp: Math.max(worst.exp, ulps(detExp(x), Math.exp(x))),
        log: Math.max(worst.log, y > 1e-300 && Math.abs(x) > 1e-3 ? ulps(detLog(y), Math.log(y)) : 0),
        log1p: Math.max(worst.log1p, ulps(detLog1p(w), Math.log1p(w))),
        pow: Math.max(worst.pow, ulps(detPow(u * 10, 2.37), Math.pow(u * 10, 2.37))),
        sin: Math.max(worst.sin, ulps(detSinSmall(s), Math.sin(s))),
      };
    }
    expect(worst.exp).toBeLessThanOrEqual(2);
    expect(worst.log).toBeLessThanOrEqual(3);
    expect(worst.log1p).toBeLessThanOrEqual(3);
    expect(worst.pow).toBeLessThanOrEqual(32); // e^(y ln x) amplifies the error of ln x by |y ln x|
    expect(worst.sin).toBeLessThanOrEqual(2);
  });
  test('special values', () => {
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detLog(Infinity)).toBe(Infinity);
    expect(detLog(1)).toBe(0);
    expect(detLog(5e-324)).toBeCloseTo(-744.4400719213812, 10);
    expect(detExp(0)).toBe(1);
    expect(detExp(710)).toBe(Infinity);
    expect(detExp(-746)).toBe(0);
    expect(detExp(NaN)).toBeNaN();
    expect(detExp(709.7)).toBeCloseTo(1.6549840276802644e308, -293);
    expect(detLog1p(0)).toBe(0);
    expect(detLog1p(-1)).toBe(-Infinity);
    expect(detPow(2, 10)).toBe(1024);
    expect(detPow(10, -2)).toBe(0.01);
    expect(detPow(-2, 3)).toBe(-8);
    expect(detPow(-8, 1 / 3)).toBeNaN();
    expect(detPow(0, -1)).toBe(Infinity);
    expect(detPow(5, 0)).toBe(1);
  });
});
