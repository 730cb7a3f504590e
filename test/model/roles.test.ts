import {
  ACTIONS,
  GRANTS,
  isRole,
  isSingleUserRole,
  mayAccess,
  mayAct,
  ROLES,
  SINGLE_USER_ACTION,
  singleUserRoleFor,
} from '../../src/model/roles';
import { TRANSITIONS } from '../../src/model/proposal';

describe('team roles', () => {
  test('every role reads; only admin may do everything', () => {
    for (const role of ROLES) expect(mayAct(role, 'read')).toBe(true);
    expect(ACTIONS.every((a) => mayAct('admin', a))).toBe(true);
    expect(ACTIONS.filter((a) => mayAct('viewer', a))).toEqual(['read']);
  });
  test('approvers approve but do not apply; budget owners apply but do not approve', () => {
    expect(mayAct('approver', 'approve')).toBe(true);
    expect(mayAct('approver', 'apply')).toBe(false);
    expect(mayAct('budget_owner', 'apply')).toBe(true);
    expect(mayAct('budget_owner', 'approve')).toBe(false);
  });
  test('the grants name known roles only, and are frozen', () => {
    for (const action of ACTIONS) for (const role of GRANTS[action]) expect(isRole(role)).toBe(true);
    expect(Object.isFrozen(GRANTS)).toBe(true);
    expect(isRole('superuser')).toBe(false);
  });
  test('cost centres: a list, or every one', () => {
    expect(mayAccess({ id: 'a', role: 'analyst', costCentres: ['CC1'] }, 'CC1')).toBe(true);
    expect(mayAccess({ id: 'a', role: 'analyst', costCentres: ['CC1'] }, 'CC2')).toBe(false);
    expect(mayAccess({ id: 'a', role: 'admin', costCentres: '*' }, 'CC2')).toBe(true);
  });
});

describe('single-user roles', () => {
  test('each proposal move is taken by exactly one single-user role', () => {
    for (const rule of Object.values(TRANSITIONS)) expect(singleUserRoleFor(rule.action)).toBeDefined();
    expect(SINGLE_USER_ACTION).toEqual({ analyst: 'propose', owner: 'approve', admin: 'apply' });
    expect(singleUserRoleFor('audit')).toBeUndefined();
  });
  test('recognises stored roles', () => {
    expect(isSingleUserRole('owner')).toBe(true);
    expect(isSingleUserRole('approver')).toBe(false);
    expect(isSingleUserRole(undefined)).toBe(false);
  });
});
