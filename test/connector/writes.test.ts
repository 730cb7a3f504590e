import type { Connector } from '../../src/connector/connector';
import type { QueuedWrite } from '../../src/connector/types';
import { writes } from '../../src/connector/writes';

/** A connector that only records what it is asked to queue. */
function recording(): { connector: Connector; sent: QueuedWrite[] } {
  const sent: QueuedWrite[] = [];
  const connector = {
    write: async (w: QueuedWrite) => {
      sent.push(w);
      return { status: 'queued' };
    },
  } as unknown as Connector;
  return { connector, sent };
}

describe('writes', () => {
  test('create posts the body with no path, query or version; pathParams name a parent', async () => {
    const { connector, sent } = recording();
    const { create } = writes(connector);
    await create('createKpi', { name: 'DSO' }, 'Define KPI DSO');
    await create('createScenario', { name: 'low' }, 'Save scenario low', { id: 'm1' });
    expect(sent).toEqual([
      { endpoint: 'createKpi', pathParams: {}, query: {}, body: { name: 'DSO' }, label: 'Define KPI DSO' },
      {
        endpoint: 'createScenario',
        pathParams: { id: 'm1' },
        query: {},
        body: { name: 'low' },
        label: 'Save scenario low',
      },
    ]);
    expect('ifMatch' in sent[0]).toBe(false);
  });

  test('change sends against the version seen, with the id (and any more path) in the path', async () => {
    const { connector, sent } = recording();
    const { change } = writes(connector);
    await change('updateKpi', { id: 'k1', version: 3 }, { name: 'DSO' }, 'Update KPI DSO');
    await change('transitionProposal', { id: 'p1', version: 7 }, {}, 'approve proposal p1', { verb: 'approve' });
    expect(sent).toEqual([
      {
        endpoint: 'updateKpi',
        pathParams: { id: 'k1' },
        query: {},
        body: { name: 'DSO' },
        ifMatch: 3,
        label: 'Update KPI DSO',
      },
      {
        endpoint: 'transitionProposal',
        pathParams: { id: 'p1', verb: 'approve' },
        query: {},
        body: {},
        ifMatch: 7,
        label: 'approve proposal p1',
      },
    ]);
  });
});
