/** Numbering as Chinese official documents write it: 一、 for areas, （一） for sub-tasks, 1． and （1） for items. */

const CN_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** 一 → 1, 十二 → 12, 二十 → 20, 二〇二一 → 2021 (digit by digit), 12 → 12. */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/^[〇零一二两三四五六七八九十百]+$/.test(s)) return null;
  if (!/[十百]/.test(s)) {
    let n = 0;
    for (const ch of s) n = n * 10 + CN_DIGITS[ch];
    return n;
  }
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === '百') {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch === '十') {
      total += (digit || 1) * 10;
      digit = 0;
    } else digit = CN_DIGITS[ch];
  }
  return total + digit;
}

const CN_NUM = '[一二三四五六七八九十百零〇]+';
const AREA_RE = new RegExp(`^\\s*(${CN_NUM})\\s*[、.．]\\s*`);
const SUBTASK_RE = new RegExp(`^\\s*[（(]\\s*(${CN_NUM})\\s*[）)]\\s*[、.．]?\\s*`);

export interface Heading {
  kind: 'area' | 'subtask';
  /** `一` for `一、…`; null for an unnumbered title placed by its column. */
  label: string | null;
  title: string;
}

/** Recognises `一、紧扣…` and `（一）做好…`; the title loses its numbering and closing punctuation. */
export function parseHeading(line: string): Heading | null {
  const area = AREA_RE.exec(line);
  if (area) return { kind: 'area', label: area[1], title: cleanTitle(line.slice(area[0].length)) };
  const sub = SUBTASK_RE.exec(line);
  if (sub) return { kind: 'subtask', label: sub[1], title: cleanTitle(line.slice(sub[0].length)) };
  return null;
}

export function cleanTitle(s: string): string {
  return s.replace(/\s+/g, ' ').trim().replace(/[。.．；;：:，,、\s]+$/u, '');
}

/** Item numbering inside a measure: `1．`, `1.`, `1、` (level style 'n') and `（1）` (style 'pn'). */
const ITEM_RE = /^\s*(?:(\d{1,2})\s*[．.、](?!\d)|[（(](\d{1,2})[）)])\s*/;

export interface ItemNumber {
  label: string;
  style: 'n' | 'pn';
  rest: string;
}

export function parseItemNumber(line: string): ItemNumber | null {
  const m = ITEM_RE.exec(line);
  if (!m) return null;
  return m[1] !== undefined
    ? { label: m[1], style: 'n', rest: line.slice(m[0].length) }
    : { label: `（${m[2]}）`, style: 'pn', rest: line.slice(m[0].length) };
}

/** Length of the item number opening `s` (0 if none), to cut `1．` off a clause. */
export function itemNumberLength(s: string): number {
  return ITEM_RE.exec(s)?.[0].length ?? 0;
}

/**
 * A line holding only list punctuation (`. `): what Word's text export leaves where an automatic
 * list number was. It carries no text, but tells that the next paragraph began a numbered item.
 */
export function isStrayNumbering(line: string): boolean {
  return /^\s*[.．。·•、,，]\s*$/.test(line);
}
