/**
 * Error catalogue of the budget loop (codes prefixed `LOOP_`): KPI response estimates, KPI
 * definitions and links, the loop step's input and the memory of adjustments.
 */
import { defineError } from '../errors';

export const LoopErrors = {
  tooFewPeriods: defineError('LOOP_TOO_FEW_PERIODS', 'input', (field: string, have: number, need: number) => ({
    message: `${field}: ${have} usable period(s) with both a KPI actual and spend; the estimate needs at least ${need}.`,
    hint: 'Give a longer history, fewer spend columns or a smaller lag.',
    details: { field, data: { have, need } },
  })),
  badShape: defineError('LOOP_BAD_SHAPE', 'input', (field: string, problem: string) => ({
    message: `${field}: ${problem}.`,
    hint: `Fix ${field}.`,
    details: { field },
  })),
  collinear: defineError('LOOP_COLLINEAR', 'input', (field: string) => ({
    message: `${field}: the spend columns move together (or do not move at all), so their effects cannot be told apart.`,
    hint: 'Combine the lines that always move together, or give periods where spend varied.',
    details: { field },
  })),
  badInput: defineError('LOOP_BAD_INPUT', 'input', (field: string, problem: string) => ({
    message: `${field}: ${problem}.`,
    hint: 'Fix that field of the loop input.',
    details: { field },
  })),
};
