import 'fake-indexeddb/auto';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Db } from '../../server/db/db';
import { displayName } from '../../server/http/schemas';
import { apiClient } from '../../src/connector/api-client';
import { createConnector } from '../../src/connector/connector';
import { OfflineQueue } from '../../src/connector/offline-queue';
import { ENDPOINTS } from '../../src/connector/types';

interface Operation {
  parameters?: { in: string; name: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: object }> };
}
type OpenApi = { paths: Record<string, Record<string, Operation>> };

/** The server's OpenAPI document, generated from its route schemas (no database needed). */
async function serverDocument(): Promise<OpenApi> {
  const noDb: Db = {
    kind: 'postgres',
    query: () => Promise.reject(new Error('no database in the contract test')),
    exec: () => Promise.reject(new Error('no database')),
    transaction: () => Promise.reject(new Error('no database')),
    close: async () => undefined,
  };
  const { app } = await buildApp(loadConfig([], {}), noDb, { issuers: [], logger: false });
  const document = app.swagger() as unknown as OpenApi;
  await app.close();
  return document;
}

// Building the server's document and validating every request takes seconds on a loaded machine.
jest.setTimeout(60_000);

describe('connector ⇄ server OpenAPI contract', () => {
  test('every request the typed client builds exists in the OpenAPI document and validates against it', async () => {
    const document = await serverDocument();
    const captured: { method: string; url: URL; body?: string; type?: string }[] = [];
    const fetchFn = (async (url: string, init: RequestInit) => {
      const headers = init.headers as Record<string, string>;
      captured.push({
        method: String(init.method),
        url: new URL(url),
        body: init.body as string | undefined,
        type: headers['content-type'],
      });
      return new Response('{}', { status: 200 });
    }) as unknown as typeof fetch;
    const queue = await OfflineQueue.open({ now: () => 0, jitter: () => 0 }, 'contract');
    const connector = createConnector({ now: () => 0, jitter: () => 0, queue, fetch: fetchFn });
    await connector.connect('http://127.0.0.1:8787', async () => 'token');
    const api = apiClient(connector);
    const id = '6f1c2b7e-3f59-4a54-9a11-0d1f8c1e2a3b';
    const seen = { id, version: 2 };
    await api.listModels('CC1');
    await api.getModel(id);
    await api.createModel({
      costCentre: 'CC1',
      name: 'Sales',
      expression: 'units * price',
      drivers: [{ name: 'units', distribution: 'normal', params: { mean: 1, sd: 2 } }],
    });
    await api.updateModel(seen, { name: 'Sales', expression: 'units', drivers: [] });
    await api.listScenarios(id);
    await api.createScenario(id, 'Downside', { units: { mean: 80 } });
    await api.getImport('b-1', 'CC1');
    await api.listActuals('CC1', '2026-01', '2026-12');
    await api.listVersions('CC1', 2026);
    await api.getVersion(id);
    await api.compareVersions(id, id);
    await api.createVersion({
      costCentre: 'CC1',
      fiscalYear: 2026,
      kind: 'forecast',
      name: 'F1',
      lines: [{ account: '4000', period: '2026-01', amount: 1 }],
    });
    await api.importActuals('b-1', 'CC1', [{ account: '4000', period: '2026-01', amount: 1, currency: 'EUR' }]);
    await api.importActuals('b-2', 'CC1', 'account,period,amount\n4000,2026-01,1\n');
    await api.listReviews('CC1');
    await api.createReview({ costCentre: 'CC1', flagId: 'flag-1', decision: 'dismissed', comment: 'ok' });
    await api.listProposals('CC1', 'submitted');
    await api.getProposal(id);
    const lines = [
      { id: 'L1', costCentre: 'CC1', account: '6100', period: '2026-01', before: 100, after: 90 },
      { id: 'L2', costCentre: 'CC2', account: '6100', period: '2026-01', before: 0, after: 10 },
    ];
    await api.createProposal({ costCentre: 'CC1', fiscalYear: 2026, reason: 'r', lines });
    await api.editProposal(seen, { reason: 'r2', lines });
    for (const verb of ['submit', 'approve', 'reject', 'apply'] as const) await api.transitionProposal(seen, verb, 'c');
    await api.proposeReversal(seen, 'c');
    await api.listAudit({ costCentre: 'CC1', entity: 'proposal', limit: 10 });
    await api.verifyAudit();
    await api.getApprovalChain();
    await api.listApprovals();
    await api.listFlags('CC1', 0.8);
    await api.reportFlags('CC1', [{ flagId: 'flag:L1@3', kind: 'overspend', severity: 0.9, amount: 10 }]);
    const kpi = {
      ownerCostCentre: 'CC1',
      name: 'Leads',
      unit: 'leads',
      direction: 'higher' as const,
      priority: 1,
      target: [100, null],
      actual: [97, null],
      links: [{ line: 'ADS', lag: 1, response: { perUnit: 0.01, sd: 0.002, saturation: 5000 } }],
    };
    await api.listKpis('CC1');
    await api.getKpi(id);
    await api.createKpi(kpi);
    const { ownerCostCentre: _owner, ...definition } = kpi;
    await api.updateKpi(seen, definition);
    await api.updateKpiActual({ ...seen, name: 'Leads' }, [97, 104]);
    await api.listKpis('CC1', { archived: true });
    await api.deleteKpi({ ...seen, name: 'Leads' });
    const record = {
      id: 'adj:ADS@5:0',
      line: 'ADS',
      costCentre: 'CC1',
      kpi: 'Leads',
      before: 60000,
      after: 66000,
      context: {
        kinds: ['run-rate' as const, 'kpi-response' as const],
        direction: 'raise' as const,
        gapShare: 0.08,
        moveShare: 0.1,
        kpiAttainment: null,
        period: 5,
        monthsLeft: 6,
      },
      expected: { spendWithout: 21000, planAdded: 2000, kpiWithout: 300, kpiTarget: 330, gap: 9600 },
      proposal: 'P-20260606-1',
    };
    await api.listAdjustments('CC1', 'ADS');
    await api.recordAdjustment(record);
    await api.measureAdjustment(record, { measuredAt: 7, gapClosed: 0.6, passThrough: null, kpiLift: 0.02 });
    await api.listAdjustments('CC1', undefined, { forgotten: true });
    await api.forgetAdjustment(record, 'P-20260606-1 reverted');
    await api.forgetAdjustment(record);
    queue.close();

    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    // The server's own format for display names (registered in server/app.ts), so names are checked too.
    ajv.addFormat('display-name', displayName);
    const templates = Object.keys(document.paths);
    const exercised = new Set<string>();
    for (const request of captured) {
      const template = templates.find((t) =>
        new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`).test(request.url.pathname),
      );
      expect({ path: request.url.pathname, template }).toEqual({
        path: request.url.pathname,
        template: expect.any(String),
      });
      const operation = document.paths[template!][request.method.toLowerCase()];
      expect({ path: template, method: request.method, defined: Boolean(operation) }).toEqual({
        path: template,
        method: request.method,
        defined: true,
      });
      exercised.add(template!);
      const queryParams = (operation.parameters ?? []).filter((p) => p.in === 'query');
      for (const name of request.url.searchParams.keys()) expect(queryParams.map((p) => p.name)).toContain(name);
      for (const p of queryParams.filter((q) => q.required))
        expect([...request.url.searchParams.keys()]).toContain(p.name);
      if (request.method === 'DELETE') {
        // A DELETE carries no body, and its route declares none.
        expect({ template, body: request.body, declared: operation.requestBody ?? null }).toEqual({
          template,
          body: undefined,
          declared: null,
        });
      } else if (request.method !== 'GET') {
        const content = operation.requestBody?.content[request.type!.split(';')[0]];
        expect({ template, type: request.type, declared: Boolean(content) }).toEqual({
          template,
          type: request.type,
          declared: true,
        });
        const body = request.type === 'text/csv' ? request.body : JSON.parse(request.body ?? '{}');
        const validate = ajv.compile(content!.schema);
        expect({ template, valid: validate(body), errors: validate.errors ?? null }).toEqual({
          template,
          valid: true,
          errors: null,
        });
      }
    }
    // Every endpoint the connector declares was exercised and matched.
    const declared = Object.values(ENDPOINTS).map((e) => e.path.replace('{verb}', 'submit'));
    for (const path of declared) {
      const concrete = path.replace(/\{\w+\}/g, 'x');
      expect(templates.some((t) => new RegExp(`^${t.replace(/\{\w+\}/g, '[^/]+')}$`).test(concrete))).toBe(true);
    }
    // Administration (webhooks, the server's status, the people table and account aliases an IT admin
    // declares over HTTP: docs/admin.md; the chain is read by the pane but set by an admin) is not the pane's.
    const adminOnly = (t: string) =>
      ['/api/webhooks', '/api/people', '/api/account-aliases'].some((area) => t.startsWith(area)) ||
      t === '/api/status';
    expect(exercised.size).toBe(templates.filter((t) => t.startsWith('/api/') && !adminOnly(t)).length + 1); // + /ready
  });
});
