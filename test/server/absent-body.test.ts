/**
 * A POST whose body has no required field (a proposal's submit, approve, reject and apply; an
 * adjustment's forget) sent with no body, as `curl -X POST` without `-d` sends it, or with an empty
 * one and `Content-Type: application/json`: read as `{}`. Routes whose body has required fields keep
 * their 400, and an empty JSON body there names the fields to send.
 */
import { adjustmentBody, proposalBody } from './fixtures';
import { useTestServer, type Json, type TestResponse } from './helpers';

jest.setTimeout(120_000);

describe('a POST with no body where every field of the body is optional', () => {
  const server = useTestServer({ prefix: 'absentbody' });
  let root: string;
  let approver: string;
  let n = 0;
  beforeAll(async () => {
    root = await server.token('root', 'admin', '*');
    approver = await server.token('ann', 'approver', '*');
  });

  /** POST `url` by `token` with no body at all, or (`empty`) zero bytes declared as JSON. */
  const bare = (token: string, url: string, how: 'none' | 'empty', headers: Record<string, string> = {}) =>
    server.as(token, {
      method: 'POST',
      url,
      ...(how === 'empty' ? { payload: '', headers: { 'content-type': 'application/json', ...headers } } : { headers }),
    });
  const move = (token: string, p: Json, verb: string, how: 'none' | 'empty') =>
    bare(token, `/api/proposals/${String(p.id)}/${verb}`, how, { 'if-match': `"${String(p.version)}"` });
  const answer = (r: TestResponse, what: string) => [what, r.statusCode, r.statusCode < 300 ? '' : r.body];
  const draft = async () => {
    const r = await server.as(root, { method: 'POST', url: '/api/proposals', payload: proposalBody('CC1', `b${++n}`) });
    expect(r.statusCode).toBe(201);
    return r.json() as Json;
  };

  test.each(['none', 'empty'] as const)(
    'submit, approve and apply with body %s go through; reject reaches its own rule (a comment)',
    async (how) => {
      let p = await draft();
      for (const [verb, token] of [
        ['submit', root],
        ['approve', approver],
        ['apply', root],
      ] as const) {
        const r = await move(token, p, verb, how);
        expect(answer(r, verb)).toEqual([verb, 200, '']);
        p = r.json();
      }
      expect(p.state).toBe('applied');

      const other = await move(root, await draft(), 'submit', how);
      const rejected = await move(approver, other.json(), 'reject', how);
      expect([rejected.statusCode, rejected.json().error.message]).toEqual([
        400,
        'To reject a proposal, a comment saying why is required.',
      ]);
    },
  );

  test.each(['none', 'empty'] as const)('an adjustment is forgotten with body %s', async (how) => {
    const body = adjustmentBody('CC1', `f-${how}`);
    expect((await server.as(root, { method: 'POST', url: '/api/adjustments', payload: body })).statusCode).toBe(201);
    const r = await bare(root, `/api/adjustments/${encodeURIComponent(body.id)}/forget?costCentre=CC1`, how);
    expect(answer(r, 'forget')).toEqual(['forget', 200, '']);
    expect(r.json()).toMatchObject({ forgottenBy: 'root', forgottenReason: null });
  });

  test('routes whose body has required fields keep their 400; no body or an empty JSON one is told what to send', async () => {
    const p = await draft();
    const refused = [
      ['create, no body', await bare(root, '/api/proposals', 'none')],
      ['revert, no body', await move(root, p, 'revert', 'none')],
      ['edit, no body', await server.as(root, { method: 'PATCH', url: `/api/proposals/${String(p.id)}` })],
    ] as const;
    // No body where fields are needed names them, as an empty JSON body does.
    expect(refused.map(([what, r]) => [what, r.statusCode, r.json().error.message])).toEqual([
      ['create, no body', 400, 'The body is empty; send a JSON object with fiscalYear, lines.'],
      ['revert, no body', 400, 'The body is empty; send a JSON object with comment.'],
      ['edit, no body', 400, 'The body is empty; send a JSON object with at least one of reason, fiscalYear, lines.'],
    ]);
    const empty = await bare(root, '/api/proposals', 'empty');
    expect([empty.statusCode, empty.json().error.message]).toEqual([
      400,
      'The body is empty; send a JSON object with fiscalYear, lines.',
    ]);
    const revert = await move(root, p, 'revert', 'empty');
    expect([revert.statusCode, revert.json().error.message]).toEqual([
      400,
      'The body is empty; send a JSON object with comment.',
    ]);
    // The proposal is still the draft it was.
    const now = await server.as(root, { method: 'GET', url: `/api/proposals/${String(p.id)}` });
    expect(now.json()).toMatchObject({ state: 'draft', version: p.version });
  });

  test('the OpenAPI document says which bodies need not be sent', async () => {
    const doc = (await server.send({ method: 'GET', url: '/openapi.json' })).json();
    const needed = (path: string) => doc.paths[path].post.requestBody.required;
    expect({
      submit: needed('/api/proposals/{id}/submit'),
      apply: needed('/api/proposals/{id}/apply'),
      forget: needed('/api/adjustments/{id}/forget'),
      create: needed('/api/proposals'),
      revert: needed('/api/proposals/{id}/revert'),
    }).toEqual({ submit: false, apply: false, forget: false, create: true, revert: true });
  });
});
