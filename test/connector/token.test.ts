import { ssoOrPastedToken } from '../../src/connector/token';

describe('ssoOrPastedToken', () => {
  test('uses Office SSO when it works', async () => {
    expect(await ssoOrPastedToken(async () => 'sso-token', 'pasted')()).toBe('sso-token');
  });
  test('falls back to the pasted development token when SSO fails or is absent', async () => {
    expect(await ssoOrPastedToken(() => Promise.reject(new Error('13001 not signed in')), ' pasted \n')()).toBe(
      'pasted',
    );
    expect(await ssoOrPastedToken(undefined, 'pasted')()).toBe('pasted');
  });
  test('without a pasted token, the SSO failure is reported', async () => {
    await expect(ssoOrPastedToken(() => Promise.reject(new Error('13003 unsupported')), undefined)()).rejects.toThrow(
      '13003',
    );
    expect(await ssoOrPastedToken(undefined, undefined)()).toBe('');
  });
});
