import { allowedActions, newProposal, transition, TRANSITIONS } from '../../src/allocation/proposal-machine';
import type { Actor, ProposalAction, ProposalRecord, ProposalState } from '../../src/allocation/proposal-machine';
import { FpaError } from '../../src/errors';

const analyst: Actor = { name: 'ann', role: 'analyst' };
const owner: Actor = { name: 'olga', role: 'owner', costCentres: ['CC1', 'CC2'] };
const partialOwner: Actor = { name: 'pete', role: 'owner', costCentres: ['CC1'] };
const admin: Actor = { name: 'adam', role: 'admin' };
const when = '2026-01-05T10:00:00Z';
const actorFor: Record<string, Actor> = { analyst, owner, admin };

function inState(state: ProposalState): ProposalRecord {
  return { ...newProposal('P1', ['CC1', 'CC2']), state };
}

const STATES: ProposalState[] = ['draft', 'submitted', 'approved', 'rejected', 'applied', 'reverted'];
const ACTIONS = Object.keys(TRANSITIONS) as ProposalAction[];

describe('proposal state machine', () => {
  it('walks draft → submitted → approved → applied → reverted, recording who, when and comment', () => {
    let p = newProposal('P1', ['CC1', 'CC2']);
    p = transition(p, 'submit', analyst, when, 'move 10k to marketing');
    p = transition(p, 'approve', owner, when);
    p = transition(p, 'apply', admin, when);
    p = transition(p, 'revert', admin, when, 'campaign cancelled');
    expect(p.state).toBe('reverted');
    expect(p.history.map((h) => `${h.from}>${h.to}:${h.who}`)).toEqual([
      'draft>submitted:ann',
      'submitted>approved:olga',
      'approved>applied:adam',
      'applied>reverted:adam',
    ]);
    expect(p.history[0]).toMatchObject({ when, role: 'analyst', comment: 'move 10k to marketing' });
  });

  it('rejects with a comment', () => {
    const p = transition(inState('submitted'), 'reject', owner, when, 'not this quarter');
    expect(p.state).toBe('rejected');
  });

  // Every (state, action) pair with the right role: allowed exactly when the table says so.
  const pairs = STATES.flatMap((s) => ACTIONS.map((a) => [s, a] as const));
  it.each(pairs)('from %s, %s is allowed only from its source state', (state, action) => {
    const actor = actorFor[TRANSITIONS[action].role];
    const run = () => transition(inState(state), action, actor, when, 'because');
    if (TRANSITIONS[action].from === state) expect(run().state).toBe(TRANSITIONS[action].to);
    else {
      expect(run).toThrow(FpaError);
      expect(run).toThrow(/Cannot/);
    }
  });

  it.each(ACTIONS)('%s is refused to the wrong role', (action) => {
    const rule = TRANSITIONS[action];
    for (const actor of [analyst, owner, admin].filter((a) => a.role !== rule.role)) {
      expect(() => transition(inState(rule.from), action, actor, when, 'x')).toThrow(/it takes the .* role/);
    }
  });

  it('refuses approval by an owner of only some affected cost centres', () => {
    expect(() => transition(inState('submitted'), 'approve', partialOwner, when)).toThrow(/does not own CC2/);
  });

  it('requires a comment to reject or revert', () => {
    expect(() => transition(inState('submitted'), 'reject', owner, when)).toThrow(/comment/);
    expect(() => transition(inState('applied'), 'revert', admin, when, '  ')).toThrow(/comment/);
  });

  it('does not change the input record', () => {
    const p = newProposal('P1', ['CC1']);
    transition(p, 'submit', analyst, when);
    expect(p.state).toBe('draft');
    expect(p.history).toEqual([]);
  });

  it('lists the actions an actor may take (for enabling buttons)', () => {
    expect(allowedActions(inState('submitted'), owner)).toEqual(['approve', 'reject']);
    expect(allowedActions(inState('submitted'), partialOwner)).toEqual([]);
    expect(allowedActions(inState('approved'), admin)).toEqual(['apply']);
    expect(allowedActions(inState('reverted'), admin)).toEqual([]);
  });
});
