import { detectAddress } from './detect-address.ts';
import { detectBankCard } from './detect-bank-card.ts';
import { detectEmail } from './detect-email.ts';
import { detectIdCard } from './detect-id-card.ts';
import { detectMobile } from './detect-mobile.ts';
import { detectPassport } from './detect-passport.ts';
import { detectPersonName } from './detect-person-name.ts';
import { detectPlate } from './detect-plate.ts';
import { PiiScanError } from './errors.ts';
import { type MaskConfig, maskValue, resolveMaskConfig } from './mask.ts';
import { mergeSpans } from './merge.ts';
import { MSG } from './messages.ts';
import { normalizeText } from './normalize.ts';
import type { Detector, PiiFinding, Span } from './types.ts';

const DETECTORS: readonly Detector[] = [
  detectIdCard,
  detectBankCard,
  detectMobile,
  detectEmail,
  detectPassport,
  detectPlate,
  detectAddress,
  detectPersonName,
];

export interface ScanOptions {
  mask?: Partial<MaskConfig>;
}

/**
 * Finds personal information in a text. Offsets are UTF-16 offsets into `text` itself, even
 * when the value was disguised with full-width digits or invisible characters; `masked` is
 * built from the value as the detectors read it, so such characters do not survive masking.
 */
export function scanText(text: string, opts: ScanOptions = {}): PiiFinding[] {
  const cfg = resolveMaskConfig(opts.mask);
  const norm = normalizeText(text);
  const spans: Span[] = [];
  // A loop, not push(...found): a spread of a huge result would overflow the call stack.
  for (const detect of DETECTORS) for (const s of detect(norm.text)) spans.push(s);
  return mergeSpans(spans).map((s) => {
    const { start, end } = norm.toOriginal(s.start, s.end);
    return {
      start,
      end,
      type: s.type,
      value: text.slice(start, end),
      masked: maskValue(s.type, norm.text.slice(s.start, s.end), cfg),
    };
  });
}

/**
 * Replaces each finding with its mask. Findings must come from scanning this very text:
 * if a value no longer sits at its offsets the text was changed, and masking by stale offsets
 * could leave personal information visible, so that is refused. Findings nested in another
 * are covered by it; findings that partly overlap are refused too.
 */
export function maskText(text: string, findings: readonly PiiFinding[]): string {
  const ordered = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let pos = 0;
  for (const f of ordered) {
    if (f.end <= pos) continue; // inside a finding already masked
    // A finding that straddles the previous one would be half masked: refuse rather than leak.
    if (f.start < pos) throw new PiiScanError('invalid_findings', MSG.overlappingFindings);
    if (text.slice(f.start, f.end) !== f.value) throw new PiiScanError('stale_findings', MSG.staleFindings);
    out += text.slice(pos, f.start) + f.masked;
    pos = f.end;
  }
  return out + text.slice(pos);
}
