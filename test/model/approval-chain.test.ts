import {
  chainProblem,
  DEFAULT_CHAIN,
  MIN_REMINDER_HOURS,
  rerouting,
  stepRefusal,
  stepsFor,
  type ChainStep,
  type StepContext,
} from '../../src/model/approval-chain';
import { movedAmount } from '../../src/model/proposal';
import type { AuthUser } from '../../src/model/roles';

const CHAIN: ChainStep[] = [
  { name: 'Cost-centre approver', role: 'approver', costCentre: 'affected', deadlineHours: 48, reminderHours: 24 },
  { name: 'Finance controller', role: 'controller', costCentre: 'affected', deadlineHours: 48 },
  { name: 'CFO', role: 'cfo', costCentre: '*', minAmount: 50_000, deadlineHours: 72 },
];
const user = (id: string, roles: AuthUser['roles'], costCentres: AuthUser['costCentres'] = ['CC1']): AuthUser => ({
  id,
  roles,
  costCentres,
});
const at = (step: number, more: Partial<StepContext> = {}): StepContext => ({
  step: CHAIN[step - 1],
  stepNumber: step,
  authors: ['ann'],
  deciders: [],
  affected: ['CC1'],
  ...more,
});

describe('approval chains', () => {
  test('steps by amount: the CFO step from its threshold on, inclusive', () => {
    expect(stepsFor(CHAIN, 49_999.99).map((s) => s.role)).toEqual(['approver', 'controller']);
    expect(stepsFor(CHAIN, 50_000).map((s) => s.role)).toEqual(['approver', 'controller', 'cfo']);
    expect(stepsFor(CHAIN, 0)).toHaveLength(2);
  });
  test('a usable chain: 1–10 steps, approving roles, positive deadlines and reminders, one unconditional step', () => {
    expect(chainProblem(CHAIN)).toBeNull();
    expect(chainProblem(DEFAULT_CHAIN)).toBeNull();
    expect(chainProblem([])).toMatch(/1 to 10 steps/);
    expect(chainProblem([{ ...CHAIN[0], role: 'analyst' }])).toMatch(/may not approve/);
    expect(chainProblem([{ ...CHAIN[0], deadlineHours: 0 }])).toMatch(/deadline/);
    expect(chainProblem([{ ...CHAIN[0], reminderHours: -1 }])).toMatch(/reminders/);
    // Reminders at least MIN_REMINDER_HOURS (an hour) apart: a fraction of a second reminded every round.
    expect(chainProblem([{ ...CHAIN[0], reminderHours: 0.5 }])).toMatch(/at least 1 hour/);
    expect(chainProblem([{ ...CHAIN[0], reminderHours: MIN_REMINDER_HOURS }])).toBeNull();
    expect(chainProblem([CHAIN[2]])).toMatch(/every proposal/);
    expect(chainProblem(Array.from({ length: 11 }, () => CHAIN[0]))).toMatch(/1 to 10/);
  });
});

describe('rerouting: an earlier half of a split needs the steps the move together reaches', () => {
  const [approver, controller, cfo] = CHAIN;
  const had = (...steps: ChainStep[]) => steps.map(({ name, role, costCentre }) => ({ name, role, costCentre }));

  test('a submitted half gets the CFO step appended; an approved one is held', () => {
    expect(rerouting('submitted', CHAIN, had(approver, controller), 99_998)).toEqual({
      add: [cfo],
      state: 'submitted',
      held: false,
    });
    expect(rerouting('approved', CHAIN, had(approver, controller), 50_000)).toEqual({
      add: [cfo],
      state: 'submitted',
      held: true,
    });
  });

  test('nothing changes under the threshold, when the step is there, or once applied (or never open)', () => {
    expect(rerouting('approved', CHAIN, had(approver, controller), 49_999.99)).toBeNull();
    expect(rerouting('submitted', CHAIN, had(approver, controller, cfo), 99_998)).toBeNull();
    for (const state of ['applied', 'draft', 'rejected', 'reverted'])
      expect([state, rerouting(state, CHAIN, had(approver, controller), 99_998)]).toEqual([state, null]);
  });

  test('a step is one the chain has by name, role and scope; each lacking one is added in the chain’s order', () => {
    // The chain changed since the half was submitted: its only step was a controller's.
    expect(rerouting('submitted', CHAIN, had(controller), 60_000)?.add).toEqual([approver, cfo]);
    const renamed = { ...cfo, name: 'Chief financial officer' };
    expect(rerouting('approved', [approver, renamed], had(approver, cfo), 60_000)?.add).toEqual([renamed]);
  });
});

describe('separation of duties (stepRefusal)', () => {
  test('the author never decides a step, whatever roles they hold', () => {
    const ann = user('ann', ['admin', 'approver', 'controller', 'cfo'], '*');
    for (const step of [1, 2, 3]) expect(stepRefusal(ann, at(step))).toMatch(/^ann wrote or submitted/);
  });
  test('nobody decides two steps of one proposal', () => {
    const bob = user('bob', ['approver', 'controller']);
    expect(stepRefusal(bob, at(1))).toBeNull();
    expect(stepRefusal(bob, at(2, { deciders: ['bob'] }))).toMatch(/already decided a step/);
  });
  test('one person with two accounts: an account sharing an author’s or a decider’s email decides no step', () => {
    const twin = { ...user('ann-approver', ['approver', 'controller']), email: 'ann@corp.example' };
    expect(stepRefusal(twin, at(1, { authorEmails: ['ann@corp.example'] }))).toBe(
      'ann-approver signs in with the email (ann@corp.example) of an account that wrote or submitted this proposal; separation of duties: another person approves it',
    );
    expect(stepRefusal(twin, at(2, { deciders: ['ann2'], deciderEmails: ['ann@corp.example'] }))).toMatch(
      /email \(ann@corp\.example\) of an account that already decided a step/,
    );
    // Another email, or none on either side: the accounts are different people, as before.
    expect(
      stepRefusal({ ...twin, email: 'bo@corp.example' }, at(1, { authorEmails: ['ann@corp.example'] })),
    ).toBeNull();
    expect(stepRefusal(user('ann-approver', ['approver']), at(1, { authorEmails: ['ann@corp.example'] }))).toBeNull();
    expect(stepRefusal(twin, at(1))).toBeNull();
  });
  test('accounts an admin declared one person: the names the declarations join meet an author’s or a decider’s', () => {
    const second = user('ann.admin', ['approver', 'controller']);
    const people = (authors: string[], deciders: string[] = []) => ({
      people: { user: ['ann', 'ann.admin'], authors, deciders },
    });
    expect(stepRefusal(second, at(1, people(['ann'])))).toBe(
      'ann.admin is declared one person with an account that wrote or submitted this proposal; separation of duties: another person approves it',
    );
    expect(stepRefusal(second, at(2, { deciders: ['ann'], ...people(['eve'], ['ann']) }))).toMatch(
      /^ann\.admin is declared one person with an account that already decided a step/,
    );
    // Names that do not meet, or no table: the accounts are two people.
    expect(stepRefusal(second, at(1, people(['eve'], ['bob'])))).toBeNull();
    expect(stepRefusal(second, at(1))).toBeNull();
  });
  test('a step is decided only by its role and cost centres', () => {
    expect(stepRefusal(user('cy', ['controller']), at(1))).toBe(
      'step 1 (Cost-centre approver) is for the approver role, and cy holds controller',
    );
    expect(stepRefusal(user('cy', ['approver'], ['CC2']), at(1))).toBe(
      'step 1 (Cost-centre approver) needs the approver of CC1',
    );
    expect(stepRefusal(user('cy', ['approver'], ['CC1']), at(1, { affected: ['CC1', 'CC2'] }))).toMatch(/of CC2$/);
    expect(stepRefusal(user('cy', ['cfo'], ['CC1']), at(3))).toMatch(/needs a token for every cost centre/);
    expect(stepRefusal(user('cy', ['cfo'], '*'), at(3))).toBeNull();
    expect(stepRefusal(user('cy', ['admin'], '*'), at(1))).toMatch(/is for the approver role/);
  });
});

describe('movedAmount', () => {
  test('the larger of total increase and total decrease', () => {
    expect(movedAmount([])).toBe(0);
    expect(
      movedAmount([
        { before: 10, after: 7 },
        { before: 5, after: 8 },
      ]),
    ).toBe(3);
    expect(movedAmount([{ before: 0, after: 100 }])).toBe(100);
    expect(
      movedAmount([
        { before: 100, after: 40 },
        { before: 0, after: 20 },
      ]),
    ).toBe(60);
    expect(movedAmount([{ before: 1e15, after: -1e15 }])).toBe(2e15);
  });
});
