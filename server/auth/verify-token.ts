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
import { isRole, ROLES, type AuthUser } from '../../src/model/roles';

/** One issuer the server trusts: its `iss`, the audience tokens must carry, and its keys. */
export interface TrustedIssuer {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export type TokenVerifier = (authorization: string | undefined) => Promise<AuthUser>;

const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Keys of an OIDC issuer: its JWKS URI, given or discovered from the issuer's metadata. */
export function oidcIssuer(issuer: string, audience: string, jwksUri?: string): TrustedIssuer {
  let remote: JWTVerifyGetKey | undefined;
  const keys: JWTVerifyGetKey = async (header, token) => {
    if (!remote) {
      const uri = jwksUri ?? (await discoverJwksUri(issuer));
      remote = createRemoteJWKSet(new URL(uri));
    }
    return remote(header, token);
  };
  return { issuer, audience, keys };
}

export function localIssuer(issuer: string, audience: string, publicJwks: JWK[]): TrustedIssuer {
  return { issuer, audience, keys: createLocalJWKSet({ keys: publicJwks }) };
}

async function discoverJwksUri(issuer: string): Promise<string> {
  const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw ServerErrors.unauthenticated('the identity provider could not be reached');
  const metadata = (await response.json()) as { jwks_uri?: unknown };
  if (typeof metadata.jwks_uri !== 'string') throw ServerErrors.unauthenticated('the identity provider has no JWKS');
  return metadata.jwks_uri;
}

/**
 * Verifies `Authorization: Bearer <jwt>` against the trusted issuers (signature, `iss`, `aud`,
 * `exp`, `nbf`; no `none` or HMAC algorithms) and maps claims to a user: `sub` (or
 * `preferred_username`), the most privileged known role in `roles` (or `role`), and `cost_centres`
 * (an array, a comma list, or "*"). Every failure is a 401.
 */
export function tokenVerifier(issuers: readonly TrustedIssuer[]): TokenVerifier {
  return async (authorization) => {
    const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(authorization ?? '');
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
        requiredClaims: ['exp'],
        clockTolerance: 30,
      }));
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      throw ServerErrors.unauthenticated(
        code === 'ERR_JWT_EXPIRED' ? 'the token has expired' : 'the token is not valid',
      );
    }
    return userFromClaims(payload);
  };
}

function userFromClaims(payload: JWTPayload): AuthUser {
  const id = typeof payload.sub === 'string' ? payload.sub : payload.preferred_username;
  if (typeof id !== 'string' || id === '') throw ServerErrors.unauthenticated('the token names no user');
  const claimed = Array.isArray(payload.roles) ? payload.roles : [payload.role];
  const role = ROLES.find((candidate) => claimed.includes(candidate));
  if (!isRole(role)) throw ServerErrors.unauthenticated('the token carries no OpenFPA role');
  const raw = payload.cost_centres;
  const list = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [];
  const costCentres = list.map((value) => String(value).trim()).filter((value) => value !== '');
  return { id, role, costCentres: costCentres.includes('*') ? '*' : costCentres };
}
