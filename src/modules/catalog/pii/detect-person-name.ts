import { commonWordFrequency } from './common-words.ts';
import {
  clauseAfter,
  clauseBefore,
  isCjk,
  OFFICIAL_LINE_RE,
  OFFICIAL_TITLES,
  PRIVATE_ROLE_RE,
} from './context.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';
import type { Span } from './types.ts';

/**
 * Private persons' names, found only in context: after a role word (申请人张三, 姓名：李四),
 * under a 姓名 column of a table, as a letter's salutation line (张三：), or before 同志
 * outside official business. Chinese has no
 * spaces, so the name's length is read from what follows it: punctuation, a function word
 * (向, 于, 称 …) or a common word (提出, 家住 …). Officials acting in office are left alone:
 * a name followed by a title (张三科长), a 联系人 line that names an agency or gives a
 * landline, a 姓名 line with 职务, a table with 职务/单位 columns, or a 同志 in an appointment
 * or commendation.
 */

const TRIGGER_RE =
  /被处罚人|被申请人|被投诉人|被举报人|委托代理人|申请人|当事人|投诉人|举报人|信访人|来信人|来访人|求助人|代理人|委托人|监护人|受害人|被害人|驾驶人|承租人|户主|车主|业主|患者|病人|联系人|姓名/g;

// After the role word: a colon, spaces or an opening bracket, perhaps 为/是/系 (申请人为张三).
const SEPARATOR_RE = /[：:\s（(“"「【]{0,3}(?:为|是|系)?[：:\s]{0,2}/y;

/** Characters that cannot be the first character of a given name. */
const HARD_STOP = new Set(
  '的了着过是在向对把被将从与及或等称系因按经就都也还已未不没要应当该所其此本这那之各每' +
    '市区县省局委厅办司部院站队村镇乡街路处室组店厂府',
);
/** Characters that end a name when they come where its last character would be. */
const SOFT_STOP = new Set([...HARD_STOP, ...'于和为说男女现曾均诉今并即便则却再又依据通由']);
/** Already masked: 张某, 张某某, 张XX, 张** are left alone. */
const MASK_CHARS = new Set('某*×○〇_?？');
/** A place or organisation name, not a person: 重庆市, 江北区, 王记火锅店. */
const ORG_NEXT = new Set('市区县省局委厅办司院站队村镇乡街店厂');
const ORG_SEGMENT_RE =
  /^[\u4e00-\u9fff]{2,15}(?:有限公司|公司|集团|店|厂|行|部|中心|馆|所|院|局|委|会|社|站|队|办|处|校|场|厅|门市|超市)$/;
const FUNCTION_CHAR_RE = /[的在于经向与和及被把从对为是]/;

/** Words that usually follow a name; seeing one fixes where the name ends. */
const FOLLOW_WORDS = [
  '家住', '家庭', '家属', '住址', '住在', '居住', '身份', '性别', '电话', '手机', '联系', '提出',
  '申请', '反映', '投诉', '举报', '认为', '要求', '不服', '名下', '户籍', '出生', '年龄', '先生',
  '女士', '小姐', '等人', '一行', '夫妇', '诉称', '及其', '与其', '本人', '签字', '签名', '持有',
];
/** Honorifics after a bare surname (王先生, 李女士): no given name is shown, nothing to mask. */
const SURNAME_ONLY = ['先生', '女士', '小姐', '老师', '医生', '律师', '师傅', '阿姨', '同学', '老人', ...OFFICIAL_TITLES];

const COMRADE_OFFICIAL_RE =
  /任命|任免|免去|免职|担任|兼任|任职|职务|书记|主任|局长|区长|县长|市长|镇长|乡长|科长|处长|部长|厅长|主席|委员|干部|党员|党组|党委|表彰|表扬|通报|先进|优秀|荣誉|授予|挂职|选调|录用|考察|考核|领导|负责|分管|主持|出席|讲话|会议|工作|政府|机关|单位|组织/;
const NAME_FIELD_OFFICIAL_RE = /职务|现任|拟任|任职|职级|干部|领导|公务员|任免|任命|职称/;
/** Words that end in a surname character before 同志 but are not part of the name (向李明同志). */
const BEFORE_NAME = new Set('对向给与和及请由把被将让叫为是的了在于从同');

/** Word lists checked at every candidate position: one set lookup per word length. */
class WordSet {
  private readonly byLength = new Map<number, Set<string>>();
  private readonly firstChars = new Set<string>();
  constructor(words: readonly string[]) {
    for (const w of words) {
      let set = this.byLength.get(w.length);
      if (!set) this.byLength.set(w.length, (set = new Set()));
      set.add(w);
      this.firstChars.add(w[0]);
    }
  }
  startsAt(text: string, pos: number): boolean {
    // Most positions fail on the first character, which costs no string allocation.
    if (!this.firstChars.has(text[pos])) return false;
    for (const [len, set] of this.byLength) if (set.has(text.slice(pos, pos + len))) return true;
    return false;
  }
}

const FOLLOW = new WordSet(FOLLOW_WORDS);
const ROLE_WORDS = new WordSet(TRIGGER_RE.source.split('|'));
const TITLES = new WordSet(OFFICIAL_TITLES);
const NO_GIVEN_NAME = new WordSet(SURNAME_ONLY);

/** End of the name starting at `p`, or -1 when there is no plausible name there. */
function readName(text: string, p: number, labelled: boolean): number {
  // 申请人申请人…: a role word is never itself a name.
  if (ROLE_WORDS.startsAt(text, p)) return -1;
  let sl = 0;
  if (isCompoundSurname(text.slice(p, p + 2)) && isCjk(text[p + 2]) && !HARD_STOP.has(text[p + 2])) sl = 2;
  else if (isSingleSurname(text[p])) sl = 1;
  else return -1;

  const q = p + sl;
  const g1 = text[q];
  if (!isCjk(g1) || HARD_STOP.has(g1) || MASK_CHARS.has(g1)) return -1;
  if (NO_GIVEN_NAME.startsAt(text, q)) return -1;

  let len = 1;
  const g2 = text[q + 1];
  if (MASK_CHARS.has(g2)) return -1;
  if (isCjk(g2) && !SOFT_STOP.has(g2)) {
    const after = q + 2;
    if (
      !isCjk(text[after]) ||
      SOFT_STOP.has(text[after]) ||
      FOLLOW.startsAt(text, after) ||
      TITLES.startsAt(text, after)
    ) {
      len = 2; // 王小明，/ 王小明提出 / 王建国家住: the third character clearly belongs to the name
    } else {
      const next = commonWordFrequency(text.slice(q + 1, q + 3));
      // 李明提出: 提出 starts at the second character. 陈述申辩: a common word, then another one.
      const wordThenWord = sl === 1 && next >= 30 && commonWordFrequency(text.slice(p, p + 2)) >= 1000;
      len = FOLLOW.startsAt(text, q + 1) || next >= 500 || wordThenWord ? 1 : 2;
    }
  }
  const end = q + len;

  if (ORG_NEXT.has(text[end])) return -1;
  // The run of plain name-like text from the name on; a verb or function word ends it.
  let segEnd = end;
  while (
    segEnd < text.length &&
    segEnd - p < 16 &&
    isCjk(text[segEnd]) &&
    !FUNCTION_CHAR_RE.test(text[segEnd]) &&
    !MASK_CHARS.has(text[segEnd]) &&
    !FOLLOW.startsAt(text, segEnd)
  ) {
    segEnd++;
  }
  const segment = text.slice(p, segEnd);
  if (ORG_SEGMENT_RE.test(segment)) return -1;

  // Everyday words such as 信息, 陈述, 程序 after a role word are not names; a short word that
  // stands alone between a label's colon and punctuation (姓名：江涛，) still is one.
  if (sl === 1) {
    const freq = commonWordFrequency(text.slice(p, p + 2));
    const standsAlone = labelled && len === 1 && !isCjk(text[end]) && freq < 3000;
    if (len === 1 && freq > 0 && !standsAlone) return -1;
    if (len === 2 && freq >= 5000) return -1;
  }
  return end;
}

type TriggerKind = 'role' | 'contact' | 'field';

function triggerKind(word: string): TriggerKind {
  if (word === '联系人') return 'contact';
  if (word === '姓名') return 'field';
  return 'role';
}

/** Whether the name found after a trigger belongs to an official acting in office. */
function isOfficial(text: string, kind: TriggerKind, triggerStart: number, nameEnd: number): boolean {
  if (TITLES.startsAt(text, nameEnd)) return true;
  if (kind === 'role') return false;
  const line = clauseBefore(text, triggerStart, 40) + text.slice(triggerStart, nameEnd) + clauseAfter(text, nameEnd, 60);
  if (kind === 'field') return NAME_FIELD_OFFICIAL_RE.test(line);
  return OFFICIAL_LINE_RE.test(line) && !PRIVATE_ROLE_RE.test(line);
}

function detectAfterTriggers(text: string, out: Span[]): void {
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m !== null; m = TRIGGER_RE.exec(text)) {
    const kind = triggerKind(m[0]);
    SEPARATOR_RE.lastIndex = m.index + m[0].length;
    const sep = SEPARATOR_RE.exec(text);
    let p = SEPARATOR_RE.lastIndex;
    const labelled = sep !== null && /[：:为是系]/.test(sep[0]);
    // 申请人张三、李四: a list of names after one role word.
    for (let n = 0; n < 10; n++) {
      const end = readName(text, p, labelled);
      if (end === -1) break;
      if (isOfficial(text, kind, m.index, end)) break;
      out.push({ start: p, end, type: 'person_name' });
      if (text[end] !== '、') break;
      p = end + 1;
    }
  }
}

function detectBeforeComrade(text: string, out: Span[]): void {
  for (let e = text.indexOf('同志'); e !== -1; e = text.indexOf('同志', e + 2)) {
    const ok = (i: number) => isCjk(text[i]) && !HARD_STOP.has(text[i]) && !MASK_CHARS.has(text[i]);
    // 负责同志, 有关同志: a common word before 同志 is not a given name.
    const word = (a: number) => commonWordFrequency(text.slice(a, a + 2)) >= 100;
    let start = -1;
    if (e >= 4 && isCompoundSurname(text.slice(e - 4, e - 2)) && ok(e - 2) && ok(e - 1)) start = e - 4;
    else if (e >= 3 && isCompoundSurname(text.slice(e - 3, e - 1)) && ok(e - 1)) start = e - 3;
    else if (e >= 3 && isSingleSurname(text[e - 3]) && !BEFORE_NAME.has(text[e - 3]) && ok(e - 2) && ok(e - 1) && !word(e - 2)) {
      start = e - 3;
    } else if (e >= 2 && isSingleSurname(text[e - 2]) && ok(e - 1) && !word(e - 2)) start = e - 2;
    if (start === -1) continue;
    const around = clauseBefore(text, start, 60) + clauseAfter(text, e, 60);
    if (COMRADE_OFFICIAL_RE.test(around)) continue;
    out.push({ start, end: e, type: 'person_name' });
  }
}

/** A table header cell over a column of private persons' names. */
const NAME_HEADER_RE =
  /^(?:姓名|(?:申请人|当事人|投诉人|举报人|被处罚人|户主|患者|联系人|信访人|求助人|救助对象|补贴对象|领取人|承租人|业主|车主|驾驶人)(?:姓名)?)$/;
/** Header words of tables about officials or agencies: 领导分工, 联络员名单 by unit. */
const OFFICIAL_TABLE_RE = /职务|职位|职级|职称|分管|任职|单位|部门|科室|处室|办公电话/;
/** Header words that make a table a list of private persons whatever else it has. */
const PRIVATE_TABLE_RE = /身份证|证件号|住址|家庭|手机|户籍|救助|补贴|低保/;

/**
 * Names in tables, as extracted text gives them: a header row with a 姓名 (or 申请人 …) cell,
 * then rows with the same number of tab-separated cells. Each cell of that column that is
 * exactly a name is flagged, unless the header shows a table of officials or agencies.
 */
function detectInTableColumns(text: string, out: Span[]): void {
  if (text.indexOf('\t') === -1) return;
  let column = -1;
  let width = 0;
  let pos = 0;
  while (pos <= text.length) {
    let lineEnd = text.indexOf('\n', pos);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(pos, lineEnd);
    if (line.indexOf('\t') === -1) {
      column = -1;
    } else {
      const cells = line.split('\t');
      if (column !== -1 && cells.length === width) {
        let cellStart = pos;
        for (let c = 0; c < column; c++) cellStart += cells[c].length + 1;
        const cell = cells[column];
        const lead = cell.length - cell.trimStart().length;
        const core = cell.trim();
        const p = cellStart + lead;
        if (core.length >= 2 && core.length <= 4 && readName(text, p, true) === p + core.length) {
          out.push({ start: p, end: p + core.length, type: 'person_name' });
        }
      } else {
        const header = cells.findIndex((c) => NAME_HEADER_RE.test(c.trim()));
        const official = OFFICIAL_TABLE_RE.test(line) && !PRIVATE_TABLE_RE.test(line);
        column = header !== -1 && !official ? header : -1;
        width = cells.length;
      }
    }
    pos = lineEnd + 1;
  }
}

// A line that is only a name and a colon: the salutation of a reply letter (张三：, 李四女士：).
const SALUTATION_RE = /(?<=^|\n)[ \t\u3000]*([\u4e00-\u9fff]{2,4}?)(?:先生|女士|同志)?[：:][ \t]*(?=\r?\n|$)/g;

function detectSalutations(text: string, out: Span[]): void {
  SALUTATION_RE.lastIndex = 0;
  for (let m = SALUTATION_RE.exec(text); m !== null; m = SALUTATION_RE.exec(text)) {
    const p = m.index + m[0].indexOf(m[1]);
    if (readName(text, p, true) === p + m[1].length) out.push({ start: p, end: p + m[1].length, type: 'person_name' });
  }
}

export function detectPersonName(text: string): Span[] {
  const out: Span[] = [];
  detectAfterTriggers(text, out);
  detectBeforeComrade(text, out);
  detectInTableColumns(text, out);
  detectSalutations(text, out);
  return out;
}
