/**
 * Approval chains and separation of duties: the rules the server enforces when a team approves a
 * proposal (and the pane reads to offer an Approve button only to whom may press it).
 *
 * A chain is an ordered list of steps, for example cost-centre approver → finance controller → CFO
 * above an amount. When a proposal is submitted the steps whose threshold its moved amount reaches
 * (`movedAmount`, proposal.ts) are copied onto it; each is approved in turn, by one person holding
 * the step's role and cost centres, within its deadline (reminders until then, delay recorded after).
 * Separation of duties: nobody who wrote or submitted the proposal approves any step of it, and
 * nobody approves two steps of the same proposal.
 */
import { GRANTS, mayAccess, type AuthUser, type Role } from './roles';

/** Whose cost centres a step needs: those the proposal changes, or every cost centre. */
export const STEP_SCOPES = ['affected', '*'] as const;
export type StepScope = (typeof STEP_SCOPES)[number];

/** One step of a configured chain. */
export interface ChainStep {
  /** What the step is called in messages and notifications ("Finance controller"). */
  name: string;
  /** The role that approves this step (one with the approve grant). */
  role: Role;
  /** 'affected': the approver holds every cost centre the proposal changes; '*': a token for all. */
  costCentre: StepScope;
  /** The step applies only when the proposal moves at least this much. @default 0 */
  minAmount?: number;
  /** Hours from the step becoming current to its deadline. */
  deadlineHours: number;
  /** Hours between reminders while the step waits (none when absent); at least `MIN_REMINDER_HOURS`. */
  reminderHours?: number;
}

/** The chain the server uses until an admin configures one: today's single approval. */
export const DEFAULT_CHAIN: readonly ChainStep[] = Object.freeze([
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 72, reminderHours: 24 },
]);

/**
 * The shortest time between two reminders of a waiting step: one an hour. A chain's `reminderHours`
 * below it is refused; a chain stored before with less (a fraction of a second reminded every
 * waiting step at each background round) reminds at most this often.
 */
export const MIN_REMINDER_HOURS = 1;

/** Most steps in one chain. */
export const MAX_CHAIN_STEPS = 10;

/** Roles that may own a step: those the approve grant names. */
export const APPROVING_ROLES: readonly Role[] = GRANTS.approve;

/**
 * The steps of `chain` that a proposal moving `amount` goes through, in order.
 * @example stepsFor([{ name: 'A', role: 'approver', costCentre: 'affected', deadlineHours: 1 }, { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50000, deadlineHours: 1 }], 1000).length // 1
 */
export function stepsFor(chain: readonly ChainStep[], amount: number): ChainStep[] {
  return chain.filter((step) => amount >= (step.minAmount ?? 0));
}

/** A step already on a proposal's chain: what tells it from the others. */
export type StepOnChain = Pick<ChainStep, 'name' | 'role' | 'costCentre'>;

/** What becomes of a proposal submitted earlier when a later move counted with it reaches steps it lacks. */
export interface Rerouting {
  /** The steps to append to its chain, in the chain's order. */
  add: ChainStep[];
  /** Its state after: a submitted one stays submitted; an approved one is held (submitted again). */
  state: 'submitted';
  /** True when it was approved: the first added step becomes current and it cannot be applied before. */
  held: boolean;
}

/**
 * One move split into proposals is decided as the one move it is, whichever half comes first. A half
 * submitted (or even approved) before the other went through the steps of what was known then; when
 * a later half makes the amount moved together reach a step (`stepsFor(chain, amountTogether)`) the
 * earlier one's chain has none of (same name, role and scope), the earlier half needs it too, as it
 * would had it come second: submitted, it gets the step appended (decided after its current ones);
 * approved but not applied, it is held (submitted again, the added step current, so it cannot be
 * applied until that step approves it). An applied half changed the budget already and is not
 * touched (whoever decides the later half sees it named); a draft, rejected or reverted one counts
 * nothing. Null when nothing changes.
 * @example rerouting('approved', [{ name: 'A', role: 'approver', costCentre: 'affected', deadlineHours: 1 }, { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50000, deadlineHours: 1 }], [{ name: 'A', role: 'approver', costCentre: 'affected' }], 99998)
 * // { add: [CFO step], state: 'submitted', held: true }
 */
export function rerouting(
  state: string,
  chain: readonly ChainStep[],
  onChain: readonly StepOnChain[],
  amountTogether: number,
): Rerouting | null {
  if (state !== 'submitted' && state !== 'approved') return null;
  const has = (step: ChainStep) =>
    onChain.some((s) => s.name === step.name && s.role === step.role && s.costCentre === step.costCentre);
  const add = stepsFor(chain, amountTogether).filter((step) => !has(step));
  return add.length === 0 ? null : { add, state: 'submitted', held: state === 'approved' };
}

/**
 * Why `chain` cannot be used, or null: it needs 1–10 steps, each with an approving role, a positive
 * deadline, reminders at least `MIN_REMINDER_HOURS` apart if any, and at least one step every proposal goes through.
 */
export function chainProblem(chain: readonly ChainStep[]): string | null {
  if (chain.length === 0 || chain.length > MAX_CHAIN_STEPS) return `a chain has 1 to ${MAX_CHAIN_STEPS} steps`;
  for (const [i, step] of chain.entries()) {
    const at = `step ${i + 1} (${step.name})`;
    if (!APPROVING_ROLES.includes(step.role))
      return `${at}: the role ${step.role} may not approve; use one of ${APPROVING_ROLES.join(', ')}`;
    if (!(step.deadlineHours > 0)) return `${at}: the deadline must be a positive number of hours`;
    if (step.reminderHours !== undefined && !(step.reminderHours >= MIN_REMINDER_HOURS))
      return `${at}: reminders need at least ${MIN_REMINDER_HOURS} hour between them`;
  }
  if (!chain.some((step) => (step.minAmount ?? 0) <= 0))
    return 'at least one step must apply to every proposal (no minAmount)';
  return null;
}

/** What deciding a step needs to know about the proposal and its chain so far. */
export interface StepContext {
  step: Pick<ChainStep, 'name' | 'role' | 'costCentre'>;
  /** 1-based position of the step. */
  stepNumber: number;
  /** Who created, edited or submitted the proposal. */
  authors: readonly string[];
  /** Who decided earlier steps of this proposal. */
  deciders: readonly string[];
  /** The emails (normalised) the authors signed in with, where their tokens carried one. */
  authorEmails?: readonly string[];
  /** The emails (normalised) of who decided earlier steps, where their tokens carried one. */
  deciderEmails?: readonly string[];
  /** The cost centres the proposal changes. */
  affected: readonly string[];
  /**
   * The people an admin declared (the server's people table): every name joined, through the
   * declarations, to the deciding account (`user`), to the authors and to earlier deciders. Two
   * accounts are one person when their names meet.
   */
  people?: DeclaredPeople;
}

/** Names joined through an admin's declarations of `account → person` (the server's `people_of`). */
export interface DeclaredPeople {
  user: readonly string[];
  authors: readonly string[];
  deciders: readonly string[];
}

const meet = (a: readonly string[], b: readonly string[]): boolean => a.some((name) => b.includes(name));

/**
 * Why `user` may not approve (or reject) the current step, or null when they may. The order is
 * the order a person needs to hear it in: separation of duties first, then role, then cost centre.
 * @example stepRefusal({ id: 'ann', roles: ['approver'], costCentres: ['CC1'] }, { step: DEFAULT_CHAIN[0], stepNumber: 1, authors: ['ann'], deciders: [], affected: ['CC1'] })
 * // "ann wrote or submitted this proposal; separation of duties: another person approves it"
 */
export function stepRefusal(user: AuthUser, context: StepContext): string | null {
  const { step, stepNumber, authors, deciders, affected, authorEmails = [], deciderEmails = [] } = context;
  if (authors.includes(user.id))
    return `${user.id} wrote or submitted this proposal; separation of duties: another person approves it`;
  if (deciders.includes(user.id))
    return `${user.id} already decided a step of this proposal; each step needs another person`;
  // One person with two accounts: the same email is the same person.
  if (user.email !== undefined && authorEmails.includes(user.email))
    return `${user.id} signs in with the email (${user.email}) of an account that wrote or submitted this proposal; separation of duties: another person approves it`;
  if (user.email !== undefined && deciderEmails.includes(user.email))
    return `${user.id} signs in with the email (${user.email}) of an account that already decided a step of this proposal; each step needs another person`;
  // One person with accounts of different emails (or none): what an admin declared.
  const { people } = context;
  if (people && meet(people.user, people.authors))
    return `${user.id} is declared one person with an account that wrote or submitted this proposal; separation of duties: another person approves it`;
  if (people && meet(people.user, people.deciders))
    return `${user.id} is declared one person with an account that already decided a step of this proposal; each step needs another person`;
  const where = `step ${stepNumber} (${step.name})`;
  if (!user.roles.includes(step.role))
    return `${where} is for the ${step.role} role, and ${user.id} holds ${user.roles.join(', ') || 'no role'}`;
  if (step.costCentre === '*' && user.costCentres !== '*') return `${where} needs a token for every cost centre`;
  const missing = affected.filter((costCentre) => !mayAccess(user, costCentre));
  if (missing.length > 0) return `${where} needs the approver of ${missing.join(', ')}`;
  return null;
}
