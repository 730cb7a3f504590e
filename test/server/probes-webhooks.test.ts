import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { deliverDue } from '../../server/notify/background';
import { deliveryRequest, type OutboxEvent } from '../../server/notify/format';
import { postWebhook, refusedAddress } from '../../server/notify/webhook-target';
import { reviseBudget, snapshot, useTestServer } from './helpers';
import { startReceiver } from './receiver';

jest.setTimeout(120_000);

/**
 * Attack probes on webhooks: the generated signing secret must not reach the audit log (every
 * auditor reads it, and with it could forge signed events), and a webhook must not be aimed at the
 * cloud metadata service or, unless the operator allows it, at loopback and private addresses —
 * whether the URL names the address (in any spelling the URL parser accepts) or a host name that
 * resolves to it when the delivery is sent.
 */
describe('webhook probes: secret in the audit log, server-side request forgery', () => {
  const server = useTestServer({ prefix: 'prbhook', overrides: { webhookAllowPrivate: false } });
  const hook = (url: string) => ({ url, format: 'slack', events: ['proposal.applied'] });
  /** Each URL saved as a webhook is a 400 (saying "refused" when `why` is given). */
  const refuses = async (admin: string, urls: readonly string[], why?: string) => {
    for (const url of urls) {
      const r = await server.as(admin, { method: 'POST', url: '/api/webhooks', payload: hook(url) });
      const message = why ? expect.stringContaining(why) : expect.any(String);
      expect([JSON.stringify(url), r.statusCode, r.json().error.message]).toEqual([JSON.stringify(url), 400, message]);
    }
  };

  test('a generated secret is answered once and never written into the audit log', async () => {
    const admin = await server.token('root', 'admin', '*');
    const auditor = await server.token('aud', 'approver', '*');
    const created = await server.as(admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: 'https://hooks.example.com/openfpa', format: 'generic', events: ['proposal.applied'] },
    });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json<{ secret: string; id: string }>();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const audit = await server.as(auditor, { method: 'GET', url: `/api/audit?entity=webhook&entityId=${id}` });
    expect(audit.statusCode).toBe(200);
    const entries = audit.json<{ action: string; after: Record<string, unknown> }[]>();
    expect(entries.map((e) => e.action)).toEqual(['webhook.create']);
    expect(entries[0].after).toMatchObject({ id, signed: true });
    expect(audit.body).not.toContain(secret);
    expect(entries[0].after).not.toHaveProperty('secret');
  });

  test('the audit log keeps the origin and a fingerprint of a webhook URL, not the URL (a chat webhook URL is its credential)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const auditor = await server.token('aud', 'cfo', '*');
    const slack = 'https://hooks.slack.com/services/T0000/B0000/XXXXsecretXXXX';
    const moved = 'https://user:pass@chat.example.com/hook?token=t0ps3cret';
    const created = await server.as(admin, { method: 'POST', url: '/api/webhooks', payload: hook(slack) });
    expect(created.statusCode).toBe(201);
    const { id, version } = created.json<{ id: string; version: number }>();
    const changed = await server.as(admin, {
      method: 'PATCH',
      url: `/api/webhooks/${id}`,
      payload: { url: moved },
      headers: { 'if-match': `"${version}"` },
    });
    expect(changed.statusCode).toBe(200);
    const audit = await server.as(auditor, { method: 'GET', url: `/api/audit?entity=webhook&entityId=${id}` });
    expect(audit.statusCode).toBe(200);
    for (const secret of ['XXXXsecretXXXX', 'T0000/B0000', 'pass', 't0ps3cret'])
      expect(audit.body).not.toContain(secret);
    const [update, create] = audit.json<{ before: { url: string } | null; after: { url: string } }[]>();
    expect(create.after.url).toMatch(/^https:\/\/hooks\.slack\.com\/… \(sha256 [0-9a-f]{16}\)$/);
    expect(update.before?.url).toBe(create.after.url);
    expect(update.after.url).toMatch(/^https:\/\/chat\.example\.com\/… \(sha256 [0-9a-f]{16}\)$/);
  });

  test('URLs naming link-local, unspecified, loopback or private addresses are refused (400), in any spelling', async () => {
    const admin = await server.token('root', 'admin', '*');
    const refused = [
      'http://169.254.169.254/latest/meta-data/',
      'http://2852039166/', // 169.254.169.254 as one number
      'http://0xa9.0xfe.0xa9.0xfe/',
      'http://[::ffff:169.254.169.254]/',
      'http://[fe80::1]/',
      'http://0.0.0.0:8787/',
      'http://[::]/',
      'http://127.0.0.1:5432/',
      'http://2130706433/',
      'http://127.1/',
      'http://[::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://localhost:8787/api/me',
      'http://LOCALHOST./',
      'http://api.localhost/',
      'http://10.0.0.8/',
      'http://172.16.4.4/',
      'http://192.168.1.1/',
      'http://[fd00:ec2::254]/',
    ];
    await refuses(admin, refused, 'refused');
    const ok = await server.as(admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: hook('https://hooks.example.com/x'),
    });
    expect(ok.statusCode).toBe(201);
    const moved = await server.as(admin, {
      method: 'PATCH',
      url: `/api/webhooks/${ok.json().id}`,
      payload: { url: 'http://169.254.169.254/' },
      headers: { 'if-match': `"${ok.json().version}"` },
    });
    expect(moved.statusCode).toBe(400);
    const list = await server.as(admin, { method: 'GET', url: '/api/webhooks' });
    const urls: string[] = list.json().map((w: { url: string }) => w.url);
    expect(urls.filter((url) => refused.includes(url) || url.includes('169.254'))).toEqual([]);
  });

  test('allowing private addresses still refuses link-local and unspecified ones', () => {
    for (const address of ['169.254.169.254', '::ffff:a9fe:a9fe', 'fe80::1', '0.0.0.0', '::', '224.0.0.1']) {
      expect([address, refusedAddress(address, true)]).toEqual([address, expect.stringContaining(address)]);
    }
    for (const address of ['127.0.0.1', '::ffff:7f00:1', '10.1.2.3', 'fc00::1']) {
      expect([address, refusedAddress(address, true)]).toEqual([address, null]);
      expect([address, refusedAddress(address, false)]).toEqual([address, expect.stringContaining('private')]);
    }
    expect(refusedAddress('93.184.215.14', false)).toBeNull();
    expect(refusedAddress('2606:2800:21f:cb07:6820:80da:af6b:8b2c', false)).toBeNull();
  });

  test('IPv6 forms that carry an IPv4 address are checked as that address (third pass; found: [::a9fe:a9fe] passed)', async () => {
    const admin = await server.token('root', 'admin', '*');
    // Each reaches 169.254.169.254 (or 127.0.0.1) by some route: IPv4-compatible, IPv4-translated,
    // NAT64 (well-known and local-use prefixes), 6to4; and Oracle Cloud's older metadata address.
    const metadata = [
      'http://[::169.254.169.254]/',
      'http://[::a9fe:a9fe]/',
      'http://[::ffff:0:a9fe:a9fe]/',
      'http://[64:ff9b::169.254.169.254]/',
      'http://[64:ff9b:1:a9fe:a9:fe00::]/',
      'http://[2002:a9fe:a9fe::1]/',
      'http://192.0.0.192/opc/v1/instance/',
    ];
    const loopback = [
      'http://[::127.0.0.1]/',
      'http://[64:ff9b::7f00:1]/',
      'http://[2002:7f00:1::]/',
      'http://198.18.0.1/',
    ];
    const before = await snapshot(server.db);
    await refuses(admin, [...metadata, ...loopback], 'refused');
    expect(await snapshot(server.db)).toEqual(before);
    // The operator's permission for private receivers never covers the metadata service.
    for (const url of metadata) {
      const host = new URL(url).hostname;
      expect([host, refusedAddress(host, true)]).toEqual([host, expect.stringContaining('reserved')]);
    }
    // Public addresses behind the same prefixes stay allowed (93.184.215.14), and so do :: and ::1 as themselves.
    for (const address of ['64:ff9b::5db8:d70e', '2002:5db8:d70e::1', '::ffff:0:5db8:d70e', '2001:db8::a9fe:a9fe'])
      expect([address, refusedAddress(address, false)]).toEqual([address, null]);
    expect(refusedAddress('::1', true)).toBeNull();
    expect(refusedAddress('::', true)).toContain('unspecified');
  });

  test('no scheme but http(s), no header injection through the URL or the secret (third pass: held)', async () => {
    const admin = await server.token('root', 'admin', '*');
    const before = await snapshot(server.db);
    const urls = [
      'file:///etc/passwd',
      'gopher://hooks.example.com:70/_POST',
      'ftp://hooks.example.com/',
      'javascript:alert(1)',
      '//hooks.example.com/x',
      'HTTP://hooks.example.com/x',
      'https://hooks.example.com/x\r\nX-Injected: 1',
      'https://hooks.example.com/x\nHost: 169.254.169.254',
      'https://hooks.example.com/x\tY',
      'https://hooks.example.com/ x',
    ];
    await refuses(admin, urls);
    for (const secret of ['0123456789abcdef\r\nX-Injected: 1', '0123456789abcdef 0123', '0123456789abcdéf0']) {
      const r = await server.as(admin, {
        method: 'POST',
        url: '/api/webhooks',
        payload: { url: 'https://hooks.example.com/x', format: 'generic', events: ['proposal.applied'], secret },
      });
      expect([JSON.stringify(secret), r.statusCode]).toEqual([JSON.stringify(secret), 400]);
    }
    expect(await snapshot(server.db)).toEqual(before);
  });

  test('a host name that resolves to a refused address gets no request when the delivery is sent', async () => {
    const receiver = await startReceiver();
    try {
      const port = new URL(receiver.url).port;
      // This machine's own name: it resolves to a loopback or private address here (not a literal,
      // not "localhost", so only the check at connection time can catch it).
      const name = hostname();
      const resolved = await lookup(name);
      expect(refusedAddress(resolved.address, false)).not.toBeNull();
      const target = `http://${name}:${port}/hook`;
      const options = { timeoutMs: 5_000 };
      await expect(postWebhook(target, {}, '{}', { ...options, allowPrivate: false })).rejects.toThrow(/refused/);
      expect(receiver.received).toHaveLength(0);
      await expect(postWebhook(target, {}, '{}', { ...options, allowPrivate: true })).resolves.toBe(200);
      expect(receiver.received).toHaveLength(1);
    } finally {
      await receiver.close();
    }
  });

  test('a refused delivery’s lastError names the host, never the address it resolves to (third pass; found: the internal address)', async () => {
    const name = hostname();
    const resolved = await lookup(name);
    await expect(
      postWebhook(`http://${name}:9/hook`, {}, '{}', { timeoutMs: 5_000, allowPrivate: false }),
    ).rejects.toThrow(`webhook refused: ${name} resolves to a link-local, reserved, loopback or private address`);
    // Through the API: an admin of CC1 points a webhook at an internal name and reads its deliveries.
    const admin = await server.token('ada', 'admin', ['CC1']);
    const created = await server.as(admin, {
      method: 'POST',
      url: '/api/webhooks',
      payload: { url: `http://${name}:9/hook`, format: 'slack', events: ['flag.raised'], costCentres: ['CC1'] },
    });
    expect(created.statusCode).toBe(201);
    const flag = { flagId: 'flag:L1@3', kind: 'overspend', severity: 0.9, amount: 100 };
    const raised = await server.as(admin, {
      method: 'POST',
      url: '/api/flags',
      payload: { costCentre: 'CC1', flags: [flag] },
    });
    expect(raised.statusCode).toBe(201);
    expect(await deliverDue(server.db, server.config, 'probe')).toBe(1);
    const deliveries = await server.as(admin, { method: 'GET', url: `/api/webhooks/${created.json().id}/deliveries` });
    const { lastError } = deliveries.json()[0] as { lastError: string };
    expect(lastError).toContain('refused');
    expect(lastError).not.toContain(resolved.address);
  });

  test('chat text carries no text an analyst typed: Slack/Teams markup in reasons, comments and names stays out (third pass: held)', async () => {
    const analyst = await server.token('ann', ['analyst', 'budget_owner'], ['CC7']);
    const approver = await server.token('abe', 'approver', ['CC7']);
    const markup =
      '<!channel> <https://evil.example/login|Approve here> [Approve](https://evil.example) @here *urgent*';
    const p = await reviseBudget(
      server,
      { author: analyst, approvers: [approver] },
      'CC7',
      2026,
      [
        { account: 'M1', period: '2026-03', before: 0, after: -5 },
        { account: 'M2', period: '2026-03', before: 0, after: 5 },
      ],
      { reason: markup, comment: markup },
    );
    const flagged = await server.as(analyst, {
      method: 'POST',
      url: '/api/flags',
      payload: {
        costCentre: 'CC7',
        flags: [{ flagId: 'f7', kind: 'overspend', severity: 0.9, amount: 1, explanation: markup }],
      },
    });
    expect(flagged.statusCode).toBe(201);
    const events = await server.owner().query<OutboxEvent>(
      `SELECT id::text, kind, payload, created_at::text AS "createdAt" FROM outbox_events
       WHERE payload -> 'proposal' ->> 'id' = $1 OR payload -> 'flag' ->> 'costCentre' = 'CC7' ORDER BY seq`,
      [p.id],
    );
    expect(events.rows.map((e) => e.kind)).toEqual(['approval.waiting', 'proposal.applied', 'flag.raised']);
    // The events carry the text (a generic receiver gets it as JSON data); chat text leaves it out.
    const generic = deliveryRequest(events.rows[1], { id: 'w', format: 'generic', secret: null }, 0);
    expect(generic.body).toContain('evil.example');
    for (const event of events.rows)
      for (const format of ['slack', 'teams'] as const) {
        const { body } = deliveryRequest(event, { id: 'w', format, secret: null }, 0);
        for (const piece of ['<!', '<http', 'evil', '@here', '*urgent*'])
          expect([event.kind, body.includes(piece)]).toEqual([event.kind, false]);
      }
  });

  test('a redirect is not followed: the delivery sees the 3xx', async () => {
    const receiver = await startReceiver(() => 302);
    try {
      const status = await postWebhook(receiver.url, {}, '{}', { timeoutMs: 5_000, allowPrivate: true });
      expect(status).toBe(302);
    } finally {
      await receiver.close();
    }
  });
});
