import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/**
 * Chinese search without a Chinese parser in the database. A document is indexed under: latin and
 * digit runs (lower-cased), every CJK character and every pair of adjacent CJK characters, and
 * jieba's words. A query asks for its latin/digit runs, a lone CJK character, or the pairs of a longer
 * CJK run — so a one- or two-character word, or a document number such as 渝中府办发〔2021〕50号,
 * matches whatever way jieba happened to cut the document. Terms go to the database as literal
 * lexemes (array_to_tsvector, ::tsquery), so neither back end's text parser or locale is involved.
 */

let jieba: Jieba | null = null;
function cutter(): Jieba {
  if (!jieba) {
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Buffer };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

const RUN = /([\u3400-\u9fff\uf900-\ufaff]+)|([a-z0-9]+)/g;

function runs(text: string): { cjk: string[]; alnum: string[] } {
  const cjk: string[] = [];
  const alnum: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(RUN)) (m[1] ? cjk : alnum).push(m[1] ?? m[2]);
  return { cjk, alnum };
}

/** Index terms of a text (distinct). */
export function indexTerms(text: string, opts: { words?: boolean } = {}): string[] {
  const terms = new Set<string>();
  const { cjk, alnum } = runs(text);
  for (const a of alnum) terms.add(a);
  for (const run of cjk) {
    for (let i = 0; i < run.length; i++) {
      terms.add(run[i]);
      if (i + 1 < run.length) terms.add(run.slice(i, i + 2));
    }
    if (opts.words !== false && run.length > 2) for (const w of cutter().cutForSearch(run, true)) if (w.length > 2) terms.add(w);
  }
  return [...terms];
}

/** Terms a query must all match; empty when the query has nothing searchable. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  const { cjk, alnum } = runs(query);
  for (const a of alnum) terms.add(a);
  for (const run of cjk) {
    if (run.length === 1) terms.add(run);
    for (let i = 0; i + 1 < run.length; i++) terms.add(run.slice(i, i + 2));
  }
  return [...terms].slice(0, 32);
}

/** A tsquery literal ANDing the terms; each is quoted so that no character is read as an operator. */
export function tsqueryLiteral(terms: string[]): string {
  return terms.map((t) => `'${t.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`).join(' & ');
}
