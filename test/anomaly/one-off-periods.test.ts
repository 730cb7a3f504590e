import { oneOffPeriods } from '../../src/anomaly/one-off-periods';
import { normals } from './helpers';

const all = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('oneOffPeriods', () => {
  it('gives the externally studentised residual and its Bonferroni tail area, as R', () => {
    const x = [0.01, -0.01, 0.02, 0.6, 0, -0.02, 0.01, 0, -0.01, 0.02];
    const [first] = oneOffPeriods(x, all(10), 0.01, 3, 0);
    expect(first.at).toBe(3);
    // R: rstudent(lm(x ~ 1))[4]; 10 * 2 * pt(-abs(t), 8)
    expect(first.evidence).toBeCloseTo(40.66897729579242, 9);
    expect(first.pValue / 1.470847685166232e-9).toBeCloseTo(1, 6);
  });
  it('finds two spikes on one line: neither masks the other', () => {
    const z = normals(3, 36).map((v) => 0.02 * v);
    z[8] += 0.2;
    z[30] -= 0.16;
    expect(
      oneOffPeriods(z, all(36), 0.01, 3, 0)
        .map((o) => o.at)
        .sort((a, b) => a - b),
    ).toEqual([8, 30]);
  });
  it('needs a wilder period on a line whose ordinary periods are heavy-tailed', () => {
    const calm = normals(5, 36).map((v) => 0.02 * v);
    const wild = calm.map((v, i) => (i % 9 === 4 ? v * 3.5 : v));
    calm[20] = wild[20] = 0.11;
    expect(oneOffPeriods(calm, all(36), 0.01, 3, 0).map((o) => o.at)).toContain(20);
    expect(oneOffPeriods(wild, all(36), 0.01, 3, 0).map((o) => o.at)).not.toContain(20);
  });
  it('still sees a one-off on a line that tracks its plan exactly (the floor)', () => {
    const r = new Array<number>(12).fill(0);
    r[5] = 0.3;
    expect(oneOffPeriods(r, all(12), 0.01, 3, 0.002).map((o) => o.at)).toEqual([5]);
  });
  it('raises at most the false-alarm rate on pure noise', () => {
    let lines = 0;
    for (let seed = 1; seed <= 100; seed += 1)
      if (oneOffPeriods(normals(seed, 36), all(36), 0.01, 3, 0).length) lines += 1;
    expect(lines).toBeLessThanOrEqual(3);
  });
  it('judges only the candidates, and nothing with too few of them', () => {
    const r = [0, 0.01, -0.01, 0.5, 0.49, 0.51, 0, 0.01];
    expect(oneOffPeriods(r, [0, 1, 2, 6, 7], 0.01, 3, 0.002)).toEqual([]);
    expect(oneOffPeriods(r, [0, 1, 2], 0.01, 3, 0.002)).toEqual([]);
    expect(oneOffPeriods([], [], 0.01, 3, 0.002)).toEqual([]);
  });
  it('respects the evidence floor', () => {
    const r = [0.01, -0.01, 0.02, 0.6, 0, -0.02, 0.01, 0, -0.01, 0.02];
    expect(oneOffPeriods(r, all(10), 0.01, 50, 0)).toEqual([]);
  });
});
