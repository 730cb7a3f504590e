/**
 * Server benchmark: requests/s and p50/p99 latency for reading a budget version (1,000 lines),
 * writing a review decision, and importing 10,000 actual rows, on embedded PGlite and (when
 * DATABASE_URL is set) real PostgreSQL. The server runs as its own process (`server/main.ts`), autocannon
 * in this one. Loopback only (127.0.0.1), each run bounded in time. Then the team case
 * (bench/server/team.ts): 50 users submitting, approving and applying at once.
 *
 *   npm run bench:server            # BENCH_SECONDS=5, BENCH_TEAM_SECONDS=15 by default
 *
 * On PostgreSQL the server connects as the application role (openfpa_app, as scripts/ci-postgres.sh
 * creates it; OPENFPA_APP_DATABASE_URL overrides) and migrates as DATABASE_URL's owner, as deployed.
 */
import autocannon from 'autocannon';
import { benchEngines, withEngineServer, type BenchEngine } from './server/process';
import { benchTeam, type TeamResult } from './server/team';
import { runMain } from './run-main';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const TEAM_SECONDS = Number(process.env.BENCH_TEAM_SECONDS ?? 15);

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

function benchEngine(engine: BenchEngine): Promise<{ rows: Row[]; team: TeamResult }> {
  return withEngineServer(engine, 'bench', async ({ url, issuer, adminToken: token }) => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const lines = Array.from({ length: 1000 }, (_, i) => ({
      account: `${4000 + (i % 100)}`,
      period: `2026-${String(1 + Math.floor(i / 100)).padStart(2, '0')}`,
      amount: 1000 + i * 3.5,
    }));
    const created = await fetch(`${url}/api/versions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ costCentre: 'CC1', fiscalYear: 2026, kind: 'budget', name: 'Bench', lines }),
    });
    const version = (await created.json()) as { id: string };
    const csv = `account,period,amount\n${Array.from({ length: 10_000 }, (_, i) => `${4000 + (i % 200)},2026-${String(1 + (i % 12)).padStart(2, '0')},${(i * 1.01).toFixed(2)}`).join('\n')}\n`;
    let batch = 0;
    const cases = [
      {
        name: 'read version (1,000 lines)',
        connections: 10,
        opts: { method: 'GET' as const, path: `/api/versions/${version.id}` },
      },
      {
        name: 'write review decision',
        connections: 10,
        opts: {
          method: 'POST' as const,
          path: '/api/reviews',
          body: JSON.stringify({ costCentre: 'CC1', flagId: 'bench-flag', decision: 'accepted', comment: 'bench' }),
        },
      },
      {
        name: 'import 10,000 actual rows (CSV)',
        connections: 2,
        opts: {
          method: 'POST' as const,
          path: '/api/actuals/imports',
          body: csv,
          headers: { ...headers, 'content-type': 'text/csv' },
          setupRequest: (request: { path: string }) => ({
            ...request,
            path: `/api/actuals/imports?batchId=bench-${engine}-${++batch}&costCentre=CC1`,
          }),
        },
      },
    ];
    const rows: Row[] = [];
    for (const c of cases) {
      const result = await autocannon({
        url,
        connections: c.connections,
        duration: SECONDS,
        headers,
        requests: [c.opts as autocannon.Request],
      });
      rows.push({
        case: c.name,
        engine,
        connections: c.connections,
        requests: result.requests.total,
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        errors: result.non2xx + result.errors,
      });
      process.stderr.write(`bench:server ${engine} ${c.name}: ${result.requests.total} requests\n`);
    }
    const team = await benchTeam(url, issuer, TEAM_SECONDS);
    process.stderr.write(`bench:server ${engine} team: ${team.applied} proposals applied\n`);
    return { rows, team };
  });
}

async function main(): Promise<void> {
  const engines = benchEngines('bench:server');
  const rows: Row[] = [];
  const teams: [string, TeamResult][] = [];
  for (const engine of engines) {
    const result = await benchEngine(engine);
    rows.push(...result.rows);
    teams.push([engine, result.team]);
  }
  const out = [
    `Server benchmark: server/main.ts in its own process, autocannon on 127.0.0.1, ${SECONDS} s per case`,
    '',
    '| case | engine | connections | requests | req/s | p50 ms | p99 ms | non-2xx |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.case} | ${r.engine} | ${r.connections} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.errors} |`,
    ),
    '',
    `Team case: 50 users (20 analysts propose+submit, 10 approvers, 10 controllers, 10 budget owners apply), ${TEAM_SECONDS} s,`,
    'chain approver → controller; lost races = 409/403 when another user decided first (expected)',
    '',
    '| engine | operation | requests | req/s | p50 ms | p99 ms | lost races | errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...teams.flatMap(([engine, team]) =>
      team.rows.map(
        (r) =>
          `| ${engine} | ${r.op} | ${r.requests} | ${r.rps.toFixed(1)} | ${r.p50} | ${r.p99} | ${r.lostRaces} | ${r.errors} |`,
      ),
    ),
    '',
    '| engine | users | seconds | proposals applied | one version + one audit record each | audit chain verifies |',
    '| --- | ---: | ---: | ---: | --- | --- |',
    ...teams.map(
      ([engine, t]) =>
        `| ${engine} | ${t.users} | ${t.seconds.toFixed(1)} | ${t.applied} | ${t.consistent ? 'yes' : 'NO'} | ${t.chainOk ? 'yes' : 'NO'} |`,
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runMain('bench:server failed', main);
