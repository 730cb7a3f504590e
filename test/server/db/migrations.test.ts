import { migrate, schemaVersion } from '../../../server/db/migrate';
import { MIGRATIONS } from '../../../server/db/migrations';
import type { Db } from '../../../server/db/db';
import { openDb } from '../../../server/db/open-db';
import { DATABASE_URL, describeIfPg, freshSchema } from '../helpers';

jest.setTimeout(120_000);

/** Runs `body` on a database in a fresh schema, dropped afterwards whatever happens. */
async function inFreshSchema(body: (db: Db) => Promise<void>): Promise<void> {
  const schema = freshSchema('migr');
  const db = await openDb({ databaseUrl: DATABASE_URL, schema });
  try {
    await body(db);
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
}

/** Applies the migrations up to `version` that `db` lacks; resolves to the versions applied. */
const migrateTo = (db: Db, version: number) =>
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= version),
  );

/** Ana's submitted proposal of CC1 with `lines` (JSON), as a database of version 18 or later holds one. */
const anasProposal = (db: Db, lines = '[]') =>
  db.query(
    `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, amount, reason, lines, authors, state, created_by, updated_by)
     VALUES ('CC1', '{CC1}', 2026, 100, 'r', $1::jsonb, '{ana}', 'submitted', 'ana', 'ana')`,
    [lines],
  );

describeIfPg('server migrations', () => {
  test('v8 (KPIs and adjustments) upgrades a v7 database holding data and loses none of it', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      await db.query(
        `INSERT INTO models (cost_centre, name, drivers, expression, created_by) VALUES ('MKT', 'Sales', '[]', 'a', 'ana')`,
      );
      await db.query(
        `INSERT INTO review_decisions (cost_centre, flag_id, decision, comment, decided_by)
         VALUES ('MKT', 'flag:ADS@3', 'dismissed', 'timing', 'ana')`,
      );
      const before = await db.query('SELECT * FROM models ORDER BY id');

      expect(await migrateTo(db, 8)).toEqual([8]);
      expect(await schemaVersion(db)).toBe(8);
      expect((await db.query('SELECT * FROM models ORDER BY id')).rows).toEqual(before.rows);
      expect((await db.query('SELECT flag_id, comment FROM review_decisions')).rows).toEqual([
        { flag_id: 'flag:ADS@3', comment: 'timing' },
      ]);
      // The new tables hold what the routes write, and refuse what the model forbids.
      await db.query(
        `INSERT INTO kpis (owner_cost_centre, name, direction, priority, target, actual, links, created_by, updated_by)
         VALUES ('MKT', 'Leads', 'higher', 1, '[100]', '[null]', '[]', 'ana', 'ana')`,
      );
      await expect(
        db.query(
          `INSERT INTO kpis (owner_cost_centre, name, direction, priority, target, actual, links, created_by, updated_by)
           VALUES ('MKT', 'Cost', 'sideways', 1, '[]', '[]', '[]', 'ana', 'ana')`,
        ),
      ).rejects.toThrow(/check constraint/);
      // Running again applies nothing.
      expect(await migrateTo(db, 8)).toEqual([]);
    }));

  test('v9 (archived KPIs, forgotten moves) keeps a v8 database’s KPIs and moves live, and frees an archived name', () =>
    inFreshSchema(async (db) => {
      const kpi = (name: string) =>
        db.query(
          `INSERT INTO kpis (owner_cost_centre, name, direction, priority, target, actual, links, created_by, updated_by)
         VALUES ('MKT', $1, 'higher', 1, '[100]', '[null]', '[{"line": "ADS"}]', 'ana', 'ana')`,
          [name],
        );
      expect(await migrateTo(db, 8)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      await kpi('Leads');
      await db.query(
        `INSERT INTO adjustments (cost_centre, id, line, kpi, before, after, context, expected, recorded_by)
         VALUES ('MKT', 'adj:ADS@5:0', 'ADS', 'Leads', 100, 120, '{}', '{}', 'ana')`,
      );
      const kpisBefore = await db.query('SELECT id, name, links, version FROM kpis');

      expect(await migrateTo(db, 9)).toEqual([9]);
      expect(await schemaVersion(db)).toBe(9);
      expect((await db.query('SELECT id, name, links, version FROM kpis')).rows).toEqual(kpisBefore.rows);
      expect((await db.query('SELECT archived_at FROM kpis')).rows).toEqual([{ archived_at: null }]);
      expect((await db.query('SELECT id, kpi, forgotten_at FROM adjustments')).rows).toEqual([
        { id: 'adj:ADS@5:0', kpi: 'Leads', forgotten_at: null },
      ]);
      // Two live KPIs of one name are still refused; once one is archived, the name is free again.
      await expect(kpi('Leads')).rejects.toThrow(/unique/);
      await db.query(`UPDATE kpis SET archived_at = now(), archived_by = 'ana' WHERE name = 'Leads'`);
      await kpi('Leads');
      expect((await db.query(`SELECT count(*)::int AS n FROM kpis WHERE name = 'Leads'`)).rows).toEqual([{ n: 2 }]);
      expect(await migrateTo(db, 9)).toEqual([]);
    }));

  test('v10 (budget of record) keeps the budget versions a v9 database holds, and refuses a new direct one', () =>
    inFreshSchema(async (db) => {
      const version = (kind: string, number: number) =>
        db.query(
          `INSERT INTO budget_versions (cost_centre, fiscal_year, kind, name, number, created_by)
         VALUES ('MKT', 2026, $1, $2, $3, 'ana')`,
          [kind, `${kind} ${number}`, number],
        );
      expect(await migrateTo(db, 9)).toHaveLength(9);
      // Made directly before v10 (the server allowed it then): history, kept as it is.
      await version('budget', 1);
      await version('budget', 2);
      const before = await db.query('SELECT id, kind, number FROM budget_versions ORDER BY number');

      expect(await migrateTo(db, 10)).toEqual([10]);
      expect(await schemaVersion(db)).toBe(10);
      expect((await db.query('SELECT id, kind, number FROM budget_versions ORDER BY number')).rows).toEqual(
        before.rows,
      );
      await expect(version('budget', 3)).rejects.toThrow(/budget_versions_of_record/);
      await version('forecast', 1);
      await version('forecast', 2);
      expect(await migrateTo(db, 10)).toEqual([]);
    }));

  /** Ana's submitted proposal with its first step open, as a database of that version holds one. */
  async function submittedWithOpenStep(db: Db): Promise<string> {
    const id = (
      await db.query<{ id: string }>(
        `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, reason, lines, authors, created_by, updated_by,
           state, amount)
         VALUES ('MKT', '{MKT}', 2026, 'r', '[]', '{ana}', 'ana', 'ana', 'submitted', 10) RETURNING id`,
      )
    ).rows[0].id;
    await db.query(
      `INSERT INTO proposal_steps (proposal_id, step_no, name, role, scope, deadline_hours, state)
       VALUES ($1, 1, 'A', 'approver', 'affected', 48, 'pending')`,
      [id],
    );
    return id;
  }

  test('v11 (decisions by email) keeps a v10 database’s proposals and steps, and still refuses an author', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 10)).toHaveLength(10);
      const id = await submittedWithOpenStep(db);
      expect(await migrateTo(db, 11)).toEqual([11]);
      expect(
        (await db.query('SELECT authors, author_emails FROM proposals')).rows.map((r) => [r.authors, r.author_emails]),
      ).toEqual([[['ana'], []]]);
      await expect(
        db.query(`UPDATE proposal_steps SET decided_by = 'ana' WHERE proposal_id = $1`, [id]),
      ).rejects.toThrow(/separation of duties: ana wrote or submitted/);
      await db.query(`UPDATE proposals SET author_emails = '{ana@corp.example}' WHERE id = $1`, [id]);
      await expect(
        db.query(`UPDATE proposal_steps SET decided_by = 'ana2', decided_by_email = 'ana@corp.example'`),
      ).rejects.toThrow(/shares the email of an author/);
      await db.query(`UPDATE proposal_steps SET decided_by = 'bo', decided_by_email = 'bo@corp.example'`);
    }));

  test('v12 (reversals) keeps proposals reverted directly before it as history, and refuses a new one', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 11)).toHaveLength(11);
      const insert = (state: string) =>
        db.query<{ id: string }>(
          `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, reason, lines, authors, created_by, updated_by,
             state, amount)
           VALUES ('MKT', '{MKT}', 2026, 'r', '[]', '{ana}', 'ana', 'ana', $1, 10) RETURNING id`,
          [state],
        );
      const old = (await insert('reverted')).rows[0].id;
      const applied = (await insert('applied')).rows[0].id;
      expect(await migrateTo(db, 12)).toEqual([12]);
      expect((await db.query('SELECT id, state, reverts FROM proposals ORDER BY state')).rows).toEqual([
        { id: applied, state: 'applied', reverts: null },
        { id: old, state: 'reverted', reverts: null },
      ]);
      await expect(
        db.query(`UPDATE proposals SET state = 'reverted', reverted_by = 'ana' WHERE id = $1`, [applied]),
      ).rejects.toThrow(/reverted only by applying its approved reversal/);
      await expect(insert('reverted')).rejects.toThrow(/reverted only by applying/);
      // The old row takes other changes; a reversal is made only of an applied proposal.
      await db.query(`UPDATE proposals SET reason = 'kept' WHERE id = $1`, [old]);
      await expect(
        db.query(
          `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, lines, created_by, updated_by, amount, reverts)
           VALUES ('MKT', '{MKT}', 2026, '[]', 'bo', 'bo', 10, $1)`,
          [old],
        ),
      ).rejects.toThrow(/not an applied proposal that can be reversed/);
    }));

  test('v13 (server secrets) draws a list-cursor secret of its own for each database', async () => {
    const secrets: string[] = [];
    for (let i = 0; i < 2; i++)
      await inFreshSchema(async (db) => {
        expect(await migrateTo(db, 12)).toHaveLength(12);
        expect(await migrateTo(db, 13)).toEqual([13]);
        const found = await db.query<{ name: string; secret: string }>('SELECT name, secret FROM server_secrets');
        expect(found.rows.map((r) => r.name)).toEqual(['list-cursor']);
        expect(found.rows[0].secret).toMatch(/^[0-9a-f]{64}$/);
        secrets.push(found.rows[0].secret);
      });
    expect(secrets[0]).not.toBe(secrets[1]);
  });

  test('v14 (split moves, flag windows) keeps the steps of proposals in flight, with no reason added', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 13)).toHaveLength(13);
      const id = await submittedWithOpenStep(db);
      expect(await migrateTo(db, 14)).toEqual([14]);
      const steps = await db.query('SELECT step_no, state, added_for FROM proposal_steps WHERE proposal_id = $1', [id]);
      expect(steps.rows).toEqual([{ step_no: 1, state: 'pending', added_for: null }]);
      const windows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM flag_windows');
      expect(windows.rows[0].n).toBe(0);
    }));

  test('v15 (flag window shares) keeps an open window and gives it no reporter shares yet', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 14)).toHaveLength(14);
      await db.query("INSERT INTO flag_windows (cost_centre, opened_at, announced) VALUES ('CC1', now(), 10)");
      expect(await migrateTo(db, 15)).toEqual([15]);
      const windows = await db.query('SELECT cost_centre, announced, shares FROM flag_windows');
      expect(windows.rows).toEqual([{ cost_centre: 'CC1', announced: 10, shares: {} }]);
    }));
  test('v16 (review severity) keeps a v15 database’s decisions, with no severity or variance claimed', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 15)).toHaveLength(15);
      await db.query(
        `INSERT INTO review_decisions (cost_centre, flag_id, decision, comment, decided_by)
         VALUES ('MKT', 'flag:ADS@3', 'dismissed', 'timing', 'ana')`,
      );
      expect(await migrateTo(db, 16)).toEqual([16]);
      expect((await db.query('SELECT flag_id, comment, severity, amount FROM review_decisions')).rows).toEqual([
        { flag_id: 'flag:ADS@3', comment: 'timing', severity: null, amount: null },
      ]);
      const decide = (severity: number) =>
        db.query(
          `INSERT INTO review_decisions (cost_centre, flag_id, decision, comment, decided_by, severity, amount)
           VALUES ('MKT', 'flag:TRV@1', 'dismissed', 'timing', 'ana', $1, -1250.5)`,
          [severity],
        );
      await decide(0.3);
      await expect(decide(1.5)).rejects.toThrow(/check constraint/);
      expect(await migrateTo(db, 16)).toEqual([]);
    }));
  test('v17 (audit indexes of proposal cost centres) keeps a v16 audit log and its hash chain as they were', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 16)).toHaveLength(16);
      await db.query(
        `INSERT INTO audit_log (actor, role, action, entity, entity_id, cost_centre, after)
         VALUES ('ana', 'analyst', 'proposal.create', 'proposal', 'p1', 'CC1', '{"costCentres":["CC1","CC2"]}')`,
      );
      const before = await db.query('SELECT * FROM audit_log ORDER BY id');
      expect(await migrateTo(db, 17)).toEqual([17]);
      expect((await db.query('SELECT * FROM audit_log ORDER BY id')).rows).toEqual(before.rows);
      const indexes = await db.query<{ indexname: string }>(
        // This schema's only: other test runs on the same server make their own.
        "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'audit_log' AND indexname LIKE '%cost_centres' ORDER BY 1",
      );
      expect(indexes.rows.map((r) => r.indexname)).toEqual([
        'audit_log_after_cost_centres',
        'audit_log_before_cost_centres',
      ]);
      expect(await migrateTo(db, 17)).toEqual([]);
    }));
  test('v18 (the people table) keeps a v17 database’s proposals and decided steps as they were; people_of joins declarations', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 17)).toHaveLength(17);
      const p = (
        await db.query<{ id: string }>(
          `INSERT INTO proposals (cost_centre, cost_centres, fiscal_year, amount, reason, lines, authors, state, created_by, updated_by)
           VALUES ('CC1', '{CC1}', 2026, 100, 'r', '[]', '{ana}', 'submitted', 'ana', 'ana') RETURNING id`,
        )
      ).rows[0].id;
      await db.query(
        `INSERT INTO proposal_steps (proposal_id, step_no, name, role, scope, deadline_hours, state, decided_by)
         VALUES ($1, 1, 'Approver', 'approver', 'affected', 48, 'approved', 'ana.admin'),
                ($1, 2, 'Controller', 'controller', 'affected', 48, 'pending', NULL)`,
        [p],
      );
      const before = await db.query('SELECT * FROM proposal_steps ORDER BY step_no');
      expect(await migrateTo(db, 18)).toEqual([18]);
      expect((await db.query('SELECT * FROM proposal_steps ORDER BY step_no')).rows).toEqual(before.rows);
      await db.query("INSERT INTO person_aliases (account, person, declared_by) VALUES ('ana.admin', 'ana', 'it')");
      await db.query("INSERT INTO person_aliases (account, person, declared_by) VALUES ('ana.fin', 'ana', 'it')");
      const joined = await db.query<{ names: string[] }>(
        "SELECT people_of(ARRAY['ana.fin'], now() - interval '1 day') AS names",
      );
      expect(joined.rows[0].names).toEqual(['ana', 'ana.admin', 'ana.fin']);
      // A step decided before the declaration stands (no row is re-checked); the next is refused.
      await db.query("UPDATE proposal_steps SET comment = 'kept' WHERE proposal_id = $1 AND step_no = 1", [p]);
      await expect(
        db.query("UPDATE proposal_steps SET decided_by = 'ana.fin' WHERE proposal_id = $1 AND step_no = 2", [p]),
      ).rejects.toThrow(/declared one person/);
      expect(await migrateTo(db, 18)).toEqual([]);
    }));
  test('v19 (account aliases) keeps a v18 database’s proposals; budget_line reads an alias of its cost centre only', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 18)).toHaveLength(18);
      await anasProposal(db, '[{"costCentre":"CC1","account":"06100"}]');
      const before = await db.query('SELECT * FROM proposals');
      expect(await migrateTo(db, 19)).toEqual([19]);
      expect((await db.query('SELECT * FROM proposals')).rows).toEqual(before.rows);
      await db.query(
        "INSERT INTO account_aliases (cost_centre, account, canonical, declared_by) VALUES ('CC1', '06100', '6100', 'it')",
      );
      const lines = await db.query<{ one: string; other: string; plain: string }>(
        "SELECT budget_line('CC1', '06100') AS one, budget_line('CC2', '06100') AS other, budget_line('CC1', 'TRAVEL') AS plain",
      );
      expect(lines.rows[0]).toEqual({ one: 'cc1 6100', other: 'cc2 06100', plain: 'cc1 travel' });
      expect(await migrateTo(db, 19)).toEqual([]);
    }));
  test('v20 (people_of by index) answers as v18’s did, removed declarations and joined persons included', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 19)).toHaveLength(19);
      for (const [account, person] of [
        ['ana.admin', 'ana'],
        ['ana.fin', 'ana'],
        ['bo.2', 'person:bo'],
        ['bo', 'person:bo'],
        ['cy.old', 'cy'],
      ])
        await db.query('INSERT INTO person_aliases (account, person, declared_by) VALUES ($1, $2, $3)', [
          account,
          person,
          'it',
        ]);
      await db.query("UPDATE person_aliases SET removed_by = 'it' WHERE account = 'cy.old'");
      const ask = async () =>
        (
          await db.query<{ names: string[] }>(
            `SELECT people_of(a, s) AS names FROM (VALUES (ARRAY['ana.fin'], now() - interval '1 day'),
               (ARRAY['bo', 'zed'], now()), (ARRAY['cy'], now() - interval '1 day'), (ARRAY['cy'], now() + interval '1 day'),
               (ARRAY[]::text[], now())) AS q(a, s)`,
          )
        ).rows.map((r) => r.names);
      const before = await ask();
      expect(before).toEqual([
        ['ana', 'ana.admin', 'ana.fin'],
        ['bo', 'bo.2', 'person:bo', 'zed'],
        ['cy', 'cy.old'],
        ['cy'],
        [],
      ]);
      expect(await migrateTo(db, 20)).toEqual([20]);
      expect(await ask()).toEqual(before);
      expect(await migrateTo(db, 20)).toEqual([]);
    }));
  test('v21 (history kept) keeps a v20 database’s rows; a removal is dated when made; authorship is not rewritten', () =>
    inFreshSchema(async (db) => {
      expect(await migrateTo(db, 20)).toHaveLength(20);
      await anasProposal(db);
      await db.query("INSERT INTO person_aliases (account, person, declared_by) VALUES ('ana.fin', 'ana', 'it')");
      const before = [await db.query('SELECT * FROM proposals'), await db.query('SELECT * FROM person_aliases')];
      expect(await migrateTo(db, 21)).toEqual([21]);
      expect([await db.query('SELECT * FROM proposals'), await db.query('SELECT * FROM person_aliases')]).toEqual(
        before,
      );
      const removed = await db.transaction(async (tx) => {
        await tx.query('SELECT pg_sleep(0.05)');
        await tx.query("UPDATE person_aliases SET removed_by = 'it' WHERE account = 'ana.fin'");
        return tx.query<{ later: boolean }>(
          "SELECT removed_at > now() AS later FROM person_aliases WHERE account = 'ana.fin'",
        );
      });
      expect(removed.rows[0].later).toBe(true);
      await db.query("UPDATE proposals SET authors = ARRAY['ana', 'bo'], reason = 'edited'");
      for (const change of ["created_at = now() + interval '1 day'", "created_by = 'bo'", "authors = '{bo}'"])
        await expect(db.query(`UPDATE proposals SET ${change}`)).rejects.toThrow(/keep their history/);
      expect(await migrateTo(db, 21)).toEqual([]);
    }));
});
