/**
 * Highlighting of search results: the query's own text, its CJK runs and latin/digit runs, and the
 * CJK pairs the search matched on (so 政务公开 marks 政务 and 公开 where the whole word is absent).
 * Matching is done on an NFKC, lower-cased copy (Ｗ＝w) and mapped back to the original characters;
 * everything outside <mark> is HTML-escaped.
 */

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const RUN = /([\u3400-\u9fff\uf900-\ufaff]+)|([a-z0-9]+)/g;
const ALNUM = /[a-z0-9]/;

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase();

/** The strings to mark for a query, longest first. */
export function highlightNeedles(query: string): string[] {
  const q = norm(query).trim().replace(/\s+/g, ' ');
  const out = new Set<string>();
  if (q.length > 1) out.add(q);
  for (const m of q.matchAll(RUN)) {
    out.add(m[0]);
    if (m[1]) for (let i = 0; i + 1 < m[1].length; i++) out.add(m[1].slice(i, i + 2));
  }
  // Only needles that hold something searchable: a lone 〔 or space marks nothing.
  return [...out].filter((n) => CJK.test(n) || ALNUM.test(n)).sort((a, b) => b.length - a.length).slice(0, 40);
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function needleRe(needles: string[]): RegExp | null {
  if (!needles.length) return null;
  // A latin/digit run matches whole runs only, as the index does: 12 does not mark the 12 of 2012.
  const parts = needles.map((n) => `${ALNUM.test(n[0]) ? '(?<![a-z0-9])' : ''}${escapeRe(n)}${ALNUM.test(n.at(-1)!) ? '(?![a-z0-9])' : ''}`);
  return new RegExp(parts.join('|'), 'gu');
}

/** The normalised text and, per normalised code unit, the span of the original it came from. */
function normalised(text: string): { text: string; from: number[]; to: number[] } {
  let out = '';
  const from: number[] = [];
  const to: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = norm(ch);
    for (let k = 0; k < n.length; k++) {
      from.push(i);
      to.push(i + ch.length);
    }
    out += n;
    i += ch.length;
  }
  return { text: out, from, to };
}

/** Spans [start, end) of the original text to mark, merged and in order. */
export function matchSpans(text: string, needles: string[]): [number, number][] {
  const re = needleRe(needles);
  if (!re) return [];
  const n = normalised(text);
  const spans: [number, number][] = [];
  for (const m of n.text.matchAll(re)) {
    if (!m[0].length) continue;
    const s = n.from[m.index!];
    const e = n.to[m.index! + m[0].length - 1];
    const last = spans.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else spans.push([s, e]);
  }
  return spans;
}

/** HTML of `text` with the needles wrapped in <mark>, everything else escaped. */
export function highlightHtml(text: string, needles: string[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matchSpans(text, needles)) {
    out += `${escapeHtml(text.slice(at, s))}<mark>${escapeHtml(text.slice(s, e))}</mark>`;
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * Where the longest needle that occurs first occurs. Bodies can be long: a plain lower-cased copy is
 * searched first, the character-by-character normalised one only when that finds nothing (full-width
 * letters, say).
 */
function firstMatch(text: string, needles: string[]): number {
  const lower = text.toLowerCase();
  const plain = lower.length === text.length;
  for (const needle of needles) {
    const re = needleRe([needle])!;
    const m = plain ? re.exec(lower) : null;
    if (m) return m.index;
  }
  for (const needle of needles) {
    const [span] = matchSpans(text, [needle]);
    if (span) return span[0];
  }
  return -1;
}

/**
 * A short passage of the body around the best match (the longest needle found; the first lines when
 * only the title matched), with marks, as HTML.
 */
export function snippetHtml(body: string, needles: string[], length = 110): string {
  const text = body.replace(/\s+/g, ' ').trim();
  if (!text) return '';
  let start = 0;
  const at = firstMatch(text, needles);
  if (at >= 0) start = Math.max(0, at - Math.floor(length / 4));
  let end = Math.min(text.length, start + length);
  if (end === text.length) start = Math.max(0, end - length);
  // Never cut a surrogate pair in half.
  if (start > 0 && /[\udc00-\udfff]/.test(text[start])) start--;
  if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end++;
  return `${start > 0 ? '…' : ''}${highlightHtml(text.slice(start, end), needles)}${end < text.length ? '…' : ''}`;
}
