/**
 * FNV-1a, 32-bit (Fowler, Noll & Vo; http://www.isthe.com/chongo/tech/comp/fnv/): the one string
 * hash of the project. It keys the seeded generator's streams and routes a forecast history to the
 * worker that memoised its fit. Not cryptographic; only `Math.imul` and XOR, so every engine gives
 * the same value.
 */

const OFFSET_BASIS = 0x811c9dc5;
const PRIME = 0x01000193;

/**
 * FNV-1a of a string's UTF-16 code units, as an unsigned 32-bit integer.
 * @example fnv1a('a') // 0xe40c292c (the FNV specification's test vector)
 * @example fnv1a('') // 0x811c9dc5 (the offset basis)
 */
export function fnv1a(text: string): number {
  let h = OFFSET_BASIS;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, PRIME);
  }
  return h >>> 0;
}
