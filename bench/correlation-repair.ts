/**
 * The repair of a far-from-valid correlation matrix (unit diagonal, off-diagonal entries uniform in
 * ±0.8 from `SeededGenerator(1, "repair:<k>")`, none of them positive definite) at 10 to 200 drivers:
 * the CPU time of one eigen-decomposition by cyclic Jacobi and by Householder + QL (median of 5 after
 * a warm-up), then each repair path's projections, CPU and wall time: Higham's alternating projections
 * with Jacobi (the path up to JACOBI_REPAIR_MAX_DRIVERS drivers) and with QL and Anderson acceleration
 * (the path above), and the largest difference between their matrices. The Jacobi repair of 200
 * drivers takes minutes: it runs only with `--full`.
 * Run: `npx tsx bench/correlation-repair.ts [--full]`
 */
import { Matrix, symmetricEigen, symmetricEigenQl } from '../src/scenario/matrix';
import { JACOBI_REPAIR_MAX_DRIVERS, nearestCorrelation, RepairMethod } from '../src/scenario/nearest-correlation';
import { SeededGenerator } from '../src/stats/seeded-generator';
import { titledTable } from './markdown';
import { runMain } from './run-main';

const SIZES = [10, 30, 50, 100, 200];

function farFromValid(k: number): Matrix {
  const g = new SeededGenerator(1, `repair:${k}`);
  const m: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    m[i][i] = 1;
    for (let j = i + 1; j < k; j++) m[i][j] = m[j][i] = (2 * g.nextOpen01() - 1) * 0.8;
  }
  return m;
}

function cpuMs<T>(run: () => T): { value: T; cpu: number; wall: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const used = process.cpuUsage(cpu);
  return { value, cpu: (used.user + used.system) / 1000, wall: performance.now() - started };
}

function medianCpuMs(run: () => unknown): number {
  run();
  const times = Array.from({ length: 5 }, () => cpuMs(run).cpu).sort((a, b) => a - b);
  return times[2];
}

function repair(target: Matrix, method: RepairMethod): { matrix: Matrix; cell: string } {
  const { value, cpu, wall } = cpuMs(() => nearestCorrelation(target, 1e-6, method));
  return {
    matrix: value.matrix,
    cell: `${value.iterations} | ${(cpu / 1000).toFixed(2)} | ${(wall / 1000).toFixed(2)}`,
  };
}

async function main(): Promise<void> {
  const full = process.argv.includes('--full');
  const rows: string[] = [];
  for (const k of SIZES) {
    const target = farFromValid(k);
    const jacobiEig = medianCpuMs(() => symmetricEigen(target));
    const qlEig = medianCpuMs(() => symmetricEigenQl(target));
    const accelerated = repair(target, 'accelerated');
    const jacobi = k < 200 || full ? repair(target, 'jacobi') : undefined;
    const difference = jacobi
      ? Math.max(
          ...jacobi.matrix.map((row, i) => Math.max(...row.map((v, j) => Math.abs(v - accelerated.matrix[i][j])))),
        )
      : undefined;
    rows.push(
      `| ${k} | ${k <= JACOBI_REPAIR_MAX_DRIVERS ? 'Jacobi' : 'QL + Anderson'} | ${jacobiEig.toFixed(1)} | ${qlEig.toFixed(1)} | ` +
        `${jacobi ? jacobi.cell : '— | — | —'} | ${accelerated.cell} | ${difference === undefined ? '—' : difference.toExponential(1)} |`,
    );
  }
  const columns = [
    'drivers',
    'default path',
    'Jacobi eig (CPU ms)',
    'QL eig (CPU ms)',
    'Jacobi repair: projections',
    'CPU s',
    'wall s',
    'QL + Anderson repair: projections',
    'CPU s',
    'wall s',
    'max abs difference',
  ];
  const title = `Repair of a far-from-valid correlation matrix (entries uniform in ±0.8, seed 1)${full ? '' : '; Jacobi repair of 200 with --full'}`;
  process.stdout.write(titledTable(title, columns, rows).join('\n') + '\n');
}

runMain('correlation-repair', main);
