import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Validated, frozen server configuration; defaults are declared once, here. */
export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** PGlite's directory when `databaseUrl` is absent. */
  readonly dataDir: string;
  readonly databaseUrl?: string;
  /**
   * The owner role's connection: migrations run over it and grant the application's role (that of
   * `databaseUrl`) only what it needs — INSERT and SELECT on the audit log. Unset: one role does both.
   */
  readonly ownerDatabaseUrl?: string;
  /** Optional schema for every table (tests isolate themselves with it). */
  readonly dbSchema?: string;
  /** The add-in's origin, the only one CORS allows. */
  readonly corsOrigin: string;
  readonly rateLimitMax: number;
  readonly rateLimitWindowMs: number;
  /**
   * The reverse proxies in front of the server (addresses or CIDR ranges): a request that comes
   * through one is the client's named in its `X-Forwarded-For` (the nearest address no listed proxy
   * holds), for the rate limit and the logs. Empty: proxy headers are not read, and every request
   * counts as its connection's address, so behind a proxy the whole team shares one rate limit.
   */
  readonly trustedProxies: readonly string[];
  readonly bodyLimitBytes: number;
  readonly importBodyLimitBytes: number;
  readonly oidc?: { readonly issuer: string; readonly audience: string; readonly jwksUri?: string };
  /**
   * Accept tokens from the built-in development issuer: on by default only without OIDC, outside
   * production and on a loopback address; asking for it in production or on another address needs
   * `OPENFPA_INSECURE_DEV_ISSUER=1` as well.
   */
  readonly devIssuer: boolean;
  /** Oldest token accepted, by its `iat` (seconds). */
  readonly tokenMaxAgeSeconds: number;
  /** Time to receive a whole request, and to keep an idle connection (ms). */
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  /** Idempotency keys older than this are purged (hours). */
  readonly idempotencyTtlHours: number;
  /** Background work (webhook deliveries, reminders, deadlines, purges): poll interval (ms). */
  readonly notifyPollMs: number;
  /** One webhook delivery attempt's timeout, and the backoff's first and longest delay (ms). */
  readonly webhookTimeoutMs: number;
  readonly webhookRetryBaseMs: number;
  readonly webhookRetryMaxMs: number;
  /** Attempts before a delivery is given up (marked dead). */
  readonly webhookMaxAttempts: number;
  /**
   * Webhooks may go to loopback and private addresses (a receiver on the company network);
   * link-local (cloud metadata), unspecified and multicast addresses are refused whatever this says.
   */
  readonly webhookAllowPrivate: boolean;
  /**
   * `flag.raised` announcements per cost centre and reporter: at most `flagAnnouncedPerWindow` in a
   * window of `flagWindowMs` (and a flag more severe than all announced before, a few times), what a
   * window holds beyond that announced once when it closes (notify/flag-window.ts).
   */
  readonly flagWindowMs: number;
  readonly flagAnnouncedPerWindow: number;
  /** Imports waiting for the one import slot beyond this are refused with 429. */
  readonly importQueueMax: number;
  readonly logLevel: string;
}

export const DEV_ISSUER = 'urn:openfpa:dev';
export const DEV_AUDIENCE = 'openfpa';

type Env = Record<string, string | undefined>;

/**
 * Builds the configuration from the command line (`--port N`) and the environment (PORT,
 * OPENFPA_DATA_DIR, DATABASE_URL, OPENFPA_CORS_ORIGIN, OIDC_ISSUER, OIDC_AUDIENCE, OIDC_JWKS_URI,
 * OPENFPA_DEV_ISSUER, OPENFPA_RATE_LIMIT, OPENFPA_TRUSTED_PROXIES, OPENFPA_LOG_LEVEL, HOST). Throws on a bad
 * value.
 *
 * @example loadConfig(['--port', '9000'], {}).port // → 9000
 */
export function loadConfig(args: readonly string[], env: Env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const portArg = args.indexOf('--port');
  const port = integer(portArg >= 0 ? args[portArg + 1] : env.PORT, 'port', 8787, 0, 65535);
  const oidc = env.OIDC_ISSUER
    ? { issuer: env.OIDC_ISSUER, audience: env.OIDC_AUDIENCE ?? 'api://openfpa', jwksUri: env.OIDC_JWKS_URI }
    : undefined;
  const host = env.HOST ?? '127.0.0.1';
  const config: ServerConfig = {
    port,
    host,
    dataDir: resolve(env.OPENFPA_DATA_DIR ?? './.openfpa/data'),
    databaseUrl: env.DATABASE_URL || undefined,
    ownerDatabaseUrl: env.OPENFPA_OWNER_DATABASE_URL || undefined,
    dbSchema: env.OPENFPA_DB_SCHEMA || undefined,
    corsOrigin: env.OPENFPA_CORS_ORIGIN ?? 'https://localhost:3000',
    rateLimitMax: integer(env.OPENFPA_RATE_LIMIT, 'OPENFPA_RATE_LIMIT', 600, 1, 10_000_000),
    rateLimitWindowMs: 60_000,
    trustedProxies: proxies(env.OPENFPA_TRUSTED_PROXIES),
    bodyLimitBytes: 1024 * 1024,
    importBodyLimitBytes: 16 * 1024 * 1024,
    oidc,
    devIssuer: devIssuerWanted(env, host, Boolean(oidc)),
    tokenMaxAgeSeconds: integer(
      env.OPENFPA_TOKEN_MAX_AGE_SECONDS,
      'OPENFPA_TOKEN_MAX_AGE_SECONDS',
      86_400,
      60,
      31 * 86_400,
    ),
    requestTimeoutMs: integer(env.OPENFPA_REQUEST_TIMEOUT_MS, 'OPENFPA_REQUEST_TIMEOUT_MS', 60_000, 1_000, 3_600_000),
    keepAliveTimeoutMs: 5_000,
    idempotencyTtlHours: integer(env.OPENFPA_IDEMPOTENCY_TTL_HOURS, 'OPENFPA_IDEMPOTENCY_TTL_HOURS', 168, 1, 24 * 365),
    notifyPollMs: integer(env.OPENFPA_NOTIFY_POLL_MS, 'OPENFPA_NOTIFY_POLL_MS', 1_000, 10, 3_600_000),
    webhookTimeoutMs: integer(env.OPENFPA_WEBHOOK_TIMEOUT_MS, 'OPENFPA_WEBHOOK_TIMEOUT_MS', 10_000, 100, 600_000),
    webhookRetryBaseMs: integer(
      env.OPENFPA_WEBHOOK_RETRY_BASE_MS,
      'OPENFPA_WEBHOOK_RETRY_BASE_MS',
      5_000,
      10,
      3_600_000,
    ),
    webhookRetryMaxMs: 30 * 60_000,
    webhookMaxAttempts: 20,
    webhookAllowPrivate: env.OPENFPA_WEBHOOK_ALLOW_PRIVATE === '1',
    flagWindowMs: 60_000 * integer(env.OPENFPA_FLAG_WINDOW_MINUTES, 'OPENFPA_FLAG_WINDOW_MINUTES', 60, 1, 7 * 24 * 60),
    flagAnnouncedPerWindow: integer(
      env.OPENFPA_FLAG_ANNOUNCEMENTS_PER_WINDOW,
      'OPENFPA_FLAG_ANNOUNCEMENTS_PER_WINDOW',
      10,
      1,
      1_000,
    ),
    importQueueMax: 4,
    logLevel: env.OPENFPA_LOG_LEVEL ?? 'info',
    ...overrides,
  };
  return Object.freeze(config);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Whether the development issuer is on. Asked for (`OPENFPA_DEV_ISSUER=1`) or by default (no OIDC,
 * not production, loopback host); refused with an error when asked for in production or on a
 * non-loopback address unless `OPENFPA_INSECURE_DEV_ISSUER=1` says the operator knows.
 */
function devIssuerWanted(env: Env, host: string, hasOidc: boolean): boolean {
  const exposed = env.NODE_ENV === 'production' || !LOOPBACK.has(host);
  if (env.OPENFPA_DEV_ISSUER === '0') return false;
  if (env.OPENFPA_DEV_ISSUER !== '1') return !hasOidc && !exposed;
  if (exposed && env.OPENFPA_INSECURE_DEV_ISSUER !== '1') {
    throw new Error(
      `OPENFPA_DEV_ISSUER=1 is refused ${env.NODE_ENV === 'production' ? 'with NODE_ENV=production' : `on host ${host}`}: ` +
        'anyone holding the data folder can sign in as anyone. Set OIDC_ISSUER, or OPENFPA_INSECURE_DEV_ISSUER=1 if you mean it',
    );
  }
  return true;
}

/**
 * `OPENFPA_TRUSTED_PROXIES`: a comma list of addresses or CIDR ranges (`10.0.0.5`, `10.0.0.0/24`,
 * `fd00::/8`). Nothing else: trusting every hop (`*`, `true`) would let any client name its address.
 */
function proxies(raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, prefix, ...rest] = entry.split('/');
    const family = isIP(address);
    const bits = family === 4 ? 32 : 128;
    const prefixOk = prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits);
    if (family === 0 || !prefixOk || rest.length > 0)
      throw new Error(
        `OPENFPA_TRUSTED_PROXIES lists the proxies' addresses or CIDR ranges (e.g. 10.0.0.5,10.0.1.0/24); got "${entry}"`,
      );
  }
  return entries;
}

function integer(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return value;
}
