/**
 * The team steps (issue 15): multi-line proposals with approval chains, versions created by
 * applying them, a hash-chained audit log whose time the database sets, notifications through a
 * transactional outbox, flags, batches keyed by cost centre, idempotency keys bound to the request.
 * Released steps are never edited (see migrations.ts).
 */

// v3: the model's multi-line Proposal, its approval chain, and immutable versions with lineage.
export const teamProposals = `
ALTER TABLE proposals ADD COLUMN fiscal_year integer;
ALTER TABLE proposals ADD COLUMN lines jsonb NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN cost_centres text[] NOT NULL DEFAULT '{}';
ALTER TABLE proposals ADD COLUMN history jsonb NOT NULL DEFAULT '[]';
ALTER TABLE proposals ADD COLUMN authors text[] NOT NULL DEFAULT '{}';
ALTER TABLE proposals ADD COLUMN submitted_by text;
ALTER TABLE proposals ADD COLUMN submitted_at timestamptz;
-- A released transfer becomes two lines (-amount, +amount); it has no period, so it cannot be applied.
UPDATE proposals SET
  lines = jsonb_build_array(
    jsonb_build_object('id', account || '@' || cost_centre, 'costCentre', cost_centre, 'account', account,
                       'before', 0, 'after', -amount),
    jsonb_build_object('id', account || '@' || to_cost_centre, 'costCentre', to_cost_centre, 'account', account,
                       'before', 0, 'after', amount)),
  cost_centres = ARRAY(SELECT DISTINCT c FROM unnest(ARRAY[cost_centre, to_cost_centre]) AS c ORDER BY c),
  authors = ARRAY[created_by];
ALTER TABLE proposals DROP COLUMN to_cost_centre;
ALTER TABLE proposals DROP COLUMN account;
ALTER TABLE proposals DROP CONSTRAINT proposals_amount_check;
ALTER TABLE proposals ADD CONSTRAINT proposals_amount_check CHECK (amount >= 0);
CREATE INDEX proposals_cost_centres ON proposals USING gin (cost_centres);

CREATE TABLE approval_chains (
  id text PRIMARY KEY,
  steps jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE proposal_steps (
  proposal_id uuid NOT NULL REFERENCES proposals (id),
  step_no integer NOT NULL,
  name text NOT NULL,
  role text NOT NULL,
  scope text NOT NULL,
  min_amount numeric NOT NULL DEFAULT 0,
  deadline_hours double precision NOT NULL,
  reminder_hours double precision,
  state text NOT NULL DEFAULT 'waiting'
    CHECK (state IN ('waiting', 'pending', 'approved', 'rejected', 'cancelled')),
  activated_at timestamptz,
  due_at timestamptz,
  next_reminder_at timestamptz,
  reminders integer NOT NULL DEFAULT 0,
  overdue_notified_at timestamptz,
  decided_by text,
  decided_at timestamptz,
  comment text,
  PRIMARY KEY (proposal_id, step_no)
);
CREATE INDEX proposal_steps_open ON proposal_steps (due_at) WHERE state = 'pending';
-- Nobody decides two steps of one proposal, whatever the application does.
CREATE UNIQUE INDEX proposal_steps_one_decision_per_person ON proposal_steps (proposal_id, decided_by)
  WHERE decided_by IS NOT NULL;
-- Nobody decides a step of a proposal they wrote or submitted, whatever the application does.
CREATE FUNCTION proposal_steps_separation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_by IS NOT NULL AND EXISTS (
    SELECT 1 FROM proposals p WHERE p.id = NEW.proposal_id AND NEW.decided_by = ANY (p.authors)) THEN
    RAISE EXCEPTION 'separation of duties: % wrote or submitted proposal %', NEW.decided_by, NEW.proposal_id
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER proposal_steps_separation BEFORE INSERT OR UPDATE ON proposal_steps
  FOR EACH ROW EXECUTE FUNCTION proposal_steps_separation();

ALTER TABLE budget_versions ADD COLUMN number integer;
ALTER TABLE budget_versions ADD COLUMN parent_id uuid REFERENCES budget_versions (id);
ALTER TABLE budget_versions ADD COLUMN proposal_id uuid REFERENCES proposals (id);
ALTER TABLE budget_versions ADD COLUMN lineage jsonb;
UPDATE budget_versions v SET number = n.number FROM (
  SELECT id, row_number() OVER (PARTITION BY cost_centre, fiscal_year, kind ORDER BY created_at, id) AS number
  FROM budget_versions) n WHERE n.id = v.id;
ALTER TABLE budget_versions ALTER COLUMN number SET NOT NULL;
CREATE UNIQUE INDEX budget_versions_number ON budget_versions (cost_centre, fiscal_year, kind, number);
-- One version per cost centre for each apply and each revert of a proposal.
CREATE UNIQUE INDEX budget_versions_per_proposal ON budget_versions (proposal_id, cost_centre, (lineage ->> 'action'))
  WHERE proposal_id IS NOT NULL;

-- A version is written once with all its lines; a change is a new version.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is immutable (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER budget_versions_immutable BEFORE UPDATE OR DELETE ON budget_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER budget_versions_no_truncate BEFORE TRUNCATE ON budget_versions
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_lines_immutable BEFORE UPDATE OR DELETE ON version_lines
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER version_lines_no_truncate BEFORE TRUNCATE ON version_lines
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
`;

// v4: every audit record carries the previous record's hash; the database sets its id, time and hashes.
export const auditChain = `
ALTER TABLE audit_log ADD COLUMN prev_hash text;
ALTER TABLE audit_log ADD COLUMN hash text;
ALTER TABLE audit_log ALTER COLUMN id DROP DEFAULT;

CREATE TABLE audit_head (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  last_id bigint,
  last_hash text NOT NULL
);

-- One field of the hashed text: its length in bytes, a colon and the value; "-" for NULL.
CREATE FUNCTION audit_field(v text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN v IS NULL THEN '-' ELSE octet_length(v)::text || ':' || v END
$$;
-- The hash of a record chained after "prev" (server/audit/chain.ts computes the same in Node).
CREATE FUNCTION audit_record_hash(prev text, r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(
    audit_field(prev) || audit_field(r.id::text)
    || audit_field(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_field(r.actor) || audit_field(r.role) || audit_field(r.action) || audit_field(r.entity)
    || audit_field(r.entity_id) || audit_field(r.cost_centre) || audit_field(r.before::text)
    || audit_field(r.after::text) || audit_field(r.request_id), 'UTF8')), 'hex')
$$;

-- Chain the records written before this step, in id order, from the genesis hash.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete;
DO $$
DECLARE r audit_log; prev text := repeat('0', 64);
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY id LOOP
    UPDATE audit_log SET prev_hash = prev, hash = audit_record_hash(prev, r) WHERE id = r.id
      RETURNING hash INTO prev;
  END LOOP;
  INSERT INTO audit_head (last_id, last_hash) SELECT max(id), prev FROM audit_log;
END;
$$;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete;
ALTER TABLE audit_log ALTER COLUMN prev_hash SET NOT NULL;
ALTER TABLE audit_log ALTER COLUMN hash SET NOT NULL;

-- Whoever inserts: the head row's lock orders writers, the id and time come from the database,
-- the hashes from the previous record. SECURITY DEFINER: the application role cannot touch the head.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
DECLARE head audit_head;
BEGIN
  SELECT * INTO head FROM audit_head WHERE singleton FOR UPDATE;
  NEW.id := nextval(pg_get_serial_sequence('audit_log', 'id'));
  NEW.at := clock_timestamp();
  NEW.prev_hash := head.last_hash;
  NEW.hash := audit_record_hash(head.last_hash, NEW);
  UPDATE audit_head SET last_id = NEW.id, last_hash = NEW.hash WHERE singleton;
  RETURN NEW;
END;
$$;
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
`;

// v5: notifications (webhooks, a transactional outbox, deliveries) and reported flags.
export const notifications = `
CREATE TABLE webhooks (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url text NOT NULL,
  format text NOT NULL CHECK (format IN ('slack', 'teams', 'generic')),
  secret text,
  events text[] NOT NULL,
  cost_centres text[],
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  updated_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE outbox_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  seq bigserial UNIQUE,
  kind text NOT NULL,
  cost_centres text[] NOT NULL,
  payload jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE webhook_deliveries (
  id bigserial PRIMARY KEY,
  event_id uuid NOT NULL REFERENCES outbox_events (id),
  webhook_id uuid NOT NULL REFERENCES webhooks (id),
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  leased_until timestamptz,
  leased_by text,
  last_status integer,
  last_error text,
  delivered_at timestamptz,
  UNIQUE (event_id, webhook_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';

CREATE TABLE flags (
  cost_centre text NOT NULL,
  flag_id text NOT NULL,
  kind text NOT NULL,
  severity double precision NOT NULL,
  amount numeric(20, 4) NOT NULL,
  explanation text NOT NULL DEFAULT '',
  version integer NOT NULL DEFAULT 1,
  reported_by text NOT NULL,
  first_seen_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cost_centre, flag_id)
);
`;

// v6: a batch id is one cost centre's (another centre's batch neither blocks nor shows).
export const batchesByCostCentre = `
ALTER TABLE actuals DROP CONSTRAINT actuals_batch_id_fkey;
ALTER TABLE actuals DROP CONSTRAINT actuals_pkey;
ALTER TABLE actual_batches DROP CONSTRAINT actual_batches_pkey;
ALTER TABLE actual_batches ADD PRIMARY KEY (cost_centre, batch_id);
ALTER TABLE actuals ADD PRIMARY KEY (cost_centre, batch_id, line_no);
ALTER TABLE actuals ADD FOREIGN KEY (cost_centre, batch_id) REFERENCES actual_batches (cost_centre, batch_id);
`;

// v7: an idempotency key answers only the request it was first used for (method, route, body).
export const idempotencyFingerprint = `
ALTER TABLE idempotency_keys ADD COLUMN fingerprint text NOT NULL DEFAULT '';
CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
`;

// v8: KPI definitions owned by a cost centre, and the memory of applied adjustments (issue 16).
export const kpisAndAdjustments = `
CREATE TABLE kpis (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  owner_cost_centre text NOT NULL,
  name text NOT NULL,
  unit text NOT NULL DEFAULT '',
  direction text NOT NULL CHECK (direction IN ('higher', 'lower')),
  priority double precision NOT NULL CHECK (priority > 0),
  target jsonb NOT NULL,
  actual jsonb NOT NULL,
  links jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_cost_centre, name)
);

CREATE TABLE adjustments (
  cost_centre text NOT NULL,
  id text NOT NULL,
  line text NOT NULL,
  kpi text,
  proposal text,
  before double precision NOT NULL,
  after double precision NOT NULL,
  context jsonb NOT NULL,
  expected jsonb NOT NULL,
  outcome jsonb,
  recorded_by text NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  measured_by text,
  measured_at timestamptz,
  PRIMARY KEY (cost_centre, id)
);
CREATE INDEX adjustments_line ON adjustments (cost_centre, line);
`;

// v9: nothing of the loop's records is erased by the application (it holds no DELETE on them). A
// deleted KPI is archived (its series and links stay readable; its name is free for a new KPI), and
// a reverted move is forgotten as a tombstone, so the panes that hold a copy drop it at sync.
export const archivedKpisForgottenMoves = `
ALTER TABLE kpis ADD COLUMN archived_at timestamptz, ADD COLUMN archived_by text;
ALTER TABLE kpis DROP CONSTRAINT kpis_owner_cost_centre_name_key;
CREATE UNIQUE INDEX kpis_live_name ON kpis (owner_cost_centre, name) WHERE archived_at IS NULL;
ALTER TABLE adjustments ADD COLUMN forgotten_at timestamptz, ADD COLUMN forgotten_by text,
  ADD COLUMN forgotten_reason text;
`;

// v10: the budget of record changes with a second person's approval. A budget version is the
// baseline (number 1) or was written by applying or reverting a proposal; the server refuses any
// other (server/routes/versions.ts), and the database refuses it too, whatever the application does.
// NOT VALID: versions a database already holds stay as they are (they are history); new rows are checked.
export const budgetOfRecord = `
ALTER TABLE budget_versions ADD CONSTRAINT budget_versions_of_record
  CHECK (kind <> 'budget' OR number = 1 OR proposal_id IS NOT NULL) NOT VALID;
`;

// v11: one person with two accounts. The emails (normalised) the authors and the deciders signed in
// with, where their tokens carried one, so an account sharing an author's email decides no step and
// one email decides one step, whatever the application does. Kept out of the API's answers.
export const decisionsByEmail = `
ALTER TABLE proposals ADD COLUMN author_emails text[] NOT NULL DEFAULT '{}';
ALTER TABLE proposal_steps ADD COLUMN decided_by_email text;
CREATE UNIQUE INDEX proposal_steps_one_decision_per_email ON proposal_steps (proposal_id, decided_by_email)
  WHERE decided_by_email IS NOT NULL;
-- Its own trigger beside v6's account check, so that check is not restated here.
CREATE FUNCTION proposal_steps_separation_by_email() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.decided_by_email IS NOT NULL AND EXISTS (
    SELECT 1 FROM proposals p WHERE p.id = NEW.proposal_id AND NEW.decided_by_email = ANY (p.author_emails)) THEN
    RAISE EXCEPTION 'separation of duties: % shares the email of an author of proposal %', NEW.decided_by,
      NEW.proposal_id USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER proposal_steps_separation_by_email BEFORE INSERT OR UPDATE ON proposal_steps
  FOR EACH ROW EXECUTE FUNCTION proposal_steps_separation_by_email();
`;

// v12: revert is a reversal proposal through the approval chain (src/model/proposal.ts), never one
// person's act. A reversal names the proposal it reverses (`reverts`); at most one reversal of a
// proposal is open or applied at a time; and a proposal becomes reverted only with an applied
// reversal of its own (`reversal_id`, who applied it and when), whatever the application does.
// Proposals reverted directly before this migration stay as they are (history): the trigger checks
// a row when it becomes reverted, and no row already reverted changes.
export const reversals = `
ALTER TABLE proposals ADD COLUMN reverts uuid REFERENCES proposals (id),
  ADD COLUMN reversal_id uuid REFERENCES proposals (id), ADD COLUMN reverted_by text, ADD COLUMN reverted_at timestamptz;
CREATE UNIQUE INDEX proposals_one_reversal ON proposals (reverts)
  WHERE reverts IS NOT NULL AND state IN ('draft', 'submitted', 'approved', 'applied');
CREATE FUNCTION proposals_reversal_rules() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.reverts IS DISTINCT FROM OLD.reverts THEN
    RAISE EXCEPTION 'proposal %: what a reversal reverses does not change', NEW.id USING ERRCODE = '42501';
  END IF;
  IF TG_OP = 'INSERT' AND NEW.reverts IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM proposals o WHERE o.id = NEW.reverts AND o.state = 'applied' AND o.reverts IS NULL) THEN
    RAISE EXCEPTION 'proposal % is not an applied proposal that can be reversed', NEW.reverts USING ERRCODE = '42501';
  END IF;
  IF NEW.state = 'reverted' AND (TG_OP = 'INSERT' OR OLD.state <> 'reverted') AND (NEW.reverted_by IS NULL
    OR NOT EXISTS (SELECT 1 FROM proposals r WHERE r.id = NEW.reversal_id AND r.reverts = NEW.id AND r.state = 'applied'))
  THEN
    RAISE EXCEPTION 'proposal % is reverted only by applying its approved reversal', NEW.id USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER proposals_reversal_rules BEFORE INSERT OR UPDATE ON proposals
  FOR EACH ROW EXECUTE FUNCTION proposals_reversal_rules();
`;

// v13: secrets the server derives keys from, shared by every instance on the database. 'list-cursor'
// seals the cursors of paged lists (server/http/paging.ts); gen_random_uuid draws from the server's
// strong random source (two of them: 244 random bits). The application's role only reads them.
export const serverSecrets = `
CREATE TABLE server_secrets (
  name text PRIMARY KEY,
  secret text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_secrets (name, secret)
  VALUES ('list-cursor', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));
`;

// v14 (seventh attack pass): a step a proposal needs because of the same author's other moves of the
// same budget lines (a move split under a step's minAmount) says why (`added_for`), and the lookup
// of those moves reads proposals by fiscal year; flag announcements per cost centre are counted per
// window, and what a window holds back is announced once when it closes (server/notify/flag-window.ts).
export const splitMovesAndFlagWindows = `
ALTER TABLE proposal_steps ADD COLUMN added_for jsonb;
CREATE INDEX proposals_by_year ON proposals (fiscal_year) WHERE state IN ('submitted', 'approved', 'applied');
CREATE TABLE flag_windows (
  cost_centre text PRIMARY KEY,
  opened_at timestamptz NOT NULL,
  announced integer NOT NULL DEFAULT 0,
  held integer NOT NULL DEFAULT 0,
  held_flag jsonb,
  held_reporters text[] NOT NULL DEFAULT '{}'
);
`;

// v15: a critical flag is not held behind trivial ones (server/notify/flag-window.ts): each person
// reporting for a cost centre has their own share of the window's announcements, and a flag more
// severe than every one announced for them in the window goes out at once, a bounded number of times.
export const flagWindowShares = `
ALTER TABLE flag_windows ADD COLUMN shares jsonb NOT NULL DEFAULT '{}';
`;

// v16: a review decision may carry the flag's severity and variance (amount) it was made on, so a
// colleague's pane keeps a dismissed flag hidden only until it worsens from what the reviewer saw
// (taskpane/review/shared-reviews.ts). Decisions recorded before carry neither (null).
export const reviewSeverity = `
ALTER TABLE review_decisions
  ADD COLUMN severity double precision CHECK (severity >= 0 AND severity <= 1),
  ADD COLUMN amount double precision;
`;

// v17: the audit log's cost-centre filter (server/routes/audit.ts) also matches a proposal's records
// by the cost centres in their JSON (`after -> 'costCentres' ? $`, the same for `before`): it read every
// proposal record to answer one cost centre. Two partial GIN indexes, one per side, let PostgreSQL
// answer it with a bitmap OR of them and `audit_log_cost_centre` (EXPLAIN in
// test/server/probes-tenth.test.ts). Additive: no row changes, the chain's hashes stay as they are.
export const auditProposalCostCentres = `
CREATE INDEX audit_log_after_cost_centres ON audit_log USING gin ((after -> 'costCentres')) WHERE entity = 'proposal';
CREATE INDEX audit_log_before_cost_centres ON audit_log USING gin ((before -> 'costCentres')) WHERE entity = 'proposal';
`;

// v18: one person, several accounts, as an admin declares it (server/routes/people.ts): `account →
// person`, kept as history (a declaration is removed, never erased or edited; the database sets both
// times). Wherever authors and deciders are compared, accounts joined by declarations are one person:
// `people_of(accounts, since)` answers every name connected to `accounts` through the declarations in
// force at any moment from `since` on, so a declaration removed after a proposal was created still
// joins its accounts for that proposal (a removal lets no pending decision through that the
// declaration forbade). The server asks the same function as the trigger below, so the two cannot
// disagree on who may decide.
export const personAliases = `
CREATE TABLE person_aliases (
  id bigserial PRIMARY KEY,
  account text NOT NULL,
  person text NOT NULL,
  declared_by text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK (account <> person),
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
CREATE UNIQUE INDEX person_aliases_in_force ON person_aliases (account) WHERE removed_at IS NULL;
CREATE INDEX person_aliases_by_person ON person_aliases (person);

-- A declaration is made now, and only ever removed (once, now): the times are the database's, so no
-- removal can be dated before a proposal it would otherwise still count for.
CREATE FUNCTION person_aliases_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.declared_at := now();
    NEW.removed_at := NULL;
    NEW.removed_by := NULL;
    IF EXISTS (SELECT 1 FROM person_aliases a WHERE a.removed_at IS NULL
               AND (a.account = NEW.person OR a.person = NEW.account)) THEN
      RAISE EXCEPTION 'person_aliases: % -> % would chain declarations (a person is never an aliased account)',
        NEW.account, NEW.person USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'DELETE' OR OLD.removed_at IS NOT NULL OR NEW.removed_by IS NULL
     OR (NEW.account, NEW.person, NEW.declared_by, NEW.declared_at) IS DISTINCT FROM
        (OLD.account, OLD.person, OLD.declared_by, OLD.declared_at) THEN
    RAISE EXCEPTION 'person_aliases keeps its history: a declaration is only removed, once' USING ERRCODE = '42501';
  END IF;
  NEW.removed_at := now();
  RETURN NEW;
END;
$$;
CREATE TRIGGER person_aliases_history BEFORE INSERT OR UPDATE OR DELETE ON person_aliases
  FOR EACH ROW EXECUTE FUNCTION person_aliases_history();

CREATE FUNCTION people_of(accounts text[], since timestamptz) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE joined AS (
    SELECT a.account AS one, a.person AS other FROM person_aliases a WHERE a.removed_at IS NULL OR a.removed_at > since
  ), reach(name) AS (
    SELECT u FROM unnest(accounts) AS u WHERE u IS NOT NULL
    UNION
    SELECT CASE WHEN j.one = r.name THEN j.other ELSE j.one END FROM joined j JOIN reach r ON r.name IN (j.one, j.other)
  )
  SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM reach
$$;

-- Nobody decides a step of a proposal an account of theirs wrote or submitted, nor two steps of one
-- proposal, through any account the declarations join (in force since the proposal was created).
CREATE FUNCTION proposal_steps_separation_by_person() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p record;
  mine text[];
  joined text;
BEGIN
  IF TG_OP = 'UPDATE' AND NEW.decided_by IS NOT DISTINCT FROM OLD.decided_by THEN
    RETURN NEW;
  END IF;
  SELECT authors, created_at INTO p FROM proposals WHERE id = NEW.proposal_id;
  mine := people_of(ARRAY[NEW.decided_by], p.created_at);
  IF mine && people_of(p.authors, p.created_at) THEN
    joined := 'an author';
  -- The same account twice is the unique index's (proposal_steps_one_decision_per_person) to refuse.
  ELSIF mine && people_of(ARRAY(SELECT s.decided_by FROM proposal_steps s WHERE s.proposal_id = NEW.proposal_id
                                AND s.step_no <> NEW.step_no AND s.decided_by <> NEW.decided_by), p.created_at) THEN
    joined := 'a decider';
  END IF;
  IF joined IS NULL THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'separation of duties: % is declared one person with % of proposal %', NEW.decided_by, joined,
    NEW.proposal_id USING ERRCODE = '42501';
END;
$$;
-- Only a decision is checked: a step's other changes (reminders, deadlines) are not.
CREATE TRIGGER proposal_steps_separation_by_person BEFORE INSERT OR UPDATE OF decided_by ON proposal_steps
  FOR EACH ROW WHEN (NEW.decided_by IS NOT NULL) EXECUTE FUNCTION proposal_steps_separation_by_person();
`;

// v19: account aliases per cost centre, as an admin declares them (server/routes/account-aliases.ts):
// `06100` is `6100` in CC1. The split rule and the notice of other people's moves relate lines by
// `budget_line(cost centre, account)`: the cost centre and the canonical code in force, in any case.
// The server never infers an alias (`06100` may be a real, different account in another chart).
// Kept as history like the people table: declared now, only ever removed, once, now.
export const accountAliases = `
CREATE TABLE account_aliases (
  id bigserial PRIMARY KEY,
  cost_centre text NOT NULL,
  account text NOT NULL,
  canonical text NOT NULL,
  declared_by text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  removed_by text,
  removed_at timestamptz,
  CHECK (lower(account) <> lower(canonical)),
  CHECK ((removed_by IS NULL) = (removed_at IS NULL))
);
CREATE UNIQUE INDEX account_aliases_in_force ON account_aliases (cost_centre, lower(account)) WHERE removed_at IS NULL;

CREATE FUNCTION account_aliases_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.removed_at IS NULL AND NEW.removed_by IS NOT NULL
     AND to_jsonb(NEW) - 'removed_by' - 'removed_at' = to_jsonb(OLD) - 'removed_by' - 'removed_at' THEN
    NEW.removed_at := now();
    RETURN NEW;
  ELSIF TG_OP = 'INSERT' THEN
    NEW.declared_at := now();
    NEW.removed_by := NULL;
    NEW.removed_at := NULL;
    PERFORM 1 FROM account_aliases a WHERE a.removed_at IS NULL AND a.cost_centre = NEW.cost_centre
      AND (lower(a.account) = lower(NEW.canonical) OR lower(a.canonical) = lower(NEW.account));
    IF FOUND THEN
      RAISE EXCEPTION 'account_aliases: % -> % of % would chain aliases', NEW.account, NEW.canonical, NEW.cost_centre
        USING ERRCODE = '23514';
    END IF;
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'account_aliases keeps its history: an alias is only removed, once' USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER account_aliases_history BEFORE INSERT OR UPDATE OR DELETE ON account_aliases
  FOR EACH ROW EXECUTE FUNCTION account_aliases_history();

CREATE FUNCTION budget_line(centre text, code text) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT lower(centre) || ' ' || lower(coalesce((SELECT a.canonical FROM account_aliases a
    WHERE a.cost_centre = centre AND lower(a.account) = lower(code) AND a.removed_at IS NULL), code))
$$;
`;

// v20: `people_of` (v18) scanned every declaration at each step of its walk: over 10,000 declarations
// one call took about 25 ms, and the inbox asks it for each submitted proposal (200 calls: 4.7 s). It
// now walks the declarations by index, from each name to the rows naming it as account or person
// (200 calls: 19 ms). Same answers: every name joined to the accounts by the declarations in force
// at any moment from `since` on.
export const peopleOfByIndex = `
CREATE INDEX person_aliases_by_account ON person_aliases (account);
CREATE OR REPLACE FUNCTION people_of(accounts text[], since timestamptz) RETURNS text[] LANGUAGE sql STABLE AS $$
  WITH RECURSIVE reach(name) AS (
    SELECT u FROM unnest(accounts) AS u WHERE u IS NOT NULL
    UNION
    SELECT CASE WHEN a.account = r.name THEN a.person ELSE a.account END
    FROM reach r JOIN person_aliases a ON (a.account = r.name OR a.person = r.name)
    WHERE a.removed_at IS NULL OR a.removed_at > since
  )
  SELECT coalesce(array_agg(name ORDER BY name), '{}') FROM reach
$$;
`;

// v21 (twelfth attack pass, test/server/probes-twelfth.test.ts): the history separation of duties
// reads is the database's to keep. A declaration's times are when it is made (`clock_timestamp()`),
// not when its transaction began (`now()`): a removal that waited for a lock (the table's, another
// request's) was dated before proposals created while the declaration was still in force, and no
// longer counted for them (F1). And the application's role may not rewrite when a proposal was
// created or by whom: `created_at` and `created_by` never change and `authors` and `author_emails`
// only grow (the application only appends), so `people_of(…, created_at)` and the separation
// triggers cannot be dodged by an UPDATE before a decision (F2).
export const historyKept = `
-- Runs after person_aliases_history (triggers fire in name order), which has refused what it refuses.
CREATE FUNCTION person_aliases_written() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    NEW.declared_at := clock_timestamp();
  ELSE
    NEW.removed_at := clock_timestamp();
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER person_aliases_written BEFORE INSERT OR UPDATE ON person_aliases
  FOR EACH ROW EXECUTE FUNCTION person_aliases_written();

CREATE FUNCTION proposals_authorship_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.created_at IS DISTINCT FROM OLD.created_at OR NEW.created_by IS DISTINCT FROM OLD.created_by
     OR NOT (NEW.authors @> OLD.authors) OR NOT (NEW.author_emails @> OLD.author_emails) THEN
    RAISE EXCEPTION 'proposals keep their history: created_at and created_by never change, authors and author_emails only grow'
      USING ERRCODE = '42501';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER proposals_authorship_kept BEFORE UPDATE OF created_at, created_by, authors, author_emails ON proposals
  FOR EACH ROW EXECUTE FUNCTION proposals_authorship_kept();
`;

// v22 (twelfth attack pass, F5): a decision takes the people table's lock, shared (its writers take it
// exclusive, server/http/declarations.ts), before the separation triggers read the declarations: a
// declaration made while a decision is under way commits after it, and one under way is read once
// committed. Before, an approval that had passed the triggers and was still writing committed after
// a declaration forbidding it. Fires first (triggers fire in name order).
export const decisionsLockPeople = `
CREATE FUNCTION proposal_steps_people_locked() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(hashtext('person_aliases'));
  RETURN NEW;
END;
$$;
CREATE TRIGGER proposal_steps_people_locked BEFORE INSERT OR UPDATE OF decided_by ON proposal_steps
  FOR EACH ROW WHEN (NEW.decided_by IS NOT NULL) EXECUTE FUNCTION proposal_steps_people_locked();
`;
