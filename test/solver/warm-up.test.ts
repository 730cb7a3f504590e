import { glpkNodeSolver } from '../../src/solver/glpk-node';
import { warmUpProgram } from '../../src/solver/warm-up';

describe('warmUpProgram', () => {
  it('is deterministic: the same programme every call', () => {
    expect(warmUpProgram()).toEqual(warmUpProgram());
  });

  it('has the scenario programme’s parts: path rows, lots, cash and risk rows per trial, one risk budget', () => {
    const program = warmUpProgram();
    const count = (prefix: RegExp): number => program.rows.filter((r) => prefix.test(r.name)).length;
    expect([count(/^yd/), count(/^lot/), count(/^c\d/), count(/^r\d/), count(/^risk$/)]).toEqual([12, 3, 144, 144, 1]);
    expect(program.columns.filter((c) => c.integer).length).toBe(3 + 12);
  });

  it('is a feasible, bounded MIP whose relaxation is not integral, so branch-and-bound runs', async () => {
    const program = warmUpProgram();
    const mip = await glpkNodeSolver.solve(program);
    const relaxed = await glpkNodeSolver.solve({
      ...program,
      columns: program.columns.map((c) => ({ ...c, integer: false })),
    });
    expect(mip.status).toBe('optimal');
    expect(relaxed.status).toBe('optimal');
    expect(relaxed.objective).toBeGreaterThan(mip.objective + 1);
    // At most two trials break their risk row, and every balance within its bounds.
    const dropped = Object.entries(mip.values).filter(([name, v]) => /^z\d/.test(name) && v > 0.5);
    expect(dropped.length).toBeLessThanOrEqual(2);
    expect(dropped.length).toBeGreaterThan(0);
  }, 30000);
});
