/**
 * Error catalogue of number reading (codes prefixed `FORMAT_`): what a user typed that is not a
 * number in their locale, with a hint that shows the locale's own way of writing it.
 */
import { defineError } from '../errors';

export const FormatErrors = {
  empty: defineError('FORMAT_EMPTY', 'input', (field: string) => ({
    message: `${field} is empty.`,
    hint: 'Enter a number.',
    details: { field },
  })),
  notANumber: defineError('FORMAT_NOT_A_NUMBER', 'input', (field: string, text: string, example: string) => ({
    message: `${field}: "${text}" is not a number.`,
    hint: `Write it like ${example}.`,
    details: { field },
  })),
  wrongSeparator: defineError(
    'FORMAT_WRONG_SEPARATOR',
    'input',
    (field: string, text: string, locale: string, decimal: string, group: string, example: string) => ({
      message: `${field}: "${text}" is not a number in ${locale}, where "${decimal}" marks decimals and "${group}" groups thousands.`,
      hint: `Write it like ${example}.`,
      details: { field, data: { locale, decimal, group } },
    }),
  ),
  percentNotAllowed: defineError('FORMAT_PERCENT_NOT_ALLOWED', 'input', (field: string, text: string) => ({
    message: `${field}: "${text}" is a percentage, but ${field} is an amount.`,
    hint: 'Remove the % sign.',
    details: { field },
  })),
};
