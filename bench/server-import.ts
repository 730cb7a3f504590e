/**
 * What a large import does to everyone else: while one user imports the largest CSV allowed
 * (MAX_IMPORT_ROWS rows), another reads the approval chain (a database read) every 100 ms; the table
 * gives the import's time and the reads' p50, p99 and worst latency (a read whose connection was
 * reset counts with the time it waited), on PGlite and (when
 * DATABASE_URL is set) PostgreSQL. Then an all-invalid file of the same size: how fast it is refused.
 *
 *   npm run bench:server:import
 */
import { MAX_IMPORT_ROWS } from '../src/model/limits';
import { benchEngines, withEngineServer, type BenchEngine } from './server/process';
import { runMain } from './run-main';

interface Row {
  engine: string;
  file: string;
  status: number;
  importMs: number;
  reads: number;
  p50: number;
  p99: number;
  worst: number;
  failedReads: number;
}

const csv = (valid: boolean) =>
  `account,period,amount\n${Array.from({ length: MAX_IMPORT_ROWS }, (_, i) =>
    valid
      ? `${4000 + (i % 500)},2026-${String(1 + (i % 12)).padStart(2, '0')},${(i * 1.01).toFixed(2)}`
      : '4000,2026-13,x',
  ).join('\n')}\n`;

function benchEngine(engine: BenchEngine): Promise<Row[]> {
  return withEngineServer(engine, 'bench_import', async ({ url, adminToken: token }) => {
    const rows: Row[] = [];
    for (const [file, valid] of [
      [`${MAX_IMPORT_ROWS.toLocaleString('en-US')} valid rows`, true],
      [`${MAX_IMPORT_ROWS.toLocaleString('en-US')} invalid rows`, false],
    ] as const) {
      const body = csv(valid);
      const latencies: number[] = [];
      let importing = true;
      let failedReads = 0;
      const reader = (async () => {
        while (importing) {
          const started = performance.now();
          try {
            const read = await fetch(`${url}/api/approval-chain`, { headers: { authorization: `Bearer ${token}` } });
            await read.text();
            if (read.ok) latencies.push(performance.now() - started);
            else failedReads += 1;
          } catch (error) {
            failedReads += 1;
            latencies.push(performance.now() - started); // a reset read waited too
            process.stderr.write(`read failed: ${String((error as { cause?: unknown }).cause ?? error)}\n`);
          }
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      })();
      const started = performance.now();
      const response = await fetch(`${url}/api/actuals/imports?batchId=big-${valid}&costCentre=CC1`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      });
      await response.text();
      const importMs = performance.now() - started;
      importing = false;
      await reader;
      const sorted = latencies.sort((a, b) => a - b);
      const at = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0);
      rows.push({
        engine,
        file,
        status: response.status,
        importMs: Math.round(importMs),
        reads: sorted.length,
        p50: at(0.5),
        p99: at(0.99),
        worst: Math.round(sorted[sorted.length - 1] ?? 0),
        failedReads,
      });
      process.stderr.write(`bench:server:import ${engine} ${file}: ${response.status} in ${Math.round(importMs)} ms\n`);
    }
    return rows;
  });
}

async function main(): Promise<void> {
  const engines = benchEngines('bench:server:import');
  const rows: Row[] = [];
  for (const engine of engines) rows.push(...(await benchEngine(engine)));
  const out = [
    'Reads (GET /api/approval-chain every 100 ms) while one import of the largest allowed CSV runs',
    '',
    '| engine | file | import status | import ms | reads | read p50 ms | read p99 ms | worst read ms | failed reads |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.engine} | ${r.file} | ${r.status} | ${r.importMs} | ${r.reads} | ${r.p50} | ${r.p99} | ${r.worst} | ${r.failedReads} |`,
    ),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

runMain('bench:server:import failed', main);
