/**
 * A small seeded generator (mulberry32) with standard normal draws by Box–Muller. Deterministic for
 * a given seed on every platform; no global state.
 * @example const r = seededRandom(1); r.uniform() // same value on every run
 */
export function seededRandom(seed: number): { uniform: () => number; normal: () => number } {
  let a = (Math.floor(seed) ^ 0x9e3779b9) >>> 0;
  const uniform = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare = NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const th = 2 * Math.PI * uniform();
    spare = r * Math.sin(th);
    return r * Math.cos(th);
  };
  return { uniform, normal };
}
