import type { IDBPDatabase } from 'idb';
import { FpaError } from '../errors';
import { backoffDelayMs } from './backoff';
import { isRetryable, type ApiRequest, type ApiResponse } from './http-client';
import {
  openConnectorDb,
  type ConflictEntry,
  type ConnectorDb,
  type FailedEntry,
  type OutboxEntry,
} from './queue-store';
import type { QueuedWrite } from './types';

export type Sender = (request: ApiRequest) => Promise<ApiResponse<unknown>>;

/** What one replay pass did. `stoppedBy` says why it stopped early (the head entry stays queued). */
export interface ReplayReport {
  sent: SentWrite[];
  conflicts: number;
  failed: number;
  /** Entries left queued because another user wrote them (`heldFor`). */
  held: number;
  stoppedBy?: 'backoff' | 'offline' | 'unauthorised';
  error?: FpaError;
}

/** A queued write the server accepted, with its answer. */
export interface SentWrite {
  key: string;
  write: OutboxEntry;
  response: ApiResponse<unknown>;
}

/** Who a replay sends as: the signed-in user's id, or null when it is not known. */
export interface ReplayOptions {
  ignoreBackoff?: boolean;
  user?: string | null;
}

/**
 * True when `entry` must wait for its own user: it was written by someone (the user stamped when it
 * was queued) and the one signed in now is someone else or unknown. Sending it would make it the
 * other user's write, and after a lost answer apply it twice (the server keys idempotency by user).
 * Entries queued without a user (no identity known then, or an older queue) go out as whoever is
 * signed in.
 *
 * @example heldFor({ user: 'alice' }, 'bob') // true
 */
export function heldFor(entry: Pick<OutboxEntry, 'user'>, user: string | null | undefined): boolean {
  return typeof entry.user === 'string' && entry.user !== user;
}

const EMPTY: ReplayReport = Object.freeze({ sent: [], conflicts: 0, failed: 0, held: 0 });

/** The report of two passes one after the other. */
function merged(first: ReplayReport, second: ReplayReport): ReplayReport {
  return {
    ...second,
    sent: [...first.sent, ...second.sent],
    conflicts: first.conflicts + second.conflicts,
    failed: first.failed + second.failed,
  };
}

export interface QueueClock {
  now: () => number;
  /** A number in [0, 1) for backoff jitter. */
  jitter: () => number;
}

/**
 * The offline queue: writes persisted in IndexedDB and replayed strictly in order, each with the
 * idempotency key it got when queued and the user who made it, so a replay after a crash or a lost
 * answer never doubles a write on the server and never sends one user's write as another's (held,
 * `heldFor`). A pass goes on until the queue is empty, so writes queued during it go out in it. A
 * retryable failure stops the pass and schedules the head entry with exponential backoff; a 409
 * moves the write to `conflicts` (both versions kept); a validation or permission refusal moves it
 * to `failed`.
 */
export class OfflineQueue {
  private replaying: Promise<ReplayReport> | undefined;

  private constructor(
    private readonly db: IDBPDatabase<ConnectorDb>,
    private readonly clock: QueueClock,
  ) {}

  static async open(clock: QueueClock, name?: string): Promise<OfflineQueue> {
    return new OfflineQueue(await openConnectorDb(name), clock);
  }

  close(): void {
    this.db.close();
  }

  /** Queues `write` behind the others, with its idempotency key and its user (null: not known). */
  async enqueue(write: QueuedWrite, key: string, user: string | null = null): Promise<OutboxEntry> {
    const entry: OutboxEntry = { ...write, key, user, createdAt: this.clock.now(), attempts: 0, nextAttemptAt: 0 };
    const seq = await this.db.add('outbox', entry);
    return { ...entry, seq };
  }

  pending(): Promise<OutboxEntry[]> {
    return this.db.getAll('outbox');
  }

  conflicts(): Promise<ConflictEntry[]> {
    return this.db.getAll('conflicts');
  }

  failed(): Promise<FailedEntry[]> {
    return this.db.getAll('failed');
  }

  async removeConflict(seq: number): Promise<ConflictEntry | undefined> {
    const entry = await this.db.get('conflicts', seq);
    await this.db.delete('conflicts', seq);
    return entry;
  }

  async removeFailed(seq: number): Promise<void> {
    await this.db.delete('failed', seq);
  }

  async getMeta(key: string): Promise<number | string | undefined> {
    return this.db.get('meta', key);
  }

  async setMeta(key: string, value: number | string): Promise<void> {
    await this.db.put('meta', value, key);
  }

  /**
   * Sends queued writes in order until none is left (but those held for another user). A call made
   * while a pass runs waits for it and then runs one more pass, so a write queued at the very end
   * of a pass is not left behind; its report covers both passes.
   */
  async replay(send: Sender, options: ReplayOptions = {}): Promise<ReplayReport> {
    const running = this.replaying;
    const first = running ? await running.catch(() => EMPTY) : EMPTY;
    if (this.replaying && this.replaying !== running) return merged(first, await this.replaying);
    this.replaying ??= this.replayOnce(send, options).finally(() => (this.replaying = undefined));
    return merged(first, await this.replaying);
  }

  /** The first queued entry after `seq`: read afresh each time, so entries queued meanwhile are found. */
  private async nextAfter(seq: number): Promise<OutboxEntry | undefined> {
    const [entry] = await this.db.getAll('outbox', IDBKeyRange.lowerBound(seq, true), 1);
    return entry;
  }

  private async replayOnce(send: Sender, options: ReplayOptions): Promise<ReplayReport> {
    const report: ReplayReport = { sent: [], conflicts: 0, failed: 0, held: 0 };
    for (let entry = await this.nextAfter(0); entry; entry = await this.nextAfter(entry.seq!)) {
      if (heldFor(entry, options.user)) {
        report.held += 1;
        continue;
      }
      if (!options.ignoreBackoff && entry.nextAttemptAt > this.clock.now()) return { ...report, stoppedBy: 'backoff' };
      try {
        const response = await send({ ...entry, idempotencyKey: entry.key });
        await this.db.delete('outbox', entry.seq!);
        report.sent.push({ key: entry.key, write: entry, response });
      } catch (error) {
        const stop = await this.settleFailure(entry, error, report);
        if (stop) return stop;
      }
    }
    return report;
  }

  /** Files a failed entry; returns the report to stop with, or undefined to go on. */
  private async settleFailure(
    entry: OutboxEntry,
    error: unknown,
    report: ReplayReport,
  ): Promise<ReplayReport | undefined> {
    const at = this.clock.now();
    if (!(error instanceof FpaError)) throw error;
    if (isRetryable(error)) {
      const attempts = entry.attempts + 1;
      const delay = backoffDelayMs(attempts, { jitter: this.clock.jitter() });
      await this.db.put('outbox', { ...entry, attempts, nextAttemptAt: at + delay, lastError: error.message });
      return { ...report, stoppedBy: 'offline', error };
    }
    if (error.code === 'CONNECTOR_UNAUTHORISED') return { ...report, stoppedBy: 'unauthorised', error };
    const tx = this.db.transaction(['outbox', 'conflicts', 'failed'], 'readwrite');
    if (error.code === 'CONNECTOR_CONFLICT') {
      const data = (error.data ?? {}) as { yours?: unknown; current?: unknown };
      await tx
        .objectStore('conflicts')
        .put({ seq: entry.seq!, write: entry, message: error.message, yours: data.yours, current: data.current, at });
      report.conflicts += 1;
    } else {
      const data = (error.data ?? {}) as { status?: number; code?: string; details?: unknown };
      await tx.objectStore('failed').put({
        seq: entry.seq!,
        write: entry,
        code: error.code,
        message: error.message,
        status: data.status,
        serverCode: data.code,
        details: data.details,
        at,
      });
      report.failed += 1;
    }
    await tx.objectStore('outbox').delete(entry.seq!);
    await tx.done;
    return undefined;
  }
}
