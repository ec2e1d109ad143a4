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
/**
 * Elements and text runs: the sanitiser spends 5–20 µs on each (more on a style attribute). A
 * 2 MB body pasted from Word has about 40 000; two million `<br>` or lone `<` would cost it seconds.
 */
export const MAX_BODY_NODES = 200_000;

class TooDeep extends Error {}
class TooMany extends Error {}

/**
 * One linear pass of the same tokenizer the sanitiser uses (htmlparser2, so tags close implicitly
 * the same way), counting open elements and all nodes (elements, text runs, attributes, comments); it stops at the first one past a limit.
 */
export function checkBodyBounds(html: string): void {
  if (html.length > MAX_BODY_CHARS)
    throw invalid('body_too_large', `正文过长（超过 ${MAX_BODY_CHARS / 10_000} 万字符），请拆分为多篇文件或把长表格作为附件上传`);
  let depth = 0;
  let nodes = 0;
  const parser = new Parser(
    {
      onopentag() {
        if (++depth > MAX_BODY_DEPTH) throw new TooDeep();
        if (++nodes > MAX_BODY_NODES) throw new TooMany();
      },
      ontext() {
        if (++nodes > MAX_BODY_NODES) throw new TooMany();
      },
      // Attributes and comments cost the sanitiser work too: a tag with a million attributes is one element.
      onattribute() {
        if (++nodes > MAX_BODY_NODES) throw new TooMany();
      },
      oncomment() {
        if (++nodes > MAX_BODY_NODES) throw new TooMany();
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
    if (err instanceof TooMany)
      throw invalid('body_too_complex', `正文的标签和文字片段超过 ${MAX_BODY_NODES / 10_000} 万个，无法保存；请清除格式后重新粘贴，或拆分为多篇文件`);
    throw err;
  }
}
