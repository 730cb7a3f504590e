/** Error catalogue of the solver layer (codes prefixed SOLVER_). */
import { defineError } from '../errors';

export const SolverErrors = {
  loadFailed: defineError('SOLVER_LOAD_FAILED', 'internal', (solver: string, detail: string) => ({
    message: `The ${solver} solver could not be loaded (${detail}).`,
    hint: 'Reload the add-in; if it persists, report it with your Excel version.',
  })),
  badProgram: defineError('SOLVER_BAD_PROGRAM', 'internal', (detail: string) => ({
    message: `The optimisation model is malformed: ${detail}.`,
    hint: 'Please report it with the inputs that caused it.',
  })),
};
