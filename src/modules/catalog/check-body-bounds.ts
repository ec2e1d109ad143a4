import { Parser } from 'htmlparser2';
import { invalid } from '../../platform/errors.ts';

/**
 * Limits a document body must keep before it is sanitised. Word pastes tables in tables a dozen
 * levels deep and a long report runs to a few hundred KB; nothing a government office writes comes
 * near these, while a body of 100k nested tags makes the sanitiser's parser quadratic (68 s of a
 * blocked server for 1.1 MB).
 */
export const MAX_BODY_DEPTH = 100;
export const MAX_BODY_CHARS = 2_000_000;

class TooDeep extends Error {}

/**
 * One linear pass of the same tokenizer the sanitiser uses (htmlparser2, so tags close implicitly
 * the same way), counting open elements; it stops at the first element past the limit.
 */
export function checkBodyBounds(html: string): void {
  if (html.length > MAX_BODY_CHARS)
    throw invalid('body_too_large', `正文过长（超过 ${MAX_BODY_CHARS / 10_000} 万字符），请拆分为多篇文件或把长表格作为附件上传`);
  let depth = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_BODY_DEPTH) throw new TooDeep();
      },
      onclosetag() {
        depth--;
      },
    },
    { decodeEntities: false },
  );
  try {
    parser.end(html);
  } catch (err) {
    if (err instanceof TooDeep)
      throw invalid('body_too_deep', `正文的标签嵌套超过 ${MAX_BODY_DEPTH} 层，无法保存；请清除格式后重新粘贴`);
    throw err;
  }
}
