import {
  affectedCostCentres,
  isEditable,
  isFinal,
  isPending,
  missingComment,
  netChange,
  nextState,
  PROPOSAL_STATES,
  PROPOSAL_VERBS,
  TRANSITIONS,
  type ProposalLine,
} from '../../src/model/proposal';

describe('proposal state machine (the table pane and server share)', () => {
  test('exactly the documented transitions are allowed', () => {
    const allowed: string[] = [];
    for (const state of PROPOSAL_STATES) {
      for (const verb of PROPOSAL_VERBS) {
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

  test('every other (state, verb) pair is refused', () => {
    let refused = 0;
    for (const state of PROPOSAL_STATES) {
      for (const verb of PROPOSAL_VERBS) {
        if (TRANSITIONS[verb].from !== state) {
          expect(nextState(state, verb)).toBeUndefined();
          refused++;
        }
      }
    }
    expect(refused).toBe(PROPOSAL_STATES.length * PROPOSAL_VERBS.length - PROPOSAL_VERBS.length);
  });

  test('rejected and reverted are final; nothing else is', () => {
    expect(PROPOSAL_STATES.filter(isFinal)).toEqual(['rejected', 'reverted']);
  });

  test('each move needs the permission of its step', () => {
    expect(PROPOSAL_VERBS.map((v) => `${v}:${TRANSITIONS[v].action}`)).toEqual([
      'submit:propose',
      'approve:approve',
      'reject:approve',
      'apply:apply',
      'revert:apply',
    ]);
  });

  test('reject and revert must say why; the other moves need no comment', () => {
    expect(missingComment('reject', '')).toMatch(/comment/);
    expect(missingComment('revert', '   ')).toMatch(/comment/);
    expect(missingComment('reject', 'not this quarter')).toBeNull();
    for (const verb of ['submit', 'approve', 'apply'] as const) expect(missingComment(verb, '')).toBeNull();
  });

  test('only a draft is editable', () => {
    expect(PROPOSAL_STATES.filter(isEditable)).toEqual(['draft']);
  });

  test('the table is frozen', () => {
    expect(Object.isFrozen(TRANSITIONS)).toBe(true);
  });
});

describe('proposal lines', () => {
  const lines: ProposalLine[] = [
    { id: 'MKT-ADS', costCentre: 'MKT', before: 100_000, after: 80_000 },
    { id: 'SAL-TRV', costCentre: 'SAL', before: 50_000, after: 70_000 },
    { id: 'OPS-RNT', costCentre: 'OPS', before: 10_000, after: 10_000.004 },
  ];
  test('the affected cost centres are those whose budget moves by half a cent or more, sorted', () => {
    expect(affectedCostCentres(lines)).toEqual(['MKT', 'SAL']);
    expect(affectedCostCentres([])).toEqual([]);
  });
  test('a reallocation conserves the total', () => {
    expect(netChange(lines.slice(0, 2))).toBe(0);
    expect(netChange(lines)).toBeCloseTo(0.004, 9);
  });
});

describe('pending proposals', () => {
  test('drafted, submitted or approved but not applied are pending', () => {
    expect(PROPOSAL_STATES.filter(isPending)).toEqual(['draft', 'submitted', 'approved']);
  });
});
