import { readName, TITLES } from './read-name.ts';

/**
 * Officials acting in office are not private persons: a name right after a title (区长张三,
 * 副区长：李四, 常务副区长 王五) or right before one (张三区长, 李四（区委书记）) is left alone.
 */

const OFFICIAL_IN_BRACKETS_RE =
  /^[（(][^）)\n]{0,24}(?:书记|主任|局长|区长|县长|市长|镇长|乡长|科长|处长|部长|厅长|主席|委员|干部|巡视员|调研员|所长|站长|院长|队长|村长|支书|社长|馆长|校长|秘书长|专员)[^）)\n]{0,6}[）)]/;

/** Whether an official title ends just before `start`, perhaps with a colon or spaces between. */
export function titleBefore(text: string, start: number): boolean {
  let p = start;
  for (let k = 0; k < 3 && p > 0 && /[：:\s]/.test(text[p - 1]); k++) p--;
  // 同志 alone says nothing about office: the 同志 detector reads its context.
  return TITLES.endingAt(text, p) > 0 && !text.startsWith('同志', p - 2);
}

/** Whether an official title follows the name that ends at `end` (张三区长, 吕成（村党支部书记）). */
export function titleAfter(text: string, end: number): boolean {
  if (TITLES.startsAt(text, end) && !text.startsWith('同志', end)) return true;
  const c = text[end];
  return (c === '（' || c === '(') && OFFICIAL_IN_BRACKETS_RE.test(text.slice(end, end + 34));
}

/**
 * Names that the text itself shows as officials' (区委书记王建明, 陈志刚局长), so that a later
 * bare mention (王建明表示…) is not taken for a private person. One pass over the titles.
 */
export function officialNames(text: string): Set<string> {
  const names = new Set<string>();
  const titles = TITLES; // a local: read once, not through the module binding at every character
  for (let i = 0; i < text.length; i++) {
    const len = titles.longestAt(text, i);
    if (len === 0) continue;
    const end = i + len;
    if (text.startsWith('同志', i)) {
      i = end - 1;
      continue;
    }
    let p = end;
    while (p < text.length && p - end < 2 && /[：:\s]/.test(text[p])) p++;
    const after = readName(text, p, true);
    if (after !== -1) names.add(text.slice(p, after));
    for (let n = 2; n <= 4 && i - n >= 0; n++) names.add(text.slice(i - n, i));
    i = end - 1;
  }
  return names;
}

export function isOfficialName(text: string, start: number, end: number): boolean {
  return titleBefore(text, start) || titleAfter(text, end);
}

/** Words before a list of names that make it a list of officials (出席会议的有…). */
export const OFFICIAL_LIST_CUE_RE = /出席|列席|主持|陪同|领导|分管|任命|免去|任免|提名|当选|班子|常委|书记|区长|县长|市长|局长|主任|调研|视察|督导/;
