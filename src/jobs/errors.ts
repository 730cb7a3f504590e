/**
 * The job protocol's own errors (codes start with `JOB_`). An engine's errors cross the protocol
 * unchanged; these are the failures of running a job at all.
 */
import { defineError } from '../errors';

export const JobErrors = {
  /** Cancelled before a runner started it (a job cancelled while running ends with its engine's error). */
  cancelled: defineError('JOB_CANCELLED', 'input', () => ({
    message: 'The run was cancelled.',
    hint: 'Start it again when ready.',
  })),
  /** A runner was asked for a kind of job it does not know: a wiring bug. */
  unknownKind: defineError('JOB_UNKNOWN_KIND', 'internal', (kind: string, known: readonly string[]) => ({
    message: `No runner for jobs of kind "${kind}" (it knows ${known.join(', ') || 'none'}).`,
    hint: 'Please report it with the inputs that caused it.',
  })),
};
