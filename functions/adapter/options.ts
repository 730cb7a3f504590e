import { readNameValues } from '../../src/name-values';
import type { Cell } from './cells';
import { isBlank, readMatrix } from './cells';

/**
 * An optional options argument: a two-column name/value range, an array constant such as
 * {"weights","accuracy"}, or one text "name=value; name=value". An omitted argument is no options.
 * @throws FpaError (→ #VALUE!) for another shape or a name not in `allowed`, listing the allowed names.
 */
export function readOptions(input: unknown, field: string, allowed: readonly string[]): Map<string, Cell> {
  return readNameValues(isBlank(input) ? null : readMatrix(input, field), field, allowed);
}
