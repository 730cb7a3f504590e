/**
 * A rank-correlation target no joint distribution has (not positive semi-definite): the first
 * driver moves up with each of the other two, which move opposite ways. The engine repairs it to
 * the nearest correlation matrix and warns; the tests of that repair, of its warning, of the
 * determinism across engines and of the pane's layout share it.
 */
export const INCONSISTENT_MATRIX = [
  [1, 0.9, 0.9],
  [0.9, 1, -0.9],
  [0.9, -0.9, 1],
];

/** The inconsistent target over three named drivers, as a scenario spec or a saved model holds it. */
export function inconsistentCorrelation(names: readonly [string, string, string]): {
  names: string[];
  matrix: number[][];
} {
  return { names: [...names], matrix: INCONSISTENT_MATRIX.map((row) => [...row]) };
}
