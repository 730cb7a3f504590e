/** The job protocol's own errors: stable codes, the kind that decides the Excel error, and a hint. */
import { FpaError } from '../../src/errors';
import { JobErrors } from '../../src/jobs/errors';

test('a job cancelled before it ran says so, as user input (#VALUE! with the message)', () => {
  const error = JobErrors.cancelled();
  expect(error).toBeInstanceOf(FpaError);
  expect(error).toMatchObject({ code: 'JOB_CANCELLED', kind: 'input' });
  expect(error.fullMessage).toBe('The run was cancelled. Start it again when ready.');
});

test('an unknown kind of job is a wiring bug that names what the runner knows', () => {
  const error = JobErrors.unknownKind('forecast.rolling', ['scenario.run']);
  expect(error).toMatchObject({ code: 'JOB_UNKNOWN_KIND', kind: 'internal' });
  expect(error.message).toBe('No runner for jobs of kind "forecast.rolling" (it knows scenario.run).');
  expect(JobErrors.unknownKind('x', []).message).toMatch(/it knows none/);
});
