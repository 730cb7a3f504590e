/**
 * Tokenizer for model expressions. Positions are 1-based columns within the line, for messages.
 */
import { NAME_TOKEN_SOURCE } from '../../model/names';
import { ScenarioErrors } from '../errors';

const NAME = new RegExp(`^${NAME_TOKEN_SOURCE}`);

export type TokenType = 'number' | 'name' | 'op' | '(' | ')' | ',' | 'end';

export interface Token {
  type: TokenType;
  /** The text (for numbers, the parsed value is in `value`). */
  text: string;
  value: number;
  /** 1-based column of the first character. */
  column: number;
}

const OPERATORS = ['<=', '>=', '<>', '!=', '==', '&&', '||', '+', '-', '*', '/', '^', '<', '>', '=', '%', '!'];

/**
 * Splits one model line into tokens.
 * @param line the source line (without newline)
 * @param lineNumber 1-based, for messages
 * @param columnOffset characters before `line` on its source line (added to every column)
 * @throws SCENARIO_MODEL_SYNTAX on a character that starts no token
 * @example tokenize('a = 2*b', 1).map(t => t.text) // ['a', '=', '2', '*', 'b', '']
 */
export function tokenize(line: string, lineNumber: number, columnOffset = 0): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    const column = columnOffset + i + 1;
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(line.slice(i));
    if (number) {
      tokens.push({ type: 'number', text: number[0], value: Number(number[0]), column });
      i += number[0].length;
      continue;
    }
    const name = NAME.exec(line.slice(i));
    if (name) {
      tokens.push({ type: 'name', text: name[0], value: NaN, column });
      i += name[0].length;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: ch, text: ch, value: NaN, column });
      i++;
      continue;
    }
    const op = OPERATORS.find((o) => line.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op, value: NaN, column });
      i += op.length;
      continue;
    }
    throw ScenarioErrors.syntax(lineNumber, column, `unexpected character "${ch}"`);
  }
  tokens.push({ type: 'end', text: '', value: NaN, column: columnOffset + line.length + 1 });
  return tokens;
}
