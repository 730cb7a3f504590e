import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { lockDataDir, processAlive } from '../../server/db/data-lock';

describe('lockDataDir: one embedded server per data folder (probe: two servers on one folder)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'openfpa-lock-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('the second taker is refused while the first holds it, and may take it once released', () => {
    const first = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(`data folder is in use by process ${process.pid}`);
    first.release();
    expect(existsSync(first.file)).toBe(false);
    lockDataDir(dir).release();
  });

  test('a lock left by a dead process (a crash) is taken over; a live one on this host is not', () => {
    const file = join(dir, 'server.lock');
    const stale = { pid: 999_999, host: hostname(), startedAt: '2026-01-01T00:00:00Z', nonce: 'dead' };
    writeFileSync(file, JSON.stringify(stale));
    const taken = lockDataDir(dir, (pid) => pid !== 999_999);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid });
    taken.release();
    writeFileSync(file, JSON.stringify({ ...stale, pid: 4242 }));
    expect(() => lockDataDir(dir, () => true)).toThrow('in use by process 4242');
  });

  test('a lock from another host, or one that cannot be read, is respected', () => {
    const file = join(dir, 'server.lock');
    writeFileSync(file, JSON.stringify({ pid: 1, host: 'elsewhere', startedAt: 'x', nonce: 'n' }));
    expect(() => lockDataDir(dir, () => false)).toThrow('on elsewhere');
    writeFileSync(file, 'garbage');
    expect(() => lockDataDir(dir, () => false)).toThrow('in use by another server');
  });

  test('release leaves a lock that is no longer ours alone', () => {
    const mine = lockDataDir(dir);
    writeFileSync(mine.file, JSON.stringify({ pid: 1, host: hostname(), startedAt: 'x', nonce: 'theirs' }));
    mine.release();
    expect(existsSync(mine.file)).toBe(true);
  });

  test('liveness: this process runs; a pid beyond the kernel limit does not', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 1)).toBe(false);
  });
});
