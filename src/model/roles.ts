/**
 * Roles and what each may do: the one table the server's policy enforces and the pane reads to
 * offer only the buttons a user may press.
 *
 * Team roles (from the verified token, when connected to the backend):
 * - viewer reads;
 * - analyst and budget_owner also edit models, versions, actuals, reviews and draft proposals;
 * - approver reads, reviews, and approves or rejects submitted proposals;
 * - budget_owner applies approved proposals and reverts applied ones;
 * - admin may do everything, and reads the audit log with approvers.
 * Every grant is further limited to the cost centres the user holds.
 *
 * Single-user roles (the pane without a backend, picked by the user): analyst proposes, owner
 * approves for the cost centres they own, admin applies and reverts.
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

/** @example mayAct('approver', 'apply') // false */
export function mayAct(role: Role, action: Action): boolean {
  return GRANTS[action].includes(role);
}

/** @example mayAccess({ id: 'u', role: 'viewer', costCentres: ['CC1'] }, 'CC2') // false */
export function mayAccess(user: AuthUser, costCentre: string): boolean {
  return user.costCentres === '*' || user.costCentres.includes(costCentre);
}

/** The roles of the pane in single-user mode, and the one proposal action each takes. */
export const SINGLE_USER_ROLES = ['analyst', 'owner', 'admin'] as const;
export type SingleUserRole = (typeof SINGLE_USER_ROLES)[number];

export const SINGLE_USER_ACTION: Readonly<Record<SingleUserRole, Action>> = Object.freeze({
  analyst: 'propose',
  owner: 'approve',
  admin: 'apply',
});

export function isSingleUserRole(value: unknown): value is SingleUserRole {
  return typeof value === 'string' && (SINGLE_USER_ROLES as readonly string[]).includes(value);
}

/** The single-user role that takes `action`, if any. @example singleUserRoleFor('approve') // "owner" */
export function singleUserRoleFor(action: Action): SingleUserRole | undefined {
  return SINGLE_USER_ROLES.find((role) => SINGLE_USER_ACTION[role] === action);
}
