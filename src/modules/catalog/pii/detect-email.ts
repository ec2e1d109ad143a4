import { clauseAfter, clauseBefore, OFFICIAL_LINE_RE } from './context.ts';
import type { Span } from './types.ts';

/**
 * Personal e-mail addresses. Found by walking out from each "@" instead of one big regex,
 * which would backtrack over every long run of letters in the text.
 * Agency mailboxes are skipped: any government domain (….gov.cn, gov.hk …), and functional
 * mailboxes (xxgk@, bgs@ …) that sit under a gov label or right after an agency's name.
 */
const GOV_DOMAIN_RE = /(?:^|\.)gov(?:\.[a-z]{2})?$|\.gov\./i;
const ORG_MAILBOX_RE =
  /xxgk|zwgk|^(?:gkb|bgs|bgt|xfb|xfj|xfk|xf|jb|jjjc|ts|tousu|jubao|zxts|zwfw|rmzf|zfb|office|service|webmaster|postmaster|admin|info|contact|news|press)(?:[._-]|[0-9]|$)/i;

const LOCAL = /[A-Za-z0-9._%+-]/;
const DOMAIN = /[A-Za-z0-9.-]/;

export function detectEmail(text: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    let s = at;
    while (s > 0 && at - s < 64 && LOCAL.test(text[s - 1])) s--;
    while (s < at && (text[s] === '.' || text[s] === '-')) s++;
    if (s === at) continue;
    let e = at + 1;
    while (e < text.length && e - at <= 253 && DOMAIN.test(text[e])) e++;
    while (e > at + 1 && (text[e - 1] === '.' || text[e - 1] === '-')) e--;
    const domain = text.slice(at + 1, e);
    if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/.test(domain)) {
      continue;
    }
    if (GOV_DOMAIN_RE.test(domain)) continue;
    const local = text.slice(s, at);
    // A functional mailbox named next to an agency, before it or in brackets after it.
    if (ORG_MAILBOX_RE.test(local) && OFFICIAL_LINE_RE.test(clauseBefore(text, s, 40) + clauseAfter(text, e, 20))) continue;
    out.push({ start: s, end: e, type: 'email' });
  }
  return out;
}
