import { isFpaError, type FpaError } from '../src/errors';

/** The FpaError `f` throws (any other throw is rethrown; no throw fails the test). */
export function fpaErrorOf(f: () => unknown): FpaError {
  try {
    f();
  } catch (e) {
    if (isFpaError(e)) return e;
    throw e;
  }
  throw new Error('expected an FpaError, nothing was thrown');
}

/** `CODE: message` of what `f` throws, or 'no error': one string to match against. */
export function fpaMessageOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (isFpaError(e)) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'no error';
}
