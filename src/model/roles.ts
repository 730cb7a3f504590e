/**
 * Roles and what each may do: the one table the server's policy enforces and the pane reads to
 * offer only the buttons a user may press.
 *
 * Team roles (from the verified token, when connected to the backend):
 * - viewer reads;
 * - analyst and budget_owner also edit models, versions, actuals, reviews and draft proposals;
 * - approver, controller (finance controller) and cfo read, review, and approve or reject the
 *   steps of an approval chain that name their role (approval-chain.ts);
 * - budget_owner loads a cost centre's first budget (the baseline), applies approved proposals and
 *   asks for the reversal of applied ones (proposal.ts: a proposal that others approve);
 * - KPI definitions (targets, actual series, links) are changed and archived by the owning cost
 *   centre's editors (admin, budget_owner, analyst) and by finance (controller, cfo), within their
 *   cost centres; the same people forget a reverted move in the memory of adjustments (`forget`);
 * - admin may do everything the grants list (configuring chains and webhooks among them), and reads
 *   the audit log with the approving roles; an approval step still needs the step's own role.
 * A user holding several roles holds the union of their grants. Every grant is further limited to
 * the cost centres the user holds.
 *
 * Single-user roles (the pane without a backend, picked by the user): analyst proposes, owner
 * approves for the cost centres they own, admin applies and reverts.
 */
export const ROLES = ['admin', 'approver', 'controller', 'cfo', 'budget_owner', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'read',
  'write',
  'import',
  'review',
  'propose',
  'approve',
  'apply',
  'audit',
  'configure',
  'kpi',
  'forget',
] as const;
export type Action = (typeof ACTIONS)[number];

/** A cost centre's editors and finance: who keeps the budget loop's shared records (KPIs, the memory of moves). */
const LOOP_KEEPERS: readonly Role[] = ['admin', 'controller', 'cfo', 'budget_owner', 'analyst'];

export const GRANTS: Readonly<Record<Action, readonly Role[]>> = Object.freeze({
  read: ROLES,
  write: ['admin', 'budget_owner', 'analyst'],
  import: ['admin', 'budget_owner', 'analyst'],
  review: ['admin', 'approver', 'controller', 'cfo', 'budget_owner', 'analyst'],
  propose: ['admin', 'budget_owner', 'analyst'],
  approve: ['admin', 'approver', 'controller', 'cfo'],
  apply: ['admin', 'budget_owner'],
  audit: ['admin', 'approver', 'controller', 'cfo'],
  configure: ['admin'],
  kpi: LOOP_KEEPERS,
  forget: LOOP_KEEPERS,
});

/**
 * The signed-in user, as the verified token says: every known role it carries (the user holds the
 * union of their grants) and the cost centres, '*' meaning every cost centre.
 */
export interface AuthUser {
  readonly id: string;
  readonly roles: readonly Role[];
  readonly costCentres: readonly string[] | '*';
  /**
   * The person's email as the identity provider vouches for it, normalised (`normalisedEmail`); absent
   * when the token carries none. Two accounts with one email are one person for separation of duties.
   */
  readonly email?: string;
}

/**
 * Letters of other scripts drawn as Latin ones (the common Cyrillic, Greek and Armenian look-alikes of
 * Unicode's confusables list, lower case), and the Latin letter each reads as, position by position.
 */
const LOOK_ALIKES =
  '\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u04cf\u051b\u051d\u0261\u0131\u03bf\u03b1\u03b9\u03ba\u03bd\u03c1\u03c4\u03c5\u03c7' +
  // Latin alpha, Greek final sigma (NFKC makes the lunate sigma one) and yot, Armenian o, u, h, n,
  // g; the ideographic full stop, which IDNA reads as the dot between a domain's labels.
  '\u0251\u03c2\u03f3\u0585\u057d\u0570\u0578\u0581\u3002';
const AS_LATIN = 'aeopcyxijsdhlqwgioaikvptux' + 'acjouhng.';
const LOOK_ALIKE = new RegExp(`[${LOOK_ALIKES}]`, 'gu');

/**
 * An email address as separation of duties compares it, or undefined when `value` is not one:
 * trimmed and lower-cased (identity providers treat addresses case-insensitively), and what only
 * looks different made one: compatibility forms (full-width `ａ`, ligatures) read as their letters
 * (NFKC), invisible characters (zero-width space, soft hyphen, joiners) dropped, common Cyrillic,
 * Greek and Armenian look-alikes read as the Latin letter (and the ideographic full stop as a dot), a
 * dot above an `i` or `j` dropped, a trailing dot of the domain dropped. Two
 * addresses that read the same are one person: a refusal at worst, never a second approver.
 * Dots and `+tags` are kept: whether `a.b+x@` and `ab@` reach one mailbox depends on the mail
 * system (Gmail ignores dots, Exchange Online delivers plus addresses to the base mailbox, most
 * corporate directories do neither), so treating them as one would refuse people who are not one.
 * @example normalisedEmail(' Alice.Smith@Corp.example ') // "alice.smith@corp.example"
 * @example normalisedEmail('ａｌｉｃｅ@corp.example.') // "alice@corp.example"
 * @example normalisedEmail('alice') // undefined
 */
export function normalisedEmail(value: unknown): string | undefined {
  // No address is longer than 254 characters; a claim far past that (hidden characters may pad a
  // real one) is none, and is not worked on: a token is read on every request.
  if (typeof value !== 'string' || value.length > MAX_EMAIL_CLAIM) return undefined;
  let email = value
    .normalize('NFKC')
    .replace(/\p{Default_Ignorable_Code_Point}/gu, '')
    .trim()
    .toLowerCase()
    .replace(LOOK_ALIKE, (letter) => AS_LATIN[LOOK_ALIKES.indexOf(letter)])
    // A dot above an i or j draws nothing more (they carry one): `ali\u0307ce`, and `İ` lower-cased.
    .replace(/([ij])\u0307/gu, '$1');
  // Trailing dots by hand: /\.+$/ retries every dot of a long run (quadratic; 12,000 dots took 0.4 s).
  let end = email.length;
  while (end > 0 && email[end - 1] === '.') end -= 1;
  email = email.slice(0, end);
  return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : undefined;
}

/** The longest email claim looked at: an address's 254 characters with room for hidden ones. */
const MAX_EMAIL_CLAIM = 1024;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * True when `roles` (one role, or all a user holds) grant `action`: the union of their grants.
 * @example mayAct('approver', 'apply') // false
 * @example mayAct(['approver', 'budget_owner'], 'apply') // true
 */
export function mayAct(roles: Role | readonly Role[], action: Action): boolean {
  const held: readonly Role[] = typeof roles === 'string' ? [roles] : roles;
  return held.some((role) => GRANTS[action].includes(role));
}

/** The known roles among claimed values, in ROLES order. @example rolesOf(['viewer', 'x', 'admin']) // ["admin", "viewer"] */
export function rolesOf(claimed: readonly unknown[]): Role[] {
  return ROLES.filter((role) => claimed.includes(role));
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
