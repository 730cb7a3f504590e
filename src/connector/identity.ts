import { isRole, rolesOf, type AuthUser } from '../model/roles';

/**
 * The signed-in user from the server's `GET /api/me` answer (the identity the server verified from
 * the token: id, every role, cost centres or "*"), or null when the answer is not one: an older
 * server, a proxy page. Unknown roles are dropped, as the server drops them.
 *
 * @example signedInUser({ id: 'ana', roles: ['approver', 'x'], costCentres: ['CC1'] })
 * // → { id: 'ana', roles: ['approver'], costCentres: ['CC1'] }
 */
export function signedInUser(body: unknown): AuthUser | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const { id, roles, costCentres } = body as Record<string, unknown>;
  if (typeof id !== 'string' || id === '' || !Array.isArray(roles)) return null;
  const known = rolesOf(roles.filter(isRole));
  if (known.length === 0) return null;
  if (costCentres === '*') return { id, roles: known, costCentres: '*' };
  if (!Array.isArray(costCentres) || !costCentres.every((c) => typeof c === 'string')) return null;
  return { id, roles: known, costCentres: [...(costCentres as string[])] };
}

/**
 * The user a bearer token claims to be, read without verifying it (`sub`, else
 * `preferred_username`: the server's rule), or null for a token that is not a JWT. Only for
 * stamping and holding queued writes while the server cannot be asked; what the pane shows and
 * allows comes from `signedInUser`, which the server verified.
 *
 * @example claimedUser('eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbmEifQ.') // → "ana"
 */
export function claimedUser(token: string): string | null {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(decodeBase64Url(parts[1]));
  } catch {
    return null;
  }
  if (typeof payload !== 'object' || payload === null) return null;
  const { sub, preferred_username: username } = payload as Record<string, unknown>;
  const id = typeof sub === 'string' ? sub : username;
  return typeof id === 'string' && id !== '' ? id : null;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url (padding optional) → UTF-8 text. @throws Error on a character outside the alphabet */
function decodeBase64Url(text: string): string {
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of text.replace(/=+$/, '')) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new Error('not base64url');
    buffer = ((buffer << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}
