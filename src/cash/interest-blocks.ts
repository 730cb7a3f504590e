/**
 * The interest a trial's cash row pays on its carried balance, r'·Σ_{u<t} b_u, written through block
 * sums. Written term by term, row t holds every earlier balance: with n balances a trial's rows hold
 * about n²/2 interest terms, which is most of the scenario programme (221,512 non-zeros on the 52×8
 * bench plan with 200 trials). Here the trial's balances, in period order, are cut into blocks of
 * about √n, each block but the last gets a free column equal to its sum (one equality row), and row t
 * holds the sums of the blocks that end before t and the balances of its own block: about 2√n terms.
 * Same programme (the sums are defined exactly), a quarter of the non-zeros, a few more rows; the
 * simplex's iterations are the same, each one cheaper (measured in docs/cash.md).
 */
import type { Column, Row, Term } from '../solver/types';

/** Balances per block: √n rounded, so a row holds about n/size sums plus size balances. */
export function interestBlockSize(balances: number): number {
  return Math.max(2, Math.round(Math.sqrt(balances)));
}

/**
 * Adds the block-sum columns and rows of one trial and returns its interest terms.
 * @param periods the trial's balance periods, ascending
 * @param rate r', the credit's rate net of the fee (0 adds nothing)
 * @param balance the name of the balance column of a period
 * @param sum the name of block j's sum column (its defining row is `def_` and that name)
 * @returns per period t, the terms −r'·b_u (or −r'·sum) for every balance u < t, appended to `into`
 *   when given (the programme's rows are built without an array per call). The term objects are
 *   shared between rows: a programme is read, never changed, once built.
 * @example
 *   const columns = [], rows = [];
 *   const terms = interestTerms([1, 2, 3, 4, 5], 0.01, (t) => `b${t}`, (j) => `S${j}`, columns, rows);
 *   terms(4); // [{ name: 'S0', coef: -0.01 }, { name: 'b3', coef: -0.01 }]: S0 = b1 + b2
 */
export function interestTerms(
  periods: readonly number[],
  rate: number,
  balance: (t: number) => string,
  sum: (j: number) => string,
  columns: Column[],
  rows: Row[],
): (t: number, into?: Term[]) => Term[] {
  if (rate === 0) return (_t, into = []) => into;
  const n = periods.length;
  const size = interestBlockSize(n);
  const blocks = Math.ceil(n / size);
  // One term per balance and per block sum, shared by every row that holds it.
  const balanceTerms: Term[] = periods.map((u) => ({ name: balance(u), coef: -rate }));
  const sumTerms: Term[] = [];
  // The last block is never summed whole: no row comes after all of it.
  for (let j = 0; j < blocks - 1; j++) {
    const name = sum(j);
    columns.push({ name, lb: -Infinity, ub: Infinity });
    const terms: Term[] = [{ name, coef: 1 }];
    for (let i = j * size; i < (j + 1) * size; i++) terms.push({ name: balanceTerms[i].name, coef: -1 });
    rows.push({ name: `def_${name}`, terms, lb: 0, ub: 0 });
    sumTerms.push({ name, coef: -rate });
  }
  return (t, into = []) => {
    for (let j = 0; j < blocks && periods[j * size] < t; j++) {
      const end = Math.min(n, (j + 1) * size);
      if (j < blocks - 1 && periods[end - 1] < t) into.push(sumTerms[j]);
      else for (let i = j * size; i < end && periods[i] < t; i++) into.push(balanceTerms[i]);
    }
    return into;
  };
}
