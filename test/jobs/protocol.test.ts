/**
 * Errors as data: an FpaError crosses a structured clone as its fields and is rebuilt with the same
 * code, kind, message, hint, field, period and data; anything else comes back as a plain Error.
 */
import { Errors, FpaError } from '../../src/errors';
import { errorFromJob, jobErrorData } from '../../src/jobs/protocol';
import { expectSameFpaError } from './same-error';

const across = <T>(value: T): T => structuredClone(value);

describe('job errors', () => {
  test('an FpaError is rebuilt with every field', () => {
    const original = new FpaError('FORECAST_TOO_SHORT', 'input', 'Too short.', 'Give more history.', {
      field: 'values',
      period: 7,
      data: { needed: 24, given: 3 },
    });
    const rebuilt = errorFromJob(across(jobErrorData(original)));
    expectSameFpaError(rebuilt, original);
    expect((rebuilt as FpaError).fullMessage).toBe(original.fullMessage);
  });

  test('only the fields an error has are sent', () => {
    expect(jobErrorData(Errors.empty('drivers'))).toEqual({
      code: 'INPUT_EMPTY',
      kind: 'input',
      message: 'drivers is empty.',
      hint: 'Select a range with values for drivers.',
      field: 'drivers',
    });
  });

  test("the catalogue's own internal error stays an FpaError; an exception becomes a plain Error", () => {
    expect(errorFromJob(across(jobErrorData(Errors.internal('a bug'))))).toBeInstanceOf(FpaError);
    const data = jobErrorData(new RangeError('out of memory'));
    expect(data).toEqual({ code: 'INTERNAL', kind: 'internal', message: 'out of memory', hint: '', unexpected: true });
    const rebuilt = errorFromJob(across(data));
    expect(rebuilt).not.toBeInstanceOf(FpaError);
    expect(rebuilt.message).toBe('out of memory');
    expect(jobErrorData('a string thrown').message).toBe('a string thrown');
  });
});
