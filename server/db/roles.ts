import type { Db } from './db';

/** The restricted role embedded PGlite switches to after migrating. */
export const PGLITE_APP_ROLE = 'openfpa_app';

/** Tables the application reads and changes. */
const MUTABLE = [
  'models',
  'scenarios',
  'actual_batches',
  'actuals',
  'review_decisions',
  'proposals',
  'proposal_steps',
  'approval_chains',
  'webhooks',
  'outbox_events',
  'webhook_deliveries',
  'flags',
  'flag_windows',
  'kpis',
  'adjustments',
  'person_aliases',
  'account_aliases',
];
/** Tables the application may only add to and read: the audit log and the immutable versions. */
const APPEND_ONLY = ['audit_log', 'budget_versions', 'version_lines'];
/** Tables the application only reads. */
const READ_ONLY = ['schema_migrations', 'audit_head', 'server_secrets'];

/**
 * Grants the application's role exactly what it needs in the current schema, run as the owner after
 * every migration (idempotent): no ownership, so it cannot ALTER, DISABLE TRIGGER or DROP anything;
 * INSERT and SELECT only on the audit log and the versions; DELETE only on expired idempotency keys.
 */
export async function grantApplication(owner: Db, appRole: string): Promise<void> {
  const role = quoteIdent(appRole);
  const schema = (await owner.query<{ s: string }>('SELECT current_schema() AS s')).rows[0].s;
  await owner.exec(`
    GRANT USAGE ON SCHEMA ${quoteIdent(schema)} TO ${role};
    REVOKE ALL ON ALL TABLES IN SCHEMA ${quoteIdent(schema)} FROM ${role};
    GRANT SELECT, INSERT, UPDATE ON ${MUTABLE.join(', ')} TO ${role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO ${role};
    GRANT SELECT, INSERT ON ${APPEND_ONLY.join(', ')} TO ${role};
    GRANT SELECT ON ${READ_ONLY.join(', ')} TO ${role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${quoteIdent(schema)} TO ${role};
  `);
}

/** A role or schema name as a quoted SQL identifier. */
export function quoteIdent(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(name)) throw new Error(`invalid SQL identifier ${name}`);
  return `"${name}"`;
}
