import {
  ACTIONS,
  GRANTS,
  isRole,
  isSingleUserRole,
  mayAccess,
  mayAct,
  normalisedEmail,
  ROLES,
  rolesOf,
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
    expect(mayAccess({ id: 'a', roles: ['analyst'], costCentres: ['CC1'] }, 'CC1')).toBe(true);
    expect(mayAccess({ id: 'a', roles: ['analyst'], costCentres: ['CC1'] }, 'CC2')).toBe(false);
    expect(mayAccess({ id: 'a', roles: ['admin'], costCentres: '*' }, 'CC2')).toBe(true);
  });
  test('a user holding several roles holds the union of their grants', () => {
    // The probe: analyst + approver was refused propose; approver + budget_owner was refused apply.
    expect(mayAct(['analyst', 'approver'], 'propose')).toBe(true);
    expect(mayAct(['analyst', 'approver'], 'approve')).toBe(true);
    expect(mayAct(['approver', 'budget_owner'], 'apply')).toBe(true);
    expect(mayAct(['viewer'], 'propose')).toBe(false);
    expect(mayAct([], 'read')).toBe(false);
    expect(rolesOf(['viewer', 'superuser', 'cfo', 7])).toEqual(['cfo', 'viewer']);
  });
  test('controllers and CFOs approve chain steps; only admins configure', () => {
    expect(mayAct('controller', 'approve')).toBe(true);
    expect(mayAct('cfo', 'apply')).toBe(false);
    expect(ROLES.filter((r) => mayAct(r, 'configure'))).toEqual(['admin']);
  });
});

describe('emails for separation of duties', () => {
  test('trimmed and lower-cased, nothing else: dots and +tags are kept', () => {
    expect(normalisedEmail(' Ann.Lee@Corp.Example ')).toBe('ann.lee@corp.example');
    expect(normalisedEmail('ANN+ops@corp.example')).toBe('ann+ops@corp.example');
    expect(normalisedEmail('annlee@corp.example')).not.toBe(normalisedEmail('ann.lee@corp.example'));
  });
  test('what only looks different is one address: full-width, invisible characters, look-alike letters, a trailing dot', () => {
    for (const value of [
      '\uff41\uff4c\uff49\uff43\uff45@corp.example', // full-width
      'ali\u200bce@corp.example', // zero-width space
      'al\u00adice@corp.example', // soft hyphen
      '\ufeffalice@corp.example', // byte order mark
      '\u0430lice@corp.example', // Cyrillic a
      'ALİCE@corp.example'.replace('İ', '\u0406'), // Cyrillic capital I (U+0406)
      'alice@c\u043erp.example', // Cyrillic o in the domain
      'alice@corp.example.',
      // Eighth pass (found): each of these approved alice's proposal as a second person.
      'ali\u0307ce@corp.example', // i and a combining dot above
      'al\u0130ce@corp.example', // a capital dotted I, lower-cased to i and the dot
      '\u0251lice@corp.example', // Latin alpha
      'ali\u03f2e@corp.example', // Greek lunate sigma
      'alice@c\u0585rp.example', // Armenian o
      'alice@corp\u3002example', // the ideographic full stop (IDNA reads it as a dot)
      'alice@corp.example\u3002',
    ])
      expect([value, normalisedEmail(value)]).toEqual([value, 'alice@corp.example']);
    // Letters that are other letters stay apart.
    expect(normalisedEmail('alise@corp.example')).not.toBe('alice@corp.example');
    expect(normalisedEmail('ali\u00e7e@corp.example')).not.toBe('alice@corp.example');
    expect(normalisedEmail('al\u0117ce@corp.example')).not.toBe('alice@corp.example'); // a dot above an e shows
    expect(normalisedEmail('\u00e0lice@corp.example')).not.toBe('alice@corp.example');
  });
  test('what is not an address is none', () => {
    for (const value of ['ann', 'ann@', '@corp.example', 'ann@corp', 'a b@corp.example', '', 7, null, undefined])
      expect(normalisedEmail(value)).toBeUndefined();
    expect(normalisedEmail(`${'a'.repeat(250)}@x.io`)).toBeUndefined();
  });
  test('a claim built to be slow is answered at once (found: a run of dots took quadratic time, 0.4 s a request)', () => {
    // A token's email is read on every request; 50,000 dots then a letter took about 8 s before.
    const started = Date.now();
    expect(normalisedEmail(`a@b.c${'.'.repeat(50_000)}x`)).toBeUndefined();
    expect(normalisedEmail(`a@b.c${'.'.repeat(1_000)}x`)).toBeUndefined();
    expect(normalisedEmail(`alice@corp.example${'.'.repeat(900)}`)).toBe('alice@corp.example');
    expect(normalisedEmail(`${'\u200b'.repeat(1_000)}alice@corp.example`)).toBe('alice@corp.example');
    expect(Date.now() - started).toBeLessThan(250);
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
