import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { postWebhook, refusedAddress } from '../../server/notify/webhook-target';
import { useTestServer } from './helpers';
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
    for (const url of refused) {
      const r = await server.as(admin, { method: 'POST', url: '/api/webhooks', payload: hook(url) });
      expect([url, r.statusCode, r.json().error.message]).toEqual([url, 400, expect.stringContaining('refused')]);
    }
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
