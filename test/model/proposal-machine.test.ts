import { FpaError } from '../../src/errors';
import { PROPOSAL_STATES, PROPOSAL_VERBS, TRANSITIONS } from '../../src/model/proposal';
import type { ProposalRecord, ProposalState } from '../../src/model/proposal';
import { allowedActions, newProposal, transition, type Actor } from '../../src/model/proposal-machine';
import { singleUserRoleFor } from '../../src/model/roles';

const analyst: Actor = { name: 'ann', role: 'analyst' };
const owner: Actor = { name: 'olga', role: 'owner', costCentres: ['CC1', 'CC2'] };
const partialOwner: Actor = { name: 'pete', role: 'owner', costCentres: ['CC1'] };
const admin: Actor = { name: 'adam', role: 'admin' };
const when = '2026-01-05T10:00:00Z';
const actorFor: Record<string, Actor> = { analyst, owner, admin };

function inState(state: ProposalState): ProposalRecord {
  return { ...newProposal('P1', ['CC1', 'CC2']), state };
}

const STATES = PROPOSAL_STATES;
const ACTIONS = PROPOSAL_VERBS;
/** The single-user actor whose role takes `verb`. */
const actorOf = (verb: (typeof ACTIONS)[number]): Actor => actorFor[singleUserRoleFor(TRANSITIONS[verb].action) ?? ''];

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
    const actor = actorOf(action);
    const run = () => transition(inState(state), action, actor, when, 'because');
    if (TRANSITIONS[action].from === state) expect(run().state).toBe(TRANSITIONS[action].to);
    else {
      expect(run).toThrow(FpaError);
      expect(run).toThrow(expect.objectContaining({ code: 'MODEL_TRANSITION_REFUSED' }));
      expect(run).toThrow(/Cannot/);
    }
  });

  it.each(ACTIONS)('%s is refused to the wrong role', (action) => {
    const rule = TRANSITIONS[action];
    for (const actor of [analyst, owner, admin].filter((a) => a !== actorOf(action))) {
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
