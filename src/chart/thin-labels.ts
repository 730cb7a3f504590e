/**
 * Which of many category labels (periods along a time axis) to print so they do not collide: every
 * k-th, with k the smallest step at which the widest label fits its slot. The last label is kept
 * when it does not collide with the one before.
 */

/**
 * @param count how many categories
 * @param slot pixels per category
 * @param widest the widest label, in pixels
 * @returns the indices to label
 * @example thinLabels(12, 20, 24) // [0, 2, 4, 6, 8, 10]
 */
export function thinLabels(count: number, slot: number, widest: number, gap = 4): number[] {
  if (count <= 0) return [];
  const every = slot > 0 ? Math.max(1, Math.ceil((widest + gap) / slot)) : count;
  const shown: number[] = [];
  for (let i = 0; i < count; i += every) shown.push(i);
  const last = count - 1;
  if (shown[shown.length - 1] !== last && (last - shown[shown.length - 1]) * slot >= widest + gap) shown.push(last);
  return shown;
}
