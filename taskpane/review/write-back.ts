/**
 * Apply and Revert: the only places the review writes to the workbook. Apply snapshots the budget
 * cells, refuses when they no longer hold the budgets the proposal was computed from (saying what
 * changed), then writes the proposed budgets; Revert writes the snapshot back. Both move the
 * proposal through the state machine and append an audit record (proposal, lines, before, after,
 * who, when).
 */
import type { Actor } from '../../src/model/proposal-machine';
import { transition } from '../../src/model/proposal-machine';
import { staleCells as changedCells } from '../../src/sheets/stale-cells';
import type { NumberStyle } from '../../src/format/format-number';
import type { Repository } from '../../src/store/repository';
import type { Cell, Workbook } from '../workbook/types';
import type { StoredProposal } from './proposals';
import { appendAudit, saveProposal } from './proposals';

/**
 * What differs between the budget cells and the budgets the proposal expects, one phrase per line,
 * its amounts in `numbers` (the pane's style; default en-US).
 */
export function staleCells(proposal: StoredProposal, values: Cell[][], numbers: NumberStyle = {}): string[] {
  const out = changedCells(
    proposal.lines.map((line) => ({ label: line.id, value: line.before })),
    proposal.lines.map((_, i) => values[i]?.[0] ?? null),
    numbers,
  );
  if (values.length !== proposal.lines.length)
    out.push(`the range has ${values.length} rows, the proposal ${proposal.lines.length} lines`);
  return out;
}

function target(proposal: StoredProposal): string {
  if (!proposal.budgetAddress)
    throw new Error('This proposal has no budget range to write to: scan a table with a "budget" column.');
  return proposal.budgetAddress;
}

/** A proposal's write: its next state, and the range's cells before and after (one column). */
interface RangeChange {
  next: StoredProposal;
  action: 'apply' | 'revert';
  before: Cell[][];
  after: Cell[][];
}

/** Writes `after` to the range, stores the proposal's next state and appends the audit record. */
async function writeAndRecord(
  workbook: Workbook,
  repository: Repository,
  address: string,
  { next, action, before, after }: RangeChange,
  actor: Actor,
  when: string,
): Promise<StoredProposal> {
  await workbook.writeRange(address, after);
  await saveProposal(repository, next);
  const column = (cells: Cell[][]) => cells.map((r) => r[0] ?? null);
  await appendAudit(repository, next, action, column(before), column(after), actor, when);
  return next;
}

/**
 * @param numbers how the refusal writes the changed amounts (the pane's style; default en-US)
 * @throws MODEL_TRANSITION_REFUSED when the actor may not apply now; Error "The budget range
 *   changed since the proposal was made: …" when the cells differ from the proposal's budgets.
 */
export async function applyProposal(
  workbook: Workbook,
  repository: Repository,
  proposal: StoredProposal,
  actor: Actor,
  when: string,
  comment = '',
  numbers: NumberStyle = {},
): Promise<StoredProposal> {
  const record = transition(proposal.record, 'apply', actor, when, comment);
  const address = target(proposal);
  const { values } = await workbook.readRange(address);
  const changes = staleCells(proposal, values, numbers);
  if (changes.length)
    throw new Error(
      `The budget range ${address} changed since the proposal was made: ${changes.join('; ')}. Make a new proposal from a fresh scan.`,
    );
  const next: StoredProposal = { ...proposal, record, snapshot: values.map((r) => [...r]) };
  const after = proposal.lines.map((l) => [l.after] as Cell[]);
  return writeAndRecord(workbook, repository, address, { next, action: 'apply', before: values, after }, actor, when);
}

/** @throws MODEL_TRANSITION_REFUSED (only an applied proposal, by an admin, with a comment) */
export async function revertProposal(
  workbook: Workbook,
  repository: Repository,
  proposal: StoredProposal,
  actor: Actor,
  when: string,
  comment: string,
): Promise<StoredProposal> {
  const record = transition(proposal.record, 'revert', actor, when, comment);
  const address = target(proposal);
  if (!proposal.snapshot) throw new Error('There is no snapshot to restore.');
  const { values: current } = await workbook.readRange(address);
  const next: StoredProposal = { ...proposal, record };
  const change = { next, action: 'revert' as const, before: current, after: proposal.snapshot };
  return writeAndRecord(workbook, repository, address, change, actor, when);
}
