import { FpaError } from '../../src/errors';

/** `received` is an FpaError again with every field of `original`: what crossing to a worker and back keeps. */
export function expectSameFpaError(received: unknown, original: FpaError): void {
  expect(received).toBeInstanceOf(FpaError);
  const { code, kind, message, hint, field, period, data } = original;
  expect(received).toMatchObject({ code, kind, message, hint, field, period, data });
}
