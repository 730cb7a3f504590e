/**
 * Budget versions made by applying a proposal (a reversal too): for each cost centre the proposal
 * changes, a new immutable budget version of its fiscal year, copied from the latest one with the
 * proposal's lines set to their new amounts, and its lineage (which proposal, who approved, who
 * applied, when). Runs inside the transaction that moves the proposal, so the state change, the
 * versions and the audit record commit together or not at all.
 */
import { affectedCostCentres, MIN_CHANGE, movedAmount, type ProposalLine } from '../../src/model/proposal';
import type { AuthUser } from '../../src/model/roles';
import type { Queryable, Row } from '../db/db';
import { ServerErrors } from '../errors';
import { approvals, configuredChain } from './chain-steps';

/**
 * The next version number of a cost centre's kind of version in a fiscal year, with the lock that
 * keeps it: two writers (in any server instance) serialise here until their transaction ends.
 */
export async function nextVersionNumber(
  tx: Queryable,
  costCentre: string,
  fiscalYear: number,
  kind: string,
): Promise<{ number: number; headId: string | null }> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`versions:${costCentre}:${fiscalYear}:${kind}`]);
  const head = await tx.query<{ id: string; number: number }>(
    `SELECT id, number FROM budget_versions WHERE cost_centre = $1 AND fiscal_year = $2 AND kind = $3
     ORDER BY number DESC LIMIT 1`,
    [costCentre, fiscalYear, kind],
  );
  const found = head.rows[0];
  return { number: (found?.number ?? 0) + 1, headId: found?.id ?? null };
}

/**
 * Writes one version per affected cost centre. Each line must hold `before` in the latest version
 * (a missing line counts as 0); it gets `after`. A line that holds something else is a 409 naming
 * every such line, and nothing is written. A reversal's lineage names the proposal it reverts too.
 */
export async function writeProposalVersions(tx: Queryable, proposal: Row, user: AuthUser): Promise<void> {
  const lines = proposal.lines as ProposalLine[];
  const fiscalYear = Number(proposal.fiscalYear);
  const unplaced = lines.filter((l) => !l.account || !l.period);
  if (unplaced.length > 0)
    throw ServerErrors.budgetChanged({ reason: 'lines without account or period', lines: unplaced.map((l) => l.id) });
  const lineage = {
    action: 'apply',
    proposalId: proposal.id,
    ...(proposal.reverts ? { reverts: proposal.reverts } : {}),
    reason: proposal.reason,
    submittedBy: proposal.submittedBy,
    submittedAt: proposal.submittedAt,
    approvers: await approvals(tx, String(proposal.id)),
    appliedBy: user.id,
  };
  const stale: Row[] = [];
  /** Each written line as it moves the budget: from what the version holds to `after`. */
  const written: { before: number; after: number }[] = [];
  for (const costCentre of affectedCostCentres(lines)) {
    const mine = lines.filter((l) => l.costCentre === costCentre);
    const { number, headId } = await nextVersionNumber(tx, costCentre, fiscalYear, 'budget');
    const current = await amountsIn(tx, headId, mine);
    for (const line of mine) {
      const expected = line.before;
      const found = current.get(key(line)) ?? 0;
      if (Math.abs(found - expected) >= MIN_CHANGE) stale.push({ ...line, expected, found, costCentre });
      written.push({ before: found, after: line.after });
    }
    if (stale.length > 0) continue;
    const created = await tx.query<{ id: string }>(
      `INSERT INTO budget_versions (cost_centre, fiscal_year, kind, name, number, parent_id, proposal_id, lineage, created_by)
       VALUES ($1, $2, 'budget', $3, $4, $5, $6, $7::jsonb || jsonb_build_object('at', now()), $8) RETURNING id`,
      [costCentre, fiscalYear, `v${number}`, number, headId, proposal.id, JSON.stringify(lineage), user.id],
    );
    const target = mine.map((l) => l.after);
    await tx.query(
      `INSERT INTO version_lines (version_id, account, period, amount)
       SELECT $1::uuid, account, period, amount FROM version_lines
       WHERE version_id = $2::uuid AND (account, period) NOT IN (SELECT * FROM unnest($3::text[], $4::text[]))
       UNION ALL
       SELECT $1::uuid, * FROM unnest($3::text[], $4::text[], $5::numeric[])`,
      [created.rows[0].id, headId, mine.map((l) => l.account), mine.map((l) => l.period), target],
    );
  }
  if (stale.length > 0) throw ServerErrors.budgetChanged({ lines: stale });
  // A before may be off by under half a cent (a pane rounding to cents), and a thousand lines add
  // up: lines saying 49,999.9951 moved 50,000.00, past a step from 50,000 the chain was chosen
  // without. What the budget moves beyond the proposal's amount may cross no step it lacks.
  const approved = Number(proposal.amount);
  const moved = movedAmount(written);
  if (moved - approved < STORED_UNIT) return;
  const onChain = (proposal.chain as { name: string; role: string }[] | undefined) ?? [];
  const crossed = (await configuredChain(tx)).steps.filter(
    (step) =>
      approved < (step.minAmount ?? 0) &&
      (step.minAmount ?? 0) <= moved &&
      !onChain.some((had) => had.name === step.name && had.role === step.role),
  );
  if (crossed.length > 0)
    throw ServerErrors.budgetChanged({
      reason: `the lines' before amounts are not the budget's: applied, they move ${moved}, past the ${crossed[0].name} step's minimum the proposal's ${approved} did not reach`,
      approved,
      moved,
    });
}

/** The smallest amount a budget line stores (numeric(20, 4)): float noise lies far below it. */
const STORED_UNIT = 0.0001;

const key = (line: { account?: string; period?: string }) => `${line.account}\u0000${line.period}`;

async function amountsIn(tx: Queryable, versionId: string | null, lines: ProposalLine[]): Promise<Map<string, number>> {
  if (versionId === null) return new Map();
  const found = await tx.query<{ account: string; period: string; amount: number }>(
    `SELECT account, period, amount::float8 AS amount FROM version_lines
     WHERE version_id = $1::uuid AND (account, period) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
    [versionId, lines.map((l) => l.account), lines.map((l) => l.period)],
  );
  return new Map(found.rows.map((r) => [key(r), r.amount]));
}
