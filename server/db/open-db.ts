import type { Db } from './db';
import { migrate } from './migrate';
import { openPgDb } from './pg-db';
import { openPgliteDb } from './pglite-db';
import { grantApplication, PGLITE_APP_ROLE, quoteIdent } from './roles';

/** Real PostgreSQL when a connection string is given, embedded PGlite in `dataDir` otherwise. */
export async function openDb(options: { databaseUrl?: string; dataDir?: string; schema?: string }): Promise<Db> {
  if (options.databaseUrl) {
    const db = openPgDb(options.databaseUrl, { schema: options.schema });
    // The schema name was checked by openPgDb; search_path already points at it.
    if (options.schema) await db.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    return db;
  }
  return openPgliteDb(options.dataDir);
}

/**
 * How the audit log is protected from the application's own database role:
 * - `separate-roles`: migrations ran as the owner; the application's role may only INSERT and
 *   SELECT the audit log (and cannot alter, disable or drop anything it does not own);
 * - `single-role`: one role owns and uses the tables (no owner connection configured): the hash
 *   chain still shows tampering, but nothing stops the role from doing it;
 * - `pglite-role`: embedded PGlite runs the application's queries as a restricted role, but anyone
 *   who can read the data folder (and the process itself) is superuser.
 */
export type AuditProtection = 'separate-roles' | 'single-role' | 'pglite-role';

export interface ServerDb {
  db: Db;
  protection: AuditProtection;
}

/**
 * Opens the database the application uses, migrated and with its grants: on PostgreSQL, migrations
 * run over `ownerDatabaseUrl` when given (then closed) and the application connects as the role of
 * `databaseUrl`; on PGlite, migrations run as the superuser and the session then switches to a
 * restricted role.
 */
export async function openServerDb(options: {
  databaseUrl?: string;
  ownerDatabaseUrl?: string;
  dataDir?: string;
  schema?: string;
}): Promise<ServerDb> {
  if (!options.databaseUrl) {
    const db = await openPgliteDb(options.dataDir);
    await migrate(db);
    await db.exec(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PGLITE_APP_ROLE}') THEN
        CREATE ROLE ${PGLITE_APP_ROLE} NOLOGIN;
      END IF; END $$;`);
    await grantApplication(db, PGLITE_APP_ROLE);
    await db.exec(`SET ROLE ${quoteIdent(PGLITE_APP_ROLE)}`);
    return { db, protection: 'pglite-role' };
  }
  if (!options.ownerDatabaseUrl) {
    const db = await openDb(options);
    await migrate(db);
    return { db, protection: 'single-role' };
  }
  const owner = await openDb({ databaseUrl: options.ownerDatabaseUrl, schema: options.schema });
  const db = openPgDb(options.databaseUrl, { schema: options.schema });
  try {
    await migrate(owner);
    const app = (await db.query<{ role: string }>('SELECT current_user AS role')).rows[0].role;
    const ownerRole = (await owner.query<{ role: string }>('SELECT current_user AS role')).rows[0].role;
    if (app === ownerRole) return { db, protection: 'single-role' };
    await grantApplication(owner, app);
  } catch (error) {
    await db.close();
    throw error;
  } finally {
    await owner.close();
  }
  return { db, protection: 'separate-roles' };
}
