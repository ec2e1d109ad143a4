import sanitizeHtml from 'sanitize-html';
import { sql } from 'drizzle-orm';
import { indexTerms } from './search-terms.ts';

/** Rich text as editors paste it from Word, reduced to what a government page needs; scripts, handlers and foreign frames go. */
export function sanitizeBody(html: string): string {
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
 * The search vector: title, document number and index number weighted A (so 渝中府办发〔2021〕12号
 * finds its document), body and attachment terms D.
 */
export function searchVectorSql(doc: { title: string; docNumber?: string | null; indexNo?: string | null }, text: string) {
  const title = [doc.title, doc.docNumber ?? '', doc.indexNo ?? ''].join(' ');
  const titleTerms = indexTerms(title);
  const bodyTerms = indexTerms(text).filter((t) => !titleTerms.includes(t));
  // Passed as one JSON parameter: a JS array would be spread into a row of parameters.
  const arr = (terms: string[]) => sql`array(select jsonb_array_elements_text(${JSON.stringify(terms)}::jsonb))`;
  return sql`setweight(array_to_tsvector(${arr(titleTerms)}), 'A') || array_to_tsvector(${arr(bodyTerms)})`;
}
