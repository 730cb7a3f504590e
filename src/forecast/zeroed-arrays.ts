/** Doubles per chunk the views are cut from (128 KB). */
const CHUNK = 16384;
/** Longer arrays get their own buffer. */
const MAX_VIEW = CHUNK / 4;

let chunk = new Float64Array(0);
let used = 0;

/**
 * A zeroed Float64Array of `length`, cut from a shared chunk that is never handed out twice (so it is
 * as zeroed and as private as a new array). Typed arrays above 64 bytes each get their own backing
 * store, whose allocation showed in profiles of the order search, which makes thousands of small
 * working arrays per history; views of a chunk cost one allocation per 128 KB. A view keeps its chunk
 * alive: for working arrays only, not for results kept in caches. Arrays above 32 KB are allocated
 * on their own.
 * @example zeroedArray(3) // Float64Array [0, 0, 0]
 */
export function zeroedArray(length: number): Float64Array {
  if (length > MAX_VIEW) return new Float64Array(length);
  if (used + length > chunk.length) {
    chunk = new Float64Array(CHUNK);
    used = 0;
  }
  const view = chunk.subarray(used, used + length);
  used += length;
  return view;
}
