import { join } from 'node:path';
import { DEV_AUDIENCE, DEV_ISSUER, loadConfig, type ServerConfig } from './config';
import { buildApp } from './app';
import { loadDevIssuer } from './auth/dev-issuer';
import { isRole, ROLES } from '../src/model/roles';
import { localIssuer, oidcIssuer, type TrustedIssuer } from './auth/verify-token';
import { lockDataDir, type DataLock } from './db/data-lock';
import { openServerDb } from './db/open-db';
import { startBackground } from './notify/background';

/**
 * `npm run server` — start the OpenFPA server (embedded PGlite unless DATABASE_URL is set).
 * `npm run server -- --dev-token <user> <role> <cost centres|*>` — print a development token.
 */
async function main(args: string[]): Promise<number> {
  const config = loadConfig(args, process.env);
  const tokenAt = args.indexOf('--dev-token');
  if (tokenAt >= 0) return printDevToken(config, args.slice(tokenAt + 1));

  // One embedded server per data folder: a second one would overwrite the first one's writes.
  const lock: DataLock | undefined = config.databaseUrl ? undefined : lockDataDir(config.dataDir);
  const { db, protection } = await openServerDb({
    databaseUrl: config.databaseUrl,
    ownerDatabaseUrl: config.ownerDatabaseUrl,
    dataDir: join(config.dataDir, 'pgdata'),
    schema: config.dbSchema,
  });
  const issuers: TrustedIssuer[] = [];
  if (config.oidc) issuers.push(oidcIssuer(config.oidc.issuer, config.oidc.audience, config.oidc.jwksUri));
  if (config.devIssuer) {
    const dev = await loadDevIssuer(config.dataDir);
    issuers.push(localIssuer(dev.issuer, DEV_AUDIENCE, [dev.publicJwk]));
  }
  const { app, beginShutdown } = await buildApp(config, db, { issuers, protection });
  if (config.devIssuer)
    app.log.warn(
      { issuer: DEV_ISSUER, oidc: Boolean(config.oidc) },
      'the development issuer is ON: anyone who can read the data folder can sign tokens as anyone (set OIDC_ISSUER for real sign-in)',
    );
  if (protection === 'single-role')
    app.log.warn(
      'the application connects as the role that owns the tables: the audit chain shows tampering but does not prevent it (set OPENFPA_OWNER_DATABASE_URL)',
    );
  const background = startBackground(db, config, app.log);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    beginShutdown();
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    await background.stop();
    await db.close();
    lock?.release();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  app.log.info(
    { database: db.kind, dataDir: config.databaseUrl ? undefined : config.dataDir, auditProtection: protection },
    'OpenFPA server ready',
  );
  return -1; // keep running
}

async function printDevToken(config: ServerConfig, rest: string[]): Promise<number> {
  const [user, role, centres] = rest;
  const roles = (role ?? '').split('+');
  if (!user || !roles.every(isRole) || !centres) {
    process.stderr.write(`usage: npm run server -- --dev-token <user> <${ROLES.join('|')}>[+role…] <CC1,CC2|*>\n`);
    return 2;
  }
  const dev = await loadDevIssuer(config.dataDir);
  const costCentres = centres === '*' ? '*' : centres.split(',').filter((c) => c !== '');
  process.stdout.write(`${await dev.sign({ user, roles, costCentres })}\n`);
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
