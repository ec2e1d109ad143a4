import { CODE_LABEL_RE, nearestLabel } from './context.ts';
import type { Span } from './types.ts';

/**
 * Chinese passport numbers. E + 8 digits and E + letter + 7 digits (the current ordinary
 * passport) are distinctive enough to flag anywhere; G/P/S/D + 8 digits (older ordinary,
 * public-affairs, service and diplomatic passports) look like other codes, so they need a
 * 护照 label before them.
 */
const PASSPORT_RE = /(?<![0-9A-Za-z])(?:E[0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|[GPSD][0-9]{8})(?![0-9A-Za-z])/g;

const PASSPORT_LABEL_RE = /护照|旅行证件|passport|Passport|PASSPORT/g;

export function detectPassport(text: string): Span[] {
  const out: Span[] = [];
  PASSPORT_RE.lastIndex = 0;
  for (let m = PASSPORT_RE.exec(text); m !== null; m = PASSPORT_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const label = nearestLabel(text, start, 30, PASSPORT_LABEL_RE, CODE_LABEL_RE);
    if (label === 'negative') continue;
    if (m[0][0] !== 'E' && label !== 'positive') continue;
    out.push({ start, end, type: 'passport' });
  }
  return out;
}
