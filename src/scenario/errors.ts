/**
 * The scenario engine's error catalogue. Every failure in `src/scenario/` is one of these, so the
 * custom functions, the CLI and the task pane can show a stable code and a message that says what
 * to change. Codes start with `SCENARIO_`.
 */
import { defineError } from '../errors';
import { NAME_RULE_TEXT } from '../model/names';

export const ScenarioErrors = {
  /** A distribution parameter is missing, not finite, or out of its domain. */
  badParameter: defineError('SCENARIO_BAD_PARAMETER', 'input', (driver: string, message: string) => ({
    message: `Driver "${driver}": ${message}`,
    hint: 'Fix the parameters of that driver.',
    details: { field: driver },
  })),
  unknownDistribution: defineError(
    'SCENARIO_UNKNOWN_DISTRIBUTION',
    'input',
    (driver: string, got: string, allowed: readonly string[]) => ({
      message: `Driver "${driver}": distribution "${got}" is not known.`,
      hint: `Use one of: ${allowed.join(', ')}.`,
      details: { field: driver },
    }),
  ),
  badDriver: defineError('SCENARIO_BAD_DRIVER', 'input', (message: string) => ({
    message,
    hint: `Each driver needs a unique name (${NAME_RULE_TEXT}), a distribution and its parameters.`,
    details: { field: 'drivers' },
  })),
  badCorrelation: defineError('SCENARIO_BAD_CORRELATION', 'input', (message: string) => ({
    message: `Correlation: ${message}`,
    hint: 'Give a symmetric matrix with 1 on the diagonal and values between -1 and 1, labelled by driver names.',
    details: { field: 'correlation' },
  })),
  syntax: defineError('SCENARIO_MODEL_SYNTAX', 'input', (line: number, column: number, message: string) => ({
    message: `Model line ${line}, column ${column}: ${message}.`,
    hint: 'Write one "name = expression" per line using + - * / ^, comparisons and the functions of docs/scenario.md (IF, IFS, SUM, MIN, MAX, ROUND, NPV, PMT…).',
    details: { field: 'model', data: { line, column } },
  })),
  unknownName: defineError('SCENARIO_UNKNOWN_NAME', 'missing', (name: string, line: number, column: number) => ({
    message: `Model line ${line}, column ${column}: "${name}" is not a driver or an earlier output.`,
    hint: 'Check the spelling, or add a driver with that name.',
    details: { field: 'model', data: { name, line, column } },
  })),
  unknownFunction: defineError(
    'SCENARIO_UNKNOWN_FUNCTION',
    'input',
    (name: string, line: number, column: number, allowed: readonly string[]) => ({
      message: `Model line ${line}, column ${column}: function ${name} is not available.`,
      hint: `Use one of: ${allowed.join(', ')}.`,
      details: { field: 'model', data: { name, line, column } },
    }),
  ),
  badSpec: defineError('SCENARIO_BAD_SPEC', 'input', (field: string, message: string) => ({
    message: `${field}: ${message}`,
    hint: `Change ${field}.`,
    details: { field },
  })),
  unknownOutput: defineError('SCENARIO_UNKNOWN_OUTPUT', 'missing', (name: string, outputs: readonly string[]) => ({
    message: `Output "${name}" is not defined by the model.`,
    hint: `Use one of: ${outputs.join(', ')}.`,
    details: { field: 'output' },
  })),
  nonFinite: defineError('SCENARIO_NON_FINITE', 'input', (output: string, count: number, total: number) => ({
    message: `Output "${output}" is not a finite number in ${count} of ${total} trials (division by zero, LN or SQRT of a negative number, or overflow).`,
    hint: 'Guard the expression, e.g. with IF or MAX.',
    details: { field: 'model', data: { output, count } },
  })),
  /** A workbook formula the translation cannot carry over (function, text, range, circularity…). */
  untranslatable: defineError('SCENARIO_UNTRANSLATABLE', 'input', (cell: string, message: string) => ({
    message: `Cell ${cell}: ${message}`,
    hint: 'Rewrite that cell with the supported functions (docs/scenario.md), bind it as a driver, or type the model.',
    details: { field: 'model', data: { cell } },
  })),
  cancelled: defineError('SCENARIO_CANCELLED', 'input', () => ({
    message: 'The scenario run was cancelled.',
    hint: 'Start it again when ready.',
  })),
};
