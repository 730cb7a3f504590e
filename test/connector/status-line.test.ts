import { DISCONNECTED, type ConnectorState } from '../../src/connector/connector';
import { statusLine } from '../../src/connector/status-line';

const base: ConnectorState = { ...DISCONNECTED, status: 'online', baseUrl: 'http://127.0.0.1:8787' };
const time = (ms: number) => new Date(ms).toISOString().slice(11, 16);

describe('statusLine', () => {
  test('each status reads as the Settings view shows it', () => {
    expect(statusLine({ ...base, status: 'disconnected' }, time)).toBe('Not connected');
    expect(statusLine(base, time)).toBe('Online');
    expect(statusLine({ ...base, lastSyncAt: Date.UTC(2026, 0, 5, 14, 5) }, time)).toBe('Online · last sync 14:05');
    expect(statusLine({ ...base, status: 'offline', queued: 3 }, time)).toBe('Offline · 3 queued');
    expect(statusLine({ ...base, status: 'error', error: 'token expired' }, time)).toBe('Error: token expired');
  });
  test('conflicts and refusals are counted', () => {
    const conflict = { seq: 1, write: {} as never, message: 'm', yours: 1, current: 2, at: 0 };
    expect(statusLine({ ...base, status: 'offline', queued: 1, conflicts: [conflict, conflict] }, time)).toBe(
      'Offline · 1 queued · 2 conflicts',
    );
    expect(
      statusLine({ ...base, failed: [{ seq: 2, write: {} as never, code: 'X', message: 'm', at: 0 }] }, time),
    ).toBe('Online · 1 refused');
  });
  test('writes held for another user are said apart from the queue', () => {
    expect(statusLine({ ...base, status: 'offline', queued: 3, held: 2 }, time)).toBe(
      'Offline · 3 queued · 2 held for another user',
    );
  });
});
