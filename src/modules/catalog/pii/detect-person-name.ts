import { commonWordFrequency } from './common-words.ts';
import { clauseAfter, clauseBefore, isCjk, OFFICIAL_LINE_RE, PRIVATE_ROLE_RE } from './context.ts';
import { detectNamesByCueAfter, detectDottedNames } from './detect-name-cues.ts';
import { detectAfterColon, detectCommaLists, detectNameLists, detectNumberedItems } from './detect-name-lists.ts';
import { detectNameRows } from './detect-name-rows.ts';
import { isPublicFigure, nameShape, TRANSLIT } from './name-shape.ts';
import { isOfficialName, officialNames, titleAfter } from './official-context.ts';
import { HARD_STOP, MASK_CHARS, readName, ROLES } from './read-name.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';
import type { Span } from './types.ts';
import { WordSet } from './word-set.ts';

/**
 * Private persons' names, found only in context:
 * - after a role word (申请人张三, 被征收人：李四, 村民王五, 我叫赵六, 姓名：钱七), also a list of
 *   names after one role word (申请人张三、李四);
 * - before a word that follows names (张三先生, 李四女士, 王五老人, 赵六，男，…, 关于钱七反映);
 * - in the lists and tables of a 公示: items of a 、 list that are all shaped like names,
 *   cells of tab- or space-separated rows, numbered entries (1、张三，因病…), a column headed 姓名;
 * - as a letter's salutation line (张三：), before 同志 outside official business;
 * - ethnic-minority and foreign names with a middle dot (阿依古丽·买买提) anywhere;
 * - and every other mention, in the same text, of a name found in one of these ways.
 * Officials acting in office are left alone: a name right after or before a title (区长张三,
 * 张三科长, 副区长：李四), a 联系人 line that names an agency or gives a landline, a table or
 * list of officials (职务 column, 出席会议的有…), a 同志 in an appointment.
 */

const ROLE_SEPARATOR_RE = /(?:[（(][^）)\n]{1,8}[）)])?[：:\s“"「【]{0,3}(?:为|是|系)?[：:\s]{0,2}/y;

/** Surname characters that are far more often function words right after a role word (姓名和…). */
const FUNCTION_SURNAMES = new Set('和向于将从对为与及由把被经');

const COMRADE_OFFICIAL_RE =
  /任命|任免|免去|免职|担任|兼任|任职|职务|书记|主任|局长|区长|县长|市长|镇长|乡长|科长|处长|部长|厅长|主席|委员|干部|党员|党组|党委|挂职|选调|考察|考核|领导|负责|分管|主持|出席|讲话|会议|政府|机关|重要论述|思想|指示|总书记|精神/;
const NAME_FIELD_OFFICIAL_RE = /职务|现任|拟任|任职|职级|干部|领导|公务员|任免|任命|职称/;
/** Words that end in a surname character before 同志 but are not part of the name (向李明同志). */
const BEFORE_NAME = new Set('对向给与和及请由把被将让叫为是的了在于从同');

type TriggerKind = 'role' | 'contact' | 'field';

function triggerKind(word: string): TriggerKind {
  if (word === '联系人') return 'contact';
  if (word === '姓名') return 'field';
  return 'role';
}

/** Whether the name found after a trigger belongs to an official acting in office. */
function isOfficial(text: string, kind: TriggerKind, triggerStart: number, nameEnd: number): boolean {
  if (titleAfter(text, nameEnd)) return true;
  if (kind === 'role') return false;
  const line = clauseBefore(text, triggerStart, 40) + text.slice(triggerStart, nameEnd) + clauseAfter(text, nameEnd, 60);
  if (kind === 'field') return NAME_FIELD_OFFICIAL_RE.test(line);
  // 联系人：何伟；联系电话：023-…: the contact's line, not only the clause, shows an agency.
  const lineEnd = text.indexOf('\n', nameEnd);
  const rest = text.slice(nameEnd, Math.min(lineEnd === -1 ? text.length : lineEnd, nameEnd + 80));
  if (OFFICIAL_LINE_RE.test(rest) && !PRIVATE_ROLE_RE.test(line + rest)) return true;
  return OFFICIAL_LINE_RE.test(line) && !PRIVATE_ROLE_RE.test(line);
}

/** A four-character Tibetan or transliterated name without a dot (白玛央金) standing alone. */
function readTransliterated(text: string, p: number): number {
  let e = p;
  while (e < text.length && e - p < 6 && TRANSLIT.has(text[e])) e++;
  if (e - p < 4 || isCjk(text[e])) return -1;
  return e;
}

/** Skips a short bracketed note after a name: 李春花（石坪村）、王大福. */
function skipNote(text: string, p: number): number {
  if (text[p] !== '（' && text[p] !== '(') return p;
  for (let i = p + 1; i < text.length && i - p <= 16; i++) {
    const c = text[i];
    if (c === '）' || c === ')') return i + 1;
    if (c === '\n' || c === '（' || c === '(') return p;
  }
  return p;
}

function detectAfterTriggers(text: string, out: Span[]): void {
  const roles = ROLES; // a local: read once, not through the module binding at every character
  for (let i = 0; i < text.length; i++) {
    const len = roles.longestAt(text, i);
    if (len === 0) continue;
    const word = text.slice(i, i + len);
    const kind = triggerKind(word);
    ROLE_SEPARATOR_RE.lastIndex = i + len;
    const sep = ROLE_SEPARATOR_RE.exec(text);
    let p = ROLE_SEPARATOR_RE.lastIndex;
    i += len - 1;
    const labelled = sep !== null && /[：:为是系]/.test(sep[0]);
    const introduces = word === '我是' || word === '我叫' || word === '名叫';
    if ((sep === null || sep[0] === '') && !introduces && FUNCTION_SURNAMES.has(text[p])) continue;
    // 申请人张三、李四 / 特困供养对象：徐老三 孙桂兰: a list of names after one role word.
    for (let n = 0; n < 20; n++) {
      let end = readName(text, p, labelled || n > 0);
      // 白玛央金, 扎西多吉: a Tibetan or transliterated name without a dot reads longer.
      const translit = readTransliterated(text, p);
      if (translit > end) end = translit;
      if (end === -1) break;
      if (isOfficial(text, kind, i, end) || isPublicFigure(text.slice(p, end))) break;
      out.push({ start: p, end, type: 'person_name' });
      let q = skipNote(text, end);
      if (text[q] === '、') q++;
      else if (text[q] === ' ' || text[q] === '\t') {
        while (text[q] === ' ' || text[q] === '\t') q++;
        // Across a space only a clear name continues the list (not 留言人：张三 时间：…).
        if (nameShape(text.slice(q, readName(text, q, true))) !== 'clear') break;
      } else break;
      p = q;
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
    if (isPublicFigure(text.slice(start, e))) continue;
    const around = clauseBefore(text, start, 60) + clauseAfter(text, e, 60);
    if (COMRADE_OFFICIAL_RE.test(around)) continue;
    out.push({ start, end: e, type: 'person_name' });
  }
}

// A line that is only a name and a colon: the salutation of a reply letter (张三：, 李四女士：).
// Also 张三：你反映的问题… / 李四：您好 on one line.
const SALUTATION_RE = /(?<=^|\n)[ \t\u3000]*([\u4e00-\u9fff·]{2,12}?)(?:先生|女士|同志|网友)?[：:][ \t]*(?=\r?\n|$|你|您)/g;

function detectSalutations(text: string, out: Span[]): void {
  SALUTATION_RE.lastIndex = 0;
  for (let m = SALUTATION_RE.exec(text); m !== null; m = SALUTATION_RE.exec(text)) {
    const p = m.index + m[0].indexOf(m[1]);
    const end = p + m[1].length;
    if (m[1].includes('·') ? nameShape(m[1]) !== null : readName(text, p, true) === end) {
      out.push({ start: p, end, type: 'person_name' });
    }
  }
}

/**
 * Every other mention of a name already found (申请人姜文斌 … 申请人姜文斌不服; 留言人：廖明辉 …
 * 廖明辉网友，您好), unless that mention is an official's.
 */
function propagate(text: string, out: Span[]): void {
  if (out.length === 0) return;
  const seen = new Set(out.map((s) => s.start));
  const names = new WordSet(
    [...new Set(out.map((s) => text.slice(s.start, s.end)))].filter(
      (name) => (name.length >= 3 || name.includes('·')) && nameShape(name) === 'clear',
    ),
  );
  // One pass over the text, whatever the number of names.
  for (let p = 0; p < text.length; p++) {
    const len = names.longestAt(text, p);
    if (len === 0 || seen.has(p)) continue;
    const end = p + len;
    // Part of a longer run of name characters (张建国 inside 欧张建国) is not this name.
    const before = text[p - 1];
    if (isSingleSurname(before) && !BEFORE_NAME.has(before) && nameShape(text.slice(p - 1, end)) === 'clear') continue;
    if (isOfficialName(text, p, end)) continue;
    out.push({ start: p, end, type: 'person_name' });
    p = end - 1;
  }
}

export function detectPersonName(text: string): Span[] {
  const out: Span[] = [];
  detectAfterTriggers(text, out);
  detectBeforeComrade(text, out);
  detectNameRows(text, out);
  detectNameLists(text, out);
  detectCommaLists(text, out);
  detectAfterColon(text, out);
  detectNumberedItems(text, out);
  detectNamesByCueAfter(text, out);
  detectDottedNames(text, out);
  detectSalutations(text, out);
  propagate(text, out);
  if (out.length === 0) return out;
  // 区委书记王建明主持会议。王建明表示…: a name the text shows in office stays unflagged throughout.
  const officials = officialNames(text);
  return officials.size === 0 ? out : out.filter((s) => !officials.has(text.slice(s.start, s.end)));
}
