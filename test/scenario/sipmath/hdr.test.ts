import { hdrUniform, hdrUniforms } from '../../../src/scenario/sipmath/hdr';

describe('HDR_2_0', () => {
  test.each([
    // Python with exact integers, the standard's formula as in PySIPmath's chanceCalc.hdr (without its
    // rounding to 15 digits): hdr(i, entity, varId, seed3, seed4) for i in (1, 2, 3, 1000, 1000000).
    [
      { entity: 1, varId: 1, seed3: 0, seed4: 0 },
      [0.9097355402773246, 0.7586898015579209, 0.07985927711706609, 0.324549293727614, 0.025634036283008754],
    ],
    [
      { entity: 1, varId: 2, seed3: 3, seed4: 4 },
      [0.7263179625151679, 0.6267787964316085, 0.8898344564950094, 0.09145382873248309, 0.14486298465635628],
    ],
  ])('the published formula, bit for bit: %j', (seeds, expected) => {
    expect([1, 2, 3, 1000, 1000000].map((i) => hdrUniform(i, seeds))).toEqual(expected);
  });

  test('uniform on (0, 1): mean, spread and deciles of 100,000 trials', () => {
    const u = hdrUniforms(100000, { entity: 7, varId: 42, seed3: 0, seed4: 0 });
    let sum = 0;
    const deciles = new Array<number>(10).fill(0);
    for (const x of u) {
      expect(x > 0 && x < 1).toBe(true);
      sum += x;
      deciles[Math.floor(x * 10)]++;
    }
    expect(Math.abs(sum / u.length - 0.5)).toBeLessThan(0.005);
    for (const d of deciles) expect(Math.abs(d - 10000)).toBeLessThan(500);
  });

  test('another varId is another stream; none is one value', () => {
    const a = hdrUniforms(1000, { entity: 1, varId: 1, seed3: 0, seed4: 0 });
    const b = hdrUniforms(1000, { entity: 1, varId: 2, seed3: 0, seed4: 0 });
    expect(a).not.toEqual(b);
    expect(hdrUniforms(0, { entity: 1, varId: 1, seed3: 0, seed4: 0 })).toHaveLength(0);
  });
});
