import { loadConfig } from '../../server/config';

describe('loadConfig', () => {
  test('defaults, --port over PORT, frozen', () => {
    const config = loadConfig([], {});
    expect(config).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      corsOrigin: 'https://localhost:3000',
      devIssuer: true,
      databaseUrl: undefined,
    });
    expect(config.dataDir.endsWith('.openfpa/data')).toBe(true);
    expect(loadConfig(['--port', '9001'], { PORT: '9000' }).port).toBe(9001);
    expect(loadConfig([], { PORT: '9000' }).port).toBe(9000);
    expect(Object.isFrozen(config)).toBe(true);
  });
  test('an OIDC issuer turns the development issuer off unless asked', () => {
    expect(loadConfig([], { OIDC_ISSUER: 'https://login.example/v2.0' })).toMatchObject({
      devIssuer: false,
      oidc: { audience: 'api://openfpa' },
    });
    expect(loadConfig([], { OIDC_ISSUER: 'https://login.example/v2.0', OPENFPA_DEV_ISSUER: '1' }).devIssuer).toBe(true);
  });
  test('bad numbers are refused', () => {
    expect(() => loadConfig(['--port', 'http'], {})).toThrow('port must be a whole number');
    expect(() => loadConfig([], { PORT: '70000' })).toThrow();
    expect(() => loadConfig([], { OPENFPA_RATE_LIMIT: '0' })).toThrow();
  });
  test('the development issuer: off in production or on a non-loopback host, refused there unless insecure is said', () => {
    expect(loadConfig([], { NODE_ENV: 'production' }).devIssuer).toBe(false);
    expect(loadConfig([], { HOST: '0.0.0.0' }).devIssuer).toBe(false);
    expect(loadConfig([], { HOST: '::1' }).devIssuer).toBe(true);
    expect(() => loadConfig([], { NODE_ENV: 'production', OPENFPA_DEV_ISSUER: '1' })).toThrow(
      /OPENFPA_DEV_ISSUER=1 is refused with NODE_ENV=production/,
    );
    expect(() => loadConfig([], { HOST: '10.0.0.5', OPENFPA_DEV_ISSUER: '1' })).toThrow(/on host 10\.0\.0\.5/);
    expect(
      loadConfig([], { NODE_ENV: 'production', OPENFPA_DEV_ISSUER: '1', OPENFPA_INSECURE_DEV_ISSUER: '1' }).devIssuer,
    ).toBe(true);
    expect(loadConfig([], { OPENFPA_DEV_ISSUER: '0' }).devIssuer).toBe(false);
  });
  test('token age, request timeout, idempotency and webhook settings', () => {
    expect(loadConfig([], {})).toMatchObject({
      tokenMaxAgeSeconds: 86_400,
      requestTimeoutMs: 60_000,
      idempotencyTtlHours: 168,
      webhookTimeoutMs: 10_000,
    });
    expect(loadConfig([], { OPENFPA_TOKEN_MAX_AGE_SECONDS: '3600' }).tokenMaxAgeSeconds).toBe(3600);
    expect(() => loadConfig([], { OPENFPA_TOKEN_MAX_AGE_SECONDS: '5' })).toThrow();
    expect(loadConfig([], { OPENFPA_WEBHOOK_TIMEOUT_MS: '2500' }).webhookTimeoutMs).toBe(2500);
  });
});
