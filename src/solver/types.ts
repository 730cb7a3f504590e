/**
 * The small solver interface every optimisation in OpenFPA goes through. A model is plain data
 * (columns with bounds, rows with bounds, a linear objective), so another solver can be added by
 * writing one adapter, without touching the models that build programmes.
 */

/** A decision variable. `lb`/`ub` may be ±Infinity; `integer` makes the programme a MIP. */
export interface Column {
  name: string;
  lb: number;
  ub: number;
  integer?: boolean;
}

/** One coefficient of a row or of the objective. */
export interface Term {
  name: string;
  coef: number;
}

/** A constraint `lb ≤ Σ coef·x ≤ ub`; use `lb === ub` for an equality, ±Infinity for one side. */
export interface Row {
  name: string;
  terms: Term[];
  lb: number;
  ub: number;
}

/** A linear (or mixed-integer) programme. */
export interface LinearProgram {
  name: string;
  sense: 'max' | 'min';
  objective: Term[];
  columns: Column[];
  rows: Row[];
}

export interface SolveOptions {
  /** Stop after this many seconds and return the best plan found (status `time_limit`). */
  timeLimitSeconds?: number;
  /**
   * Relative MIP gap at which branch-and-bound stops; 0 (default) proves optimality. A MIP stopped
   * at the gap is reported `optimal` (optimal within the gap).
   */
  mipGap?: number;
  /** Use the solver's presolver (default: on for MIPs, off for LPs). */
  presolve?: boolean;
}

export type SolveStatus = 'optimal' | 'infeasible' | 'unbounded' | 'time_limit' | 'undefined';

export interface SolveResult {
  status: SolveStatus;
  /** Objective value; NaN when there is no solution. */
  objective: number;
  /** Column values by name (absent columns are 0). */
  values: Record<string, number>;
  /**
   * Row duals by name (LPs only): the change in the objective per unit increase of the row's
   * active bound. Absent for MIPs.
   */
  rowDuals?: Record<string, number>;
  /** Wall time the solver reported, in seconds. */
  seconds: number;
  /**
   * A MIP stopped by its time limit with a plan: the relative gap between the plan's objective and the
   * best bound known (|bound − objective| / |objective|), when the solver knows one.
   */
  gap?: number;
}

/** A solver: turns a programme into a solution. Implementations load their engine once. */
export interface Solver {
  readonly name: string;
  solve(program: LinearProgram, options?: SolveOptions): Promise<SolveResult>;
  /**
   * Optional: loads the engine and runs it once on a small programme, so the one-time cost of a
   * JIT-compiled engine is paid here rather than in the next solves. Idempotent; callers about to run
   * a sequence of large solves (the scenario programmes) call it first.
   */
  warmUp?(): Promise<void>;
}
