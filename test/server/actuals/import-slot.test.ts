import { ImportSlot } from '../../../server/actuals/import-slot';

/** A promise with its resolve, so a test decides when work ends (no clocks). */
function gate(): { promise: Promise<void>; open: () => void } {
  let open = () => {};
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

describe('ImportSlot: one import at a time, a bounded queue', () => {
  test('imports run one after another in arrival order; beyond the queue they are refused with 429', async () => {
    const slot = new ImportSlot(2);
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const job = (name: string, wait: Promise<void>) =>
      slot.run(async () => {
        running += 1;
        most = Math.max(most, running);
        order.push(`start ${name}`);
        await wait;
        order.push(`end ${name}`);
        running -= 1;
        return name;
      });
    const [a, b, c] = [gate(), gate(), gate()];
    const first = job('a', a.promise);
    const second = job('b', b.promise);
    const third = job('c', c.promise);
    await expect(job('d', Promise.resolve())).rejects.toMatchObject({ statusCode: 429, code: 'SERVER_BUSY' });
    b.open();
    c.open();
    a.open();
    expect(await Promise.all([first, second, third])).toEqual(['a', 'b', 'c']);
    expect(order).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(most).toBe(1);
    // A failed import frees the slot for the next.
    await expect(slot.run(() => Promise.reject(new Error('bad file')))).rejects.toThrow('bad file');
    expect(await slot.run(async () => 'next')).toBe('next');
  });

  test('one import waiting per user: a third is a 429 for that user only, and the queue stays open to others', async () => {
    const slot = new ImportSlot(2);
    const a = gate();
    const first = slot.run(() => a.promise.then(() => 'a'), 'ann');
    const second = slot.run(async () => 'a2', 'ann');
    await expect(slot.run(async () => 'a3', 'ann')).rejects.toMatchObject({ statusCode: 429, code: 'SERVER_BUSY' });
    const other = slot.run(async () => 'bob', 'bob');
    a.open();
    expect(await Promise.all([first, second, other])).toEqual(['a', 'a2', 'bob']);
    expect(await slot.run(async () => 'ann again', 'ann')).toBe('ann again');
  });
});
