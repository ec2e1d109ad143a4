import type { PiiType, Span } from './types.ts';

/** Tie-break between equally long overlapping spans: the more specific check wins. */
const PRIORITY: Record<PiiType, number> = {
  id_card: 8,
  bank_card: 7,
  passport: 6,
  email: 5,
  mobile: 4,
  plate: 3,
  address: 2,
  person_name: 1,
};

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Within one cluster of overlapping spans: longest first, then most specific, greedily. */
function resolveCluster(cluster: Span[], out: Span[]): void {
  if (cluster.length === 1) {
    out.push(cluster[0]);
    return;
  }
  const ranked = [...cluster].sort(
    (x, y) => y.end - y.start - (x.end - x.start) || PRIORITY[y.type] - PRIORITY[x.type] || x.start - y.start,
  );
  const kept: Span[] = [];
  for (const s of ranked) if (!kept.some((k) => overlaps(k, s))) kept.push(s);
  for (const k of kept) out.push(k);
}

/**
 * Makes the spans non-overlapping and sorted by start.
 * An address whose look-back swallowed another finding before its house number (申请人张三家住…
 * without a cue) starts again after that finding, so the visible part of the address mask can
 * never show it. Otherwise the longer span wins, then the more specific type.
 */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((x, y) => x.start - y.start || y.end - x.end);
  const trimmed: Span[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (a.type !== 'address') {
      trimmed.push(a);
      continue;
    }
    let start = a.start;
    for (let j = i - 1; j >= 0 && sorted[j].start >= a.start - 64; j--) {
      const o = sorted[j];
      if (o.type !== 'address' && o.end > start && o.end < a.end - 2) start = o.end;
    }
    for (let j = i + 1; j < sorted.length && sorted[j].start < a.end; j++) {
      const o = sorted[j];
      if (o.type !== 'address' && o.end > start && o.end < a.end - 2) start = o.end;
    }
    trimmed.push(start === a.start ? a : { ...a, start });
  }
  trimmed.sort((x, y) => x.start - y.start || y.end - x.end);

  const out: Span[] = [];
  let cluster: Span[] = [];
  let clusterEnd = -1;
  for (const s of trimmed) {
    if (cluster.length > 0 && s.start >= clusterEnd) {
      resolveCluster(cluster, out);
      cluster = [];
    }
    cluster.push(s);
    clusterEnd = cluster.length === 1 ? s.end : Math.max(clusterEnd, s.end);
  }
  if (cluster.length > 0) resolveCluster(cluster, out);
  return out.sort((x, y) => x.start - y.start);
}
