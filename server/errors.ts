/**
 * The server's error catalogue. Routes throw `HttpError`s built from these entries; the error
 * handler in `app.ts` turns them (and Fastify's own validation, body and content-type errors) into
 * `{ error: { code, message, details? } }` with the entry's status. Codes are stable: the connector
 * and scripts branch on them.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const ServerErrors = {
  unauthenticated: (why: string) => new HttpError(401, 'SERVER_UNAUTHENTICATED', `Sign in again: ${why}.`),
  forbiddenRole: (roles: readonly string[], action: string) =>
    new HttpError(
      403,
      'SERVER_FORBIDDEN_ROLE',
      `${roles.length === 1 ? `The role ${roles[0]}` : `None of the roles ${roles.join(', ')}`} may ${action}.`,
    ),
  /** Separation of duties or the approval chain refuses this person this step. */
  forbiddenStep: (why: string, details?: Record<string, unknown>) =>
    new HttpError(403, 'SERVER_FORBIDDEN_STEP', `You may not decide this step: ${why}.`, details),
  budgetChanged: (details: Record<string, unknown>) =>
    new HttpError(
      409,
      'SERVER_BUDGET_CHANGED',
      'The budget changed since the proposal was made: a line no longer holds its "before" amount.',
      details,
    ),
  /**
   * A direct budget version is only the baseline (the first of its cost centre and fiscal year);
   * after it the budget of record changes through a proposal another person approves.
   */
  budgetNeedsProposal: (costCentre: string, fiscalYear: number, current: Record<string, unknown>) =>
    new HttpError(
      403,
      'SERVER_BUDGET_NEEDS_PROPOSAL',
      `${costCentre} already has a budget for ${fiscalYear} (${String(current.name)}, version ${String(current.number)}): ` +
        'the budget of record changes only through a proposal that another person approves. Submit a proposal with the ' +
        'lines to change (Proposals), or save your version as a forecast or scenario.',
      { current },
    ),
  /** The baseline is the budget of record: loaded by those who put budgets in place (the apply grant). */
  budgetBaselineRole: (costCentre: string, fiscalYear: number, roles: readonly string[]) =>
    new HttpError(
      403,
      'SERVER_FORBIDDEN_ROLE',
      `The first budget of ${costCentre} for ${fiscalYear} is its budget of record: a budget owner or an admin loads it, ` +
        `and ${roles.join(', ')} may not. Ask one of them, or save your version as a forecast or scenario.`,
    ),
  idempotencyMismatch: () =>
    new HttpError(
      422,
      'SERVER_IDEMPOTENCY_MISMATCH',
      'This Idempotency-Key was used for another request (method, route or body differ); use a new key.',
    ),
  tooBusy: (why: string, retryAfterSeconds: number) =>
    new HttpError(429, 'SERVER_BUSY', `Try again in ${retryAfterSeconds} s: ${why}.`, { retryAfterSeconds }),
  /** `costCentre` "*": what every cost centre shares (the approval chain, a webhook of all centres). */
  forbiddenCostCentre: (costCentre: string) =>
    new HttpError(
      403,
      'SERVER_FORBIDDEN_COST_CENTRE',
      costCentre === '*'
        ? 'This concerns every cost centre, and your token covers only some of them.'
        : `You have no access to cost centre ${costCentre}.`,
    ),
  notFound: (entity: string, id: string) => new HttpError(404, 'SERVER_NOT_FOUND', `${entity} ${id} does not exist.`),
  staleVersion: (entity: string, yours: number, current: unknown) =>
    new HttpError(409, 'SERVER_STALE_VERSION', `${entity} changed since you read it (your version ${yours}).`, {
      yourVersion: yours,
      current,
    }),
  invalidTransition: (from: string, to: string, current: unknown) =>
    new HttpError(409, 'SERVER_INVALID_TRANSITION', `A proposal in state ${from} cannot become ${to}.`, { current }),
  /** No reversal now (src/model/proposal.ts `reversalRefusal`): not applied, a reversal itself, or one is open. */
  reversalRefused: (why: string, current: Record<string, unknown>) =>
    new HttpError(409, 'SERVER_REVERSAL_REFUSED', `No reversal of proposal ${String(current.id)} now: ${why}.`, {
      current,
      reversal: current.reversal ?? null,
    }),
  outcomeMeasured: (id: string, current: unknown) =>
    new HttpError(
      409,
      'SERVER_OUTCOME_MEASURED',
      `Adjustment ${id} was already measured with another outcome; the first measurement stands.`,
      { current },
    ),
  /** A deleted (archived) record is kept for what cites it, and takes no more changes. */
  archived: (entity: string, id: string, current: unknown) =>
    new HttpError(409, 'SERVER_ARCHIVED', `${entity} ${id} was deleted (it is archived) and takes no more changes.`, {
      current,
    }),
  forgotten: (id: string, current: unknown) =>
    new HttpError(
      409,
      'SERVER_FORGOTTEN',
      `Adjustment ${id} was forgotten (its proposal was reverted); it takes no outcome.`,
      { current },
    ),
  notReverted: (id: string, proposal: string, state: string) =>
    new HttpError(
      409,
      'SERVER_NOT_REVERTED',
      `Adjustment ${id} was made by proposal ${proposal}, which is ${state}: only a reverted move is forgotten.`,
      { proposal, state },
    ),
  /** An alias the table cannot take (a chain of declarations): says what to declare instead. */
  aliasRefused: (why: string, details?: Record<string, unknown>) =>
    new HttpError(409, 'SERVER_ALIAS_REFUSED', `This alias is not declared: ${why}.`, details),
  duplicate: (what: string) => new HttpError(409, 'SERVER_DUPLICATE', `${what} already exists.`),
  batchConflict: (batchId: string) =>
    new HttpError(409, 'SERVER_BATCH_CONFLICT', `Batch ${batchId} was already imported with different rows.`, {
      batchId,
    }),
  versionsDisagree: (header: number, body: number) =>
    new HttpError(
      400,
      'SERVER_VERSION_DISAGREES',
      `If-Match names version ${header} and the body's version is ${body}: send the version you read once, or the same in both.`,
      { ifMatch: header, bodyVersion: body },
    ),
  preconditionRequired: () =>
    new HttpError(
      428,
      'SERVER_PRECONDITION_REQUIRED',
      'Send If-Match with the version you read (or "version" in the body).',
    ),
  badRequest: (message: string, details?: Record<string, unknown>) =>
    new HttpError(400, 'SERVER_BAD_REQUEST', message, details),
  importInvalid: (errors: readonly ImportRowError[], stoppedEarly = false) => {
    const rows = new Set(errors.map((e) => e.row)).size;
    const counted = stoppedEarly
      ? `At least ${rows} row(s) are invalid (checking stopped there)`
      : `${rows} row(s) are invalid`;
    return new HttpError(422, 'SERVER_IMPORT_INVALID', `${counted}; nothing was imported.`, {
      errors: errors.slice(0, 1000),
      errorCount: errors.length,
      invalidRows: rows,
      stoppedEarly,
    });
  },
  importTooLarge: (maxRows: number) =>
    new HttpError(
      413,
      'SERVER_IMPORT_TOO_LARGE',
      `An import holds at most ${maxRows.toLocaleString('en-US')} rows; split the file into batches.`,
      { maxRows },
    ),
  notReady: (why: string) => new HttpError(503, 'SERVER_NOT_READY', `Not ready: ${why}.`),
};

/** One problem in one imported row; `row` is 1-based over data rows (CSV header excluded). */
export interface ImportRowError {
  row: number;
  field: string;
  message: string;
}
