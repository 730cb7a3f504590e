import { ServerErrors } from '../errors';

/**
 * One import at a time per server process: an import parses, checks and writes up to the row limit
 * in one transaction, and two of them side by side would double the memory and, on PGlite, hold
 * the only connection twice as long. Later imports wait their turn; beyond `queueMax` waiting, they
 * are refused with 429 (the connector retries those with backoff). One user (`owner`) has at most
 * one import waiting (besides one running): five sent at once by one analyst filled the slot and the
 * queue, and every other user's import was a 429 for as long as they kept sending. A second import
 * of one user still waits its turn (the same batch sent twice replays the first).
 */
export class ImportSlot {
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private readonly waitingOwners = new Set<string>();

  constructor(private readonly queueMax: number) {}

  async run<T>(work: () => Promise<T>, owner?: string): Promise<T> {
    if (this.busy) {
      if (owner !== undefined && this.waitingOwners.has(owner))
        throw ServerErrors.tooBusy('an import of yours is already waiting (one waits per user)', 5);
      if (this.waiting.length >= this.queueMax)
        throw ServerErrors.tooBusy(`${this.waiting.length + 1} imports are already running or waiting`, 5);
      if (owner !== undefined) this.waitingOwners.add(owner);
      try {
        await new Promise<void>((resolve) => this.waiting.push(resolve));
      } finally {
        if (owner !== undefined) this.waitingOwners.delete(owner);
      }
    }
    this.busy = true;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy = false;
    }
  }
}
