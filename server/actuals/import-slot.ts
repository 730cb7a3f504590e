import { ServerErrors } from '../errors';

/**
 * One import at a time per server process: an import parses, checks and writes up to the row limit
 * in one transaction, and two of them side by side would double the memory and, on PGlite, hold
 * the only connection twice as long. Later imports wait their turn; beyond `queueMax` waiting, they
 * are refused with 429 (the connector retries those with backoff).
 */
export class ImportSlot {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly queueMax: number) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.busy) {
      if (this.waiting.length >= this.queueMax)
        throw ServerErrors.tooBusy(`${this.waiting.length + 1} imports are already running or waiting`, 5);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
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
