import { CODE_LABEL_RE, isIndexNumberHead, isPartOfDecimal, nearestLabel } from './context.ts';
import type { Span } from './types.ts';

/**
 * Mainland mobile numbers: 1[3-9]x + 8 digits, optionally written 3-4-4 with spaces or dashes
 * and optionally after +86 / 0086 / 86. The country prefix is matched (so the digit guard does
 * not reject "+8613…") but left out of the finding, so the mask reads "+86 138****5678".
 */
const MOBILE_RE = /(?<![0-9])(?:(?:\+|00)?86[ -]?)?(1[3-9][0-9][ -]?[0-9]{4}[ -]?[0-9]{4})(?![0-9])/dg;

const PHONE_LABEL_RE = /手机|电话|联系方式|号码|热线|tel|Tel|TEL|mobile|Mobile/g;

export function detectMobile(text: string): Span[] {
  const out: Span[] = [];
  MOBILE_RE.lastIndex = 0;
  for (let m = MOBILE_RE.exec(text); m !== null; m = MOBILE_RE.exec(text)) {
    const [start, end] = m.indices![1];
    if (isIndexNumberHead(text, end) || isPartOfDecimal(text, start, end)) continue;
    // A spaced "138 1234 5678" must not be a slice of a longer spaced digit run (a card number).
    if (end - start > 11) {
      const prefixed = m.index !== start;
      if (!prefixed && /[ -]/.test(text[start - 1] ?? '') && /[0-9]/.test(text[start - 2] ?? '')) continue;
      if (/[ -]/.test(text[end] ?? '') && /[0-9]/.test(text[end + 1] ?? '')) continue;
    }
    if (nearestLabel(text, start, 20, PHONE_LABEL_RE, CODE_LABEL_RE) === 'negative') continue;
    out.push({ start, end, type: 'mobile' });
  }
  return out;
}
