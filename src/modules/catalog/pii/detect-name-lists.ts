import { isCjk } from './context.ts';
import { isPlainWord, nameShape, type NameShape } from './name-shape.ts';
import { commonWordFrequency } from './common-words.ts';
import { isOfficialName, OFFICIAL_LIST_CUE_RE, titleBefore } from './official-context.ts';
import { readName } from './read-name.ts';
import type { Span } from './types.ts';

/**
 * Names in the enumerations of a 公示 or a commendation: 拟聘用罗雪、梁晨、宋雨萱为…,
 * 李春花（石坪村）、王大福（龙泉村）, and numbered entries (1、吴德华，因病…).
 * A 、 list counts when every item is shaped like a name and at least half of them can hardly
 * be anything else, so 张家港、王府井 or 方案、任务 never do. Lists of officials (after a title,
 * or in a sentence about a meeting or appointment) are left alone.
 */

/** Where a clause holding a list ends. */
function isClauseBreak(c: string): boolean {
  return '，,。；;：:！!？?\n\t“”"《》'.includes(c);
}

function openBracket(text: string, close: number): number {
  for (let i = close - 1; i >= 0 && close - i <= 20; i--) {
    if (text[i] === '（' || text[i] === '(') return i;
    if (text[i] === '\n') break;
  }
  return close;
}

function closeBracket(text: string, open: number): number {
  for (let i = open + 1; i < text.length && i - open <= 20; i++) {
    if (text[i] === '）' || text[i] === ')') return i;
    if (text[i] === '\n') break;
  }
  return open;
}

/** Skips a bracketed note that ends at `end` (李春花（石坪村）): the position where it starts. */
function noteStart(text: string, from: number, end: number): number {
  const c = text[end - 1];
  if (c !== '）' && c !== ')') return end;
  for (let i = end - 2; i >= from && end - i <= 18; i--) {
    if (text[i] === '（' || text[i] === '(') return i;
  }
  return end;
}

function firstNote(text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (text[i] === '（' || text[i] === '(') return i;
  return end;
}

interface Item {
  start: number;
  end: number;
  shape: NameShape;
}

/** The name that ends a list's first item (…决定对潘美玲 → 潘美玲). */
function lastName(text: string, from: number, end: number): Item | null {
  let best: Item | null = null;
  for (let len = 2; len <= 4 && end - len >= from; len++) {
    const shape = nameShape(text.slice(end - len, end));
    if (shape === null) continue;
    // 拟聘用罗雪: 用罗雪 is not a name, 罗雪 is. A longer reading wins when it is a name too.
    best = { start: end - len, end, shape };
  }
  return best;
}

function listItems(text: string, from: number, to: number): Item[] | null {
  const parts: [number, number][] = [];
  let s = from;
  for (let i = from; i <= to; i++) {
    if (i === to || text[i] === '、') {
      parts.push([s, i]);
      s = i + 1;
    }
  }
  if (parts.length < 2) return null;
  const items: Item[] = [];
  for (let k = 0; k < parts.length; k++) {
    const [a, b0] = parts[k];
    let item: Item | null;
    if (k === 0) {
      item = lastName(text, a, noteStart(text, a, b0));
    } else if (k === parts.length - 1) {
      let e = readName(text, a, true);
      // 解读素材: a reading that ends inside a word is no name.
      if (e !== -1 && isCjk(text[e]) && commonWordFrequency(text.slice(e - 1, e + 1)) >= 30) e = -1;
      const shape = e === -1 ? null : nameShape(text.slice(a, e));
      item = shape === null ? null : { start: a, end: e, shape };
      // A final item that is only a name and a note: 王大福（龙泉村）.
      if (item === null) {
        const b = firstNote(text, a, b0);
        const sh = nameShape(text.slice(a, b));
        item = sh === null ? null : { start: a, end: b, shape: sh };
      }
    } else {
      const b = noteStart(text, a, b0);
      const shape = nameShape(text.slice(a, b));
      item = shape === null ? null : { start: a, end: b, shape };
    }
    // 政策文件、解读素材: an everyday word among the items means the list is not of names.
    if (item === null || (item.shape === 'word' && isPlainWord(text.slice(item.start, item.end)))) return null;
    items.push(item);
  }
  return items;
}

export function detectNameLists(text: string, out: Span[]): void {
  let from = 0;
  for (let i = text.indexOf('、'); i !== -1; i = text.indexOf('、', Math.max(i + 1, from))) {
    if (i < from) continue;
    // A bracketed note belongs to its item even when it holds a comma or colon: 阿里（见习单位：区图书馆）.
    let a = i;
    while (a > 0 && !isClauseBreak(text[a - 1])) {
      a--;
      if (text[a] === '）' || text[a] === ')') a = openBracket(text, a);
    }
    let b = i;
    while (b < text.length && !isClauseBreak(text[b])) {
      if (text[b] === '（' || text[b] === '(') b = closeBracket(text, b);
      b++;
    }
    from = b;
    // 1、吴德华: a number and 、 head an entry, they do not make a list.
    if (/[0-9一二三四五六七八九十]/.test(text[i - 1] ?? '') && i - a <= 3) continue;
    const items = listItems(text, a, b);
    if (items === null) continue;
    const clear = items.filter((x) => x.shape === 'clear').length;
    if (clear * 2 < items.length) continue;
    const lineStart = text.lastIndexOf('\n', items[0].start) + 1;
    const before = text.slice(Math.max(lineStart, items[0].start - 30), items[0].start);
    if (titleBefore(text, items[0].start) || OFFICIAL_LIST_CUE_RE.test(before)) continue;
    for (const it of items) {
      if (isOfficialName(text, it.start, it.end)) continue;
      out.push({ start: it.start, end: it.end, type: 'person_name' });
    }
  }
}

/** What separates the items of a comma list from the rest of the text. */
const LIST_SEP_CODES = new Uint8Array(65536);
for (const c of '，,：:；;。、\n\t “”"！？!?') LIST_SEP_CODES[c.charCodeAt(0)] = 1;

function flushCommaRun(text: string, run: Item[], out: Span[]): void {
  if (run.length < 3 || run.filter((x) => x.shape === 'clear').length * 2 < run.length) return;
  const lineStart = text.lastIndexOf('\n', run[0].start) + 1;
  const before = text.slice(Math.max(lineStart, run[0].start - 30), run[0].start);
  if (titleBefore(text, run[0].start) || OFFICIAL_LIST_CUE_RE.test(before)) return;
  for (const it of run) if (!isOfficialName(text, it.start, it.end)) out.push({ start: it.start, end: it.end, type: 'person_name' });
}

/**
 * Names separated by commas (拟录用人员：张三，李四，王五。): at least three in a row, each item
 * exactly a name, at least half of them clear.
 */
export function detectCommaLists(text: string, out: Span[]): void {
  if (text.indexOf('，') === -1 && text.indexOf(',') === -1) return;
  let run: Item[] = [];
  let segStart = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (LIST_SEP_CODES[code] === 0) continue;
    const len = i - segStart;
    const shape = len >= 2 && (len <= 4 || (len <= 20 && text.slice(segStart, i).includes('·'))) ? nameShape(text.slice(segStart, i)) : null;
    if (shape !== null && !(shape === 'word' && isPlainWord(text.slice(segStart, i)))) run.push({ start: segStart, end: i, shape });
    if (shape === null || (code !== 0xff0c && code !== 0x2c)) {
      flushCommaRun(text, run, out);
      run = [];
    }
    segStart = i + 1;
  }
}

/** Labels of an agency's staff or of a page's credits: the name after them is not a private one. */
const STAFF_LABEL_RE =
  /(?:经办|承办|审核|审批|签发|负责|记录|主持|发布|责任|联系|填报|核查|复核|制表|填表|拟稿|核稿)人?$|(?:执法|工作|检查)人员$|(?:校对|初审|复审|终审|审签|编辑|来源|作者|撰稿|摄影|记者|通讯员)$/;
/** Openers of a case narrative after which a name starts the sentence: 经查明：曲建业未经许可… */
const FINDING_LABEL_RE = /(?:经查明|经查|查明|经调查|经核查|经核实|违法事实)$/;

/**
 * A name standing alone after a label's colon (退出：顾长海，退出原因…), or starting the finding
 * of a case (经查明：曲建业未经许可…). Only names that can hardly be anything else; never after
 * a staff or credit label (审核：张丽华) or a title (区长：王海涛).
 */
export function detectAfterColon(text: string, out: Span[]): void {
  // scanText reads normalised text, where the full-width colon is already ':'.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 58 && c !== 0xff1a) continue;
    let p = i + 1;
    while (text[p] === ' ') p++;
    const e = readName(text, p, true);
    if (e === -1) continue;
    if (nameShape(text.slice(p, e)) !== 'clear') continue;
    const label = text.slice(Math.max(0, i - 8), i);
    const alone = !isCjk(text[e]) || text[e] === '（' || text[e] === '(';
    if (!alone && !FINDING_LABEL_RE.test(label)) continue;
    if (STAFF_LABEL_RE.test(label) || isOfficialName(text, p, e)) continue;
    out.push({ start: p, end: e, type: 'person_name' });
  }
}

const NUMBERED_RE = /(?<=^|\n)[ \t]*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})[、.．)）][ \t]*/g;
/** What follows a name in a numbered entry of a roster: 1、吴德华，因病… / 2. 管晓彤，女，… */
const ENTRY_NEXT = new Set('，,（( \t；;：:');

/** Numbered entries of a roster that begin with a name (1、吴德华，因病，救助金额5000元；). */
export function detectNumberedItems(text: string, out: Span[]): void {
  NUMBERED_RE.lastIndex = 0;
  for (let m = NUMBERED_RE.exec(text); m !== null; m = NUMBERED_RE.exec(text)) {
    const p = m.index + m[0].length;
    const e = readName(text, p, true);
    if (e === -1 || !ENTRY_NEXT.has(text[e] ?? '') || isCjk(text[p - 1])) continue;
    const shape = nameShape(text.slice(p, e));
    if (shape === null) continue;
    // A word needs a roster around it: a gender or an age next to it.
    if (shape === 'word' && !/^[，,（(\s]*[男女]/.test(text.slice(e, e + 4))) continue;
    if (isOfficialName(text, p, e)) continue;
    out.push({ start: p, end: e, type: 'person_name' });
  }
}
