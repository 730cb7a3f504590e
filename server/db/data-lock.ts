import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** What the lock file says about its holder. */
interface Holder {
  pid: number;
  host: string;
  startedAt: string;
  nonce: string;
}

export interface DataLock {
  /** The lock file's path. */
  file: string;
  release(): void;
}

/**
 * Takes the embedded database's data folder for this process, or throws saying who holds it. Two
 * servers on one PGlite folder would each cache its pages and overwrite the other's writes, so a
 * second one must not start.
 *
 * The lock is a file created atomically (written aside, then hard-linked into place, which fails
 * when the file exists) naming the holder's pid, host and a nonce. A lock whose process is gone
 * (same host, the pid no longer runs) is stale, left by a crash: it is moved aside — and only if
 * what was moved is the very file judged stale (same nonce) is it dropped and the lock taken. On
 * another host the liveness cannot be checked, so the lock is respected.
 */
export function lockDataDir(dataDir: string, alive: (pid: number) => boolean = processAlive): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'server.lock');
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), nonce: nonce() };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (tryCreate(file, me)) return { file, release: () => release(file, me.nonce) };
    const holder = readHolder(file);
    if (holder === undefined) continue; // removed in between: try again
    if (holder === null || holder.host !== me.host || alive(holder.pid)) throw heldBy(file, holder);
    const aside = `${file}.stale-${me.pid}-${nonce()}`;
    try {
      renameSync(file, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readHolder(aside);
    if (moved && moved.nonce === holder.nonce) unlinkSync(aside);
    else {
      // We moved a fresh lock taken meanwhile: put it back (unless yet another one is there) and give way.
      try {
        linkSync(aside, file);
      } catch {
        /* a third server holds it now */
      }
      unlinkSync(aside);
    }
  }
  throw heldBy(file, readHolder(file) ?? null);
}

function tryCreate(file: string, me: Holder): boolean {
  const temp = `${file}.${me.pid}-${me.nonce}`;
  writeFileSync(temp, JSON.stringify(me), { mode: 0o600 });
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

/** The holder, null when the file cannot be read as one, undefined when it is gone. */
function readHolder(file: string): Holder | null | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' && typeof holder.nonce === 'string' ? holder : null;
  } catch {
    return null;
  }
}

function release(file: string, mine: string): void {
  if (readHolder(file)?.nonce === mine) unlinkSync(file);
}

function heldBy(file: string, holder: Holder | null): Error {
  const who = holder ? `process ${holder.pid} on ${holder.host} since ${holder.startedAt}` : 'another server';
  return new Error(
    `the data folder is in use by ${who} (${file}); stop that server first, or use another OPENFPA_DATA_DIR. ` +
      'If that process is surely gone, delete the lock file.',
  );
}

/** True when a process with this pid runs (EPERM: it runs, as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const nonce = () => randomBytes(8).toString('hex');
