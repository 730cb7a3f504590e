/**
 * A proposal's approval chain in the database: copied from the configured chain when the proposal
 * is submitted (so a later change of configuration does not move the goalposts of proposals in
 * flight), one step current at a time, each decision recorded with who, when and how late.
 */
import { DEFAULT_CHAIN, rerouting, stepsFor, type ChainStep, type StepScope } from '../../src/model/approval-chain';
import { affectedCostCentres, changedLines, MIN_CHANGE, type ProposalLine } from '../../src/model/proposal';
import type { AuthUser, Role } from '../../src/model/roles';
import type { StepAddedFor } from '../../src/model/team-proposal';
import type { Queryable, Row } from '../db/db';
import { RESOURCES } from '../http/resources';
import { emitEvent, NEXT_REMINDER_SQL } from '../notify/events';
import { historyStep } from './history';

/** The one chain id the server keeps (a chain per organisation, steps chosen by amount). */
export const CHAIN_ID = 'default';

export async function configuredChain(tx: Queryable): Promise<{ steps: ChainStep[]; version: number }> {
  const found = await tx.query<{ steps: ChainStep[]; version: number }>(
    'SELECT steps, version FROM approval_chains WHERE id = $1',
    [CHAIN_ID],
  );
  return found.rows[0] ?? { steps: [...DEFAULT_CHAIN], version: 0 };
}

/** The open step of a proposal (locked), and who decided earlier steps. */
export interface OpenStep {
  step: number;
  name: string;
  role: Role;
  costCentre: StepScope;
  dueAt: string;
  deciders: string[];
  /** The emails earlier deciders signed in with, where their tokens carried one. */
  deciderEmails: string[];
}

export async function openStep(tx: Queryable, proposalId: string): Promise<OpenStep | undefined> {
  const steps = await tx.query<{
    step: number;
    name: string;
    role: Role;
    scope: StepScope;
    state: string;
    due_at: string;
    decided_by: string | null;
    decided_by_email: string | null;
  }>(
    `SELECT step_no AS step, name, role, scope, state, due_at, decided_by, decided_by_email FROM proposal_steps
     WHERE proposal_id = $1 ORDER BY step_no FOR UPDATE`,
    [proposalId],
  );
  const open = steps.rows.find((s) => s.state === 'pending');
  if (!open) return undefined;
  const deciders = steps.rows.map((s) => s.decided_by).filter((who): who is string => who !== null);
  const deciderEmails = steps.rows.map((s) => s.decided_by_email).filter((e): e is string => e !== null);
  return {
    step: open.step,
    name: open.name,
    role: open.role,
    costCentre: open.scope,
    dueAt: open.due_at,
    deciders,
    deciderEmails,
  };
}

/** Summary of a proposal for notifications. */
export type ProposalSummary = Record<string, unknown> & { id: string; costCentres: string[] };

/** Another proposal whose move counts with this one's for the chain's thresholds. */
export type RelatedMove = StepAddedFor['together'][number];

/** What a proposal being submitted is decided on: its own amount and the moves it goes with. */
export interface MoveTogether {
  /** The same author's other moves of the same budget lines in the same fiscal year. */
  related: RelatedMove[];
  /** The proposal's amount plus theirs: what the steps' `minAmount` is compared with. */
  amount: number;
}

/**
 * One move split into several proposals under a step's `minAmount` (two of 49,999 where the CFO
 * decides from 50,000) is decided as the one move it is: a proposal being submitted counts together
 * with every other proposal that shares an author with it (an account id, an email, or accounts an
 * admin declared one person, `people_of`: one person's accounts are one author), is of the same fiscal year (the budget of record both change: the
 * window), changes one of the same budget lines (cost centre and account, in any month of the year,
 * in any case, an admin's account aliases read as their canonical code), and is open or went through (submitted, approved or applied; not a draft, not
 * rejected, not reverted). Reversals are neither counted nor count others: a reversal goes through the steps its
 * original went through (proposal-reversal.ts). Submits touching a cost centre's year take a lock in turn
 * (cost centres in order), so two halves submitted at the same moment see each other.
 */
export async function moveTogether(
  tx: Queryable,
  proposal: { id: string; fiscalYear: number; lines: readonly ProposalLine[]; amount: number },
  authors: readonly string[],
  authorEmails: readonly string[],
): Promise<MoveTogether> {
  const centres = [...new Set(proposal.lines.map((l) => l.costCentre.toLowerCase()))].sort();
  for (const centre of centres)
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`moves:${centre}:${proposal.fiscalYear}`]);
  // A line in any case: `TRAVEL` and `travel` are one row of the workbook (Excel's lookups and pivot
  // tables ignore case), so half a move out of each is one move; and an account an admin aliased in the
  // cost centre (`06100 → 6100`) is its canonical code's line.
  const lines = await budgetLines(tx, proposal.lines);
  // The total is added up by the database in decimal: in binary floating point 10,000 + 15,000.13 +
  // 24,999.87 is 49,999.99999999999, under a step from 50,000.
  const found = await tx.query<RelatedMove & { total: number }>(
    `SELECT p.id, p.amount::float8 AS amount, p.state, p.cost_centres AS "costCentres",
       ($6::numeric + sum(p.amount) OVER ())::float8 AS total FROM proposals p
     WHERE p.fiscal_year = $2 AND p.state IN ('submitted', 'approved', 'applied') AND p.id <> $1
       AND p.reverts IS NULL AND (p.authors && $3::text[] OR p.author_emails && $4::text[]
         OR people_of(p.authors, p.created_at) && people_of($3::text[], p.created_at))
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(p.lines) l
                   WHERE budget_line(l ->> 'costCentre', l ->> 'account') = ANY ($5::text[]))
     ORDER BY p.submitted_at, p.id`,
    [proposal.id, proposal.fiscalYear, [...authors], [...authorEmails], lines, proposal.amount],
  );
  const related = found.rows.map(({ total: _total, ...move }) => move);
  return { related, amount: found.rows[0]?.total ?? proposal.amount };
}

/**
 * The budget lines `lines` name, as the split rule relates them: cost centre and account in any case,
 * an account an admin aliased in its cost centre read as its canonical code (`budget_line`,
 * migration 19; the server infers no alias).
 */
async function budgetLines(tx: Queryable, lines: readonly Pick<ProposalLine, 'costCentre' | 'account'>[]) {
  const found = await tx.query<{ lines: string[] }>(
    `SELECT coalesce(array_agg(DISTINCT budget_line(l.c, l.a)), '{}') AS lines FROM unnest($1::text[], $2::text[]) AS l(c, a)`,
    [lines.map((l) => l.costCentre), lines.map((l) => l.account)],
  );
  return found.rows[0]?.lines ?? [];
}

/**
 * A notice for whoever approves `proposal` (in the approve answer, as `warnings`): other people's
 * proposals (no author, account, email or declared person in common) that move one of its budget lines in its fiscal
 * year (a line kept as it is moves nothing), submitted, approved or applied, and bring the amount
 * moved with it to a step its chain lacks.
 * Not a step: two people moving one line are most often two decisions, and deciding that they collude
 * would be a guess, so their steps stand; the approver is told, with a count and a total only (the
 * other proposals may be of cost centres the approver cannot read). Undefined when there is none.
 */
export async function othersOnTheseLines(
  tx: Queryable,
  proposal: Row,
): Promise<{ code: string; message: string; count: number; amountTogether: number } | undefined> {
  if (proposal.reverts) return undefined;
  // Lines a proposal keeps as they are (before = after) move nothing: naming one beside a large move
  // elsewhere related the two, and put a notice on every approval of the line.
  const moved = changedLines(proposal.lines as ProposalLine[]);
  const lines = await budgetLines(tx, moved);
  const found = await tx.query<{ n: number; total: number }>(
    `SELECT count(*)::int AS n, ($5::numeric + coalesce(sum(p.amount), 0))::float8 AS total FROM proposals p
     WHERE p.fiscal_year = $2 AND p.state IN ('submitted', 'approved', 'applied') AND p.id <> $1
       AND p.reverts IS NULL AND NOT (p.authors && $3::text[]
         OR p.author_emails && (SELECT author_emails FROM proposals WHERE id = $1)
         OR people_of(p.authors, p.created_at) && people_of($3::text[], p.created_at))
       AND EXISTS (SELECT 1 FROM jsonb_array_elements(p.lines) l
                   WHERE budget_line(l ->> 'costCentre', l ->> 'account') = ANY ($4::text[])
                     AND abs((l ->> 'after')::numeric - (l ->> 'before')::numeric) >= $6)`,
    [proposal.id, proposal.fiscalYear, proposal.authors, lines, proposal.amount, MIN_CHANGE],
  );
  const { n, total } = found.rows[0] ?? { n: 0, total: 0 };
  if (n === 0) return undefined;
  const onChain = proposal.chain as { name: string; role: Role; costCentre: StepScope }[];
  const lacking = rerouting('submitted', (await configuredChain(tx)).steps, onChain, total)?.add ?? [];
  if (lacking.length === 0) return undefined;
  const steps = lacking.map((s) => `${s.name} (from ${(s.minAmount ?? 0).toLocaleString('en-US')})`).join(', ');
  return {
    code: 'SPLIT_BY_OTHERS',
    message:
      `Other people's proposals move the same budget lines in fiscal year ${String(proposal.fiscalYear)}: ` +
      `${n} of them; with this one ${total.toLocaleString('en-US')} is moved, which reaches ${steps}, a step ` +
      'this proposal does not go through. Each was decided on its own (the split rule relates one ' +
      "person's moves); look at the cost centre's proposals if they are one move.",
    count: n,
    amountTogether: total,
  };
}

/**
 * The earlier halves of a split, as the later half `later` is submitted (same transaction, after
 * `moveTogether` found them under its locks): each related proposal not yet applied gets the steps
 * the amount moved together reaches and its chain lacks (src/model/approval-chain.ts `rerouting`),
 * appended with `addedFor` naming the later half; an approved one is held (submitted again, the
 * first added step current and announced), so it is not applied until that step approves it. Each
 * is locked (in id order: two submits never wait on each other in a circle) and read after the lock,
 * so an approval or apply of it racing this submit is either seen or sees this: never applied past a
 * step it needs. `audit` records each change (`proposal.reroute`, before and after). Answers
 * `together` with the related states as they now are.
 */
export async function rerouteEarlierHalves(
  tx: Queryable,
  later: RelatedMove,
  together: MoveTogether,
  by: { id: string; roles: string },
  audit: (id: string, before: Row, after: Row) => Promise<void>,
): Promise<MoveTogether> {
  const open = together.related.filter((r) => r.state === 'submitted' || r.state === 'approved').map((r) => r.id);
  if (open.length === 0) return together;
  await tx.query('SELECT id FROM proposals WHERE id = ANY ($1::uuid[]) ORDER BY id FOR UPDATE', [open.sort()]);
  const chain = (await configuredChain(tx)).steps;
  const states = new Map<string, string>();
  for (const id of open) {
    const current = await readProposal(tx, id);
    const onChain = current.chain as { step: number; name: string; role: Role; costCentre: StepScope }[];
    const change = rerouting(String(current.state), chain, onChain, together.amount);
    states.set(id, String(current.state));
    if (!change) continue;
    const others = [later, ...together.related.filter((r) => r.id !== id)];
    const last = Math.max(0, ...onChain.map((s) => s.step));
    for (const [i, step] of change.add.entries())
      await insertStep(tx, id, last + 1 + i, step, {
        minAmount: step.minAmount ?? 0,
        amount: Number(current.amount),
        amountTogether: together.amount,
        together: others.map((r) => ({ ...r, state: states.get(r.id) ?? r.state })),
      });
    const names = change.add.map((step) => step.name).join(', ');
    if (change.held) {
      await tx.query(
        `UPDATE proposals SET state = 'submitted', updated_by = $2, version = version + 1, updated_at = now(),
           ${historyStep(3)} WHERE id = $1`,
        [
          id,
          by.id,
          'submit',
          'approved',
          'submitted',
          by.id,
          by.roles,
          // No id here: the history is answered whole to every reader, and the later half may be of a
          // cost centre the reader cannot read (the step's `addedFor` names it to those who can).
          `Held for ${names}: a later proposal of the same author moves the same budget lines, ` +
            `${together.amount.toLocaleString('en-US')} together; not applied until ${change.add.length === 1 ? 'that step approves' : 'those steps approve'} it.`,
        ],
      );
      await activate(tx, proposalSummary(current), last + 1);
    } else
      await tx.query('UPDATE proposals SET updated_by = $2, version = version + 1, updated_at = now() WHERE id = $1', [
        id,
        by.id,
      ]);
    states.set(id, change.state);
    await audit(id, current, await readProposal(tx, id));
  }
  return { ...together, related: together.related.map((r) => ({ ...r, state: states.get(r.id) ?? r.state })) };
}

const readProposal = async (tx: Queryable, id: string): Promise<Row> =>
  (await tx.query<Row>(`SELECT ${RESOURCES.proposal.columns} FROM proposals WHERE id = $1`, [id])).rows[0];

/** A stored proposal as notifications name it (the cost centres its lines change). */
export const proposalSummary = (row: Row): ProposalSummary => ({
  id: String(row.id),
  costCentre: row.costCentre,
  costCentres: affectedCostCentres(row.lines as ProposalLine[]),
  fiscalYear: row.fiscalYear,
  amount: row.amount,
  reason: row.reason,
  submittedBy: row.submittedBy ?? null,
  createdBy: row.createdBy,
});

/** Writes step `stepNo` of a proposal's chain, waiting; `addedFor` says why a step is there, if it must. */
async function insertStep(
  tx: Queryable,
  proposalId: string,
  stepNo: number,
  step: ChainStep,
  addedFor: StepAddedFor | null,
): Promise<void> {
  await tx.query(
    `INSERT INTO proposal_steps (proposal_id, step_no, name, role, scope, min_amount, deadline_hours, reminder_hours,
       added_for)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      proposalId,
      stepNo,
      step.name,
      step.role,
      step.costCentre,
      step.minAmount ?? 0,
      step.deadlineHours,
      step.reminderHours ?? null,
      addedFor === null ? null : JSON.stringify(addedFor),
    ],
  );
}

/**
 * Copies the chain's steps for `amount` onto the proposal and makes the first one current. With
 * `together` (a proposal submitted beside the same author's other moves of its lines), the steps are
 * those of the amount moved together; a step only that reaches records why (`added_for`).
 */
export async function startChain(
  tx: Queryable,
  proposal: ProposalSummary,
  amount: number,
  together?: MoveTogether,
): Promise<void> {
  const chain = (await configuredChain(tx)).steps;
  const own = new Set(stepsFor(chain, amount));
  const steps = stepsFor(chain, Math.max(amount, together?.amount ?? amount));
  for (const [i, step] of steps.entries()) {
    const addedFor: StepAddedFor | null =
      own.has(step) || !together
        ? null
        : {
            minAmount: step.minAmount ?? 0,
            amount,
            amountTogether: together.amount,
            together: together.related,
          };
    await insertStep(tx, proposal.id, i + 1, step, addedFor);
  }
  await activate(tx, proposal, 1);
}

/**
 * Records the open step's decision; on approval the next step becomes current. Returns true when
 * no step is left open (the proposal is approved, or rejected).
 */
export async function decideStep(
  tx: Queryable,
  proposal: ProposalSummary,
  step: number,
  decision: 'approved' | 'rejected',
  who: Pick<AuthUser, 'id' | 'email'>,
  comment: string,
): Promise<boolean> {
  await tx.query(
    `UPDATE proposal_steps SET state = $3, decided_by = $4, decided_by_email = $6, decided_at = now(), comment = $5
     WHERE proposal_id = $1 AND step_no = $2`,
    [proposal.id, step, decision, who.id, comment, who.email ?? null],
  );
  if (decision === 'rejected') {
    await tx.query("UPDATE proposal_steps SET state = 'cancelled' WHERE proposal_id = $1 AND state = 'waiting'", [
      proposal.id,
    ]);
    return true;
  }
  return !(await activate(tx, proposal, step + 1));
}

/** Makes step `step` current (deadline, first reminder) and announces it; false when there is none. */
async function activate(tx: Queryable, proposal: ProposalSummary, step: number): Promise<boolean> {
  const activated = await tx.query<Record<string, unknown>>(
    `UPDATE proposal_steps SET state = 'pending', activated_at = now(),
       due_at = now() + deadline_hours * interval '1 hour',
       next_reminder_at = CASE WHEN reminder_hours IS NULL THEN NULL ELSE ${NEXT_REMINDER_SQL} END
     WHERE proposal_id = $1 AND step_no = $2 AND state = 'waiting'
     RETURNING step_no AS step, name, role, scope AS "costCentre", due_at AS "dueAt"`,
    [proposal.id, step],
  );
  if (activated.rowCount === 0) return false;
  await emitEvent(tx, {
    kind: 'approval.waiting',
    costCentres: proposal.costCentres,
    payload: { proposal, step: activated.rows[0], reminder: 0 },
  });
  return true;
}

/** The approvals of a proposal, in order: the lineage a version records. */
export async function approvals(tx: Queryable, proposalId: string): Promise<Record<string, unknown>[]> {
  const found = await tx.query(
    `SELECT step_no AS step, name, role, decided_by AS who, decided_at AS at FROM proposal_steps
     WHERE proposal_id = $1 AND state = 'approved' ORDER BY step_no`,
    [proposalId],
  );
  return found.rows;
}
