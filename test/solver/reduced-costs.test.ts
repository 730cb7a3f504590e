import { reducedCosts } from '../../src/solver/reduced-costs';
import { smallLp } from './small-lp';

it('computes d_j = c_j − Σ a_ij π_i', () => {
  // max x + 2y, row x + y ≤ 4 with dual 2: d_x = 1 − 2 = −1, d_y = 2 − 2 = 0.
  const d = reducedCosts(
    {
      ...smallLp,
      rows: [{ ...smallLp.rows[0], name: 'r' }],
      columns: [...smallLp.columns, { name: 'z', lb: 0, ub: 1 }],
    },
    { r: 2 },
  );
  expect(d).toEqual({ x: -1, y: 0, z: 0 });
});
