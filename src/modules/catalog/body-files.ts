import { invalid } from '../../platform/errors.ts';

/**
 * Files a body points at. The editor uploads a pasted or inserted image into the file store and writes
 * `<img src="/api/files/<id>">`; a link to an attachment is `<a href="/api/files/<id>">`. Both are the
 * document's attachments (saved with it under the file store's ownership rules, file-access.ts); the
 * portal rewrites them to the document's public file address (publicBodyHtml).
 */
const FILE_REF = /\b(src|href)="\/api\/files\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/gi;

/** A body may show or link this many files of the store (a long report with its figures stays well below). */
export const MAX_BODY_FILES = 100;

/** The file ids a sanitised body uses: `images` shown inline, `all` including linked ones. */
export function bodyFileIds(html: string): { images: string[]; all: string[] } {
  const images = new Set<string>();
  const all = new Set<string>();
  for (const m of html.matchAll(FILE_REF)) {
    const id = m[2].toLowerCase();
    all.add(id);
    if (m[1].toLowerCase() === 'src') images.add(id);
  }
  return { images: [...images], all: [...all] };
}

// The caption comes from the sanitised body: its text is escaped already, bar the quote an attribute needs.
/** The files a body about to be saved uses, bounded. */
export function savedBodyFileIds(html: string): string[] {
  const { all } = bodyFileIds(html);
  if (all.length > MAX_BODY_FILES) throw invalid('body_too_many_files', `正文中的图片和附件链接不能超过 ${MAX_BODY_FILES} 个`);
  return all;
}

const escapeAttr = (s: string) => s.replace(/"/g, '&quot;');

/**
 * A public document's body as the portal shows it: file addresses point at the document's public
 * files (/doc/<id>/files/<fileId>), and each table sits in a labelled region that scrolls sideways on
 * a phone (the page itself never does), its header cells carrying a scope for screen readers.
 */
export function publicBodyHtml(html: string, docId: string): string {
  const files = html.replace(FILE_REF, (_, attr: string, id: string) => `${attr}="/doc/${docId}/files/${id.toLowerCase()}"`);
  const scoped = files.replace(/<tr>([\s\S]*?)<\/tr>/g, (row: string, cells: string) => {
    // A row of header cells heads columns; a header cell in a row of data heads its row.
    const allHeads = !/<td[\s>]/.test(cells);
    return row.replace(/<th(?![^>]*\bscope=)(?=[\s>])/g, `<th scope="${allHeads ? 'col' : 'row'}"`);
  });
  let n = 0;
  const wrapped = scoped.replace(/<table>(\s*<caption>([\s\S]*?)<\/caption>)?/g, (open: string, _c: string | undefined, caption: string | undefined) => {
    n++;
    const label = caption ? caption.replace(/<[^>]*>/g, '').trim() : '';
    return `<div class="table-scroll" role="region" tabindex="0" aria-label="${escapeAttr(label || `表格${n}`)}（可左右滑动查看）">${open}`;
  });
  return wrapped.replace(/<\/table>/g, '</table></div>');
}
