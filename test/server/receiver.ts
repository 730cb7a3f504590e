import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface Received {
  key: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** What the receiver does with a request: answer with a status, or hold it (never answer). */
export type Behaviour = (request: Received, seen: number) => number | 'hold';

/**
 * A local webhook receiver, as a chat service or an integration would run one: it records every
 * request, and it honours `Idempotency-Key` — `acted` holds each key it acted on once, however
 * often the key arrives. `behaviour` decides each answer (the default: 200).
 */
export interface Receiver {
  url: string;
  received: Received[];
  acted: Map<string, Received>;
  behaviour: Behaviour;
  /** Resolves once `count` requests have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(behaviour: Behaviour = () => 200): Promise<Receiver> {
  const held: ServerResponse[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const receiver: Receiver = {
    url: '',
    received: [],
    acted: new Map(),
    behaviour,
    waitFor: (count, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        if (receiver.received.length >= count) return resolve();
        const timer = setTimeout(
          () => reject(new Error(`the receiver got ${receiver.received.length} of ${count} requests`)),
          timeoutMs,
        );
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    close: () =>
      new Promise((resolve) => {
        for (const response of held) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      const got: Received = { key: String(request.headers['idempotency-key'] ?? ''), headers: request.headers, body };
      const seen = receiver.received.filter((r) => r.key === got.key).length;
      receiver.received.push(got);
      const answer = receiver.behaviour(got, seen);
      if (answer === 'hold') held.push(response);
      else {
        if (answer >= 200 && answer < 300 && !receiver.acted.has(got.key)) receiver.acted.set(got.key, got);
        response.writeHead(answer, { 'content-type': 'application/json' }).end('{}');
      }
      for (const waiter of waiters.filter((w) => receiver.received.length >= w.count)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return receiver;
}
