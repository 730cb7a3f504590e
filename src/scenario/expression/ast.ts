/** The syntax tree of a model expression. Positions are kept for messages. */
export type Node =
  | { kind: 'number'; value: number }
  | { kind: 'name'; name: string; line: number; column: number }
  | { kind: 'unary'; op: '-' | '+' | '!' | '%'; arg: Node }
  | { kind: 'binary'; op: string; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[]; line: number; column: number };

/** One `name = expression` line of a model. */
export interface Assignment {
  name: string;
  expression: Node;
  line: number;
}
