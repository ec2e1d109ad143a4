import type { SearchResult } from './search-documents.ts';
import { searchParams, type SearchParams } from './search-documents.ts';

/**
 * The search parameters as a cache key: the query as the search reads it (NFKC, lower case, runs
 * of spaces as one — see search-terms.ts and highlight.ts), then every filter, page and order.
 * Parameters the search would refuse give no key (they are not cached).
 */
export function searchKey(raw: SearchParams): string | null {
  const parsed = searchParams.safeParse(raw);
  if (!parsed.success) return null;
  const p = parsed.data;
  const q = p.q.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
  return JSON.stringify([q, p.page, p.sort, p.column ?? '', p.unit ?? '', p.year ?? '', p.validity ?? '', p.type ?? '']);
}

/** About what a result keeps in memory: its strings (UTF-16) and a little per hit. */
export function resultBytes(r: SearchResult): number {
  let n = 200;
  for (const h of r.hits) n += 2 * (h.id.length + h.title.length + h.url.length + h.snippet.length + h.column.length + h.publishedAt.length + h.titleHtml.length + h.columnSlug.length + (h.docNumber?.length ?? 0) + h.publisher.length + h.validity.length) + 300;
  return n;
}

/**
 * Search results kept while the catalog is unchanged: keyed by the catalog's version and the
 * normalized query, least recently used first out, bounded in entries and in bytes. Readers of a
 * query being searched wait for that search instead of starting their own.
 */
export class SearchCache {
  private readonly entries = new Map<string, { value: SearchResult; bytes: number }>();
  private readonly pending = new Map<string, Promise<SearchResult>>();
  private bytes = 0;

  constructor(
    readonly maxEntries = 2_000,
    readonly maxBytes = 16 * 1024 * 1024,
  ) {}

  get size() {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  /**
   * The result for `key` under catalog `version`, searched by `search` when not kept. A failed
   * search is not kept.
   */
  get(version: string, key: string, search: () => Promise<SearchResult>): Promise<SearchResult> {
    const k = `${version}\n${key}`;
    const hit = this.entries.get(k);
    if (hit) {
      // Most recently used goes last (a Map keeps insertion order).
      this.entries.delete(k);
      this.entries.set(k, hit);
      return Promise.resolve(hit.value);
    }
    const running = this.pending.get(k);
    if (running) return running;
    const p = search()
      .then((value) => {
        if (this.pending.get(k) === p) this.put(k, value);
        return value;
      })
      .finally(() => {
        if (this.pending.get(k) === p) this.pending.delete(k);
      });
    this.pending.set(k, p);
    return p;
  }

  /** Drops everything (the catalog changed): keys of the old version would never be read again. */
  clear() {
    this.entries.clear();
    this.pending.clear();
    this.bytes = 0;
  }

  private put(k: string, value: SearchResult) {
    const bytes = resultBytes(value);
    if (bytes > this.maxBytes / 4) return;
    this.entries.set(k, { value, bytes });
    this.bytes += bytes;
    for (const [old, e] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
      this.entries.delete(old);
      this.bytes -= e.bytes;
    }
  }
}
