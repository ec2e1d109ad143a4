import { isValidCreditCode, isValidIdCard18, luhnValid } from './check-digits.ts';
import { CODE_LABEL_RE, hasLabelBefore, isIndexNumberHead, isPartOfDecimal, nearestLabel } from './context.ts';
import type { Span } from './types.ts';

// 16–19 digits, either solid or in groups of four separated by single spaces (last group 1–4).
const CARD_RE = /(?<![0-9])(?:[0-9]{4}(?: [0-9]{4}){3}(?: [0-9]{1,3})?|[0-9]{16,19})(?![0-9])/g;

const CARD_LABEL_RE = /卡号|银行卡|借记卡|信用卡|储蓄卡|社保卡|账号|帐号|账户|帐户|开户/g;
const ID_LABEL_RE = /身份证|身份号码|公民身份|证件号/g;
// Collection accounts that an agency publishes in a fee notice are not personal.
const AGENCY_ACCOUNT_RE = /收款单位|收款账户|收款帐户|收款人|对公|基本户|财政专户|非税收入/g;

/** Bank card numbers: 16–19 digits, a card-issuer first digit, Luhn-valid. */
export function detectBankCard(text: string): Span[] {
  const out: Span[] = [];
  CARD_RE.lastIndex = 0;
  for (let m = CARD_RE.exec(text); m !== null; m = CARD_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const digits = m[0].replace(/ /g, '');
    if (digits.length < 16 || digits.length > 19) continue;
    // Issuer identification: 3 (JCB, Amex), 4 (Visa), 5 (Mastercard), 6 (UnionPay), 9 (old domestic).
    if (!'34569'.includes(digits[0])) continue;
    if (!luhnValid(digits) || /^(\d)\1+$/.test(digits)) continue;
    if (isIndexNumberHead(text, end) || isPartOfDecimal(text, start, end)) continue;
    const label = nearestLabel(text, start, 30, CARD_LABEL_RE, CODE_LABEL_RE);
    if (label === 'negative') continue;
    if (digits.length === 18) {
      // An 18-digit number that is a valid ID is an ID unless a card label says otherwise.
      if (isValidIdCard18(digits) && label !== 'positive') continue;
      if (isValidCreditCode(digits) && label !== 'positive') continue;
      if (nearestLabel(text, start, 30, ID_LABEL_RE, CARD_LABEL_RE) === 'positive') continue;
    }
    if (hasLabelBefore(text, start, 40, AGENCY_ACCOUNT_RE)) continue;
    out.push({ start, end, type: 'bank_card' });
  }
  return out;
}
