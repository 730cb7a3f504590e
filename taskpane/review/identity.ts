/**
 * "Who am I" for the review workflow: a local name, role and owned cost centres, kept in the store's
 * reviews store under one record (roles are local until the backend issue).
 */
import type { Actor, Role } from '../../src/allocation/proposal-machine';
import type { Repository } from '../../src/store/repository';

export const IDENTITY_ID = 'identity:me';

export interface Identity extends Actor {
  costCentres: string[];
}

export const DEFAULT_IDENTITY: Identity = { name: 'me', role: 'analyst', costCentres: [] };

export async function loadIdentity(repository: Repository): Promise<Identity> {
  const found = await repository.get('reviews', IDENTITY_ID);
  if (!found) return DEFAULT_IDENTITY;
  const role = (['analyst', 'owner', 'admin'] as Role[]).includes(found.role as Role)
    ? (found.role as Role)
    : 'analyst';
  const costCentres = Array.isArray(found.costCentres) ? found.costCentres.map(String) : [];
  return { name: typeof found.name === 'string' && found.name ? found.name : 'me', role, costCentres };
}

export async function saveIdentity(repository: Repository, identity: Identity): Promise<void> {
  await repository.put('reviews', { id: IDENTITY_ID, kind: 'identity', ...identity });
}

/** "CC1, CC2" → ["CC1", "CC2"]. */
export function parseCostCentres(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
