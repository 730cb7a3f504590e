import { ROLES } from '../../src/model/roles';
import { setApprovalChain } from './fixtures';
import { moveProposal, postProposal, useTestServer, ENGINES, type Json } from './helpers';

jest.setTimeout(180_000);

/**
 * The probe: a user who holds every role and every cost centre submits a proposal and then tries
 * to get it approved by themselves through every write route the server registers, with a stale
 * and the current version, with and without a comment, and under other tokens of the same
 * identity. The proposal must stay submitted, with no step decided by them.
 */
describe.each(ENGINES)('self-approval probe: every route, every role (%s)', (engine) => {
  const server = useTestServer({ engine, prefix: 'selfapp' });

  test('the submitter never approves their own proposal, whatever route, role, version or token', async () => {
    const everything = await server.token('mallory', ROLES, '*');
    await setApprovalChain(server, everything, [
      { name: 'Approver', role: 'approver', costCentre: 'affected', deadlineHours: 24 },
      { name: 'Controller', role: 'controller', costCentre: 'affected', deadlineHours: 24 },
      { name: 'CFO', role: 'cfo', costCentre: '*', deadlineHours: 24 },
    ]);
    const drafted = await postProposal(server, everything, {
      fiscalYear: 2026,
      lines: [
        { costCentre: 'CC1', account: 'S1', period: '2026-01', before: 0, after: -10 },
        { costCentre: 'CC2', account: 'S2', period: '2026-01', before: 0, after: 10 },
      ],
    });
    const submitted = await moveProposal(server, everything, drafted.json(), 'submit');
    expect(submitted.statusCode).toBe(200);
    const p: Json = submitted.json();
    const read = async (): Promise<Json> =>
      (await server.as(everything, { method: 'GET', url: `/api/proposals/${p.id}` })).json();

    // The same person under narrower tokens: each role alone, each cost centre alone.
    const tokens = [
      everything,
      ...(await Promise.all(ROLES.map((role) => server.token('mallory', role, '*')))),
      await server.token('mallory', ['approver', 'controller', 'cfo'], ['CC1', 'CC2']),
    ];
    const writes = server.routes.filter((r) => r.method !== 'GET');
    let tried = 0;
    const decisions: { status: number; code?: string }[] = [];
    for (const token of tokens) {
      for (const route of writes) {
        const url = route.url.replace(':id', p.id).replace(':otherId', p.id).replace(':batchId', 'self-1');
        for (const version of [p.version - 1, p.version]) {
          for (const payload of [{}, { version, comment: 'approving my own' }]) {
            const r = await server.as(token, {
              method: route.method,
              url,
              payload,
              headers: { 'if-match': `"${version}"` },
            });
            tried += 1;
            if (/\/(approve|reject)$/.test(url)) decisions.push({ status: r.statusCode, code: r.json().error?.code });
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(100);
    // Every approve or reject was refused: by separation of duties, or by the role grant first.
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) expect([403, 400]).toContain(d.status);
    expect(decisions.filter((d) => d.code === 'SERVER_FORBIDDEN_STEP').length).toBeGreaterThan(0);
    const after = await read();
    expect(after.state).toBe('submitted');
    expect(after.chain.map((s: Json) => s.decidedBy)).toEqual([null, null, null]);
    // An approver who is someone else still can, afterwards: the chain is intact.
    const bob = await server.token('bob', 'approver', ['CC1', 'CC2']);
    const approved = await moveProposal(server, bob, after, 'approve');
    expect(approved.statusCode).toBe(200);
  });
});
