import { decomposeVariance } from '../../src/anomaly/decompose-variance';
import type { BudgetLine } from '../../src/anomaly/types';
import { FpaError } from '../../src/errors';
import { normals } from './helpers';

const line = (
  id: string,
  pp: number[],
  pa: number[],
  qp: number[],
  qa: (number | null)[],
  volumeDriver?: string,
): BudgetLine => ({
  id,
  costCentre: 'C',
  account: 'a',
  owner: 'o',
  plan: pp.map((p, t) => p * qp[t]),
  actual: pa.map((p, t) => (qa[t] === null ? null : p * (qa[t] as number))),
  drivers: { price: { plan: pp, actual: pa }, volume: { plan: qp, actual: qa }, volumeDriver },
});

describe('decomposeVariance', () => {
  it('gives the textbook single-line split (volume at plan price, price at actual volume)', () => {
    // 10 units at 10 planned, 11 units at 12 actual: total 132 − 100 = 32 = volume 10 + price 22
    expect(decomposeVariance([line('A', [10], [12], [10], [11])])[0]).toEqual({
      line: 'A',
      total: 32,
      volume: 10,
      mix: 0,
      price: 22,
    });
  });
  it('splits a shared driver into volume and mix (sales-mix example)', () => {
    // Plan: A 60 units at 5, B 40 at 10 (mix 60/40). Actual: A 50 at 5, B 60 at 10 (total 110).
    // At plan mix: A 66, B 44 → volume A (66−60)·5 = 30, B (44−40)·10 = 40; mix A (50−66)·5 = −80, B (60−44)·10 = 160.
    const [a, b] = decomposeVariance([
      line('A', [5], [5], [60], [50], 'units'),
      line('B', [10], [10], [40], [60], 'units'),
    ]);
    expect(a).toEqual({ line: 'A', total: -50, volume: 30, mix: -80, price: 0 });
    expect(b).toEqual({ line: 'B', total: 200, volume: 40, mix: 160, price: 0 });
  });
  it('sums exactly to the total variance on random data with huge magnitudes (property, seeded)', () => {
    const z = normals(42, 400);
    const lines = Array.from({ length: 5 }, (_, i) => {
      const k = i * 80;
      const pp = z.slice(k, k + 20).map((v) => 100 + 10 * v);
      const pa = z.slice(k + 20, k + 40).map((v, t) => pp[t] * (1 + 0.1 * v));
      const qp = z.slice(k + 40, k + 60).map((v) => 1e12 * (50 + 5 * v));
      const qa = z.slice(k + 60, k + 80).map((v, t) => qp[t] * (1 + 0.2 * v));
      return line(`L${i}`, pp, pa, qp, qa, i < 3 ? 'units' : undefined);
    });
    for (const p of decomposeVariance(lines)) expect(p.volume + p.mix + p.price).toBe(p.total);
  });
  it('skips periods with a blank driver value', () => {
    expect(decomposeVariance([line('A', [10, 10], [12, 12], [10, 10], [11, null])])[0].total).toBe(32);
  });
  it('returns nothing for no lines and refuses a line without drivers', () => {
    expect(decomposeVariance([])).toEqual([]);
    expect(() =>
      decomposeVariance([{ id: 'x', costCentre: 'c', account: 'a', owner: 'o', plan: [1], actual: [1] }]),
    ).toThrow(FpaError);
  });
});
