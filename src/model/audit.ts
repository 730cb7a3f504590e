/**
 * The audit trail: every change leaves one entry saying who did what to which record, with the
 * record before and after. The writer (the server, from the verified token and its own clock) adds
 * who and when to the `AuditChange` a change describes; readers get `AuditEntry`s.
 */

/** The kinds of record the audit names. */
export const AUDIT_ENTITIES = [
  'model',
  'scenario',
  'version',
  'actuals_batch',
  'review',
  'proposal',
  'flag',
  'approval_chain',
  'webhook',
  'kpi',
  'adjustment',
  'person_alias',
  'account_alias',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** What one change leaves in the audit log; who and when are added by the writer. */
export interface AuditChange {
  /** "<entity>.<verb>", e.g. "proposal.approve". */
  action: string;
  entity: AuditEntity;
  entityId: string;
  /** The cost centre the record belongs to (null for records of none). */
  costCentre: string | null;
  before: unknown;
  after: unknown;
}

/** One stored audit entry. */
export interface AuditEntry extends AuditChange {
  /** Increasing with time: page with `before` = the smallest id seen. */
  id: number;
  at: string;
  actor: string;
  role: string;
  requestId?: string | null;
  /** The hash of the entry before this one, and this entry's own (tamper-evident chain). */
  prevHash?: string;
  hash?: string;
}

/** @example auditAction('proposal', 'approve') // "proposal.approve" */
export const auditAction = (entity: AuditEntity, verb: string): string => `${entity}.${verb}`;
