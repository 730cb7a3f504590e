import { Matrix, multiply, symmetricEigen, symmetricEigenQl, transpose } from '../../src/scenario/matrix';
import { SeededGenerator } from '../../src/stats/seeded-generator';

/** A seeded symmetric matrix with entries uniform in (−1, 1). */
function randomSymmetric(k: number, seed: number): Matrix {
  const g = new SeededGenerator(seed, `symmetric:${k}`);
  const m: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) for (let j = i; j < k; j++) m[i][j] = m[j][i] = 2 * g.nextOpen01() - 1;
  return m;
}

/** Q·diag(values)·Qᵀ with Q = I − 2·u·uᵀ/(uᵀu) a seeded Householder reflection: eigenvalues known. */
function withEigenvalues(values: readonly number[], seed: number): Matrix {
  const g = new SeededGenerator(seed, 'reflection');
  const u = values.map(() => g.nextNormal());
  const uu = u.reduce((s, x) => s + x * x, 0);
  const q = u.map((ui, i) => u.map((uj, j) => (i === j ? 1 : 0) - (2 * ui * uj) / uu));
  const qd = q.map((row) => row.map((v, j) => v * values[j]));
  const a = multiply(qd, transpose(q));
  return a.map((row, i) => row.map((v, j) => (i <= j ? v : a[j][i])));
}

const sorted = (xs: readonly number[]): number[] => [...xs].sort((x, y) => x - y);

/** Largest |A·v − λ·v| over the eigenpairs and largest |VᵀV − I|. */
function residuals(a: Matrix, values: readonly number[], vectors: Matrix): { pair: number; orthogonality: number } {
  const k = a.length;
  let pair = 0;
  let orthogonality = 0;
  for (let p = 0; p < k; p++) {
    for (let i = 0; i < k; i++) {
      let s = 0;
      for (let j = 0; j < k; j++) s += a[i][j] * vectors[j][p];
      pair = Math.max(pair, Math.abs(s - values[p] * vectors[i][p]));
    }
    for (let q = p; q < k; q++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += vectors[i][p] * vectors[i][q];
      orthogonality = Math.max(orthogonality, Math.abs(s - (p === q ? 1 : 0)));
    }
  }
  return { pair, orthogonality };
}

describe('symmetricEigenQl (Householder tridiagonalisation + implicit QL)', () => {
  test('the second-difference matrix has eigenvalues 2 − 2·cos(jπ/(k+1))', () => {
    const k = 40;
    const a: Matrix = Array.from({ length: k }, (_, i) =>
      Array.from({ length: k }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)),
    );
    const expected = Array.from({ length: k }, (_, j) => 2 - 2 * Math.cos(((j + 1) * Math.PI) / (k + 1)));
    const { values, vectors } = symmetricEigenQl(a);
    sorted(values).forEach((v, j) => expect(Math.abs(v - expected[j])).toBeLessThan(1e-12));
    const r = residuals(a, values, vectors);
    expect(r.pair).toBeLessThan(1e-10);
    expect(r.orthogonality).toBeLessThan(1e-10);
  });

  test.each([1, 2, 3, 7, 50, 120, 200])(
    'A·v = λ·v and VᵀV = I to 1e-10 on a random symmetric matrix of size %i',
    (k) => {
      const a = randomSymmetric(k, k);
      const { values, vectors } = symmetricEigenQl(a);
      const r = residuals(a, values, vectors);
      expect(r.pair).toBeLessThan(1e-10);
      expect(r.orthogonality).toBeLessThan(1e-10);
      // The trace is the sum of the eigenvalues.
      const trace = a.reduce((s, row, i) => s + row[i], 0);
      expect(Math.abs(values.reduce((s, v) => s + v, 0) - trace)).toBeLessThan(1e-10);
    },
  );

  test('eigenvalues equal cyclic Jacobi’s on a random 30 × 30 matrix', () => {
    const a = randomSymmetric(30, 7);
    const ql = sorted(symmetricEigenQl(a).values);
    sorted(symmetricEigen(a).values).forEach((v, j) => expect(Math.abs(v - ql[j])).toBeLessThan(1e-12));
  });

  test.each([[[1, 1, 1, 2, 2, 5]], [[3, 3, 3, 3, 3, 3, 3, -1]], [[0, 0, 0, 0, 4]]])(
    'repeated eigenvalues %j are found with an orthonormal basis',
    (spectrum) => {
      const a = withEigenvalues(spectrum, spectrum.length);
      const { values, vectors } = symmetricEigenQl(a);
      sorted(values).forEach((v, j) => expect(Math.abs(v - sorted(spectrum)[j])).toBeLessThan(1e-12));
      const r = residuals(a, values, vectors);
      expect(r.pair).toBeLessThan(1e-10);
      expect(r.orthogonality).toBeLessThan(1e-10);
    },
  );

  test('the all-ones matrix: k once and 0 k − 1 times', () => {
    const k = 25;
    const a: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(1));
    const { values, vectors } = symmetricEigenQl(a);
    const s = sorted(values);
    expect(Math.abs(s[k - 1] - k)).toBeLessThan(1e-12);
    s.slice(0, k - 1).forEach((v) => expect(Math.abs(v)).toBeLessThan(1e-12));
    expect(residuals(a, values, vectors).orthogonality).toBeLessThan(1e-10);
  });

  test('a diagonal matrix is returned as it is: its diagonal and the unit vectors', () => {
    const diagonal = [3, -1, 0.5, 3, 0, 7];
    const a = diagonal.map((d, i) => diagonal.map((_, j) => (i === j ? d : 0)));
    const { values, vectors } = symmetricEigenQl(a);
    expect(values).toEqual(diagonal);
    vectors.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v)).toBe(i === j ? 1 : 0)));
  });

  test('the empty matrix', () => {
    expect(symmetricEigenQl([])).toEqual({ values: [], vectors: [] });
  });
});
