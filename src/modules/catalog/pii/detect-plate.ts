import type { Span } from './types.ts';

/**
 * Ordinary civilian plates: province character, issuing-office letter, optional separator,
 * then 5 characters, or 6 for new-energy plates (D/F first for small cars, last for large ones).
 * Police (警), driving-school (学), trailer (挂), consular (领) and military plates end in a
 * character or lack the province prefix, so the trailing guard leaves them out.
 */
const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';
const PLATE_RE = new RegExp(
  `[${PROVINCES}][A-HJ-NP-Z][·.\\- ]?(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{5})(?![0-9A-Za-z警学挂领使港澳试超])`,
  'g',
);

export function detectPlate(text: string): Span[] {
  const out: Span[] = [];
  PLATE_RE.lastIndex = 0;
  for (let m = PLATE_RE.exec(text); m !== null; m = PLATE_RE.exec(text)) {
    const serial = m[0].slice(2).replace(/^[·.\- ]/, '');
    // Real serials carry at most two letters; "云PAAS1"-like words do not count.
    let digits = 0;
    for (const c of serial) if (c >= '0' && c <= '9') digits++;
    if (digits < serial.length - 2) continue;
    out.push({ start: m.index, end: m.index + m[0].length, type: 'plate' });
  }
  return out;
}
