/** `server/main.ts` as its own process, for the server benchmarks. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { loadDevIssuer, type DevIssuer } from '../../server/auth/dev-issuer';
import { openPgDb } from '../../server/db/pg-db';

/** A free loopback port, so the server can log at error level (no per-request logs) and still be found. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts `server/main.ts` as its own process (as `npm run server` does) and waits for /ready. */
export async function startServer(env: Record<string, string>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', '..', 'server', 'main.ts')], {
    env: { ...process.env, PORT: String(port), OPENFPA_RATE_LIMIT: '10000000', OPENFPA_LOG_LEVEL: 'error', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  let exited = false;
  const done = new Promise<void>((resolve) => child.on('exit', () => ((exited = true), resolve())));
  const url = `http://127.0.0.1:${port}`;
  for (let waited = 0; ; waited += 250) {
    if (exited) throw new Error('server exited during start');
    if (waited > 120_000) throw new Error('server not ready within 120 s');
    const ready = await fetch(`${url}/ready`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await done;
    },
  };
}

export type BenchEngine = 'pglite' | 'postgres';

const OWNER_URL = process.env.DATABASE_URL;
// The server connects as the application role and migrates as DATABASE_URL's owner, as deployed.
const APP_URL = process.env.OPENFPA_APP_DATABASE_URL || OWNER_URL?.replace(/\/\/[^@/]*@/, '//openfpa_app:openfpa_app@');

/** The engines to bench: embedded PGlite always, real PostgreSQL when DATABASE_URL is set. */
export function benchEngines(bench: string): BenchEngine[] {
  if (OWNER_URL) return ['pglite', 'postgres'];
  process.stderr.write(`${bench}: DATABASE_URL not set; real PostgreSQL skipped\n`);
  return ['pglite'];
}

/**
 * Runs `body` against a fresh server on `engine` (its own data folder, and its own schema on
 * PostgreSQL), with an admin token from the server's dev issuer; drops both afterwards.
 */
export async function withEngineServer<T>(
  engine: BenchEngine,
  prefix: string,
  body: (server: { url: string; issuer: DevIssuer; adminToken: string }) => Promise<T>,
): Promise<T> {
  const schema = engine === 'postgres' ? `${prefix}_${process.pid}` : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), `openfpa-${prefix}-`));
  const { url, stop } = await startServer({
    OPENFPA_DATA_DIR: dataDir,
    DATABASE_URL: engine === 'postgres' ? APP_URL! : '',
    OPENFPA_OWNER_DATABASE_URL: engine === 'postgres' ? OWNER_URL! : '',
    OPENFPA_DB_SCHEMA: schema ?? '',
  });
  try {
    const issuer = await loadDevIssuer(dataDir);
    const adminToken = await issuer.sign({ user: 'bench', role: 'admin', costCentres: '*' });
    return await body({ url, issuer, adminToken });
  } finally {
    await stop();
    if (schema) {
      const db = openPgDb(OWNER_URL!);
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}
