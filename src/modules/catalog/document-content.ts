import sanitizeHtml from 'sanitize-html';
import { sql } from 'drizzle-orm';
import { runOfficeJob } from '../../platform/office/run-office-job.ts';
import { checkBodyBounds } from './check-body-bounds.ts';
import { indexTerms } from './search-terms.ts';

/**
 * Rich text as editors paste it from Word, reduced to what a government page needs; scripts, handlers
 * and foreign frames go. The size and nesting depth are bounded first (check-body-bounds.ts), so the
 * sanitiser's work stays linear in the length of the body.
 */
export function sanitizeBody(html: string): string {
  checkBodyBounds(html);
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'a', 'img', 'blockquote', 'span', 'div', 'sub', 'sup'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'width', 'height'], td: ['colspan', 'rowspan'], th: ['colspan', 'rowspan'], p: ['style'], span: ['style'], div: ['style'] },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/], 'text-indent': [/^\d+(\.\d+)?(em|px)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https', 'data'] },
    allowProtocolRelative: false,
    transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}

/** The sanitised body and its text. */
export function cleanBody(raw: string): { html: string; text: string } {
  const html = sanitizeBody(raw);
  return { html, text: bodyText(html) };
}

/** Bodies up to this size are cleaned in the request's thread (a few ms); larger ones in the worker. */
const IN_THREAD_CHARS = 32 * 1024;

/**
 * cleanBody for a body a user sent. A long body pasted from Word costs the sanitiser a second or two
 * (its style attributes above all), so it is cleaned in the worker thread (run-office-job.ts), under
 * the worker's time limit, while the event loop serves other requests.
 */
export async function cleanBodyOffThread(raw: string): Promise<{ html: string; text: string }> {
  if (raw.length < IN_THREAD_CHARS) return cleanBody(raw);
  // The bounds first, here: the pass is cheap and stops at the first tag past a limit.
  checkBodyBounds(raw);
  return runOfficeJob('clean-body', { html: raw }, { subject: 'body' });
}

/** The text of the body, for search, the PII scan and previews. */
export function bodyText(html: string): string {
  return sanitizeHtml(html.replace(/<\/(p|div|h[2-4]|li|tr|br)>|<br\s*\/?>/gi, '$&\n'), { allowedTags: [], allowedAttributes: {} })
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The search vector: the literal terms (see search-terms.ts) of the title, document number and index
 * number (so 渝中府办发〔2021〕12号 finds its document), body and attachment text, without positions.
 * Without positions a tsvector holds no weights either, so ranking does not come from ts_rank: the
 * search ranks its candidates in code (title and document-number hits first, then date).
 */
export function searchVectorSql(doc: { title: string; docNumber?: string | null; indexNo?: string | null }, text: string) {
  const title = [doc.title, doc.docNumber ?? '', doc.indexNo ?? ''].join(' ');
  const terms = [...new Set([...indexTerms(title), ...indexTerms(text)])];
  // Passed as one JSON parameter: a JS array would be spread into a row of parameters.
  return sql`array_to_tsvector(array(select jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb)))`;
}
