import { join } from 'node:path';
import { DEV_AUDIENCE, loadConfig, type ServerConfig } from './config';
import { buildApp } from './app';
import { loadDevIssuer } from './auth/dev-issuer';
import { isRole } from '../src/model/roles';
import { localIssuer, oidcIssuer, type TrustedIssuer } from './auth/verify-token';
import { migrate } from './db/migrate';
import { openDb } from './db/open-db';

/**
 * `npm run server` — start the OpenFPA server (embedded PGlite unless DATABASE_URL is set).
 * `npm run server -- --dev-token <user> <role> <cost centres|*>` — print a development token.
 */
async function main(args: string[]): Promise<number> {
  const config = loadConfig(args, process.env);
  const tokenAt = args.indexOf('--dev-token');
  if (tokenAt >= 0) return printDevToken(config, args.slice(tokenAt + 1));

  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: join(config.dataDir, 'pgdata'),
    schema: config.dbSchema,
  });
  await migrate(db);
  const issuers: TrustedIssuer[] = [];
  if (config.oidc) issuers.push(oidcIssuer(config.oidc.issuer, config.oidc.audience, config.oidc.jwksUri));
  if (config.devIssuer) {
    const dev = await loadDevIssuer(config.dataDir);
    issuers.push(localIssuer(dev.issuer, DEV_AUDIENCE, [dev.publicJwk]));
  }
  const { app, beginShutdown } = await buildApp(config, db, { issuers });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    beginShutdown();
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: db.kind, dataDir: config.databaseUrl ? undefined : config.dataDir }, 'OpenFPA server ready');
  return -1; // keep running
}

async function printDevToken(config: ServerConfig, rest: string[]): Promise<number> {
  const [user, role, centres] = rest;
  if (!user || !isRole(role) || !centres) {
    process.stderr.write(
      'usage: npm run server -- --dev-token <user> <admin|approver|budget_owner|analyst|viewer> <CC1,CC2|*>\n',
    );
    return 2;
  }
  const dev = await loadDevIssuer(config.dataDir);
  const costCentres = centres === '*' ? '*' : centres.split(',').filter((c) => c !== '');
  process.stdout.write(`${await dev.sign({ user, role, costCentres })}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error: unknown) => {
    process.stderr.write(`openfpa server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
