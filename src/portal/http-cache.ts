import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A rendered public response: a page, a feed or a sitemap. */
export interface Rendered {
  status: number;
  type: string;
  body: string;
  /** The latest publication or change of what the response shows. */
  lastModified?: Date | null;
}

export interface Prepared extends Rendered {
  /** The body as sent (UTF-8), encoded once. */
  bytes: Buffer;
  etag: string | null;
  lastModifiedHttp: string | null;
}

export const CACHE_CONTROL = 'public, max-age=60';

/** A weak validator from the bytes sent: any change of data, template or style sheet link changes it. */
export const weakEtag = (body: string) => `W/"${createHash('sha1').update(body).digest('base64url')}"`;

/** Computes the validators once; a cached response reuses them. */
export function prepare(r: Rendered): Prepared {
  const ok = r.status === 200;
  return {
    ...r,
    bytes: Buffer.from(r.body),
    etag: ok ? weakEtag(r.body) : null,
    lastModifiedHttp: ok && r.lastModified ? new Date(Math.floor(r.lastModified.getTime() / 1000) * 1000).toUTCString() : null,
  };
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); otherwise
 * If-Modified-Since against Last-Modified, to the second.
 */
export function isNotModified(req: { method?: string; headers: IncomingHttpHeaders }, p: Prepared): boolean {
  if (p.status !== 200 || (req.method !== 'GET' && req.method !== 'HEAD')) return false;
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) {
    if (!p.etag) return false;
    const own = p.etag.replace(/^W\//, '');
    return inm.split(',').some((t) => {
      const tag = t.trim();
      return tag === '*' || tag.replace(/^W\//, '') === own;
    });
  }
  const ims = req.headers['if-modified-since'];
  if (ims && p.lastModifiedHttp) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(p.lastModifiedHttp) <= since;
  }
  return false;
}

export function send(req: FastifyRequest, reply: FastifyReply, p: Prepared) {
  reply.header('cache-control', p.status === 200 ? CACHE_CONTROL : 'no-cache');
  if (p.etag) reply.header('etag', p.etag);
  if (p.lastModifiedHttp) reply.header('last-modified', p.lastModifiedHttp);
  if (isNotModified(req, p)) return reply.status(304).send();
  return reply.status(p.status).type(p.type).send(p.bytes);
}

/**
 * A few seconds of memory for rendered public responses, per URL: a burst of readers of one page
 * costs one rendering. Bounded in entries; stale at most `ttlMs`, which is well inside the minute
 * browsers and proxies may keep the page anyway (max-age=60).
 */
export class MicroCache {
  private readonly entries = new Map<string, { value: Prepared; expires: number }>();
  private readonly pending = new Map<string, Promise<Prepared>>();
  /** Bumped by clear(): a rendering that began before it is not kept. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 500,
  ) {}

  /** A fresh entry, if there is one: the common case answers without waiting on anything. */
  peek(key: string): Prepared | null {
    const hit = this.entries.get(key);
    return hit && hit.expires > Date.now() ? hit.value : null;
  }

  async get(key: string, produce: () => Promise<Rendered>): Promise<Prepared> {
    if (this.ttlMs <= 0) return prepare(await produce());
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > now) return hit.value;
    // Readers arriving while the page renders wait for that rendering instead of starting their own.
    const running = this.pending.get(key);
    if (running) return running;
    const generation = this.generation;
    const p = produce()
      .then((r) => {
        const value = prepare(r);
        if (generation !== this.generation) return value;
        if (this.entries.size >= this.maxEntries) this.sweep(now);
        this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
        return value;
      })
      .finally(() => {
        if (this.pending.get(key) === p) this.pending.delete(key);
      });
    this.pending.set(key, p);
    return p;
  }

  clear() {
    this.generation++;
    this.entries.clear();
    this.pending.clear();
  }

  private sweep(now: number) {
    for (const [k, e] of this.entries) if (e.expires <= now) this.entries.delete(k);
    // Still full: drop the oldest half (Map keeps insertion order).
    if (this.entries.size >= this.maxEntries) for (const k of [...this.entries.keys()].slice(0, this.maxEntries / 2)) this.entries.delete(k);
  }
}
