import { reducedCosts } from '../../src/solver/reduced-costs';

it('computes d_j = c_j − Σ a_ij π_i', () => {
  // max x + 2y, row x + y ≤ 4 with dual 2: d_x = 1 − 2 = −1, d_y = 2 − 2 = 0.
  const d = reducedCosts(
    {
      name: 'p',
      sense: 'max',
      objective: [
        { name: 'x', coef: 1 },
        { name: 'y', coef: 2 },
      ],
      columns: [
        { name: 'x', lb: 0, ub: 3 },
        { name: 'y', lb: 0, ub: Infinity },
        { name: 'z', lb: 0, ub: 1 },
      ],
      rows: [
        {
          name: 'r',
          terms: [
            { name: 'x', coef: 1 },
            { name: 'y', coef: 1 },
          ],
          lb: -Infinity,
          ub: 4,
        },
      ],
    },
    { r: 2 },
  );
  expect(d).toEqual({ x: -1, y: 0, z: 0 });
});
