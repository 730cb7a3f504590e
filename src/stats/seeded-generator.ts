/**
 * The seeded generator every engine draws from (scenario sampling, forecast simulated intervals,
 * cash-risk trials): xoshiro128** (Blackman & Vigna, "Scrambled linear pseudorandom number
 * generators", 2021, https://prng.di.unimi.it/xoshiro128starstar.c) with keyed streams.
 *
 * Only 32-bit integer arithmetic (`Math.imul`, shifts, `>>>`) is used, so a given seed gives the
 * same bits in every JavaScript engine; normal draws invert the deterministic normal quantile, so
 * they are engine-independent too. Streams are derived from (seed, key) by hashing the key (FNV-1a)
 * and expanding with SplitMix32, so each consumer has its own independent stream: adding or
 * reordering scenario drivers does not change the others' samples, and two engines never share one.
 */
import { fnv1a } from './fnv1a';
import { normalQuantile } from './normal-quantile';

/** 2^26 and 2^53, exact powers of two. */
const TWO_POW_26 = 67108864;
const TWO_POW_53 = 9007199254740992;

/** Draws taken at a time by the loops over a block (`fillOpen01`, `permutation`): 16 kB, kept per thread. */
const WORDS = new Uint32Array(4096);

/** SplitMix32-style finaliser (Murmur3 fmix32 on a Weyl sequence). */
function mix32(x: number): number {
  let z = x | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

export class SeededGenerator {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /**
   * @param seed any safe integer (negative and values above 2^32 are allowed)
   * @param key stream name, e.g. `"sample:price:0"`; different keys give independent streams
   * @example new SeededGenerator(42, 'price').nextUint32() // 1229424745 in every engine
   */
  constructor(seed: number, key = '') {
    const lo = seed >>> 0;
    const hi = Math.floor(seed / 4294967296) >>> 0;
    let w = (mix32(lo ^ 0x9e3779b9) ^ mix32(hi + 0x7f4a7c15) ^ fnv1a(key)) >>> 0;
    const next = (): number => {
      w = (w + 0x9e3779b9) >>> 0;
      return mix32(w);
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /**
   * A generator with the given raw state (not all zero), for checking against the reference
   * implementation's published outputs.
   * @example SeededGenerator.fromState(1, 2, 3, 4).nextUint32() // 11520
   */
  static fromState(s0: number, s1: number, s2: number, s3: number): SeededGenerator {
    const g = new SeededGenerator(0);
    g.s0 = s0 | 0;
    g.s1 = s1 | 0;
    g.s2 = s2 | 0;
    g.s3 = s3 | 0;
    return g;
  }

  /** Next output as an unsigned 32-bit integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const product = Math.imul(s1, 5);
    const result = Math.imul((product << 7) | (product >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** A double in the open interval (0, 1) with 53 random bits: never 0 or 1, so quantiles stay finite. */
  nextOpen01(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * TWO_POW_26 + b + 0.5) / TWO_POW_53;
  }

  /**
   * A standard normal draw by inversion, Φ⁻¹(u) of one `nextOpen01` uniform: one draw per call, no
   * hidden spare value (unlike Box–Muller), and the same bits in every engine.
   * @example new SeededGenerator(1, 'z').nextNormal() // -0.1911084944472319 in every engine
   */
  nextNormal(): number {
    return normalQuantile(this.nextOpen01());
  }

  /** An integer in [0, bound) for bound ≤ 2^32 (multiply-shift; bias below bound/2^32). */
  nextBelow(bound: number): number {
    return Math.floor((this.nextUint32() * bound) / 4294967296);
  }

  /**
   * Fills `out[0..count)` with the next `count` outputs of `nextUint32`, in order: the same numbers
   * as that many calls. The loops over whole blocks draw through this (`fillOpen01`, `permutation`):
   * with the state in locals there is no call and no boxed number per draw, which Chromium's V8 did
   * not optimise away (a call per draw left 21 MB of garbage per 20,000-trial block of the standard
   * model, in its sampling heap profiler).
   */
  fillUint32(out: Uint32Array, count = out.length): Uint32Array {
    let s0 = this.s0;
    let s1 = this.s1;
    let s2 = this.s2;
    let s3 = this.s3;
    for (let i = 0; i < count; i++) {
      const product = Math.imul(s1, 5);
      out[i] = Math.imul((product << 7) | (product >>> 25), 9);
      const t = s1 << 9;
      s2 ^= s0;
      s3 ^= s1;
      s1 ^= s2;
      s0 ^= s3;
      s2 ^= t;
      s3 = (s3 << 11) | (s3 >>> 21);
    }
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
    this.s3 = s3;
    return out;
  }

  /** Fills `out` with the next `out.length` draws of `nextOpen01`, in order (the same numbers). */
  fillOpen01(out: Float64Array): Float64Array {
    const n = out.length;
    for (let from = 0; from < n; from += WORDS.length / 2) {
      const to = Math.min(n, from + WORDS.length / 2);
      this.fillUint32(WORDS, 2 * (to - from));
      for (let i = from, w = 0; i < to; i++, w += 2)
        out[i] = ((WORDS[w] >>> 5) * TWO_POW_26 + (WORDS[w + 1] >>> 6) + 0.5) / TWO_POW_53;
    }
    return out;
  }

  /**
   * Fisher–Yates: fills `out` with a uniformly random permutation of 0..out.length-1, swapping
   * position i (from the last down) with `nextBelow(i + 1)`, the draws taken `WORDS.length` at a time.
   */
  permutation(out: Uint32Array): Uint32Array {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0;) {
      const count = Math.min(WORDS.length, i);
      this.fillUint32(WORDS, count);
      for (let w = 0; w < count; w++, i--) {
        const j = Math.floor((WORDS[w] * (i + 1)) / 4294967296);
        const tmp = out[i];
        out[i] = out[j];
        out[j] = tmp;
      }
    }
    return out;
  }
}
