/**
 * Where a webhook may be sent (server-side request forgery): never to a link-local address (the
 * cloud metadata service, 169.254.169.254 / fe80::), the unspecified address, multicast or
 * broadcast; to loopback and private networks (127/8, 10/8, 172.16/12, 192.168/16, 100.64/10, ::1,
 * fc00::/7) only when the operator allows it (`OPENFPA_WEBHOOK_ALLOW_PRIVATE=1`, for a receiver on
 * the company network). A URL naming an address is checked when the webhook is saved; every
 * delivery checks the addresses its host name resolves to, and connects to the address it checked
 * (so a DNS answer that changes between check and connection cannot slip through).
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const NEVER: [string, number, 'ipv4' | 'ipv6'][] = [
  ['0.0.0.0', 8, 'ipv4'],
  ['169.254.0.0', 16, 'ipv4'],
  // IETF protocol assignments: 192.0.0.192 is Oracle Cloud's older metadata address.
  ['192.0.0.0', 24, 'ipv4'],
  ['224.0.0.0', 3, 'ipv4'],
  ['::', 128, 'ipv6'],
  ['fe80::', 10, 'ipv6'],
  ['ff00::', 8, 'ipv6'],
];
const PRIVATE: [string, number, 'ipv4' | 'ipv6'][] = [
  ['127.0.0.0', 8, 'ipv4'],
  ['10.0.0.0', 8, 'ipv4'],
  ['172.16.0.0', 12, 'ipv4'],
  ['192.168.0.0', 16, 'ipv4'],
  ['100.64.0.0', 10, 'ipv4'],
  ['198.18.0.0', 15, 'ipv4'],
  ['::1', 128, 'ipv6'],
  ['fc00::', 7, 'ipv6'],
];

function blockList(subnets: [string, number, 'ipv4' | 'ipv6'][]): BlockList {
  const list = new BlockList();
  for (const [address, prefix, type] of subnets) list.addSubnet(address, prefix, type);
  return list;
}
const never = blockList(NEVER);
const privateNets = blockList(PRIVATE);

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a dotted IPv4 tail read), or null. */
function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let text = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes('::') ? text.split('::') : [text, undefined];
  const part = (s: string | undefined) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = part(tail);
  return tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * The IPv4 address an IPv6 address carries and reaches, or the address as it is: IPv4-mapped
 * (`::ffff:a9fe:a9fe`), IPv4-compatible (`::a9fe:a9fe`), IPv4-translated (`::ffff:0:a9fe:a9fe`),
 * NAT64 (`64:ff9b::a9fe:a9fe`, and the local-use `64:ff9b:1::/48`) and 6to4 (`2002:a9fe:a9fe::`):
 * each may reach the IPv4 address it embeds, so that address is what is checked.
 */
function unmapped(address: string): string {
  const g = ipv6Groups(address);
  if (!g) return address;
  const v4 = (high: number, low: number) => [high >> 8, high & 255, low >> 8, low & 255].join('.');
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  // ::/96 holds :: (unspecified) and ::1 (loopback) as themselves.
  if (zero(0, 6) && (g[6] !== 0 || g[7] > 1)) return v4(g[6], g[7]);
  if (zero(0, 5) && g[5] === 0xffff) return v4(g[6], g[7]);
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return v4(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return v4(g[6], g[7]);
  // RFC 6052 /48 prefix: the IPv4 address in bits 48–63 and 72–87 (bits 64–71 are zero).
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return v4(g[3], ((g[4] & 255) << 8) | (g[5] >> 8));
  if (g[0] === 0x2002) return v4(g[1], g[2]);
  return address;
}

/** Why a webhook may not be sent to `address` (an IP address), or null when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  const ip = unmapped(address.replace(/^\[|\]$/g, ''));
  const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
  if (never.check(ip, type)) return `${address} is a link-local, unspecified, multicast or reserved address`;
  if (!allowPrivate && privateNets.check(ip, type))
    return `${address} is a loopback or private address (OPENFPA_WEBHOOK_ALLOW_PRIVATE=1 allows it)`;
  return null;
}

/**
 * Why a webhook URL may not be saved, or null: its host is an address `refusedAddress` refuses, or
 * `localhost` while private addresses are not allowed. Other host names are checked when sent.
 */
export function refusedUrl(url: string, allowPrivate: boolean): string | null {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return 'the URL cannot be read';
  }
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare) !== 0) return refusedAddress(bare, allowPrivate);
  if (!allowPrivate && /(^|\.)localhost\.?$/i.test(host))
    return `${host} is a loopback address (OPENFPA_WEBHOOK_ALLOW_PRIVATE=1 allows it)`;
  return null;
}

/** A DNS lookup for the connection that fails when any address of the name is refused. */
function checkedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, found: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusedOne = found.some((a) => refusedAddress(a.address, allowPrivate) !== null);
      if (refusedOne || found.length === 0) {
        // The delivery's lastError is read by admins of the webhook's cost centres: it names the host
        // and never the address, so a webhook cannot map internal names to internal addresses.
        const why = refusedOne
          ? `${hostname} resolves to a link-local, reserved, loopback or private address`
          : `${hostname} has no address`;
        const refused = Object.assign(new Error(`webhook refused: ${why}`), { code: 'EWEBHOOKREFUSED' });
        return callback(refused, '', 0);
      }
      if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, found);
      return callback(null, found[0].address, found[0].family);
    });
  };
}

/**
 * POSTs one delivery and answers the response's status. Redirects are not followed; the request
 * gives up after `timeoutMs`; the connection goes only to an address `refusedAddress` allows.
 */
export function postWebhook(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<number> {
  const why = refusedUrl(url, options.allowPrivate);
  if (why) return Promise.reject(new Error(`webhook refused: ${why}`));
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup(options.allowPrivate),
        signal: AbortSignal.timeout(options.timeoutMs),
      },
      (response: IncomingMessage) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
