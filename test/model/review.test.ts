import { actionOf, decisionOf, REVIEW_ACTIONS, REVIEW_DECISIONS, reviewRefusal } from '../../src/model/review';

describe('review decisions', () => {
  test('each action records one decision, and back', () => {
    expect(REVIEW_ACTIONS.map(decisionOf)).toEqual(['accepted', 'explained', 'dismissed', 'escalated']);
    expect(REVIEW_DECISIONS.map(actionOf)).toEqual([...REVIEW_ACTIONS]);
  });
  test('an explanation and a dismissal must say why', () => {
    expect(reviewRefusal('explain', '')).toBe('An explanation needs a comment.');
    expect(reviewRefusal('dismiss', '  \n')).toBe('Dismissing needs a reason.');
    expect(reviewRefusal('dismiss', 'one-off invoice')).toBeNull();
  });
  test('accepting and escalating need no comment', () => {
    expect(reviewRefusal('accept', '')).toBeNull();
    expect(reviewRefusal('escalate', '')).toBeNull();
  });
});
