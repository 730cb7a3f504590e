/**
 * The generator the saved data sets were made with: mulberry32 (Tommy Ettinger, public domain),
 * with Box–Muller normals. It exists only so that the labelled budget set (make-budget-set.ts), the
 * cash plans of ../shared/bench/cash-plan and the test fixtures built from them come out the same
 * bits as when they were made. The engines draw from src/stats/seeded-generator.ts, never from this.
 */

/** Uniform draws in [0, 1) from a 32-bit seed: 32-bit integer arithmetic only, so every engine agrees. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A standard normal draw by Box–Muller from two uniform draws of `u` (1 − u keeps the log finite). */
export function boxMullerNormal(u: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}
