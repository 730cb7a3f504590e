/**
 * Roles and what each may do. This table and `policy.ts` are the only places that decide access.
 *
 * - viewer reads;
 * - analyst and budget_owner also edit models, versions, actuals, reviews and draft proposals;
 * - approver reads, reviews, and approves or rejects submitted proposals;
 * - budget_owner applies approved proposals and reverts applied ones;
 * - admin may do everything, and reads the audit log with approvers.
 * Every grant is further limited to the cost centres in the user's token.
 */
export const ROLES = ['admin', 'approver', 'budget_owner', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = ['read', 'write', 'import', 'review', 'propose', 'approve', 'apply', 'audit'] as const;
export type Action = (typeof ACTIONS)[number];

export const GRANTS: Readonly<Record<Action, readonly Role[]>> = Object.freeze({
  read: ROLES,
  write: ['admin', 'budget_owner', 'analyst'],
  import: ['admin', 'budget_owner', 'analyst'],
  review: ['admin', 'approver', 'budget_owner', 'analyst'],
  propose: ['admin', 'budget_owner', 'analyst'],
  approve: ['admin', 'approver'],
  apply: ['admin', 'budget_owner'],
  audit: ['admin', 'approver'],
});

/** The signed-in user, as the token says. `costCentres` '*' means every cost centre. */
export interface AuthUser {
  readonly id: string;
  readonly role: Role;
  readonly costCentres: readonly string[] | '*';
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function mayAct(role: Role, action: Action): boolean {
  return GRANTS[action].includes(role);
}

export function mayAccess(user: AuthUser, costCentre: string): boolean {
  return user.costCentres === '*' || user.costCentres.includes(costCentre);
}
