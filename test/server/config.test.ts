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
});
