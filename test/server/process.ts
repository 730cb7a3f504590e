import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// One process (node with tsx's loader), so a signal reaches the server itself, not a wrapper.
const NODE_ARGS = ['--import', 'tsx', join(ROOT, 'server', 'main.ts')];

/** A `server/main.ts` child process, as `npm run server` starts it. */
export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Resolves with the first log record whose `msg` matches. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
}

export async function spawnServer(env: Record<string, string>, timeoutMs = 90_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, NODE_ARGS, {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', OPENFPA_RATE_LIMIT: '1000000', OPENFPA_WEBHOOK_ALLOW_PRIVATE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const records: Record<string, unknown>[] = [];
  const waiters: { pattern: RegExp; resolve: (r: Record<string, unknown>) => void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue;
      }
      records.push(record);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(String(record.msg))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(record);
        }
      }
    }
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const waitForLog = (pattern: RegExp, ms = timeoutMs) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const seen = records.find((r) => pattern.test(String(r.msg)));
      if (seen) return resolve(seen);
      const timer = setTimeout(
        () => reject(new Error(`no log ${pattern} within ${ms} ms; stderr: ${stderr.slice(-500)}`)),
        ms,
      );
      waiters.push({ pattern, resolve: (r) => (clearTimeout(timer), resolve(r)) });
      void exited.then((code) =>
        reject(new Error(`server exited (${code}) before ${pattern}; stderr: ${stderr.slice(-500)}`)),
      );
    });
  const listening = await waitForLog(/^Server listening at/);
  const url = String(listening.msg).replace('Server listening at ', '');
  await waitForLog(/OpenFPA server ready/);
  return { url, child, waitForLog, exited };
}

/** Runs `npm run server -- --dev-token …` and returns the token it prints. */
export function devTokenFromCli(
  dataDir: string,
  args: string[],
): Promise<{ code: number; token: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...NODE_ARGS, '--dev-token', ...args], {
      cwd: ROOT,
      env: { ...process.env, OPENFPA_DATA_DIR: dataDir },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => resolve({ code: code ?? -1, token: out.trim(), stderr: err }));
  });
}

/** Starts `server/main.ts` expecting it to refuse to start: resolves with its exit code and stderr. */
export function startAndExit(
  env: Record<string, string>,
  timeoutMs = 60_000,
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, NODE_ARGS, {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.resume();
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr });
    });
  });
}
