/**
 * An in-memory BM25 index over short documents (questions and their variants), updated in place.
 * Postings are growable typed arrays; a query adds into a dense score array. Postings of terms found
 * in more than `maxDfRatio` of the documents (and more than 1,000) are skipped when the query has rarer terms (they rank
 * nothing and cost most of the time on a large bank). The caller keeps each document's distinct terms
 * (it needs them for features anyway) and passes them back to remove it.
 */
export interface Hit {
  doc: number;
  score: number;
}

const K1 = 1.2;
const B = 0.75;

class Postings {
  docs = new Int32Array(4);
  tfs = new Uint16Array(4);
  n = 0;

  push(doc: number, tf: number): void {
    if (this.n === this.docs.length) {
      const docs = new Int32Array(this.n * 2);
      docs.set(this.docs);
      this.docs = docs;
      const tfs = new Uint16Array(this.n * 2);
      tfs.set(this.tfs);
      this.tfs = tfs;
    }
    this.docs[this.n] = doc;
    this.tfs[this.n] = Math.min(tf, 65535);
    this.n++;
  }

  delete(doc: number): void {
    for (let i = this.n - 1; i >= 0; i--) {
      if (this.docs[i] === doc) {
        this.n--;
        this.docs[i] = this.docs[this.n];
        this.tfs[i] = this.tfs[this.n];
        return;
      }
    }
  }
}

export class Bm25Index {
  private postings = new Map<string, Postings>();
  private lengths = new Float64Array(1024);
  private scores = new Float64Array(1024);
  private count = 0;
  private totalLength = 0;

  get size(): number {
    return this.count;
  }

  df(term: string): number {
    return this.postings.get(term)?.n ?? 0;
  }

  idf(term: string): number {
    const df = this.df(term);
    return Math.log(1 + (this.count - df + 0.5) / (df + 0.5));
  }

  has(term: string): boolean {
    return this.postings.has(term);
  }

  private keys = new Map<string, string>();
  private keyOf(term: string): string {
    let k = this.keys.get(term);
    if (k === undefined) this.keys.set(term, (k = term));
    return k;
  }

  /** Adds a document (its terms with repetition); returns its distinct terms, interned. */
  add(doc: number, terms: string[]): string[] {
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    const distinct: string[] = [];
    for (const [t, n] of tf) {
      let p = this.postings.get(t);
      if (!p) this.postings.set(t, (p = new Postings()));
      p.push(doc, n);
      distinct.push(this.keyOf(t));
    }
    if (doc >= this.lengths.length) {
      let size = this.lengths.length;
      while (size <= doc) size *= 2;
      const lengths = new Float64Array(size);
      lengths.set(this.lengths);
      this.lengths = lengths;
      this.scores = new Float64Array(size);
    }
    this.lengths[doc] = terms.length;
    this.count++;
    this.totalLength += terms.length;
    return distinct;
  }

  /** Removes a document given its distinct terms (as `add` returned them). */
  remove(doc: number, distinct: string[]): void {
    if (doc >= this.lengths.length) return;
    for (const t of distinct) {
      const p = this.postings.get(t);
      if (!p) continue;
      p.delete(doc);
      if (p.n === 0) {
        this.postings.delete(t);
        this.keys.delete(t);
      }
    }
    this.totalLength -= this.lengths[doc];
    this.lengths[doc] = 0;
    this.count--;
  }

  search(query: string[], k: number, maxDfRatio = 0.02): Hit[] {
    const n = this.count;
    if (!n || !query.length) return [];
    const avg = this.totalLength / n || 1;
    const distinct = [...new Set(query)];
    const cut = Math.max(1000, n * maxDfRatio);
    const rare = distinct.filter((t) => this.df(t) > 0 && this.df(t) <= cut);
    const use = rare.length ? rare : distinct;
    const scores = this.scores;
    const touched: number[] = [];
    for (const t of use) {
      const p = this.postings.get(t);
      if (!p) continue;
      const idf = this.idf(t);
      for (let i = 0; i < p.n; i++) {
        const doc = p.docs[i];
        const tf = p.tfs[i];
        const s = (idf * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * this.lengths[doc]) / avg));
        if (scores[doc] === 0) touched.push(doc);
        scores[doc] += s;
      }
    }
    const hits = touched.map((doc) => ({ doc, score: scores[doc] }));
    for (const doc of touched) scores[doc] = 0;
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, k);
  }
}
