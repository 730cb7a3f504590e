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

  /** Fisher–Yates: fills `out` with a uniformly random permutation of 0..out.length-1. */
  permutation(out: Uint32Array): Uint32Array {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.nextBelow(i + 1);
      const tmp = out[i];
      out[i] = out[j];
      out[j] = tmp;
    }
    return out;
  }
}
