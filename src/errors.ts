/**
 * The one error catalogue of the computational core.
 *
 * Code in `src/` never throws ad-hoc strings: it throws `FpaError` built from an entry here, so
 * every failure has a stable `code`, a message written for a finance user, and a `hint` that says
 * what to change. Adapters (custom functions, task pane, CLI) map codes to their own surface:
 * Excel errors with a message, a field message in the pane, a non-zero exit with text.
 *
 * `kind` decides the Excel error an adapter shows:
 * - `input`: the user must fix an argument → #VALUE! (shows the message);
 * - `missing`: a referenced thing does not exist (unknown driver, model, instrument) → #N/A (shows
 *   the message);
 * - `numeric`: the computation has no finite answer for valid input, where Excel's own functions
 *   would say #NUM! (nothing to explain);
 * - `internal`: a bug; shown as #VALUE! with the message so the user can report it.
 */
export type FpaErrorKind = 'input' | 'missing' | 'numeric' | 'internal';

export interface FpaErrorDetails {
  /** The argument or field at fault, as the user named it (e.g. "horizon", "drivers row 3"). */
  field?: string;
  /** The 1-based period at fault, when the problem is in time (e.g. a cash shortfall). */
  period?: number;
  /** Extra numbers behind the message, kept for programmatic use (CLI JSON, tests). */
  data?: Record<string, unknown>;
}

export class FpaError extends Error {
  readonly code: string;
  readonly kind: FpaErrorKind;
  readonly hint: string;
  readonly field?: string;
  readonly period?: number;
  readonly data?: Record<string, unknown>;

  constructor(code: string, kind: FpaErrorKind, message: string, hint: string, details: FpaErrorDetails = {}) {
    super(message);
    this.name = 'FpaError';
    this.code = code;
    this.kind = kind;
    this.hint = hint;
    this.field = details.field;
    this.period = details.period;
    this.data = details.data;
  }

  /** Message and hint in one sentence pair, the text an Excel cell or a CLI shows. */
  get fullMessage(): string {
    return this.hint ? `${this.message} ${this.hint}` : this.message;
  }
}

export function isFpaError(value: unknown): value is FpaError {
  return value instanceof FpaError;
}

type Template<A extends unknown[]> = (...args: A) => FpaError;

function entry<A extends unknown[]>(
  code: string,
  kind: FpaErrorKind,
  build: (...args: A) => { message: string; hint: string; details?: FpaErrorDetails },
): Template<A> {
  return (...args: A) => {
    const { message, hint, details } = build(...args);
    return new FpaError(code, kind, message, hint, details);
  };
}

/**
 * Shared entries. Each engine may add its own catalogue file (`src/<engine>/errors.ts`) built with
 * `defineError`, using codes prefixed by the engine (`FORECAST_`, `SCENARIO_`, `CASH_`, ...).
 */
export const Errors = {
  notANumber: entry('INPUT_NOT_A_NUMBER', 'input', (field: string, position: string, got: string) => ({
    message: `${field}: ${position} holds ${got}, not a number.`,
    hint: 'Enter a number there, or clear the cell to mark a missing value.',
    details: { field },
  })),
  outOfRange: entry('INPUT_OUT_OF_RANGE', 'input', (field: string, got: number | string, allowed: string) => ({
    message: `${field} must be ${allowed}; got ${got}.`,
    hint: `Change ${field}.`,
    details: { field },
  })),
  notInteger: entry('INPUT_NOT_INTEGER', 'input', (field: string, got: number) => ({
    message: `${field} must be a whole number; got ${got}.`,
    hint: `Round ${field} to a whole number.`,
    details: { field },
  })),
  empty: entry('INPUT_EMPTY', 'input', (field: string) => ({
    message: `${field} is empty.`,
    hint: `Select a range with values for ${field}.`,
    details: { field },
  })),
  excelError: entry('INPUT_ERROR_CELL', 'input', (field: string, position: string, error: string) => ({
    message: `${field}: ${position} holds the error ${error}.`,
    hint: 'Fix that cell first; OpenFPA does not guess around errors.',
    details: { field },
  })),
  badShape: entry('INPUT_BAD_SHAPE', 'input', (field: string, expected: string, got: string) => ({
    message: `${field} must be ${expected}; got ${got}.`,
    hint: `Select ${expected} for ${field}.`,
    details: { field },
  })),
  unknownOption: entry('INPUT_UNKNOWN_OPTION', 'input', (field: string, got: string, allowed: readonly string[]) => ({
    message: `${field} "${got}" is not known.`,
    hint: `Use one of: ${allowed.join(', ')}.`,
    details: { field },
  })),
  internal: entry('INTERNAL', 'internal', (what: string) => ({
    message: `OpenFPA hit an internal problem: ${what}.`,
    hint: 'Please report it with the inputs that caused it.',
  })),
};

/** Builds an engine-specific catalogue entry; see `Errors` for the shape. */
export const defineError = entry;
