import {
  blockSensitivity,
  BlockDriver,
  correlationOfUnits,
  dot,
  dots,
  unitCentre,
} from '../../src/scenario/block-sensitivity';
import { Scratch } from '../../src/scenario/scratch';
import { sensitivityValues } from '../../src/scenario/sensitivity';
import { SeededGenerator } from '../../src/stats/seeded-generator';

/** A driver as a block holds it: its sorted sample, a random trial order, and the gathered column. */
function driver(sorted: Float64Array, rng: SeededGenerator): BlockDriver {
  const ranks = rng.permutation(new Uint32Array(sorted.length));
  const column = Float64Array.from(ranks, (r) => sorted[r]);
  return { sorted, ranks, column };
}

function sortedSample(n: number, rng: SeededGenerator, draw: (u: number) => number): Float64Array {
  return Float64Array.from({ length: n }, () => draw(rng.nextOpen01())).sort();
}

describe('blockSensitivity', () => {
  const n = 3000;
  const rng = new SeededGenerator(7, 'block-sensitivity');
  const drivers = [
    driver(
      sortedSample(n, rng, (u) => 100 + 10 * u),
      rng,
    ),
    // Discrete: many ties, so mid-ranks matter.
    driver(
      sortedSample(n, rng, (u) => (u < 0.6 ? 0 : u < 0.9 ? 250 : 1000)),
      rng,
    ),
    driver(
      sortedSample(n, rng, (u) => Math.exp(3 * u)),
      rng,
    ),
  ];
  const [a, b, c] = drivers.map((d) => d.column);
  const outputs = [
    Float64Array.from(a, (x, i) => x * c[i] - b[i]),
    // Ties in the output too: zero in about half the trials.
    Float64Array.from(a, (x, i) => Math.max(0, x - 105) * c[i]),
    Float64Array.from(a, (x, i) => 2 * x + 0.5 * b[i] - 3 * c[i] + 1),
  ];

  test('equals sensitivityValues output by output (seeded, with ties in drivers and outputs)', () => {
    const got = blockSensitivity(drivers, outputs, new Scratch());
    outputs.forEach((y, o) => {
      const want = sensitivityValues([a, b, c], y);
      want.spearman.forEach((v, d) => expect(got[o].spearman[d]).toBeCloseTo(v, 12));
      want.src.forEach((v, d) => expect(got[o].src[d]).toBeCloseTo(v, 10));
    });
    // A linear output is explained exactly: SRC of each driver is its coefficient × sd ratio.
    expect(got[2].src.reduce((s, v) => s + Math.abs(v), 0)).toBeGreaterThan(0.99);
  });

  test('the same numbers with a reused scratch, called twice', () => {
    const scratch = new Scratch();
    const first = blockSensitivity(drivers, outputs, scratch);
    expect(blockSensitivity(drivers, outputs, scratch)).toEqual(first);
  });

  test('a constant driver and a constant output give 0', () => {
    const constant = driver(new Float64Array(n).fill(4), rng);
    const got = blockSensitivity([drivers[0], constant], [outputs[0], new Float64Array(n).fill(2)]);
    expect(got[0].spearman[1]).toBe(0);
    expect(got[0].src[1]).toBe(0);
    expect(got[0].spearman[0]).not.toBe(0);
    expect(got[1]).toEqual({ spearman: [0, 0], src: [0, 0] });
  });

  test('a driver given by its column only (a SIP) is ranked from it: the same numbers', () => {
    const columnsOnly = drivers.map(({ column }) => ({ column }));
    const got = blockSensitivity(columnsOnly, outputs, new Scratch());
    blockSensitivity(drivers, outputs, new Scratch()).forEach((want, o) => {
      want.spearman.forEach((v, d) => expect(got[o].spearman[d]).toBeCloseTo(v, 14));
      want.src.forEach((v, d) => expect(got[o].src[d]).toBe(v));
    });
    const constant = { column: new Float64Array(n).fill(4) };
    expect(blockSensitivity([constant, drivers[0]], [outputs[0]])[0].spearman[0]).toBe(0);
  });

  test('no drivers: every output gets empty lists', () => {
    expect(blockSensitivity([], [outputs[0]])).toEqual([{ spearman: [], src: [] }]);
  });
});

describe('dots and correlationOfUnits', () => {
  const rng = new SeededGenerator(5, 'dots');
  const columns = Array.from({ length: 11 }, () =>
    Float64Array.from({ length: 997 }, () => rng.nextOpen01() * 1e3 - 300),
  );
  test('each product is dot(x, y) to the bit, for 0 to 11 columns', () => {
    for (let count = 0; count <= 11; count++) {
      const ys = columns.slice(0, count);
      expect(dots(columns[10], ys)).toEqual(ys.map((y) => dot(columns[10], y)));
    }
    expect(dots(Float64Array.of(1, 2), [Float64Array.of(3, 4), Float64Array.of(1, 0)])).toEqual([11, 1]);
    expect(dots(new Float64Array(0), [new Float64Array(0)])).toEqual([0]);
  });
  test('the correlation matrix of unit columns is symmetric with 1 on the diagonal, entries dot(a, b)', () => {
    const units = columns.slice(0, 6).map((c) => {
      const u = Float64Array.from(c);
      unitCentre(u);
      return u;
    });
    const matrix = correlationOfUnits(units);
    for (let a = 0; a < 6; a++) {
      expect(matrix[a][a]).toBe(1);
      for (let b = 0; b < 6; b++) if (a !== b) expect(matrix[a][b]).toBe(dot(units[a], units[b]));
    }
    expect(correlationOfUnits([])).toEqual([]);
    expect(correlationOfUnits([units[0]])).toEqual([[1]]);
  });
});
