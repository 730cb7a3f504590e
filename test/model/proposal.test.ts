import {
  affectedCostCentres,
  changedLines,
  isEditable,
  isFinal,
  isPending,
  missingComment,
  movedAmount,
  netChange,
  nextState,
  OPEN_REVERSAL_STATES,
  PROPOSAL_STATES,
  PROPOSAL_VERBS,
  reversalLines,
  reversalRefusal,
  TRANSITIONS,
  type ProposalLine,
  type ProposalState,
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
  test('the changed lines are those that move by half a cent or more (a line kept as it is moves nothing)', () => {
    expect(changedLines(lines).map((l) => l.id)).toEqual(['MKT-ADS', 'SAL-TRV']);
    expect(
      changedLines([
        { before: 1, after: 0.995 },
        { before: 1, after: 1.004 },
      ]),
    ).toEqual([{ before: 1, after: 0.995 }]);
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

describe('reversals (how a team reverts: a proposal back through the chain)', () => {
  const lines: ProposalLine[] = [
    { id: 'MKT-ADS', costCentre: 'MKT', account: '6200', period: '2026-03', before: 100_000, after: 80_000 },
    { id: 'SAL-TRV', costCentre: 'SAL', account: '6100', period: '2026-03', before: 50_000, after: 70_000 },
  ];
  test('a reversal’s lines are the same budget lines from after back to before, moving the same amount', () => {
    const back = reversalLines(lines);
    expect(back).toEqual([
      { id: 'MKT-ADS', costCentre: 'MKT', account: '6200', period: '2026-03', before: 80_000, after: 100_000 },
      { id: 'SAL-TRV', costCentre: 'SAL', account: '6100', period: '2026-03', before: 70_000, after: 50_000 },
    ]);
    expect(movedAmount(back)).toBe(movedAmount(lines));
    expect(affectedCostCentres(back)).toEqual(affectedCostCentres(lines));
    expect(reversalLines(back)).toEqual(lines);
    expect(reversalLines([])).toEqual([]);
  });

  const link = (
    state: ProposalState,
    reversal: { id: string; state: ProposalState } | null = null,
    reverts = null,
  ) => ({
    state,
    reverts,
    reversal,
  });
  test('only an applied proposal is reversed', () => {
    for (const state of PROPOSAL_STATES.filter((s) => s !== 'applied'))
      expect(reversalRefusal(link(state))).toBe(`only an applied proposal is reversed, and this one is ${state}`);
    expect(reversalRefusal(link('applied'))).toBeNull();
  });
  test('one reversal open at a time; after a rejected one another may be asked for', () => {
    expect(OPEN_REVERSAL_STATES).toEqual(['draft', 'submitted', 'approved']);
    for (const state of OPEN_REVERSAL_STATES)
      expect(reversalRefusal(link('applied', { id: 'r1', state }))).toBe(
        `reversal r1 is already ${state}: it is decided before another is asked for`,
      );
    expect(reversalRefusal(link('applied', { id: 'r1', state: 'rejected' }))).toBeNull();
  });
  test('a reversal is not itself reversed', () => {
    expect(reversalRefusal({ state: 'applied', reverts: 'p1', reversal: null })).toBe(
      'it is the reversal of p1, and a reversal is not reversed: propose the change again instead',
    );
  });
});
