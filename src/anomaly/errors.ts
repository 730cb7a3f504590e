/**
 * Error catalogue of the anomaly engine (codes prefixed `ANOMALY_`).
 */
import { defineError } from '../errors';

export const AnomalyErrors = {
  badInput: defineError('ANOMALY_BAD_INPUT', 'input', (where: string, problem: string) => ({
    message: `${where}: ${problem}.`,
    hint: 'Fix the budget input; see docs/anomaly.md for the format.',
    details: { field: where },
  })),
  lengthMismatch: defineError(
    'ANOMALY_LENGTH_MISMATCH',
    'input',
    (line: string, field: string, got: number, expected: number) => ({
      message: `Line "${line}": ${field} has ${got} values but there are ${expected} periods.`,
      hint: `Give one ${field} value per period (blank for none).`,
      details: { field, data: { got, expected } },
    }),
  ),
  duplicateLine: defineError('ANOMALY_DUPLICATE_LINE', 'input', (line: string, places?: [string, string]) => ({
    message: `Line id "${line}" appears more than once${places ? ` (${places[0]} and ${places[1]})` : ''}.`,
    hint: 'Give every budget line a unique id.',
    details: { field: places ? places[1] : 'lines' },
  })),
  badThreshold: defineError('ANOMALY_BAD_THRESHOLD', 'input', (name: string, got: unknown, allowed: string) => ({
    message: `Threshold ${name} must be ${allowed}; got ${String(got)}.`,
    hint: `Change ${name}.`,
    details: { field: name },
  })),
  noDrivers: defineError('ANOMALY_NO_DRIVERS', 'input', (line: string) => ({
    message: `Line "${line}" has no price and volume drivers to decompose.`,
    hint: 'Add drivers {price:{plan,actual}, volume:{plan,actual}} to the line.',
    details: { field: 'drivers' },
  })),
};
