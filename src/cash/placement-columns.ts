/**
 * The placement decisions of a cash plan, shared by the deterministic programme (build-cash-lp.ts)
 * and the scenario programme (scenario-lp.ts): `x{k}_{t}` placed in instrument k in period t (inside
 * its window, maturing by the last period), with `n{k}_{t}` lots and `y{k}_{t}` place-or-not when
 * integers are honoured. Each placement leaves cash in period t and returns (1+r)^term of it in
 * period t + term: `flow[t]` lists those terms with the sign of cash leaving (+x at t, −g·x at t+term).
 * With `lotColumns` a lotted placement is written as lot·n{k}_{t} directly (no x column, no lot row):
 * the same programme with one column and one row fewer per lot decision, which GLPK's MIP presolver
 * does not do by itself and whose branch-and-bound then needs far fewer nodes (docs/cash.md).
 */
import type { Column, Row, Term } from '../solver/types';
import type { Instrument } from './types';

/** Periods (1-based) in which instrument `ins` may take a placement. */
export function placementWindow(ins: Instrument, periods: number): { first: number; last: number } {
  return { first: ins.from ?? 1, last: Math.min(ins.to ?? periods, periods - ins.term) };
}

export interface Placements {
  /** Cash leaving for placements in period t (index 1..T): +x placed, −(1+r)^term·x maturing. */
  flow: Term[][];
  /**
   * The amount placed in instrument k in period t (1-based t) as a column times a coefficient (`x{k}_{t}`
   * times 1, or `n{k}_{t}` times the lot with `lotColumns`), or undefined when not allowed.
   */
  placement: (k: number, t: number) => Term | undefined;
  growth: number[];
}

/**
 * Appends the placement columns (and the lot and minimum-placement rows of a MIP) to `columns` and
 * `rows`. `bigM` bounds a placement without a maximum, for the place-or-not rows.
 */
export function addPlacements(
  instruments: ReadonlyArray<Instrument>,
  periods: number,
  integer: boolean,
  bigM: number,
  columns: Column[],
  rows: Row[],
  lotColumns = false,
): Placements {
  const T = periods;
  const flow: Term[][] = Array.from({ length: T + 1 }, () => []);
  const growth = instruments.map((ins) => Math.pow(1 + ins.rate, ins.term));
  const windows = instruments.map((ins) => placementWindow(ins, T));
  const direct = instruments.map((ins) => integer && lotColumns && ins.lot !== undefined);
  const amount = (k: number, t: number): Term =>
    direct[k] ? { name: `n${k}_${t}`, coef: instruments[k].lot! } : { name: `x${k}_${t}`, coef: 1 };
  instruments.forEach((ins, k) => {
    for (let t = windows[k].first; t <= windows[k].last; t++) {
      const x = amount(k, t);
      const lotted = integer && ins.lot !== undefined;
      const min = ins.min ?? 0;
      if (direct[k]) {
        const most = ins.max === undefined ? Infinity : Math.floor(ins.max / ins.lot! + 1e-9);
        columns.push({ name: x.name, lb: 0, ub: most, integer: true });
      } else columns.push({ name: x.name, lb: 0, ub: ins.max ?? Infinity });
      flow[t].push(x);
      flow[t + ins.term].push({ name: x.name, coef: -growth[k] * x.coef });
      if (lotted && !direct[k]) {
        columns.push({ name: `n${k}_${t}`, lb: 0, ub: Infinity, integer: true });
        rows.push({
          name: `lot${k}_${t}`,
          terms: [
            { name: x.name, coef: 1 },
            { name: `n${k}_${t}`, coef: -ins.lot! },
          ],
          lb: 0,
          ub: 0,
        });
      }
      if (integer && min > 0) {
        const y = `y${k}_${t}`;
        columns.push({ name: y, lb: 0, ub: 1, integer: true });
        rows.push({
          name: `pmin${k}_${t}`,
          terms: [x, { name: y, coef: -min }],
          lb: 0,
          ub: Infinity,
        });
        rows.push({
          name: `pmax${k}_${t}`,
          terms: [x, { name: y, coef: -(ins.max ?? bigM) }],
          lb: -Infinity,
          ub: 0,
        });
      } // without integers a minimum placement cannot be expressed; the LP relaxation ignores it
    }
  });
  const placement = (k: number, t: number): Term | undefined =>
    t >= windows[k].first && t <= windows[k].last ? amount(k, t) : undefined;
  return { flow, placement, growth };
}
