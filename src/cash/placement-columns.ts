/**
 * The placement decisions of a cash plan, shared by the deterministic programme (build-cash-lp.ts)
 * and the scenario programme (scenario-lp.ts): `x{k}_{t}` placed in instrument k in period t (inside
 * its window, maturing by the last period), with `n{k}_{t}` lots and `y{k}_{t}` place-or-not when
 * integers are honoured. Each placement leaves cash in period t and returns (1+r)^term of it in
 * period t + term: `flow[t]` lists those terms with the sign of cash leaving (+x at t, −g·x at t+term).
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
  /** Placement variable of instrument k in period t (1-based t), or undefined when not allowed. */
  placement: (k: number, t: number) => string | undefined;
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
): Placements {
  const T = periods;
  const flow: Term[][] = Array.from({ length: T + 1 }, () => []);
  const growth = instruments.map((ins) => Math.pow(1 + ins.rate, ins.term));
  const windows = instruments.map((ins) => placementWindow(ins, T));
  instruments.forEach((ins, k) => {
    for (let t = windows[k].first; t <= windows[k].last; t++) {
      const x = `x${k}_${t}`;
      const lotted = integer && ins.lot !== undefined;
      const min = ins.min ?? 0;
      columns.push({ name: x, lb: 0, ub: ins.max ?? Infinity });
      flow[t].push({ name: x, coef: 1 });
      flow[t + ins.term].push({ name: x, coef: -growth[k] });
      if (lotted) {
        columns.push({ name: `n${k}_${t}`, lb: 0, ub: Infinity, integer: true });
        rows.push({
          name: `lot${k}_${t}`,
          terms: [
            { name: x, coef: 1 },
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
          terms: [
            { name: x, coef: 1 },
            { name: y, coef: -min },
          ],
          lb: 0,
          ub: Infinity,
        });
        rows.push({
          name: `pmax${k}_${t}`,
          terms: [
            { name: x, coef: 1 },
            { name: y, coef: -(ins.max ?? bigM) },
          ],
          lb: -Infinity,
          ub: 0,
        });
      } // without integers a minimum placement cannot be expressed; the LP relaxation ignores it
    }
  });
  const placement = (k: number, t: number): string | undefined =>
    t >= windows[k].first && t <= windows[k].last ? `x${k}_${t}` : undefined;
  return { flow, placement, growth };
}
