/**
 * What Word and WPS put on the clipboard, reduced before the editor reads it: their conditional
 * comments, <o:p> and VML shapes, Mso classes and mso- styles, fonts and sizes go; the structure
 * stays (headings, paragraphs with their alignment, lists, tables with merged cells, links). This is
 * for a sane editing experience only: the server's sanitiser (document-content.ts) decides what a
 * saved body may hold.
 *
 * Images in a Word paste point at the writer's own disk (file:///…/clip_image002.png) and cannot be
 * read by the browser: they are dropped and counted, so the editor can say to insert them one by one.
 */
export function cleanWordHtml(html: string): { html: string; droppedImages: number } {
  // Conditional comments: <!--[if gte mso 9]>…<![endif]--> go with their content (Word's XML);
  // downlevel-revealed ones (<![if !supportLists]>1.<![endif]>) keep their content (a list number).
  const text = html.replace(/<!--\[if[\s\S]*?<!\[endif\]-->/gi, '').replace(/<!\[if[^\]]*\]>|<!\[endif\]>/gi, '');
  const doc = new DOMParser().parseFromString(text, 'text/html');
  let droppedImages = 0;
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
  doc.body.querySelectorAll('style, meta, link, script, xml, title').forEach((el) => el.remove());
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    // Office namespaces (o:p, v:shape, w:sdt…): unwrap, keeping their text.
    if (tag.includes(':')) {
      if (tag.startsWith('v:')) el.remove();
      else el.replaceWith(...Array.from(el.childNodes));
      continue;
    }
    if (tag === 'img') {
      const src = el.getAttribute('src') ?? '';
      if (!src.startsWith('/api/files/')) {
        droppedImages++;
        el.remove();
      }
      continue;
    }
    const align = (el as HTMLElement).style?.textAlign || el.getAttribute('align') || '';
    for (const a of Array.from(el.attributes)) {
      if (!['href', 'src', 'alt', 'colspan', 'rowspan', 'start', 'type', 'scope'].includes(a.name)) el.removeAttribute(a.name);
    }
    if (['left', 'right', 'center', 'justify'].includes(align) && /^(p|h[1-6]|div)$/.test(tag)) el.setAttribute('style', `text-align:${align}`);
  }
  // The page's h1 is the title: Word's 标题 1 becomes the body's first level (h2), as the server does.
  for (const el of Array.from(doc.body.querySelectorAll('h1, h5, h6'))) {
    const h = doc.createElement(el.tagName === 'H1' ? 'h2' : 'h4');
    for (const a of Array.from(el.attributes)) h.setAttribute(a.name, a.value);
    h.append(...Array.from(el.childNodes));
    el.replaceWith(h);
  }
  // A span left without attributes says nothing: unwrap it (Word wraps every run of text in one).
  for (const el of Array.from(doc.body.querySelectorAll('span, font'))) el.replaceWith(...Array.from(el.childNodes));
  return { html: doc.body.innerHTML, droppedImages };
}
