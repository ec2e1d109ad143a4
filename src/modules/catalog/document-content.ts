import sanitizeHtml from 'sanitize-html';
import { sql } from 'drizzle-orm';
import { runOfficeJob } from '../../platform/office/run-office-job.ts';
import { checkBodyBounds } from './check-body-bounds.ts';
import { indexTerms } from './search-terms.ts';

/** Where a body points at a file of our store: images and links to attachments (see body-files.ts). */
export const FILE_URL = /^\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

/**
 * A merged cell spans 2–1000 rows or columns; anything else (1, Word's "0", text) is dropped, as is a
 * header cell's scope other than the four HTML knows.
 */
const spanCell: sanitizeHtml.Transformer = (tagName, attribs) => {
  const out = { ...attribs };
  if ('scope' in out && !['row', 'col', 'rowgroup', 'colgroup'].includes(out.scope)) delete out.scope;
  for (const k of ['colspan', 'rowspan'])
    // 1 is what a cell spans anyway (the editor writes it on every cell).
    if (k in out && !(/^\d{1,4}$/.test(out[k]) && Number(out[k]) > 1 && Number(out[k]) <= 1000)) delete out[k];
  return { tagName, attribs: out };
};

/**
 * Rich text as editors paste it from Word, reduced to what a government page needs; scripts, handlers
 * and foreign frames go. The size and nesting depth are bounded first (check-body-bounds.ts), so the
 * sanitiser's work stays linear in the length of the body. This is the one authority on what a body may
 * hold (the admin editor also cleans a Word paste, for the editing only):
 * - headings h2–h4 (Word's h1 becomes h2: the page's h1 is the title), paragraphs with alignment and
 *   first-line indent, lists (numbered ones keep their start and type), quotes;
 * - tables as Word makes them: caption, colgroup, thead/tbody/tfoot, merged cells (colspan, rowspan),
 *   header cells with their scope; never layout widths or Word's classes;
 * - links (http, https, mailto, and our file store's /api/files/<id> for attachments);
 * - images from our file store only (/api/files/<id>, uploaded by the editor): an image of another
 *   site, a data: URL or Word's file:/// goes, so the portal never loads a third party's picture.
 */
export function sanitizeBody(html: string): string {
  checkBodyBounds(html);
  return sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a', 'img', 'blockquote', 'span', 'div', 'sub', 'sup', 'hr'],
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      img: ['src', 'alt', 'width', 'height'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan', 'scope'],
      col: ['span'],
      colgroup: ['span'],
      ol: ['start', 'type'],
      p: ['style'],
      span: ['style'],
      div: ['style'],
      h2: ['style'],
      h3: ['style'],
      h4: ['style'],
    },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/], 'text-indent': [/^\d+(\.\d+)?(em|px)$/] } },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: [] },
    allowProtocolRelative: false,
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
      h1: 'h2',
      h5: 'h4',
      h6: 'h4',
      td: spanCell,
      th: spanCell,
    },
    exclusiveFilter: (frame) => frame.tag === 'img' && !FILE_URL.test(frame.attribs.src ?? ''),
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
