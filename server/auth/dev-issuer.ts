import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type KeyLike } from 'jose';
import { DEV_AUDIENCE, DEV_ISSUER } from '../config';
import type { Role } from '../../src/model/roles';

/**
 * The built-in development issuer: an ES256 key pair kept in the data directory, so tokens minted
 * by `npm run server -- --dev-token …` verify in a server started later from the same directory.
 */
export interface DevIssuer {
  readonly issuer: string;
  readonly publicJwk: JWK;
  sign(claims: DevClaims, ttlSeconds?: number): Promise<string>;
}

export interface DevClaims {
  user: string;
  /** One role, or several (the token's `roles` lists them all). */
  role?: Role;
  roles?: readonly Role[];
  costCentres: readonly string[] | '*';
  /** The `email` claim (and `email_verified` when given), as an identity provider would send them. */
  email?: string;
  emailVerified?: boolean;
}

const KID = 'openfpa-dev-1';

export async function loadDevIssuer(dataDir: string): Promise<DevIssuer> {
  const file = join(dataDir, 'dev-issuer.jwk.json');
  let privateJwk: JWK;
  if (existsSync(file)) {
    privateJwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('ES256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: KID, alg: 'ES256' };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(privateJwk), { mode: 0o600 });
  }
  return devIssuerFromJwk(privateJwk);
}

/** A dev issuer over a given private JWK (tests build throwaway ones). */
export async function devIssuerFromJwk(privateJwk: JWK, issuer = DEV_ISSUER): Promise<DevIssuer> {
  const key = (await importJWK(privateJwk, 'ES256')) as KeyLike;
  const { d: _private, ...publicJwk } = privateJwk;
  void _private;
  return {
    issuer,
    publicJwk,
    sign: (claims, ttlSeconds = 12 * 3600) =>
      new SignJWT({
        roles: claims.roles ? [...claims.roles] : claims.role ? [claims.role] : [],
        cost_centres: claims.costCentres === '*' ? '*' : [...claims.costCentres],
        ...(claims.email === undefined ? {} : { email: claims.email }),
        ...(claims.emailVerified === undefined ? {} : { email_verified: claims.emailVerified }),
      })
        .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid ?? KID })
        .setIssuer(issuer)
        .setAudience(DEV_AUDIENCE)
        .setSubject(claims.user)
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key),
  };
}

/** A fresh in-memory dev issuer (tests). */
export async function ephemeralDevIssuer(issuer = DEV_ISSUER): Promise<DevIssuer> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return devIssuerFromJwk({ ...(await exportJWK(privateKey)), kid: KID, alg: 'ES256' }, issuer);
}
