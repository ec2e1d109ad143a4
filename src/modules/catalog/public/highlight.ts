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

const normCache = new Map<string, string>();
/** One character normalised; Chinese text uses a few thousand characters, so they are remembered. */
function normChar(ch: string): string {
  let n = normCache.get(ch);
  if (n === undefined) {
    n = norm(ch);
    if (normCache.size < 50_000) normCache.set(ch, n);
  }
  return n;
}

/**
 * The normalised text and, per normalised code unit, the span of the original it came from. Most
 * text keeps its length when normalised (full-width ＡＢ，：→ AB,: one for one), so it goes in pieces of
 * 32 code units, one character at a time only in a piece whose length changes (① → 1 is one for one,
 * ㈠ → (一) is not).
 */
function normalised(text: string): { text: string; from: number[]; to: number[] } {
  const parts: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  for (let at = 0; at < text.length; ) {
    let end = Math.min(text.length, at + 32);
    if (end < text.length && /[\ud800-\udbff]/.test(text[end - 1])) end++;
    const piece = text.slice(at, end);
    const n = norm(piece);
    if (n.length === piece.length) {
      for (let k = 0; k < n.length; k++) {
        from.push(at + k);
        to.push(at + k + 1);
      }
      parts.push(n);
    } else {
      let i = at;
      for (const ch of piece) {
        const c = normChar(ch);
        for (let k = 0; k < c.length; k++) {
          from.push(i);
          to.push(i + ch.length);
        }
        parts.push(c);
        i += ch.length;
      }
    }
    at = end;
  }
  return { text: parts.join(''), from, to };
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
  if (plain)
    for (const needle of needles) {
      const m = needleRe([needle])!.exec(lower);
      if (m) return m.index;
    }
  // Normalised whole: when the length holds (the usual case), positions hold too, near enough for a snippet.
  const whole = norm(text);
  if (plain && whole === lower) return -1;
  if (whole.length === text.length) {
    for (const needle of needles) {
      const m = needleRe([needle])!.exec(whole);
      if (m) return m.index;
    }
    return -1;
  }
  const n = normalised(text);
  for (const needle of needles) {
    const m = needleRe([needle])!.exec(n.text);
    if (m) return n.from[m.index];
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
