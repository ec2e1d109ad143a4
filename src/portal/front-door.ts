import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { CACHE_CONTROL, isNotModified, type Prepared } from './http-cache.ts';

/** What a rendered page needs to be answered again without the framework. */
interface Known {
  key: string;
  /** The headers the full stack set before the page's own (security headers): the same for every answer. */
  base: OutgoingHttpHeaders;
  /** The complete headers for the page version last answered, built once per version (flat name/value lists). */
  built?: { page: Prepared; notModified: string[]; ok: string[] };
}

/** Headers the page itself decides; never taken over from the first answer. */
const OWN = new Set(['content-type', 'content-length', 'cache-control', 'etag', 'last-modified', 'set-cookie', 'vary']);

/**
 * The portal's front door: a public page that is fresh in the portal's page cache is answered
 * straight from the HTTP server, before Fastify routes, hooks and serialisation — as a reverse
 * proxy's cache would answer it, byte for byte what the full path sends (the security headers are
 * copied from the first answer the full path gave for that URL).
 *
 * Only what the full path has already answered with 200 for exactly this URL is served here, and
 * only while the page cache holds it and no change check is due; everything else — first visits,
 * every 200 ms the change check, any other method, the admin app and the API — goes through
 * Fastify as before. Request logging does not see these answers (as with a proxy cache hit).
 */
export class PortalFrontDoor {
  private readonly urls = new Map<string, Known>();
  private peek: ((key: string) => Prepared | null) | null = null;
  private open = true;

  constructor(private readonly maxUrls = 2000) {}

  /** Connects the page cache (from the portal routes): `peek` answers a fresh entry or null. */
  attach(peek: (key: string) => Prepared | null) {
    this.peek = peek;
  }

  /** Notes that `url` is answered by the cache entry `key`, with these framework headers. */
  remember(url: string, key: string, headers: Record<string, string | number | string[] | undefined>) {
    if (this.urls.has(url)) return;
    if (this.urls.size >= this.maxUrls) this.urls.clear();
    const base: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) if (value !== undefined && !OWN.has(name.toLowerCase())) base[name] = value;
    this.urls.set(url, { key, base });
  }

  /** Stops answering (shutdown): the framework's closing behaviour applies to every request. */
  close() {
    this.open = false;
    this.urls.clear();
  }

  /** Answers the request if it can; false hands it to the framework. */
  tryServe(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.open || !this.peek || (req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
    const known = this.urls.get(req.url);
    if (!known) return false;
    const p = this.peek(known.key);
    if (!p || p.status !== 200) return false;
    if (known.built?.page !== p) known.built = { page: p, ...headersFor(known.base, p) };
    if (isNotModified(req, p)) {
      res.writeHead(304, known.built.notModified);
      res.end();
      return true;
    }
    res.writeHead(200, known.built.ok);
    res.end(req.method === 'HEAD' ? undefined : p.bytes);
    return true;
  }
}

/**
 * The headers of a 304 and of a 200 answer for a page version, as the flat [name, value, …] list
 * `writeHead` takes without building an object per request.
 */
function headersFor(base: OutgoingHttpHeaders, p: Prepared) {
  const notModified: OutgoingHttpHeaders = { ...base, 'cache-control': CACHE_CONTROL };
  if (p.etag) notModified.etag = p.etag;
  if (p.lastModifiedHttp) notModified['last-modified'] = p.lastModifiedHttp;
  const flat = (h: OutgoingHttpHeaders) => Object.entries(h).flatMap(([k, v]) => (Array.isArray(v) ? v.flatMap((x) => [k, x]) : [k, String(v)]));
  return { notModified: flat(notModified), ok: flat({ ...notModified, 'content-type': p.type, 'content-length': p.bytes.length }) };
}
