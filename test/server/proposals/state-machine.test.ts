import { nextState, PROPOSAL_STATES, TRANSITIONS, type TransitionVerb } from '../../../server/proposals/state-machine';

describe('proposal state machine', () => {
  test('exactly the documented transitions are allowed', () => {
    const allowed: string[] = [];
    for (const state of PROPOSAL_STATES) {
      for (const verb of Object.keys(TRANSITIONS) as TransitionVerb[]) {
        const to = nextState(state, verb);
        if (to) allowed.push(`${state} -${verb}-> ${to}`);
      }
    }
    expect(allowed).toEqual([
      'draft -submit-> submitted',
      'submitted -approve-> approved',
      'submitted -reject-> rejected',
      'approved -apply-> applied',
      'applied -revert-> reverted',
    ]);
  });
  test('rejected and reverted are final', () => {
    for (const verb of Object.keys(TRANSITIONS) as TransitionVerb[]) {
      expect(nextState('rejected', verb)).toBeUndefined();
      expect(nextState('reverted', verb)).toBeUndefined();
    }
  });
});
