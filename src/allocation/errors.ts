/**
 * Error catalogue of the allocation engine (codes prefixed `ALLOCATION_`).
 */
import { defineError } from '../errors';

export const AllocationErrors = {
  badLine: defineError('ALLOCATION_BAD_LINE', 'input', (line: string, problem: string) => ({
    message: `Line "${line}": ${problem}.`,
    hint: 'Fix that line of the allocation input.',
    details: { field: line },
  })),
  infeasible: defineError('ALLOCATION_INFEASIBLE', 'input', (problem: string, lines: string[]) => ({
    message: `The bounds cannot all hold: ${problem}.`,
    hint: `Relax the bounds of ${lines.length ? lines.join(', ') : 'the lines'}, or change the pool.`,
    details: { data: { lines } },
  })),
  solverFailed: defineError('ALLOCATION_SOLVER_FAILED', 'numeric', (status: string) => ({
    message: `The reallocation could not be optimised (solver status ${status}).`,
    hint: 'Check the bounds and returns of the lines.',
  })),
};
