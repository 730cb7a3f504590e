import { ServerErrors } from '../errors';

/**
 * One import at a time per server process: an import parses, checks and writes up to the row limit
 * in one transaction, and two of them side by side would double the memory and, on PGlite, hold
 * the only connection twice as long. Later imports wait their turn; beyond `queueMax` waiting, they
 * are refused with 429 (the connector retries those with backoff). One user (`owner`) has one
 * import running or waiting at a time: five sent at once by one analyst filled the slot and the
 * queue, and every other user's import was a 429 for as long as they kept sending.
 */
export class ImportSlot {
  private busy = false;
  private readonly waiting: (() => void)[] = [];
  private readonly owners = new Set<string>();

  constructor(private readonly queueMax: number) {}

  async run<T>(work: () => Promise<T>, owner?: string): Promise<T> {
    if (owner !== undefined && this.owners.has(owner))
      throw ServerErrors.tooBusy('your previous import is still running or waiting (one at a time per user)', 5);
    if (this.busy && this.waiting.length >= this.queueMax)
      throw ServerErrors.tooBusy(`${this.waiting.length + 1} imports are already running or waiting`, 5);
    if (owner !== undefined) this.owners.add(owner);
    try {
      if (this.busy) await new Promise<void>((resolve) => this.waiting.push(resolve));
      this.busy = true;
      try {
        return await work();
      } finally {
        const next = this.waiting.shift();
        if (next) next();
        else this.busy = false;
      }
    } finally {
      if (owner !== undefined) this.owners.delete(owner);
    }
  }
}
