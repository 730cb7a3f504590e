import { apiClient } from '../../src/connector/api-client';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import type { Role } from '../../src/model/roles';
import { createMemoryRepository } from '../../src/store/memory-repository';
import type { TestServer } from '../server/helpers';

/**
 * One user's pane against a test server: its own store and its own connector (its own offline
 * queue, named after the user and `tag`), signed in as `user`. `offline: true` starts it pointed at
 * a port nothing listens on; `goOnline()` connects it to the server (which replays its queue).
 */
export async function teamPane(
  server: TestServer,
  tag: string,
  user: string,
  role: Role,
  centres: string[],
  options: { offline?: boolean } = {},
) {
  const token = await server.token(user, role, centres);
  const clock = { now: () => 1_000, jitter: () => 0 };
  const queue = await OfflineQueue.open(clock, `${tag}-${user}`);
  const connector = createConnector({ ...clock, queue });
  const getToken = async () => token;
  await connector.connect(options.offline ? 'http://127.0.0.1:9' : server.url, getToken);
  return {
    api: apiClient(connector),
    repository: createMemoryRepository(),
    connector,
    goOnline: () => connector.connect(server.url, getToken),
    close: () => queue.close(),
  };
}
