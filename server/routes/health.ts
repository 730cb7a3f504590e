import type { FastifyInstance } from 'fastify';
import { schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { ServerErrors } from '../errors';
import { anywhere, apiRoute } from '../http/route';
import type { RouteDeps } from './deps';

/** How long one readiness check of the database answers `/ready` (requests meanwhile share it). */
export const READY_CHECK_MS = 1000;

/** The newest schema version this server migrates to. */
const LATEST_SCHEMA = Math.max(...MIGRATIONS.map((m) => m.version));

/**
 * Liveness (`/health`: the process answers) and readiness (`/ready`: the database answers, migrated).
 * `/ready` takes no token and no rate limit (orchestrators poll it), so it asks the database at most
 * once a second per process, whatever arrives: a flood of it was one database query per request.
 * It says ready or not, and nothing about what runs behind it: the database's kind and schema version
 * are an admin's (`GET /api/status`), not anyone's who can reach the port.
 */
export function healthRoutes(app: FastifyInstance, { db }: RouteDeps, isClosing: () => boolean): void {
  let checked: { at: number; version: Promise<number> } | undefined;
  const currentVersion = (): Promise<number> => {
    const now = Date.now();
    if (!checked || now - checked.at >= READY_CHECK_MS) checked = { at: now, version: schemaVersion(db) };
    return checked.version;
  };
  const status = { type: 'object', required: ['status'], properties: { status: { type: 'string' } } };
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
      if (version < LATEST_SCHEMA) throw ServerErrors.notReady('the database is not migrated yet');
      return { status: 'ready' };
    },
  );
  apiRoute(
    app,
    {
      method: 'GET',
      url: '/api/status',
      tags: ['health'],
      summary: "What runs behind /ready: the database's kind and schema version (admin)",
      access: anywhere('configure'),
      response: {
        200: {
          type: 'object',
          required: ['status', 'database', 'schemaVersion', 'latestSchemaVersion'],
          properties: {
            status: { type: 'string' },
            database: { type: 'string' },
            schemaVersion: { type: 'integer' },
            latestSchemaVersion: { type: 'integer' },
          },
        },
      },
    },
    async () => {
      const version = await schemaVersion(db);
      return {
        status: isClosing() ? 'shutting down' : version < LATEST_SCHEMA ? 'migrating' : 'ready',
        database: db.kind,
        schemaVersion: version,
        latestSchemaVersion: LATEST_SCHEMA,
      };
    },
  );
}
