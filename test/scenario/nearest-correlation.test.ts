import { cholesky, Matrix, symmetricEigenQl } from '../../src/scenario/matrix';
import {
  checkCorrelationMatrix,
  JACOBI_REPAIR_MAX_DRIVERS,
  nearestCorrelation,
} from '../../src/scenario/nearest-correlation';
import { SeededGenerator } from '../../src/stats/seeded-generator';
import { INCONSISTENT_MATRIX } from './inconsistent-correlation';

/** A far-from-valid target: unit diagonal, off-diagonal entries uniform in ±0.8 (seeded). */
function farFromValid(k: number, seed = 1): Matrix {
  const g = new SeededGenerator(seed, `repair:${k}`);
  const m: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    m[i][i] = 1;
    for (let j = i + 1; j < k; j++) m[i][j] = m[j][i] = (2 * g.nextOpen01() - 1) * 0.8;
  }
  return m;
}

function maxDifference(a: Matrix, b: Matrix): number {
  return Math.max(...a.map((row, i) => Math.max(...row.map((v, j) => Math.abs(v - b[i][j])))));
}

describe('nearest correlation matrix (Higham 2002)', () => {
  test('a positive-definite matrix is returned unchanged', () => {
    const m = [
      [1, 0.3],
      [0.3, 1],
    ];
    expect(nearestCorrelation(m)).toEqual({ matrix: m, repaired: false, maxChange: 0 });
  });
  test("Higham's example: [[2,-1,0,0],[-1,2,-1,0],[0,-1,2,-1],[0,0,-1,2]] with unit diagonal", () => {
    // Higham (2002) §4 example A = [1 1 0; 1 1 1; 0 1 1]: nearest correlation matrix has
    // off-diagonals 0.7607 (a12, a23) and 0.1573 (a13).
    const r = nearestCorrelation(
      [
        [1, 1, 0],
        [1, 1, 1],
        [0, 1, 1],
      ],
      0,
    );
    expect(r.repaired).toBe(true);
    expect(r.matrix[0][1]).toBeCloseTo(0.7607, 3);
    expect(r.matrix[0][2]).toBeCloseTo(0.1573, 3);
    expect(r.maxChange).toBeCloseTo(1 - 0.7607, 3);
  });
  test('large matrices: Householder + QL eigen-decomposition (A·v = λ·v, V orthonormal), and a 40-driver repair', () => {
    // Entries uniform in ±0.8: far from a correlation matrix. With Jacobi rotations at every size, the
    // repair took 3.4 s for 50 drivers and did not finish in 10 minutes for 200 (load 15).
    const rng = new SeededGenerator(7);
    const k = 40;
    const target = Array.from({ length: k }, () => new Array<number>(k).fill(1));
    for (let i = 0; i < k; i++)
      for (let j = 0; j < i; j++) target[i][j] = target[j][i] = Math.round((rng.nextOpen01() - 0.5) * 160) / 100;
    const { values, vectors } = symmetricEigenQl(target);
    for (let p = 0; p < k; p++)
      for (let i = 0; i < k; i++) {
        let av = 0;
        let dot = 0;
        for (let j = 0; j < k; j++) {
          av += target[i][j] * vectors[j][p];
          dot += vectors[j][i] * vectors[j][p];
        }
        expect(Math.abs(av - values[p] * vectors[i][p])).toBeLessThan(1e-12);
        expect(Math.abs(dot - (i === p ? 1 : 0))).toBeLessThan(1e-12);
      }
    const repaired = nearestCorrelation(target);
    expect(repaired.repaired).toBe(true);
    expect(cholesky(repaired.matrix)).not.toBeNull();
    repaired.matrix.forEach((row, i) => expect(row[i]).toBe(1));
  });

  test('repairs an inconsistent 3 × 3 target to a positive-definite unit-diagonal matrix', () => {
    const r = nearestCorrelation(INCONSISTENT_MATRIX);
    expect(r.repaired).toBe(true);
    expect(cholesky(r.matrix)).not.toBeNull();
    r.matrix.forEach((row, i) => expect(row[i]).toBe(1));
    expect(r.maxChange).toBeGreaterThan(0.1);
  });
  test.each([
    [
      [
        [1, 2],
        [2, 1],
      ],
      'between -1 and 1',
    ],
    [
      [
        [1, 0.2],
        [0.3, 1],
      ],
      'not symmetric',
    ],
    [
      [
        [0.9, 0],
        [0, 1],
      ],
      'diagonal entry for a must be 1',
    ],
    [[[1, 0]], 'must be 2 × 2'],
  ])('rejects %j with a message', (m, text) => {
    expect(() => checkCorrelationMatrix(m as number[][], ['a', 'b'])).toThrow(text as string);
  });
});

describe('the repair of many drivers (QL eigen-solver, Anderson acceleration)', () => {
  test('200 drivers: a valid correlation matrix (symmetric, unit diagonal, positive definite) in few projections', () => {
    const target = farFromValid(200);
    const r = nearestCorrelation(target);
    expect(r.repaired).toBe(true);
    expect(r.iterations).toBeLessThanOrEqual(60);
    expect(r.matrix.filter((row, i) => row[i] !== 1)).toEqual([]);
    expect(r.matrix.filter((row, i) => row.some((v, j) => v !== r.matrix[j][i]))).toEqual([]);
    expect(cholesky(r.matrix)).not.toBeNull();
    expect(Math.min(...symmetricEigenQl(r.matrix).values)).toBeGreaterThan(0);
    expect(r.maxChange).toBe(maxDifference(r.matrix, target));
  }, 120_000);

  test('30 drivers: the accelerated path gives the Jacobi path’s matrix to 1e-8, in fewer projections', () => {
    const target = farFromValid(30);
    const jacobi = nearestCorrelation(target, 1e-6, 'jacobi');
    const accelerated = nearestCorrelation(target, 1e-6, 'accelerated');
    expect(maxDifference(accelerated.matrix, jacobi.matrix)).toBeLessThan(1e-8);
    expect(Math.abs(accelerated.maxChange - jacobi.maxChange)).toBeLessThan(1e-8);
    expect(accelerated.iterations).toBeLessThan(jacobi.iterations!);
  }, 60_000);

  test("Higham's 3 × 3 example on the accelerated path", () => {
    const r = nearestCorrelation(
      [
        [1, 1, 0],
        [1, 1, 1],
        [0, 1, 1],
      ],
      0,
      'accelerated',
    );
    expect(r.matrix[0][1]).toBeCloseTo(0.7607, 4);
    expect(r.matrix[0][2]).toBeCloseTo(0.1573, 4);
  });

  test('the path by size: Jacobi up to JACOBI_REPAIR_MAX_DRIVERS, so small repaired matrices keep their bits', () => {
    const small = farFromValid(12);
    expect(nearestCorrelation(small)).toEqual(nearestCorrelation(small, 1e-6, 'jacobi'));
    expect(nearestCorrelation(small)).not.toEqual(nearestCorrelation(small, 1e-6, 'accelerated'));
    const large = farFromValid(JACOBI_REPAIR_MAX_DRIVERS + 1);
    expect(nearestCorrelation(large)).toEqual(nearestCorrelation(large, 1e-6, 'accelerated'));
  }, 60_000);
});
