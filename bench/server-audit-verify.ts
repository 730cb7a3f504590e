/**
 * What `/api/audit/verify` costs on a long log: 20,000 records of about 2 KB each (a version's lines
 * in `after`), on embedded PGlite, walked whole in batches of 1,000 (the default) and 5,000 records.
 * Memory holds one batch: the table gives the largest batch's text (deterministic) beside the walk's
 * time (noisy on a loaded machine) and the queries it took.
 *
 *   npx tsx bench/server-audit-verify.ts [records]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queryable } from '../server/db/db';
import { openServerDb } from '../server/db/open-db';
import { verifyAuditChain, VERIFY_BATCH_ROWS } from '../server/audit/verify-chain';
import { titledTable } from './markdown';
import { runMain } from './run-main';

/** Counts the queries `db` answers and the largest answer's text, in bytes. */
function measured(db: Queryable): { db: Queryable; queries: () => number; largest: () => number } {
  let queries = 0;
  let largest = 0;
  return {
    db: {
      exec: (sql) => db.exec(sql),
      query: async <R>(sql: string, params?: readonly unknown[]) => {
        const found = await db.query<R>(sql, params);
        queries += 1;
        largest = Math.max(largest, Buffer.byteLength(JSON.stringify(found.rows)));
        return found;
      },
    },
    queries: () => queries,
    largest: () => largest,
  };
}

runMain('server-audit-verify', async () => {
  const asked = Number(process.argv[2]);
  const records = Number.isInteger(asked) && asked > 0 ? asked : 20_000;
  const dir = mkdtempSync(join(tmpdir(), 'openfpa-bench-verify-'));
  const { db } = await openServerDb({ dataDir: dir });
  try {
    const after = JSON.stringify({
      lines: Array.from({ length: 40 }, (_, i) => ({ account: `A${i}`, period: '2026-01', amount: i * 1000.5 })),
    });
    for (let done = 0; done < records; done += 500) {
      await db.query(
        `INSERT INTO audit_log (actor, role, action, entity, entity_id, after)
         SELECT 'bench', 'admin', 'version.create', 'version', 'v' || g, $1::jsonb FROM generate_series(1, $2) g`,
        [after, Math.min(500, records - done)],
      );
    }
    const rows: string[] = [];
    for (const batchRows of [VERIFY_BATCH_ROWS, 5_000]) {
      const m = measured(db);
      const started = performance.now();
      const report = await verifyAuditChain(m.db, {}, batchRows);
      const seconds = (performance.now() - started) / 1000;
      rows.push(
        `| ${batchRows} | ${report.checked} | ${report.ok} | ${m.queries()} | ${(m.largest() / 1e6).toFixed(1)} | ${seconds.toFixed(1)} |`,
      );
    }
    console.log(
      titledTable(
        `Audit chain verification, ${records.toLocaleString('en-US')} records (PGlite)`,
        ['batch rows', 'checked', 'ok', 'queries', 'largest batch MB', 'walk s'],
        rows,
      ).join('\n'),
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
