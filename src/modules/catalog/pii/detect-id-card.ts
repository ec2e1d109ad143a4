import { isValidIdCard15, isValidIdCard18, luhnValid } from './check-digits.ts';
import { CODE_LABEL_RE, isIndexNumberHead, isPartOfDecimal, nearestLabel } from './context.ts';
import type { Span } from './types.ts';

// A run of exactly 18 (last may be X) or 15 digits; letters around it mean it is part of a code.
const ID_RE = /(?<![0-9A-Za-z])(?:[0-9]{17}[0-9Xx]|[0-9]{15})(?![0-9A-Za-z])/g;

const ID_LABEL_RE = /身份证编号|证件编号|身份证|身份号码|公民身份|证件号|证件号码|身份证号/g;
const BANK_LABEL_RE = /卡号|银行卡|账号|帐号|开户/g;

/** Resident ID numbers (GB 11643): 18 digits with a valid check character, or old 15-digit ones. */
export function detectIdCard(text: string): Span[] {
  const out: Span[] = [];
  ID_RE.lastIndex = 0;
  for (let m = ID_RE.exec(text); m !== null; m = ID_RE.exec(text)) {
    const value = m[0];
    const start = m.index;
    const end = start + value.length;
    if (isIndexNumberHead(text, end) || isPartOfDecimal(text, start, end)) continue;

    if (value.length === 18) {
      if (!isValidIdCard18(value)) continue;
      // The nearest label decides: an ID label wins, a code label (信用代码, 编号 …) rules it out.
      const label = nearestLabel(text, start, 30, ID_LABEL_RE, CODE_LABEL_RE);
      if (label === 'negative') continue;
      // A number that is also Luhn-valid under a card label is left to the bank card detector.
      if (label === 'none' && luhnValid(value) && nearestLabel(text, start, 30, BANK_LABEL_RE, ID_LABEL_RE) === 'positive') {
        continue;
      }
    } else {
      if (!isValidIdCard15(value)) continue;
      // Old IDs have no check digit, so any code label nearer than an ID label rules them out.
      if (nearestLabel(text, start, 30, ID_LABEL_RE, CODE_LABEL_RE) === 'negative') continue;
    }
    out.push({ start, end, type: 'id_card' });
  }
  return out;
}
