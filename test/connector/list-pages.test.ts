import 'fake-indexeddb/auto';
import { apiClient } from '../../src/connector/api-client';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { DEFAULT_LIST_PAGE } from '../../src/model/limits';
import { describeIfPg, useTestServer } from '../server/helpers';

jest.setTimeout(120_000);

const clock = { now: () => 1_000, jitter: () => 0 };

describe('the connector reads a list a page at a time', () => {
  /** A fake server: `/ready`, `/api/me`, and a list of `total` models paged by `pageSize` with numeric cursors. */
  const fakeServer = (total: number, pageSize: number, sameCursor = false) => {
    const asked: string[] = [];
    const fetchFn = (async (input: string) => {
      const url = new URL(input);
      asked.push(url.pathname + url.search);
      if (url.pathname === '/ready') return new Response('{"status":"ready"}', { status: 200 });
      if (url.pathname === '/api/me')
        return new Response('{"id":"ana","roles":["analyst"],"costCentres":["CC1"]}', { status: 200 });
      const from = Number(url.searchParams.get('cursor') ?? 0);
      const rows = Array.from({ length: Math.max(0, Math.min(pageSize, total - from)) }, (_, i) => ({
        id: `m${from + i}`,
      }));
      const next = from + pageSize < total ? String(sameCursor ? pageSize : from + pageSize) : null;
      return new Response(JSON.stringify(rows), { status: 200, headers: next ? { 'x-next-cursor': next } : {} });
    }) as unknown as typeof fetch;
    return { asked, fetchFn };
  };

  test('follows the next cursors to the end, with the query it was given', async () => {
    const { asked, fetchFn } = fakeServer(7, 3);
    const queue = await OfflineQueue.open(clock, 'pages-fake');
    const connector = createConnector({ ...clock, queue, fetch: fetchFn });
    await connector.connect('http://server.test', async () => 'token');
    const models = await apiClient(connector).listModels('CC1');
    expect(models.map((m) => m.id)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6']);
    expect(asked.filter((a) => a.startsWith('/api/models'))).toEqual([
      '/api/models?costCentre=CC1',
      '/api/models?costCentre=CC1&cursor=3',
      '/api/models?costCentre=CC1&cursor=6',
    ]);
    queue.close();
  });

  test('a caller naming a limit gets one page; a server repeating a cursor does not loop', async () => {
    const one = fakeServer(7, 3);
    const queue = await OfflineQueue.open(clock, 'pages-limit');
    const connector = createConnector({ ...clock, queue, fetch: one.fetchFn });
    await connector.connect('http://server.test', async () => 'token');
    expect(await apiClient(connector).listAudit({ limit: 3 })).toHaveLength(3);
    const looping = fakeServer(100, 3, true);
    const again = createConnector({ ...clock, queue, fetch: looping.fetchFn });
    await again.connect('http://server.test', async () => 'token');
    expect(await apiClient(again).listModels('CC1')).toHaveLength(6);
    queue.close();
  });
});

describeIfPg('the connector reads every page of a long list from the real server', () => {
  const server = useTestServer({ prefix: 'connector_pages' });

  test('more models than a page: all of them, in order, none twice', async () => {
    const total = DEFAULT_LIST_PAGE * 2 + 7;
    await server.db.query(
      // Made one after another (models are listed oldest first).
      `INSERT INTO models (cost_centre, name, drivers, expression, created_by, created_at)
       SELECT 'CC41', 'Model ' || lpad(i::text, 4, '0'), '[]'::jsonb, 'a', 'seed', now() + i * interval '1 ms'
       FROM generate_series(1, $1) i`,
      [total],
    );
    const token = await server.token('ana', 'analyst', ['CC41']);
    const queue = await OfflineQueue.open(clock, 'pages-real');
    const connector = createConnector({ ...clock, queue });
    await connector.connect(server.url, async () => token);
    const models = await apiClient(connector).listModels('CC41');
    expect(models.map((m) => m.name)).toEqual(
      Array.from({ length: total }, (_, i) => `Model ${String(i + 1).padStart(4, '0')}`),
    );
    queue.close();
  });
});
