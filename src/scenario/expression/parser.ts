/**
 * Recursive-descent (precedence-climbing) parser for model expressions. Never uses eval.
 *
 * Grammar, loosest binding first:
 *   or      := and ('||' and)*
 *   and     := compare ('&&' compare)*
 *   compare := sum (('<' | '<=' | '>' | '>=' | '=' | '==' | '<>' | '!=') sum)?
 *   sum     := product (('+' | '-') product)*
 *   product := power (('*' | '/') power)*
 *   power   := postfix ('^' postfix)*        (left-associative, as Excel: 2^3^2 = 64)
 *   postfix := prefix '%'*                   (12% = 0.12; 2^50% = 2^0.5)
 *   prefix  := ('-' | '+' | '!') prefix | primary  (tighter than ^, as Excel: -2^2 = 4; 2^-1 = 0.5)
 *   primary := number | name | NAME '(' args ')' | '(' or ')'
 *
 * The arithmetic follows Excel's operator precedence (negation, then %, then ^, then * /, then + −,
 * then comparisons), so a formula translated from a workbook means what it meant in Excel. Until
 * issue 18 the language put negation below ^ (−2^2 = −4) and ^ right-associative; both changed.
 */
import { NAME_MAX_LENGTH, NAME_TOKEN_SOURCE, nameKey } from '../../model/names';
import { ScenarioErrors } from '../errors';
import { Assignment, Node } from './ast';
import { Token, tokenize } from './tokenizer';

const COMPARISONS = new Set(['<', '<=', '>', '>=', '=', '==', '<>', '!=']);

class Parser {
  private pos = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly line: number,
  ) {}

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private next(): Token {
    return this.tokens[this.pos++];
  }

  private isOp(text: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.text === text;
  }

  fail(token: Token, message: string): never {
    throw ScenarioErrors.syntax(this.line, token.column, message);
  }

  private describe(token: Token): string {
    return token.type === 'end' ? 'the end of the line' : `"${token.text}"`;
  }

  parseAll(): Node {
    const node = this.parseOr();
    const t = this.peek();
    if (t.type !== 'end') this.fail(t, `unexpected ${this.describe(t)}`);
    return node;
  }

  /** One left-associative level of the grammar: `operand` (op operand)*, for any op of `ops`. */
  private parseLeftAssociative(ops: readonly string[], operand: () => Node): Node {
    let left = operand();
    while (ops.some((op) => this.isOp(op))) {
      const op = this.next().text;
      left = { kind: 'binary', op, left, right: operand() };
    }
    return left;
  }

  private parseOr(): Node {
    return this.parseLeftAssociative(['||'], () => this.parseAnd());
  }

  private parseAnd(): Node {
    return this.parseLeftAssociative(['&&'], () => this.parseCompare());
  }

  private parseCompare(): Node {
    const left = this.parseSum();
    const t = this.peek();
    if (t.type === 'op' && COMPARISONS.has(t.text)) {
      this.next();
      const op = t.text === '==' ? '=' : t.text === '!=' ? '<>' : t.text;
      return { kind: 'binary', op, left, right: this.parseSum() };
    }
    return left;
  }

  private parseSum(): Node {
    return this.parseLeftAssociative(['+', '-'], () => this.parseProduct());
  }

  private parseProduct(): Node {
    return this.parseLeftAssociative(['*', '/'], () => this.parsePower());
  }

  private parsePower(): Node {
    return this.parseLeftAssociative(['^'], () => this.parsePostfix());
  }

  private parsePostfix(): Node {
    let node = this.parsePrefix();
    while (this.isOp('%')) {
      this.next();
      node = { kind: 'unary', op: '%', arg: node };
    }
    return node;
  }

  private parsePrefix(): Node {
    if (this.isOp('-') || this.isOp('+') || this.isOp('!')) {
      const op = this.next().text as '-' | '+' | '!';
      return { kind: 'unary', op, arg: this.parsePrefix() };
    }
    return this.parsePrimary();
  }

  private parsePrimary(): Node {
    const t = this.next();
    if (t.type === 'number') {
      if (!Number.isFinite(t.value)) this.fail(t, `the number ${t.text} is too large`);
      return { kind: 'number', value: t.value };
    }
    if (t.type === '(') {
      const inner = this.parseOr();
      const close = this.next();
      if (close.type !== ')') this.fail(close, `expected ")" but found ${this.describe(close)}`);
      return inner;
    }
    if (t.type === 'name') {
      if (this.peek().type !== '(') return { kind: 'name', name: t.text, line: this.line, column: t.column };
      this.next();
      const args: Node[] = [];
      if (this.peek().type !== ')') {
        for (;;) {
          args.push(this.parseOr());
          const sep = this.next();
          if (sep.type === ')') break;
          if (sep.type !== ',')
            this.fail(sep, `expected "," or ")" in the arguments of ${t.text} but found ${this.describe(sep)}`);
        }
      } else this.next();
      return { kind: 'call', name: t.text.toUpperCase(), args, line: this.line, column: t.column };
    }
    return this.fail(t, `expected a number, a name or "(" but found ${this.describe(t)}`);
  }
}

/**
 * Parses one expression (no assignment).
 * @throws SCENARIO_MODEL_SYNTAX with line and column
 * @example parseExpression('1 + 2 * 3', 1) // binary '+' with a binary '*' on the right
 */
export function parseExpression(source: string, line = 1, columnOffset = 0): Node {
  return new Parser(tokenize(source, line, columnOffset), line).parseAll();
}

const ASSIGNMENT = new RegExp(`^(\\s*)(${NAME_TOKEN_SOURCE})(\\s*)=(?!=)`);
const IGNORED = /^\s*(#|\/\/|$)/;

interface Statement {
  text: string;
  line: number;
  /** Columns before `text` on its line. */
  offset: number;
}

/** Splits a model into statements: lines, and ";"-separated parts of a line, with positions. */
function statements(model: string): Statement[] {
  const out: Statement[] = [];
  model.split(/\r?\n/).forEach((lineText, index) => {
    if (/^\s*(#|\/\/)/.test(lineText)) return;
    let offset = 0;
    for (const part of lineText.split(';')) {
      if (!IGNORED.test(part)) out.push({ text: part, line: index + 1, offset });
      offset += part.length + 1;
    }
  });
  return out;
}

/**
 * Parses a model: one `name = expression` per line (or several per line separated by ";"). Blank
 * lines and lines starting with "#" or "//" are ignored. A model that is a single bare expression
 * defines the output "result".
 * @throws SCENARIO_MODEL_SYNTAX for a syntax error, a missing "name =" in a multi-statement model,
 *   an output name longer than the name rule allows (src/model/names.ts) or a repeated output name
 * @example parseModel('revenue = price * volume\nprofit = revenue - cost').map(a => a.name) // ['revenue', 'profit']
 */
export function parseModel(model: string): Assignment[] {
  const list = statements(model);
  if (list.length === 0) throw ScenarioErrors.syntax(1, 1, 'the model is empty');
  const seen = new Set<string>();
  return list.map(({ text, line, offset }) => {
    const match = ASSIGNMENT.exec(text);
    if (!match) {
      if (list.length === 1) return { name: 'result', expression: parseExpression(text, line, offset), line };
      throw ScenarioErrors.syntax(line, offset + text.search(/\S/) + 1, 'expected "name = expression"');
    }
    const name = match[2];
    if (name.length > NAME_MAX_LENGTH)
      throw ScenarioErrors.syntax(
        line,
        offset + match[1].length + 1,
        `the name "${name}" is longer than ${NAME_MAX_LENGTH} characters`,
      );
    const key = nameKey(name);
    if (seen.has(key))
      throw ScenarioErrors.syntax(line, offset + match[1].length + 1, `the output "${name}" is defined twice`);
    seen.add(key);
    const head = match[0].length;
    return { name, expression: parseExpression(text.slice(head), line, offset + head), line };
  });
}
