/**
 * Numbers in explanations: amounts with thousands separators, shares as percentages.
 */

/** Amount rounded to a sensible precision with thousands separators. @example money(12345.678) // "12,346" */
export function money(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : 2;
  const fixed = Math.abs(value).toFixed(digits);
  const [whole, frac] = fixed.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** Share as a percentage with one decimal. @example percent(0.1234) // "12.3%" */
export function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Evidence in noise units. @example times(4.26) // "4.3×" */
export function times(value: number): string {
  return `${value.toFixed(1)}×`;
}
