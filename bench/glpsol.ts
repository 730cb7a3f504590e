/**
 * Debian's glpsol as the reference solver of the cash benchmarks: solves a CPLEX LP file, best of
 * `reps` runs, and reports the objective, the status, the wall time and glpsol's own CPU time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GlpsolRun {
  objective: number;
  status: string;
  ms: number;
  cpuMs: number;
}

/** CPU seconds of the children of a bash run, from the second line of `times` ("0m0.240s 0m0.010s"). */
function childCpuMs(timesOutput: string): number {
  const line = timesOutput.trim().split('\n').pop() ?? '';
  const parts = [...line.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
  return parts.length === 2 ? (parts[0] + parts[1]) * 1000 : NaN;
}

/** null when glpsol is not installed. `args` go to glpsol after the file (e.g. `--mipgap 5e-5`). */
export function glpsol(lpFile: string, reps = 5, args: string[] = []): GlpsolRun | null {
  if (!existsSync('/usr/bin/glpsol') && !existsSync('/usr/local/bin/glpsol')) return null;
  const dir = mkdtempSync(join(tmpdir(), 'openfpa-glpsol-'));
  try {
    let best = Infinity;
    let bestCpu = Infinity;
    let out = '';
    for (let rep = 0; rep < reps; rep++) {
      const t = performance.now();
      // bash's `times` reports the CPU time of glpsol alone, robust to a busy machine.
      out = execFileSync(
        'bash',
        [
          '-c',
          'f="$1"; s="$2"; l="$3"; shift 3; glpsol --lp "$f" "$@" -o "$s" > "$l"; times',
          'bash',
          lpFile,
          join(dir, 'x.sol'),
          join(dir, 'x.log'),
          ...args,
        ],
        { encoding: 'utf8' },
      );
      best = Math.min(best, performance.now() - t);
      bestCpu = Math.min(bestCpu, childCpuMs(out));
    }
    out = readFileSync(join(dir, 'x.log'), 'utf8');
    const infeasible = /NO PRIMAL FEASIBLE|PROBLEM HAS NO|INTEGER INFEASIBLE/i.test(out);
    const solution = existsSync(join(dir, 'x.sol')) ? readFileSync(join(dir, 'x.sol'), 'utf8') : '';
    const match = /Objective:\s+\S+\s+=\s+(\S+)/.exec(solution);
    return {
      objective: infeasible || !match ? NaN : Number(match[1]),
      status: infeasible ? 'infeasible' : /TIME LIMIT EXCEEDED/i.test(out) ? 'time_limit' : 'optimal',
      ms: best,
      cpuMs: bestCpu,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
