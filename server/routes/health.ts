import type { FastifyInstance } from 'fastify';
import { schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { ServerErrors } from '../errors';
import type { RouteDeps } from './deps';

/** How long one readiness check of the database answers `/ready` (requests meanwhile share it). */
export const READY_CHECK_MS = 1000;

/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers, migrated).
 * `/ready` takes no token and no rate limit (orchestrators poll it), so it asks the database at most
 * once a second per process, whatever arrives: a flood of it was one database query per request.
 */
export function healthRoutes(app: FastifyInstance, { db }: RouteDeps, isClosing: () => boolean): void {
  let checked: { at: number; version: Promise<number> } | undefined;
  const currentVersion = (): Promise<number> => {
    const now = Date.now();
    if (!checked || now - checked.at >= READY_CHECK_MS) checked = { at: now, version: schemaVersion(db) };
    return checked.version;
  };
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
        version = await currentVersion();
      } catch {
        throw ServerErrors.notReady('the database does not answer');
      }
      const latest = Math.max(...MIGRATIONS.map((m) => m.version));
      if (version < latest) throw ServerErrors.notReady(`schema at ${version}, expected ${latest}`);
      return { status: 'ready', database: db.kind, schemaVersion: version };
    },
  );
}
