import { normalise } from './normalise.js';

/** Rewrites every synonym to its group's canonical term, longest match first (one pass, left to right). */
export interface SynonymRewriter {
  rewrite(text: string): string;
  /** Every term of the table, canonical ones included (domain words for the segmenter). */
  terms: string[];
}

const MAX_GROUPS = 5000;

export function synonymRewriter(groups: string[][]): SynonymRewriter {
  const canonical = new Map<string, string>();
  for (const group of groups.slice(0, MAX_GROUPS)) {
    const terms = group.map((t) => normalise(t).replace(/\s+/g, '')).filter((t) => t.length >= 2 && t.length <= 20);
    if (terms.length < 2) continue;
    for (const t of terms) if (!canonical.has(t)) canonical.set(t, terms[0]);
  }
  const sorted = [...canonical.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const escaped = sorted.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = escaped.length ? new RegExp(escaped.join('|'), 'g') : null;
  return {
    rewrite: (text) => (pattern ? text.replace(pattern, (m) => canonical.get(m) ?? m) : text),
    terms: sorted,
  };
}
