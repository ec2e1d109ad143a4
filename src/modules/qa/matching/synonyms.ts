import { normalise } from './normalise.js';

/** Rewrites every synonym to its group's canonical term, longest match first (one pass, left to right). */
export interface SynonymRewriter {
  rewrite(text: string): string;
  /** Every term of the table, canonical ones included (domain words for the segmenter). */
  terms: string[];
}

const MAX_GROUPS = 5000;

/**
 * `groups` (the office's table) first, then `builtIn` (the colloquial lexicon): a term keeps the first
 * group that names it, so the office's mapping wins; a canonical term that another group maps on is
 * followed (老汉 → 父母 when the office writes 父母 = 双亲 … as 双亲 first: 老汉 → 双亲).
 */
export function synonymRewriter(groups: string[][], builtIn: string[][] = []): SynonymRewriter {
  const canonical = new Map<string, string>();
  for (const group of [...groups.slice(0, MAX_GROUPS), ...builtIn]) {
    const terms = group.map((t) => normalise(t).replace(/\s+/g, '')).filter((t) => t.length >= 2 && t.length <= 20);
    if (terms.length < 2) continue;
    for (const t of terms) if (!canonical.has(t)) canonical.set(t, terms[0]);
  }
  for (const [t, c] of canonical) {
    let to = c;
    for (let i = 0; i < 4 && canonical.get(to) !== to && canonical.has(to); i++) to = canonical.get(to)!;
    canonical.set(t, to);
  }
  const sorted = [...canonical.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : null;
  return {
    rewrite: (text) => (pattern ? text.replace(pattern, (m) => canonical.get(m) ?? m) : text),
    terms: sorted,
  };
}
