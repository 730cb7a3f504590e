import {
  accountAliases,
  archivedKpisForgottenMoves,
  auditChain,
  auditProposalCostCentres,
  batchesByCostCentre,
  budgetOfRecord,
  decisionsByEmail,
  decisionsLockPeople,
  flagWindowShares,
  historyKept,
  idempotencyFingerprint,
  kpisAndAdjustments,
  notifications,
  peopleOfByIndex,
  personAliases,
  reversals,
  reviewSeverity,
  serverSecrets,
  splitMovesAndFlagWindows,
  teamProposals,
} from './migrations-team';

/**
 * Versioned SQL migrations, applied in order at start (see `migrate`). A released step is never
 * edited: a change adds a new step with the next version number.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const init = `
CREATE TABLE models (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cost_centre text NOT NULL,
  name text NOT NULL,
  drivers jsonb NOT NULL,
  expression text NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX models_cost_centre ON models (cost_centre);

CREATE TABLE scenarios (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  model_id uuid NOT NULL REFERENCES models (id) ON DELETE CASCADE,
  name text NOT NULL,
  overrides jsonb NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (model_id, name)
);

CREATE TABLE budget_versions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cost_centre text NOT NULL,
  fiscal_year integer NOT NULL,
  kind text NOT NULL CHECK (kind IN ('budget', 'forecast', 'scenario')),
  name text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (cost_centre, fiscal_year, kind, name)
);

CREATE TABLE version_lines (
  version_id uuid NOT NULL REFERENCES budget_versions (id) ON DELETE CASCADE,
  account text NOT NULL,
  period text NOT NULL,
  amount numeric(20, 4) NOT NULL,
  PRIMARY KEY (version_id, account, period)
);

CREATE TABLE actual_batches (
  batch_id text PRIMARY KEY,
  cost_centre text NOT NULL,
  content_hash text NOT NULL,
  row_count integer NOT NULL,
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE actuals (
  batch_id text NOT NULL REFERENCES actual_batches (batch_id),
  line_no integer NOT NULL,
  cost_centre text NOT NULL,
  account text NOT NULL,
  period text NOT NULL,
  amount numeric(20, 4) NOT NULL,
  currency text,
  PRIMARY KEY (batch_id, line_no)
);
CREATE INDEX actuals_cost_centre_period ON actuals (cost_centre, period);

CREATE TABLE review_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cost_centre text NOT NULL,
  flag_id text NOT NULL,
  decision text NOT NULL CHECK (decision IN ('accepted', 'dismissed', 'escalated')),
  comment text NOT NULL DEFAULT '',
  decided_by text NOT NULL,
  decided_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_decisions_cost_centre ON review_decisions (cost_centre, decided_at);

CREATE TABLE proposals (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cost_centre text NOT NULL,
  to_cost_centre text NOT NULL,
  account text NOT NULL,
  amount numeric(20, 4) NOT NULL CHECK (amount > 0),
  reason text NOT NULL DEFAULT '',
  state text NOT NULL DEFAULT 'draft'
    CHECK (state IN ('draft', 'submitted', 'approved', 'rejected', 'applied', 'reverted')),
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX proposals_cost_centre ON proposals (cost_centre, state);

CREATE TABLE idempotency_keys (
  actor text NOT NULL,
  key text NOT NULL,
  status integer NOT NULL,
  body jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (actor, key)
);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  actor text NOT NULL,
  role text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text NOT NULL,
  cost_centre text,
  before jsonb,
  after jsonb,
  request_id text
);
CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);
CREATE INDEX audit_log_cost_centre ON audit_log (cost_centre, at);

-- Append-only, enforced by the database: no row may change or disappear, whoever asks.
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (% refused)', TG_OP USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
`;

// v2: a review may record an explanation, as the pane's review does (src/model/review.ts).
const reviewExplained = `
ALTER TABLE review_decisions DROP CONSTRAINT review_decisions_decision_check;
ALTER TABLE review_decisions ADD CONSTRAINT review_decisions_decision_check
  CHECK (decision IN ('accepted', 'explained', 'dismissed', 'escalated'));
`;

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'init', sql: init },
  { version: 2, name: 'review-explained', sql: reviewExplained },
  { version: 3, name: 'team-proposals', sql: teamProposals },
  { version: 4, name: 'audit-chain', sql: auditChain },
  { version: 5, name: 'notifications', sql: notifications },
  { version: 6, name: 'batches-by-cost-centre', sql: batchesByCostCentre },
  { version: 7, name: 'idempotency-fingerprint', sql: idempotencyFingerprint },
  { version: 8, name: 'kpis-and-adjustments', sql: kpisAndAdjustments },
  { version: 9, name: 'archived-kpis-forgotten-moves', sql: archivedKpisForgottenMoves },
  { version: 10, name: 'budget-of-record', sql: budgetOfRecord },
  { version: 11, name: 'decisions-by-email', sql: decisionsByEmail },
  { version: 12, name: 'reversals', sql: reversals },
  { version: 13, name: 'server-secrets', sql: serverSecrets },
  { version: 14, name: 'split-moves-and-flag-windows', sql: splitMovesAndFlagWindows },
  { version: 15, name: 'flag-window-shares', sql: flagWindowShares },
  { version: 16, name: 'review-severity', sql: reviewSeverity },
  { version: 17, name: 'audit-proposal-cost-centres', sql: auditProposalCostCentres },
  { version: 18, name: 'person-aliases', sql: personAliases },
  { version: 19, name: 'account-aliases', sql: accountAliases },
  { version: 20, name: 'people-of-by-index', sql: peopleOfByIndex },
  { version: 21, name: 'history-kept', sql: historyKept },
  { version: 22, name: 'decisions-lock-people', sql: decisionsLockPeople },
];
