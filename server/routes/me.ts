import type { FastifyInstance } from 'fastify';
import { ROLES } from '../../src/model/roles';
import { userOf } from '../auth/policy';
import { anywhere, apiRoute } from '../http/route';

const signedIn = {
  type: 'object',
  required: ['id', 'roles', 'costCentres'],
  properties: {
    id: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: ROLES } },
    costCentres: {
      anyOf: [
        { type: 'array', items: { type: 'string' } },
        { type: 'string', enum: ['*'] },
      ],
    },
  },
} as const;

/**
 * Who the bearer token says the caller is, as this server verified it (src/model/roles.ts
 * `AuthUser`): the add-in shows this identity and offers only what these roles allow. Any valid
 * token may ask; nothing else is read.
 */
export function meRoutes(app: FastifyInstance): void {
  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/me',
      tags: ['identity'],
      summary: 'The signed-in user: id, roles and cost centres from the verified token',
      access: anywhere('read'),
      response: { 200: signedIn },
    },
    async (request) => {
      const user = userOf(request);
      return { id: user.id, roles: user.roles, costCentres: user.costCentres };
    },
  );
}
