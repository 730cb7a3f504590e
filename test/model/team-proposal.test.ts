import type { AuthUser } from '../../src/model/roles';
import { pendingStep, teamActions, teamRefusal } from '../../src/model/team-proposal';
import { APPROVER, CONTROLLER, proposal, step } from './sample-team-proposal';

const user = (id: string, roles: AuthUser['roles'], costCentres: AuthUser['costCentres'] = ['CC1']): AuthUser => ({
  id,
  roles,
  costCentres,
});

const ann = user('ann', ['analyst', 'budget_owner', 'approver']);
const bob = user('bob', ['approver']);
const carol = user('carol', ['controller'], '*');
const firstStep = proposal('submitted', [step(1, APPROVER, 'pending'), step(2, CONTROLLER, 'waiting')]);
const secondStep = proposal('submitted', [step(1, APPROVER, 'approved', 'bob'), step(2, CONTROLLER, 'pending')]);

describe('what a signed-in user may do with a team proposal', () => {
  test('the author submits her draft; nobody approves a draft', () => {
    expect(teamActions(proposal('draft'), ann)).toEqual(['submit']);
    expect(teamActions(proposal('draft'), bob)).toEqual([]);
    expect(teamRefusal(proposal('draft'), bob, 'submit')).toBe('bob holds no role that may propose');
  });

  test('the submitter never approves her own proposal, though she holds the step’s role', () => {
    expect(teamActions(firstStep, ann)).toEqual([]);
    expect(teamRefusal(firstStep, ann, 'approve')).toMatch(
      /^ann wrote or submitted this proposal; separation of duties/,
    );
    // Edited by someone else: an author too.
    expect(teamActions({ ...firstStep, authors: ['ann', 'bob'] }, bob)).toEqual([]);
  });

  test('each step by its own role and cost centres, and never twice by one person', () => {
    expect(teamActions(firstStep, bob)).toEqual(['approve', 'reject']);
    expect(teamRefusal(firstStep, carol, 'approve')).toBe(
      'step 1 (Cost-centre approver) is for the approver role, and carol holds controller',
    );
    expect(teamActions(secondStep, carol)).toEqual(['approve', 'reject']);
    expect(teamRefusal(secondStep, bob, 'approve')).toBe(
      'bob already decided a step of this proposal; each step needs another person',
    );
    const elsewhere = user('dan', ['approver'], ['CC2']);
    expect(teamRefusal(firstStep, elsewhere, 'approve')).toBe('dan does not hold CC1');
    // A '*' step needs a token for every cost centre.
    expect(teamRefusal(secondStep, user('eve', ['controller'], ['CC1']), 'approve')).toBe(
      'step 2 (Finance controller) needs a token for every cost centre',
    );
  });

  test('apply and revert by the apply grant; a final state offers nothing', () => {
    const approved = proposal('approved', [step(1, APPROVER, 'approved', 'bob')]);
    expect(teamActions(approved, ann)).toEqual(['apply']);
    expect(teamActions(approved, bob)).toEqual([]);
    expect(teamActions(proposal('applied'), ann)).toEqual(['revert']);
    expect(teamActions(proposal('rejected'), ann)).toEqual([]);
    expect(teamActions(proposal('reverted'), ann)).toEqual([]);
  });

  test('revert asks for a reversal: none while one is open, none of a reversal', () => {
    const open = { ...proposal('applied'), reversal: { id: 'r1', state: 'submitted' as const } };
    expect(teamActions(open, ann)).toEqual([]);
    expect(teamRefusal(open, ann, 'revert')).toBe(
      'reversal r1 is already submitted: it is decided before another is asked for',
    );
    expect(teamActions({ ...open, reversal: { id: 'r1', state: 'rejected' } }, ann)).toEqual(['revert']);
    expect(teamRefusal({ ...proposal('applied'), reverts: 'p0' }, ann, 'revert')).toMatch(
      /^it is the reversal of p0, and a reversal is not reversed/,
    );
    expect(teamRefusal(proposal('applied'), bob, 'revert')).toBe('bob holds no role that may apply');
  });

  test('a submitted proposal without an open step (chain not read) offers no decision', () => {
    expect(teamRefusal(proposal('submitted'), bob, 'approve')).toBe('no approval step is open');
    expect(pendingStep(secondStep)?.step).toBe(2);
    expect(pendingStep(proposal('draft'))).toBeUndefined();
  });
});
