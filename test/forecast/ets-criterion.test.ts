import { etsCriterion } from '../../src/forecast/ets-criterion';
import { etsFilter } from '../../src/forecast/ets-filter';
import { stateCount, parseEtsCode } from '../../src/forecast/ets-model';
import { SeededGenerator } from '../../src/stats/seeded-generator';

const CODES = [
  'ANN',
  'AAN',
  'AAdN',
  'ANA',
  'AAA',
  'AAdA',
  'MNN',
  'MAN',
  'MAdN',
  'MNA',
  'MAA',
  'MAdA',
  'MNM',
  'MAM',
  'MAdM',
];

/** The general filter's value, forced through its own loop by asking for an output. */
const reference = (...args: Parameters<typeof etsFilter>): number =>
  etsFilter(args[0], args[1], args[2], args[3], { residuals: new Float64Array(args[0].length) });

describe('specialised ETS criterion', () => {
  test.each(CODES)('%s equals the general filter bit for bit', (code) => {
    const rnd = new SeededGenerator(7, 'test');
    const m = 4;
    const spec = parseEtsCode(code, m)!;
    for (let trial = 0; trial < 50; trial++) {
      const y = Float64Array.from({ length: 30 }, (_, t) => 50 + t + 10 * Math.sin(t) + 5 * rnd.nextNormal());
      const alpha = 0.05 + 0.9 * rnd.nextOpen01();
      const p = {
        alpha,
        beta: alpha * rnd.nextOpen01(),
        gamma: (1 - alpha) * rnd.nextOpen01(),
        phi: 0.8 + 0.18 * rnd.nextOpen01(),
      };
      const init = Float64Array.from({ length: stateCount(spec) }, (_, i) =>
        i === 0
          ? 50
          : spec.trend !== 'N' && i === 1
            ? rnd.nextNormal()
            : spec.season === 'M'
              ? 1 + 0.2 * rnd.nextNormal()
              : 5 * rnd.nextNormal(),
      );
      const v = etsCriterion(y, spec, p, init);
      expect(Object.is(v, reference(y, spec, p, init))).toBe(true);
      expect(Object.is(etsFilter(y, spec, p, init), v)).toBe(true);
    }
  });
  test('edge cases follow the filter: a perfect fit gives −∞, a zero forecast under multiplicative error +∞', () => {
    const ann = parseEtsCode('ANN', 1)!;
    const flat = Float64Array.of(3, 3, 3);
    const p = { alpha: 0.5, beta: 0, gamma: 0, phi: 1 };
    expect(etsCriterion(flat, ann, p, Float64Array.of(3))).toBe(-Infinity);
    expect(etsCriterion(flat, parseEtsCode('MNN', 1)!, p, Float64Array.of(0))).toBe(Infinity);
    expect(etsCriterion(flat, parseEtsCode('ANM', 2)!, p, Float64Array.of(3, 1, 1))).toBeUndefined();
  });
});
