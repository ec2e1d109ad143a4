/**
 * An in-memory BM25 index over short documents (questions and their variants), updated in place.
 * Postings of terms found in more than `maxDfRatio` of the documents are skipped at query time when the
 * query has rarer terms (they rank nothing and cost most of the time on a large bank).
 */
export interface Hit {
  doc: number;
  score: number;
}

const K1 = 1.2;
const B = 0.75;

export class Bm25Index {
  private postings = new Map<string, Map<number, number>>();
  private lengths = new Map<number, number>();
  private docTerms = new Map<number, string[]>();
  private totalLength = 0;

  get size(): number {
    return this.lengths.size;
  }

  df(term: string): number {
    return this.postings.get(term)?.size ?? 0;
  }

  idf(term: string): number {
    const n = this.size;
    const df = this.df(term);
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  terms(): IterableIterator<string> {
    return this.postings.keys();
  }

  add(doc: number, terms: string[]): void {
    this.remove(doc);
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = new Map()));
      p.set(doc, n);
    }
    this.lengths.set(doc, terms.length);
    this.docTerms.set(doc, [...tf.keys()]);
    this.totalLength += terms.length;
  }

  remove(doc: number): void {
    const terms = this.docTerms.get(doc);
    if (!terms) return;
    for (const t of terms) {
      const p = this.postings.get(t);
      p?.delete(doc);
      if (p && p.size === 0) this.postings.delete(t);
    }
    this.totalLength -= this.lengths.get(doc) ?? 0;
    this.lengths.delete(doc);
    this.docTerms.delete(doc);
  }

  search(query: string[], k: number, maxDfRatio = 0.05): Hit[] {
    const n = this.size;
    if (!n || !query.length) return [];
    const avg = this.totalLength / n || 1;
    const distinct = [...new Set(query)];
    const cut = Math.max(50, n * maxDfRatio);
    const rare = distinct.filter((t) => this.df(t) > 0 && this.df(t) <= cut);
    const use = rare.length ? rare : distinct;
    const acc = new Map<number, number>();
    for (const t of use) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      for (const [doc, tf] of p) {
        const len = this.lengths.get(doc) ?? 1;
        const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / avg));
        acc.set(doc, (acc.get(doc) ?? 0) + s);
      }
    }
    return topK(acc, k);
  }
}

/** The k best hits, ties broken by the lower doc id (deterministic). */
export function topK(acc: Map<number, number>, k: number): Hit[] {
  const hits: Hit[] = [];
  for (const [doc, score] of acc) hits.push({ doc, score });
  hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return hits.slice(0, k);
}
