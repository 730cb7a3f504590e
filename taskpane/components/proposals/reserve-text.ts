/**
 * The elastic reserve (src/loop/pane-reserve.ts) as a budget owner reads it: how much, what it means
 * (nine times in ten the scanned lines together end the year within it of their forecast), and what it
 * does to the flags' asks (a raise it covers needs no re-budget; one it does not, does).
 */
import type { NumberFormatter } from '../../../src/format';
import type { FlagRequest } from '../../../src/loop/flag-requests';
import type { PaneReserve } from '../../../src/loop/pane-reserve';

/** "A", "A and B", "A, B and C". */
const and = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/**
 * @param requests the flags' requests the reserve was sized against (raises are the ones > 0)
 * @example reserveText({ reserve: 1009, lines: 6, absorbed: [] }, [{ line: 'MKT-ADS', change: 14268, … }], numbers)
 * // "Reserve for forecast uncertainty: 1,009 (9 times in 10, the 6 lines together end the year within 1,009
 * //  of their forecast). Too small for MKT-ADS’s 14,268: that needs a re-budget."
 */
export function reserveText(
  reserve: PaneReserve,
  requests: readonly FlagRequest[],
  numbers: Pick<NumberFormatter, 'format'>,
): string {
  const money = (v: number) => numbers.format(v, 'money');
  const amount = money(reserve.reserve);
  const who =
    reserve.lines === 1
      ? `the line ends the year within ${amount} of its forecast`
      : `the ${numbers.format(reserve.lines, 'count')} lines together end the year within ${amount} of their forecast`;
  const head = `Reserve for forecast uncertainty: ${amount} (9 times in 10, ${who}).`;
  const asks = requests.filter((r) => r.change > 0);
  if (asks.length === 0) return `${head} No flag asks for more budget.`;
  const covered = new Set(reserve.absorbed);
  const ask = (r: FlagRequest) => `${r.line}’s ${money(r.change)}`;
  const fits = asks.filter((r) => covered.has(r));
  const rest = asks.filter((r) => !covered.has(r));
  return [
    head,
    ...(fits.length > 0 ? [`It covers ${and(fits.map(ask))} without a re-budget.`] : []),
    ...(rest.length > 0
      ? [`Too small for ${and(rest.map(ask))}: ${rest.length === 1 ? 'that needs' : 'those need'} a re-budget.`]
      : []),
  ].join(' ');
}
