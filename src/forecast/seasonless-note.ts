/**
 * The note a forecast carries when a seasonal method runs without a season, so a straight line is
 * never a surprise: which method, what it ran as, why, and how to give it the season.
 */

/**
 * @param method the method the user asked for ("hw", "theta", "MAM")
 * @param ranAs what actually ran ("ETS(A,A,N)", "Theta without seasonal adjustment")
 * @param seasonality the seasonality argument (0 = detect, 1 = none, n = season length)
 * @param season the season length that was tested or offered (the data's frequency, else 12)
 * @param reason why there is no season, when it is not the detection's verdict
 * @example seasonlessNote('hw', 'ETS(A,A,N)', 0, 12)
 *   // "hw is a seasonal method, but no season was detected: it ran as ETS(A,A,N), without a season, so the forecast has no seasonal pattern. If the data repeat every 12 periods, give seasonality 12."
 */
export function seasonlessNote(
  method: string,
  ranAs: string,
  seasonality: number,
  season: number,
  reason?: string,
): string {
  if (seasonality === 1)
    return `${method} is a seasonal method, but seasonality 1 (none) was given: it ran as ${ranAs}.`;
  const why =
    reason ?? (seasonality >= 2 ? `the season of ${seasonality} could not be used` : 'no season was detected');
  const hint = seasonality >= 2 ? '' : ` If the data repeat every ${season} periods, give seasonality ${season}.`;
  return `${method} is a seasonal method, but ${why}: it ran as ${ranAs}, without a season, so the forecast has no seasonal pattern.${hint}`;
}
