import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  jwtVerify,
  type JWK,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { ServerErrors } from '../errors';
import { normalisedEmail, rolesOf, type AuthUser } from '../../src/model/roles';

/** One issuer the server trusts: its `iss`, the audience tokens must carry, and its keys. */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<AuthUser>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** How long discovery may take, and how long a failed discovery is remembered before trying again. */
export const DISCOVERY_TIMEOUT_MS = 5_000;
export const DISCOVERY_FAILURE_CACHE_MS = 30_000;

/**
 * Keys of an OIDC issuer: its JWKS URI, given or discovered from the issuer's metadata. Discovery
 * runs once per issuer however many requests arrive together (they share one fetch), gives up after
 * `DISCOVERY_TIMEOUT_MS`, and a failure is remembered for `DISCOVERY_FAILURE_CACHE_MS` so a hanging
 * identity provider costs one outbound request per half minute, not one per token.
 */
export function oidcIssuer(
  issuer: string,
  audience: string,
  jwksUri?: string,
  options: { timeoutMs?: number; failureCacheMs?: number; now?: () => number } = {},
): TrustedIssuer {
  const timeoutMs = options.timeoutMs ?? DISCOVERY_TIMEOUT_MS;
  const failureCacheMs = options.failureCacheMs ?? DISCOVERY_FAILURE_CACHE_MS;
  const now = options.now ?? Date.now;
  let remote: Promise<JWTVerifyGetKey> | undefined;
  let failedAt = -Infinity;
  const load = (): Promise<JWTVerifyGetKey> => {
    if (now() - failedAt < failureCacheMs)
      return Promise.reject(ServerErrors.unauthenticated('the identity provider could not be reached'));
    remote ??= (async () => {
      const uri = jwksUri ?? (await discoverJwksUri(issuer, timeoutMs));
      return createRemoteJWKSet(new URL(uri), { timeoutDuration: timeoutMs });
    })().catch((error: unknown) => {
      failedAt = now();
      remote = undefined;
      throw error;
    });
    return remote;
  };
  const keys: JWTVerifyGetKey = async (header, token) => (await load())(header, token);
  return { issuer, audience, keys };
}

export function localIssuer(issuer: string, audience: string, publicJwks: JWK[]): TrustedIssuer {
  return { issuer, audience, keys: createLocalJWKSet({ keys: publicJwks }) };
}

async function discoverJwksUri(issuer: string, timeoutMs: number): Promise<string> {
  let metadata: { jwks_uri?: unknown };
  try {
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`status ${response.status}`);
    metadata = (await response.json()) as { jwks_uri?: unknown };
  } catch {
    throw ServerErrors.unauthenticated('the identity provider could not be reached');
  }
  if (typeof metadata.jwks_uri !== 'string') throw ServerErrors.unauthenticated('the identity provider has no JWKS');
  return metadata.jwks_uri;
}

/**
 * Verifies `Authorization: Bearer <jwt>` (the scheme in any case) against the trusted issuers
 * (signature, `iss`, `aud`, `exp`, `nbf`; no `none` or HMAC algorithms; when `maxAgeSeconds` is
 * given, `iat` is required and the token may be at most that old whatever its `exp` says) and maps
 * claims to a user: `sub` (or `preferred_username`), every known role in `roles` (or `role`),
 * `cost_centres` (an array, a comma list, or "*"), and `email` unless `email_verified` is false (or "false")
 * (separation of duties counts two accounts with one email as one person). Every failure is a 401.
 */
export function tokenVerifier(
  issuers: readonly TrustedIssuer[],
  options: { maxAgeSeconds?: number } = {},
): TokenVerifier {
  return async (authorization) => {
    const match = /^bearer +([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization ?? '');
    if (!match) throw ServerErrors.unauthenticated('a bearer token is required');
    const token = match[1];
    let claimedIssuer: string | undefined;
    try {
      claimedIssuer = decodeJwt(token).iss;
    } catch {
      throw ServerErrors.unauthenticated('the token is malformed');
    }
    const trusted = issuers.find((candidate) => candidate.issuer === claimedIssuer);
    if (!trusted) throw ServerErrors.unauthenticated('the token comes from an issuer this server does not trust');
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, trusted.keys, {
        issuer: trusted.issuer,
        audience: trusted.audience,
        algorithms: ALGORITHMS,
        requiredClaims: options.maxAgeSeconds ? ['exp', 'iat'] : ['exp'],
        clockTolerance: 30,
        ...(options.maxAgeSeconds ? { maxTokenAge: options.maxAgeSeconds } : {}),
      }));
    } catch (error) {
      if (error instanceof Error && error.name === 'HttpError') throw error;
      const code = (error as { code?: string; claim?: string }).code ?? '';
      const claim = (error as { claim?: string }).claim;
      // jose reports a token past the maximum age as expired, naming the iat claim.
      throw ServerErrors.unauthenticated(
        claim === 'iat' && (code === 'ERR_JWT_EXPIRED' || code === 'ERR_JWT_CLAIM_VALIDATION_FAILED')
          ? 'the token is older than this server accepts (or its iat is missing or in the future)'
          : code === 'ERR_JWT_EXPIRED'
            ? 'the token has expired'
            : 'the token is not valid',
      );
    }
    return userFromClaims(payload);
  };
}

function userFromClaims(payload: JWTPayload): AuthUser {
  const id = typeof payload.sub === 'string' ? payload.sub : payload.preferred_username;
  if (typeof id !== 'string' || id === '') throw ServerErrors.unauthenticated('the token names no user');
  const claimed: unknown[] = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const roles = rolesOf(claimed);
  if (roles.length === 0) throw ServerErrors.unauthenticated('the token carries no OpenFPA role');
  const raw = payload.cost_centres;
  // Strings only: a nested list or an object is no cost centre (String([['*']]) would be "*": all of them).
  const list: unknown[] = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
  const costCentres = list
    .filter((value): value is string => typeof value === 'string')
    .map((value) => value.trim())
    .filter((value) => value !== '');
  // An email the provider says it did not verify may be anyone's: it neither joins nor separates people.
  // Some providers (Amazon Cognito among them) send the claim as text: "false" says the same.
  const verified = payload.email_verified;
  const unverified = verified === false || (typeof verified === 'string' && verified.trim().toLowerCase() === 'false');
  const email = unverified ? undefined : normalisedEmail(payload.email);
  return { id, roles, costCentres: costCentres.includes('*') ? '*' : costCentres, ...(email ? { email } : {}) };
}
