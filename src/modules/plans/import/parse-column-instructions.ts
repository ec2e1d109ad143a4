import { chineseNumber, itemNumberLength } from './numbering.ts';
import { isSiteRoot } from './parse-disclosure-paths.ts';
import type { ColumnInstruction } from './types.ts';

/**
 * Finds instructions to create catalog columns: `在政府网站“政务公开>政府信息公开目录”中设置“六稳”“六保”等栏目`,
 * `至少设置“视频、图片、文字”3个子栏目`. Names are kept as the paths write them, so an instruction
 * and the 公开路径 that later uses the column name it the same way (`“六稳”“六保”` is one column).
 */

const INSTRUCTION = /(?:增设|设置|开设|新设|开通|建立)((?:“[^“”]+”)+)(等)?(?:(\d+|[一二两三四五六七八九十]+)个)?(子栏目|栏目|专栏)/gu;

function sentenceStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && !/[。；;\n]/u.test(text[start - 1])) start--;
  return start + itemNumberLength(text.slice(start, index));
}

function columnNames(quoted: string, count: number | null): string[] {
  const spans = [...quoted.matchAll(/“([^“”]+)”/gu)].map((m) => m[1].trim());
  if (count !== null && spans.length === count) return spans;
  if (spans.length === 1) {
    const parts = spans[0].split(/[、，,]/u).map((s) => s.trim()).filter(Boolean);
    return count !== null && parts.length === count ? parts : [spans[0]];
  }
  return [quoted];
}

export function parseColumnInstructions(text: string): ColumnInstruction[] {
  const out: ColumnInstruction[] = [];
  INSTRUCTION.lastIndex = 0;
  for (let m = INSTRUCTION.exec(text); m !== null; m = INSTRUCTION.exec(text)) {
    const start = sentenceStart(text, m.index);
    const before = text.slice(start, m.index);
    const parentMatch = /“([^“”]+)”中[，,]?\s*(?:至少|要|应|须|需)?\s*$/u.exec(before);
    const parentPath = parentMatch
      ? parentMatch[1]
          .split(/[>＞]/u)
          .map((s) => s.trim())
          .filter((s) => s && !isSiteRoot(s))
      : [];
    // 区政府部门网页要在“…”中设置: the column lives on each unit's sub-site.
    const subject = parentMatch ? before.slice(0, parentMatch.index) : before;
    if (/部门网页/u.test(subject) && parentPath[0] !== '部门网页') parentPath.unshift('部门网页');
    out.push({
      parentPath,
      names: columnNames(m[1], m[3] === undefined ? null : chineseNumber(m[3])),
      text: text.slice(start, m.index + m[0].length),
    });
  }
  return out;
}
