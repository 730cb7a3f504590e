import type { FastifyInstance } from 'fastify';
import { schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { ServerErrors } from '../errors';
import type { RouteDeps } from './deps';

/** Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers, migrated). */
export function healthRoutes(app: FastifyInstance, { db }: RouteDeps, isClosing: () => boolean): void {
  const status = {
    type: 'object',
    properties: { status: { type: 'string' }, database: { type: 'string' }, schemaVersion: { type: 'integer' } },
  };
  app.get(
    '/health',
    { schema: { tags: ['health'], response: { 200: status } }, config: { rateLimit: false } },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/ready',
    { schema: { tags: ['health'], response: { 200: status } }, config: { rateLimit: false } },
    async () => {
      if (isClosing()) throw ServerErrors.notReady('shutting down');
      let version: number;
      try {
        version = await schemaVersion(db);
      } catch {
        throw ServerErrors.notReady('the database does not answer');
      }
      const latest = Math.max(...MIGRATIONS.map((m) => m.version));
      if (version < latest) throw ServerErrors.notReady(`schema at ${version}, expected ${latest}`);
      return { status: 'ready', database: db.kind, schemaVersion: version };
    },
  );
}
