/**
 * "Who am I" for the review workflow in single-user mode: a local name, single-user role and owned
 * cost centres, kept in the store's reviews store under one record. The connector's token carries
 * the team identity; the pane does not take it from there yet (issue 15).
 */
import type { Actor } from '../../src/model/proposal-machine';
import { isSingleUserRole } from '../../src/model/roles';
import type { Repository } from '../../src/store/repository';

export const IDENTITY_ID = 'identity:me';

export interface Identity extends Actor {
  costCentres: string[];
}

export const DEFAULT_IDENTITY: Identity = { name: 'me', role: 'analyst', costCentres: [] };

export async function loadIdentity(repository: Repository): Promise<Identity> {
  const found = await repository.get('reviews', IDENTITY_ID);
  if (!found) return DEFAULT_IDENTITY;
  const role = isSingleUserRole(found.role) ? found.role : 'analyst';
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
