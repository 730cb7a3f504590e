/**
 * Validating scalar arguments. An omitted optional argument arrives as `null` or `undefined`
 * (and as a blank cell when the user points at one); each of those takes the default.
 */
import { Errors } from '../../src/errors';
import { isBlank } from './cells';

export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclusive bounds, for things like a confidence level strictly between 0 and 1. */
  above?: number;
  below?: number;
  integer?: boolean;
}

/** A single value from an argument that may arrive as a 1×1 range. */
function scalar(value: unknown): unknown {
  if (Array.isArray(value) && value.length === 1) {
    const row: unknown = value[0];
    return Array.isArray(row) && row.length === 1 ? row[0] : row;
  }
  return value;
}

function describeBounds(rule: NumberRule): string {
  const parts: string[] = [];
  if (rule.integer) parts.push('a whole number');
  else parts.push('a number');
  if (rule.min !== undefined && rule.max !== undefined) parts.push(`from ${rule.min} to ${rule.max}`);
  else if (rule.min !== undefined) parts.push(`of at least ${rule.min}`);
  else if (rule.max !== undefined) parts.push(`of at most ${rule.max}`);
  if (rule.above !== undefined && rule.below !== undefined)
    parts.push(`strictly between ${rule.above} and ${rule.below}`);
  else if (rule.above !== undefined) parts.push(`above ${rule.above}`);
  else if (rule.below !== undefined) parts.push(`below ${rule.below}`);
  return parts.join(' ');
}

/**
 * An optional numeric argument with its default and bounds.
 * @throws FpaError naming the argument and the allowed values when the value breaks the rule.
 */
export function optionalNumber(value: unknown, field: string, fallback: number, rule: NumberRule = {}): number {
  const raw = scalar(value);
  if (isBlank(raw)) return fallback;
  if (Array.isArray(raw)) throw Errors.badShape(field, 'a single value', 'a range');
  let number: number;
  if (typeof raw === 'number') number = raw;
  else if (typeof raw === 'string' && raw.trim() !== '' && Number.isFinite(Number(raw))) number = Number(raw);
  else throw Errors.outOfRange(field, typeof raw === 'string' ? `"${raw}"` : String(raw), describeBounds(rule));
  const allowed = describeBounds(rule);
  if (!Number.isFinite(number)) throw Errors.outOfRange(field, String(number), allowed);
  if (rule.integer && !Number.isInteger(number)) throw Errors.outOfRange(field, number, allowed);
  if (rule.min !== undefined && number < rule.min) throw Errors.outOfRange(field, number, allowed);
  if (rule.max !== undefined && number > rule.max) throw Errors.outOfRange(field, number, allowed);
  if (rule.above !== undefined && number <= rule.above) throw Errors.outOfRange(field, number, allowed);
  if (rule.below !== undefined && number >= rule.below) throw Errors.outOfRange(field, number, allowed);
  return number;
}

/**
 * An optional text argument, trimmed; matched case-insensitively against `allowed` when given and
 * returned in the allowed spelling.
 * @throws FpaError listing the allowed values.
 */
export function optionalString(value: unknown, field: string, fallback: string, allowed?: readonly string[]): string {
  const raw = scalar(value);
  if (isBlank(raw)) return fallback;
  if (typeof raw !== 'string') throw Errors.outOfRange(field, String(raw), 'text');
  const text = raw.trim();
  if (text === '') return fallback;
  if (!allowed) return text;
  const match = allowed.find((option) => option.toLowerCase() === text.toLowerCase());
  if (!match) throw Errors.unknownOption(field, text, allowed);
  return match;
}

/** An optional TRUE/FALSE argument (also accepts 1/0). */
export function optionalBoolean(value: unknown, field: string, fallback: boolean): boolean {
  const raw = scalar(value);
  if (isBlank(raw)) return fallback;
  if (typeof raw === 'boolean') return raw;
  if (raw === 1 || raw === 0) return raw === 1;
  throw Errors.outOfRange(field, String(raw), 'TRUE or FALSE');
}
