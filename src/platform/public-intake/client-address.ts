import { isIPv6 } from 'node:net';

/**
 * The key a client's address is counted under: an IPv4 address as is, an IPv6 address by its /64
 * network (one subscriber usually holds a whole /64, and could otherwise rotate addresses freely).
 * The address itself comes from Fastify's `req.ip`, which follows X-Forwarded-For only when
 * TRUST_PROXY names the proxy (src/config.ts).
 */
export function addressKey(ip: string | null | undefined): string {
  if (!ip) return 'unknown';
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4) return v4[1];
  if (!isIPv6(ip)) return ip.slice(0, 64);
  const [head, tail = ''] = ip.toLowerCase().split('::');
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const groups = [...h, ...Array(Math.max(0, 8 - h.length - t.length)).fill('0'), ...t];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
