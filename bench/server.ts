/**
 * Server benchmark: requests/s and p50/p99 latency for reading a budget version (1,000 lines),
 * writing a review decision, and importing 10,000 actual rows, on embedded PGlite and (when
 * DATABASE_URL is set) real PostgreSQL. Loopback only (127.0.0.1), each run bounded in time.
 *
 *   npm run bench:server            # BENCH_SECONDS=5 by default
 */
import autocannon from 'autocannon';
import { buildApp } from '../server/app';
import { ephemeralDevIssuer } from '../server/auth/dev-issuer';
import { localIssuer } from '../server/auth/verify-token';
import { DEV_AUDIENCE, loadConfig } from '../server/config';
import type { Db } from '../server/db/db';
import { migrate } from '../server/db/migrate';
import { openDb } from '../server/db/open-db';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);

interface Row {
  case: string;
  engine: string;
  connections: number;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

async function benchEngine(engine: 'pglite' | 'postgres'): Promise<Row[]> {
  const schema = engine === 'postgres' ? `bench_${process.pid}` : undefined;
  const db: Db = await openDb({ databaseUrl: engine === 'postgres' ? process.env.DATABASE_URL : undefined, schema });
  await migrate(db);
  const issuer = await ephemeralDevIssuer();
  const config = loadConfig([], {}, { rateLimitMax: 100_000_000, logLevel: 'silent' });
  const { app } = await buildApp(config, db, { issuers: [localIssuer(issuer.issuer, DEV_AUDIENCE, [issuer.publicJwk])], logger: false });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const token = await issuer.sign({ user: 'bench', role: 'admin', costCentres: '*' });
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  try {
    const lines = Array.from({ length: 1000 }, (_, i) => ({ account: `${4000 + (i % 100)}`, period: `2026-${String(1 + Math.floor(i / 100)).padStart(2, '0')}`, amount: 1000 + i * 3.5 }));
    const created = await fetch(`${url}/api/versions`, {
      method: 'POST', headers, body: JSON.stringify({ costCentre: 'CC1', fiscalYear: 2026, kind: 'budget', name: 'Bench', lines }),
    });
    const version = (await created.json()) as { id: string };
    const csv = `account,period,amount\n${Array.from({ length: 10_000 }, (_, i) => `${4000 + (i % 200)},2026-${String(1 + (i % 12)).padStart(2, '0')},${(i * 1.01).toFixed(2)}`).join('\n')}\n`;
    let batch = 0;
    const cases = [
      { name: 'read version (1,000 lines)', connections: 10, opts: { method: 'GET' as const, path: `/api/versions/${version.id}` } },
      {
        name: 'write review decision', connections: 10,
        opts: { method: 'POST' as const, path: '/api/reviews', body: JSON.stringify({ costCentre: 'CC1', flagId: 'bench-flag', decision: 'accepted', comment: 'bench' }) },
      },
      {
        name: 'import 10,000 actual rows (CSV)', connections: 2,
        opts: {
          method: 'POST' as const, path: '/api/actuals/imports', body: csv,
          headers: { ...headers, 'content-type': 'text/csv' },
          setupRequest: (request: { path: string }) => ({ ...request, path: `/api/actuals/imports?batchId=bench-${engine}-${++batch}&costCentre=CC1` }),
        },
      },
    ];
    const rows: Row[] = [];
    for (const c of cases) {
      const result = await autocannon({
        url, connections: c.connections, duration: SECONDS, headers,
        requests: [c.opts as autocannon.Request],
      });
      rows.push({
        case: c.name, engine, connections: c.connections, requests: result.requests.total,
        rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.non2xx + result.errors,
      });
      process.stderr.write(`bench:server ${engine} ${c.name}: ${result.requests.total} requests\n`);
    }
    return rows;
  } finally {
    await app.close();
    if (schema) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
}

async function main(): Promise<void> {
  const engines: ('pglite' | 'postgres')[] = ['pglite'];
  if (process.env.DATABASE_URL) engines.push('postgres');
  else process.stderr.write('bench:server: DATABASE_URL not set; real PostgreSQL skipped\n');
  const rows: Row[] = [];
  for (const engine of engines) rows.push(...(await benchEngine(engine)));
  const out = [
    `Server benchmark, ${SECONDS} s per case, loopback, autocannon`,
    '',
    '| case | engine | connections | requests | req/s | p50 ms | p99 ms | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map((r) => `| ${r.case} | ${r.engine} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} |`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:server failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
