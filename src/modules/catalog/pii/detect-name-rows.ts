import { isNameWord, nameShape, type NameShape } from './name-shape.ts';
import { isCjk } from './context.ts';
import { TITLES } from './read-name.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';
import type { Span } from './types.ts';

/**
 * Names in the rows of a 公示 as extracted text gives them: cells separated by tabs or spaces
 * (1  王小明  男  68  七星岗街道 / 准考证号 姓名 成绩 / 薛凯 85.20 闫静 84.60).
 * - Under a header row with a 姓名 (or 户主姓名, 被征收人 …) cell, every cell of that column shaped
 *   like a name is one, unless the header shows a table of officials (职务, 分管 …).
 * - Without a header, a cell that is exactly a name and touches a tab or space is one when it can
 *   hardly be anything else (张建国), or when the row also holds a gender or another clear name
 *   (高洁 女 1993.02).
 * A cell next to a title (区长 张三, 张三 区长) or an agency's label (经办人 …) is an official's.
 */

/** A table header cell over a column of private persons' names. */
const NAME_HEADER_RE =
  /^(?:[\u4e00-\u9fff]{0,6}姓名|申请人|当事人|投诉人|举报人|被处罚人|户主|患者|信访人|求助人|救助对象|补贴对象|领取人|承租人|业主|车主|驾驶人|被征收人|购机者|考生|拟录用人员|拟聘用人员)$/;
/** Header words of tables about officials or agencies: 领导分工, 联络员名单 by unit. */
const OFFICIAL_TABLE_RE = /职务|职位|职级|职称|分管|任职|单位|部门|科室|处室|办公电话/;
/** Header words that make a table a list of private persons whatever else it has. */
const PRIVATE_TABLE_RE = /身份证|证件号|住址|家庭|手机|户籍|救助|补贴|低保|性别|准考证|出生|民族|学历|毕业|成绩|年龄|面积|补偿|保障/;
/** Labels of an agency's staff on a form: the name after them is an official's. */
const OFFICIAL_LABEL_RE =
  /(?:经办|承办|审核|审批|签发|负责|记录|主持|发布|责任|联系|填报|核查|复核|制表|填表|拟稿|核稿)人$|执法人员$|工作人员$|^(?:审核|审批|签发|校对|核稿|拟稿|初审|复审|终审|审签|制表|编辑|责任编辑|来源|作者|撰稿|摄影|记者|通讯员)$/;
const GENDER_RE = /^[男女]$/;

interface Cell {
  start: number;
  end: number;
  /** Whether a tab or space is next to it on either side. */
  spaced: boolean;
}

function splitCells(text: string, from: number, to: number): Cell[] {
  const cells: Cell[] = [];
  let start = -1;
  let spacedBefore = false;
  for (let i = from; i <= to; i++) {
    const c = i < to ? text.charCodeAt(i) : 10;
    const space = c === 32 || c === 9;
    const punct = c === 0xff1a || c === 58 || c === 0xff1b || c === 59 || c === 0xff0c || c === 44 || c === 0x3002 || c === 10 || c === 13;
    if (space || punct) {
      if (start !== -1) {
        cells.push({ start, end: i, spaced: spacedBefore || space });
        start = -1;
      }
      spacedBefore = space;
    } else if (start === -1) {
      start = i;
    }
  }
  return cells;
}

/** A cheap first look before the dictionary: 2–4 characters from a surname, or a dotted name. */
function mayBeName(v: string): boolean {
  if (v.length >= 2 && v.length <= 4) return isSingleSurname(v[0]) || isCompoundSurname(v.slice(0, 2));
  return v.length > 4 && v.length <= 20 && v.includes('·');
}

/** 王　伟: a two-character name padded to the width of three-character ones is one cell. */
function joinPaddedNames(text: string, cells: Cell[]): Cell[] {
  const out: Cell[] = [];
  for (let k = 0; k < cells.length; k++) {
    const a = cells[k];
    const b = cells[k + 1];
    if (
      b !== undefined &&
      a.end - a.start === 1 &&
      b.end - b.start === 1 &&
      b.start - a.end <= 3 &&
      isSingleSurname(text[a.start]) &&
      isCjk(text[b.start]) &&
      /^ +$/.test(text.slice(a.end, b.start))
    ) {
      out.push({ start: a.start, end: b.end, spaced: true });
      k++;
    } else {
      out.push(a);
    }
  }
  return out;
}

function endsWithTitle(cell: string): boolean {
  return cell.length <= 14 && TITLES.endingAt(cell, cell.length) > 0 && !cell.endsWith('同志');
}

/** The text of a cell; a padded name (王　伟) is read without its padding. */
function cellText(text: string, c: Cell): string {
  const v = text.slice(c.start, c.end);
  return v.indexOf(' ') === -1 ? v : v.replace(/ +/, '');
}

function lineHasSpacedCells(text: string, from: number, to: number): boolean {
  for (let i = from + 1; i < to - 1; i++) {
    const c = text.charCodeAt(i);
    if ((c === 32 || c === 9) && text.charCodeAt(i - 1) > 32) return true;
  }
  return false;
}

export function detectNameRows(text: string, out: Span[]): void {
  if (text.indexOf('\t') === -1 && text.indexOf(' ') === -1) return;
  let column = -1;
  let width = 0;
  let pos = 0;
  while (pos <= text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = text.length;
    if (!lineHasSpacedCells(text, pos, lineEnd)) {
      column = -1;
      pos = lineEnd + 1;
      continue;
    }
    const cells = joinPaddedNames(text, splitCells(text, pos, lineEnd));
    const header = cells.findIndex((c) => c.end - c.start <= 12 && NAME_HEADER_RE.test(text.slice(c.start, c.end)));
    if (header !== -1) {
      const line = text.slice(pos, lineEnd);
      const official = OFFICIAL_TABLE_RE.test(line) && !PRIVATE_TABLE_RE.test(line);
      column = official ? -2 : header;
      width = cells.length;
      pos = lineEnd + 1;
      continue;
    }
    if (column === -2 && cells.length === width) {
      pos = lineEnd + 1;
      continue; // a row of a table of officials
    }
    if (column >= 0 && cells.length === width) {
      const c = cells[column];
      if (nameShape(cellText(text, c)) !== null) out.push({ start: c.start, end: c.end, type: 'person_name' });
      pos = lineEnd + 1;
      continue;
    }
    column = -1;
    // Most rows hold no name at all: look at the cells' lengths and first characters first.
    const shapes: (NameShape | null)[] = cells.map((c) => {
      if (!c.spaced) return null;
      const v = cellText(text, c);
      return mayBeName(v) ? nameShape(v) : null;
    });
    if (shapes.every((x) => x === null)) {
      pos = lineEnd + 1;
      continue;
    }
    const clearCount = shapes.filter((x) => x === 'clear').length;
    const gender = cells.some((c) => c.end - c.start === 1 && GENDER_RE.test(text[c.start]));
    for (let k = 0; k < cells.length; k++) {
      const shape = shapes[k];
      if (shape === null) continue;
      if (shape === 'word' && !gender && !(clearCount > 0 && isNameWord(cellText(text, cells[k])))) continue;
      const prev = k > 0 ? cellText(text, cells[k - 1]) : '';
      const next = k + 1 < cells.length ? cellText(text, cells[k + 1]) : '';
      if (endsWithTitle(prev) || endsWithTitle(next) || TITLES.startsAt(next, 0) || OFFICIAL_LABEL_RE.test(prev)) continue;
      out.push({ start: cells[k].start, end: cells[k].end, type: 'person_name' });
    }
    pos = lineEnd + 1;
  }
}
