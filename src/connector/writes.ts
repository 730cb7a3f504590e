import type { Connector, WriteOutcome } from './connector';
import type { EndpointName } from './types';

/** What a change names of the record the user saw: its id and the version the change is made against. */
export interface SeenRecord {
  id: string;
  version: number;
}

/**
 * The two writes the typed clients (api-client.ts, loop-api.ts) send most: a new record, and a change
 * of a record the user saw, sent against its version (If-Match) so a change made meanwhile by someone
 * else becomes a conflict, never a silent overwrite. Both go through the connector's offline queue.
 * @example writes(connector).create('createReview', review, 'Review f1: accept')
 *   // connector.write({ endpoint: 'createReview', pathParams: {}, query: {}, body: review, label: 'Review f1: accept' })
 */
export function writes(connector: Connector) {
  return {
    /** Posts a new record; `pathParams` name its parent where the path has one (a model's scenarios). */
    create: <T>(
      endpoint: EndpointName,
      body: unknown,
      label: string,
      pathParams: Record<string, string> = {},
    ): Promise<WriteOutcome<T>> => connector.write({ endpoint, pathParams, query: {}, body, label }),
    /** Changes the record the user saw, against its version; `pathParams` adds to its id (a verb). */
    change: <T>(
      endpoint: EndpointName,
      seen: SeenRecord,
      body: unknown,
      label: string,
      pathParams: Record<string, string> = {},
    ): Promise<WriteOutcome<T>> =>
      connector.write({
        endpoint,
        pathParams: { id: seen.id, ...pathParams },
        query: {},
        body,
        ifMatch: seen.version,
        label,
      }),
  };
}
