import { AUDIT_ENTITIES, auditAction } from '../../src/model/audit';

describe('audit entries', () => {
  test('an action is "<entity>.<verb>"', () => {
    expect(auditAction('proposal', 'approve')).toBe('proposal.approve');
  });
  test("every entity fits the audit filter's pattern", () => {
    for (const entity of AUDIT_ENTITIES) expect(entity).toMatch(/^[a-z_]{1,32}$/);
  });
});
