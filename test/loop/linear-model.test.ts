import { aicc, fitLinearModel } from '../../src/loop/linear-model';

describe('fitLinearModel', () => {
  test('ordinary least squares matches lm() on a small design', () => {
    // R: x <- c(1, 2, 4, 7, 11); y <- c(2.1, 3.9, 8.2, 13.8, 22.5); f <- lm(y ~ x)
    //    coef(f) → -0.074242424242420654 2.034848484848484240
    const x = [1, 2, 4, 7, 11];
    const y = [2.1, 3.9, 8.2, 13.8, 22.5];
    const fit = fitLinearModel([[1, 1, 1, 1, 1], x], y);
    expect(fit).toBeDefined();
    expect(fit!.beta[0]).toBeCloseTo(-0.074242424242420654, 10);
    expect(fit!.beta[1]).toBeCloseTo(2.03484848484848424, 10);
    expect(fit!.df).toBe(3);
    // R: sum((x - mean(x))^2) → 66; var(slope) = σ²/Sxx
    expect(fit!.covariance[1][1]).toBeCloseTo(fit!.sigma2 / 66, 12);
  });

  test('spend in the millions next to a time index keeps full precision (columns are scaled)', () => {
    const n = 30;
    const t = Array.from({ length: n }, (_, i) => i);
    const spend = t.map((i) => 4e6 + 3e5 * Math.sin(i) + 1e4 * i);
    const y = t.map((i) => 1e5 + 250 * i + 0.03 * spend[i]);
    const fit = fitLinearModel([t.map(() => 1), t, spend], y)!;
    expect(fit.beta[1]).toBeCloseTo(250, 6);
    expect(fit.beta[2]).toBeCloseTo(0.03, 10);
  });

  test('collinear columns give undefined rather than nonsense', () => {
    expect(
      fitLinearModel(
        [
          [1, 1, 1],
          [1, 2, 3],
          [2, 4, 6],
        ],
        [1, 2, 3],
      ),
    ).toBeUndefined();
  });

  test('a penalty is ridge regression: (XᵀX + λI)⁻¹Xᵀy', () => {
    // One column, no intercept: β = Σxy / (Σx² + λ) = 20 / (14 + 6)
    const fit = fitLinearModel([[1, 2, 3]], [2, 3, 4], [6])!;
    expect(fit.beta[0]).toBeCloseTo(20 / 20, 12);
  });
});

test('aicc: n·ln(rss/n) + 2p + 2p(p+1)/(n−p−1), infinite without residual freedom', () => {
  expect(aicc(10, 20, 3)).toBeCloseTo(20 * Math.log(0.5) + 6 + 24 / 16, 12);
  expect(aicc(1, 4, 3)).toBe(Infinity);
});
