/**
 * Mapping failures to Excel errors. Excel shows a custom message only on #VALUE! and #N/A, so every
 * error the user must act on becomes one of those, carrying the catalogue's message and hint.
 */
import { isFpaError } from '../../src/errors';

/** Excel truncates long error messages in its error pop-up; keep ours whole and readable. */
const MAX_MESSAGE_LENGTH = 250;

function clip(message: string): string {
  return message.length <= MAX_MESSAGE_LENGTH ? message : message.slice(0, MAX_MESSAGE_LENGTH - 1) + '…';
}

/** Turns anything thrown inside a custom function into the `CustomFunctions.Error` to return. */
export function toExcelError(error: unknown): CustomFunctions.Error {
  if (error instanceof CustomFunctions.Error) return error;
  if (isFpaError(error)) {
    switch (error.kind) {
      case 'missing':
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, clip(error.fullMessage));
      case 'numeric':
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
      default:
        return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, clip(error.fullMessage));
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    clip(`OpenFPA hit an internal problem (${detail}). Please report it with the inputs that caused it.`),
  );
}

/**
 * Runs a custom function's body and returns its result, or the Excel error for whatever it threw.
 * Nothing escapes: an exception leaving a custom function would show as a bare #VALUE! with no
 * message. Excel accepts a `CustomFunctions.Error` returned in place of the result; the return type
 * stays `T` because Excel's metadata generator requires the declared return type (`any[][]`) to
 * match the JSDoc, so the error travels under the result's type.
 */
export function safely<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    return toExcelError(error) as unknown as T;
  }
}

/** The asynchronous form of `safely`, for functions that await a solver or a worker. */
export async function safelyAsync<T>(compute: () => Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    return toExcelError(error) as unknown as T;
  }
}
