/**
 * Delay before retry number `attempt` (1-based): exponential, `baseMs · 2^(attempt−1)`, capped at
 * `maxMs`, scaled by a jitter factor in [0.5, 1] so many clients coming back at once spread out
 * ("equal jitter"). `jitter` is a number in [0, 1) supplied by the caller (seeded in tests).
 *
 * @example backoffDelayMs(3, { baseMs: 1000, maxMs: 60000, jitter: 1 }) // → 4000
 * @example backoffDelayMs(20, { baseMs: 1000, maxMs: 60000, jitter: 0 }) // → 30000
 */
export function backoffDelayMs(
  attempt: number,
  options: { baseMs?: number; maxMs?: number; jitter?: number } = {},
): number {
  const baseMs = options.baseMs ?? 1000;
  const maxMs = options.maxMs ?? 5 * 60_000;
  const jitter = Math.min(Math.max(options.jitter ?? 1, 0), 1);
  const exponent = Math.min(Math.max(Math.floor(attempt), 1) - 1, 30);
  const raw = Math.min(baseMs * 2 ** exponent, maxMs);
  return Math.round(raw * (0.5 + jitter / 2));
}
