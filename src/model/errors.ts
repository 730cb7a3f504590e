/**
 * Error catalogue of the domain model (codes prefixed `MODEL_`).
 */
import { defineError } from '../errors';

export const ModelErrors = {
  transitionRefused: defineError('MODEL_TRANSITION_REFUSED', 'input', (verb: string, state: string, why: string) => ({
    message: `Cannot ${verb} a proposal that is ${state}: ${why}.`,
    hint: 'Check the proposal state and your role.',
    details: { field: verb },
  })),
};
