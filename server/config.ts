import { resolve } from 'node:path';

/** Validated, frozen server configuration; defaults are declared once, here. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite's directory when `databaseUrl` is absent. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /** Optional schema for every table (tests isolate themselves with it). */
  readonly dbSchema?: string;
  /** The add-in's origin, the only one CORS allows. */
  readonly corsOrigin: string;
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  readonly bodyLimitBytes: number;
  readonly importBodyLimitBytes: number;
  readonly oidc?: { readonly issuer: string; readonly audience: string; readonly jwksUri?: string };
  /** Accept tokens from the built-in development issuer (on unless an OIDC issuer is configured). */
  readonly devIssuer: boolean;
  readonly logLevel: string;
}

export const DEV_ISSUER = 'urn:openfpa:dev';
export const DEV_AUDIENCE = 'openfpa';

type Env = Record<string, string | undefined>;

/**
 * Builds the configuration from the command line (`--port N`) and the environment (PORT,
 * OPENFPA_DATA_DIR, DATABASE_URL, OPENFPA_CORS_ORIGIN, OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URI,
 * OPENFPA_DEV_ISSUER, OPENFPA_RATE_LIMIT, OPENFPA_LOG_LEVEL, HOST). Throws on a bad value.
 *
 * @example loadConfig(['--port', '9000'], {}).port // → 9000
 */
export function loadConfig(args: readonly string[], env: Env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const portArg = args.indexOf('--port');
  const port = integer(portArg >= 0 ? args[portArg + 1] : env.PORT, 'port', 8787, 0, 65535);
  const oidc = env.OIDC_ISSUER
    ? { issuer: env.OIDC_ISSUER, audience: env.OIDC_AUDIENCE ?? 'api://openfpa', jwksUri: env.OIDC_JWKS_URI }
    : undefined;
  const config: ServerConfig = {
    port,
    host: env.HOST ?? '127.0.0.1',
    dataDir: resolve(env.OPENFPA_DATA_DIR ?? './.openfpa/data'),
    databaseUrl: env.DATABASE_URL || undefined,
    dbSchema: env.OPENFPA_DB_SCHEMA || undefined,
    corsOrigin: env.OPENFPA_CORS_ORIGIN ?? 'https://localhost:3000',
    rateLimitMax: integer(env.OPENFPA_RATE_LIMIT, 'OPENFPA_RATE_LIMIT', 600, 1, 10_000_000),
    rateLimitWindowMs: 60_000,
    bodyLimitBytes: 1024 * 1024,
    importBodyLimitBytes: 16 * 1024 * 1024,
    oidc,
    devIssuer: env.OPENFPA_DEV_ISSUER ? env.OPENFPA_DEV_ISSUER === '1' : !oidc,
    logLevel: env.OPENFPA_LOG_LEVEL ?? 'info',
    ...overrides,
  };
  return Object.freeze(config);
}

function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}
