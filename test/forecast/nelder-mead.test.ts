import { nelderMead } from '../../src/forecast/nelder-mead';

const rosenbrock = (x: Float64Array): number => 100 * (x[1] - x[0] ** 2) ** 2 + (1 - x[0]) ** 2;

describe('Nelder–Mead', () => {
  test('finds the minimum of a quadratic and of the Rosenbrock valley', () => {
    const q = nelderMead((x) => (x[0] - 1) ** 2 + (x[1] + 2) ** 2, [0, 0], { step: [0.5, 0.5] });
    expect(q.x[0]).toBeCloseTo(1, 3);
    expect(q.x[1]).toBeCloseTo(-2, 3);
    // optim(c(-1.2, 1), fr) in R reaches 8.8e-8 with its default Nelder–Mead.
    const r = nelderMead(rosenbrock, [-1.2, 1], { step: [0.1, 0.1], maxEvaluations: 2000, tolerance: 1e-12 });
    expect(r.value).toBeLessThan(1e-6);
  });

  test('respects the evaluation budget and maps NaN to Infinity', () => {
    let calls = 0;
    const r = nelderMead(
      (x) => {
        calls++;
        return x[0] < 0 ? NaN : (x[0] - 3) ** 2;
      },
      [1],
      { step: [1], maxEvaluations: 25 },
    );
    expect(calls).toBe(r.evaluations);
    expect(r.evaluations).toBeLessThanOrEqual(26);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  test('reused working arrays: repeated and nested searches give identical results', () => {
    const opts = { step: [0.3, 0.3], maxEvaluations: 200 };
    const first = nelderMead(rosenbrock, [-1, 1], opts);
    const again = nelderMead(rosenbrock, [-1, 1], opts);
    expect(Array.from(again.x)).toEqual(Array.from(first.x));
    // An objective that itself runs a search of the same dimension must not disturb the outer one.
    const nested = nelderMead(
      (x) => {
        const inner = nelderMead((z) => (z[0] - x[0]) ** 2 + (z[1] - x[1]) ** 2, [0, 0], {
          step: [1, 1],
          maxEvaluations: 20,
        });
        return rosenbrock(x) + 0 * inner.value;
      },
      [-1, 1],
      opts,
    );
    expect(Array.from(nested.x)).toEqual(Array.from(first.x));
    expect(nested.value).toBe(first.value);
    // The returned point is a copy: a later search does not overwrite it.
    const kept = Array.from(first.x);
    nelderMead(rosenbrock, [2, 2], opts);
    expect(Array.from(first.x)).toEqual(kept);
  });
});
