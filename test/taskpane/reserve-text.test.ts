/**
 * The Proposals view's reserve sentence: the amount, what it means in a budget owner's words, and what
 * it does to each flag's ask (covered without a re-budget, or too small: a re-budget).
 */
import { reserveText } from '../../taskpane/components/proposals/reserve-text';
import { paneNumbers } from '../../taskpane/state/numbers';
import { flagRequest as ask } from '../loop/fixtures';

const numbers = paneNumbers({ locale: 'en-US' });
const HEAD =
  'Reserve for forecast uncertainty: 1,009 (9 times in 10, the 6 lines together end the year within 1,009 of their forecast).';

test('an ask larger than the reserve needs a re-budget; no jargon', () => {
  const requests = [ask('MKT-ADS', 14268), ask('IT-LIC', -21562)];
  const text = reserveText({ reserve: 1009, lines: 6, absorbed: [] }, requests, numbers);
  expect(text).toBe(`${HEAD} Too small for MKT-ADS’s 14,268: that needs a re-budget.`);
  expect(text).not.toMatch(/band|landing|flag request|elastic/);
});

test('asks it covers and asks it does not, each said', () => {
  const requests = [ask('A', 800), ask('B', 300), ask('C', 14268), ask('D', 9000)];
  expect(reserveText({ reserve: 1009, lines: 6, absorbed: requests.slice(0, 2) }, requests, numbers)).toBe(
    `${HEAD} It covers A’s 800 and B’s 300 without a re-budget. Too small for C’s 14,268 and D’s 9,000: those need a re-budget.`,
  );
});

test('no ask, and one line', () => {
  expect(reserveText({ reserve: 1009, lines: 6, absorbed: [] }, [ask('IT-LIC', -500)], numbers)).toBe(
    `${HEAD} No flag asks for more budget.`,
  );
  expect(reserveText({ reserve: 250.5, lines: 1, absorbed: [] }, [], paneNumbers({ locale: 'de-DE' }))).toBe(
    'Reserve for forecast uncertainty: 251 (9 times in 10, the line ends the year within 251 of its forecast). No flag asks for more budget.',
  );
});
