import { commonWordFrequency } from './common-words.ts';
import { isCjk } from './context.ts';
import { isDottedName, isNameWord, nameShape, TRANSLIT } from './name-shape.ts';
import { isOfficialName } from './official-context.ts';
import { ROLES } from './read-name.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';
import { WordSet } from './word-set.ts';
import type { Span } from './types.ts';

/**
 * Names recognised by what follows them, read backwards from the cue:
 * - honorifics and kinship: 黄志明先生, 孙丽萍女士, 刘桂珍老人, 何建英阿姨, 郑光辉家庭, 廖明辉网友;
 * - a roster's gender column: 韩冬梅，女，1996年…, 桂明远（男，42岁）;
 * - a note about a private person: 叶国华（七星岗街道居民）, 张晓丽（女儿）;
 * - verbs of a letter or an interview, when the name starts a clause: 关于范德明反映问题,
 *   “……”市民说 is handled by the role word, 孙志伟表示 here.
 * A bare surname (王先生) has no given name to hide and is left alone, and so is an official.
 */

const HONORIFIC_WORDS = [
  '老先生', '先生', '女士', '小姐', '老人', '老汉', '阿姨', '大爷', '大妈', '大娘', '奶奶', '爷爷', '婆婆', '夫妇',
  '一家', '家庭', '网友', '小朋友', '同学', '等人',
];
const VERB_WORDS = [
  '反映', '来信', '来电', '来访', '留言', '咨询', '投诉', '举报', '诉称', '诉被告', '告诉记者', '表示', '介绍',
  '说', '笑着说', '高兴地说', '感慨', '回忆', '称', '一家人',
];
const HONORIFICS = new WordSet(HONORIFIC_WORDS);
const VERBS = new WordSet(VERB_WORDS);
const GENDER_RE = /^[，,（(][ \t]*[男女][，,）)、；;。 \t]/;
/** Other fields of a roster entry after a name: 蒋德明，家庭人口1人 / 张三（身份证号…）. */
const ROSTER_FIELD_RE = /^[，,（(][ \t]*(?:家庭人口|家庭成员|家庭住址|性别|身份证|户籍|住址|现住|现居|家住|年龄|出生|民族|户口|保障人口|保障金额)/;
const PRIVATE_NOTE_RE =
  /^[（(][^）)\n]{0,14}(?:街道|社区|村|镇|乡|居民|村民|市民|学校|大学|公司|个体|职工|退休|司机|农民|学生|女儿|妻子|儿子|丈夫|父亲|母亲|本人|户主|业主|租户|承租人|房东|申请人|当事人|被征收人|[0-9]{1,3}岁|身份证|证件|电话|手机|出生)[^）)\n]{0,20}[）)]/;
/** What may come right before a name read backwards from a verb: a clause start or a particle. */
const VERB_LEAD = new Set('，,。；;：:！？!?\n\t “”"「」（(、的与和及对由向关于');
/** Words that end in a surname character but are not part of the name after them (感谢王明). */
const BEFORE_NAME = new Set('对向给与和及请由把被将让叫为是的了在于从同经');

/** Start of a name that ends at `e`, read backwards (欧阳娜娜, 张建国, 李娜), or -1. */
function nameStartBefore(text: string, e: number): number {
  if (e >= 4 && isCompoundSurname(text.slice(e - 4, e - 2))) return e - 4;
  if (e >= 3 && isCompoundSurname(text.slice(e - 3, e - 1))) return e - 3;
  const c3 = text[e - 3];
  if (
    e >= 3 &&
    isSingleSurname(c3) &&
    !BEFORE_NAME.has(c3) &&
    !ROLES.endingAt(text, e - 2) &&
    commonWordFrequency(text.slice(e - 4, e - 2)) < 100 &&
    nameShape(text.slice(e - 3, e)) !== null
  ) {
    return e - 3;
  }
  if (e >= 2 && isSingleSurname(text[e - 2])) return e - 2;
  return -1;
}

/** Labels after which the name is an agency's contact or staff, decided elsewhere (联系人：…). */
const STAFF_LABEL_RE = /(?:联系人|经办人|承办人|执法人员)[：:\s]*$/;

function push(text: string, start: number, end: number, needClear: boolean, out: Span[]): void {
  // 102.4万人: a number's unit, not a surname.
  const before = text.charCodeAt(start - 1);
  if (before >= 48 && before <= 57) return;
  if (STAFF_LABEL_RE.test(text.slice(Math.max(0, start - 8), start))) return;
  const shape = nameShape(text.slice(start, end));
  if (shape === null || (shape === 'word' && (needClear || !isNameWord(text.slice(start, end))))) return;
  if (isOfficialName(text, start, end)) return;
  out.push({ start, end, type: 'person_name' });
}

/** First characters of every cue: the loop below skips all other positions on one array read. */
const CUE_FIRST = new Uint8Array(65536);
for (const w of [...HONORIFIC_WORDS, ...VERB_WORDS, '，', ',', '（', '(', '于', '等']) CUE_FIRST[w.charCodeAt(0)] = 1;

export function detectNamesByCueAfter(text: string, out: Span[]): void {
  for (let e = 2; e < text.length; e++) {
    if (CUE_FIRST[text.charCodeAt(e)] === 0) continue;
    const prev = text.charCodeAt(e - 1);
    if (prev < 0x3400 || prev > 0x9fff) continue;
    const c = text[e];
    if (c === '，' || c === ',' || c === '（' || c === '(') {
      const head = text.slice(e, e + 26);
      if (!GENDER_RE.test(head) && !ROSTER_FIELD_RE.test(head) && !PRIVATE_NOTE_RE.test(head)) continue;
      const s = dottedStartBefore(text, e) ?? nameStartBefore(text, e);
      if (s === -1) continue;
      // The name must start its clause: 1. 柯文哲，男 / 谭永红，女 / 、张晓丽（女儿）.
      if (isCjk(text[s - 1]) && !ROLES.endingAt(text, s)) continue;
      push(text, s, e, false, out);
      continue;
    }
    const honorific = HONORIFICS.startsAt(text, e);
    // 张三于2024年3月…, 张三等3人: weak cues, like verbs.
    const verb = !honorific && (VERBS.startsAt(text, e) || ((c === '于' || c === '等') && /[0-9一二三四五六七八九十两今近当同本去上]/.test(text[e + 1] ?? '')));
    if (!honorific && !verb) continue;
    const s = nameStartBefore(text, e);
    if (s === -1) continue;
    if (verb) {
      // A verb is a weak cue: the name must open its clause and be unmistakable.
      const lead = text[s - 1];
      if (lead !== undefined && !VERB_LEAD.has(lead) && !text.startsWith('关于', s - 2)) continue;
    }
    push(text, s, e, verb, out);
  }
}

/** Start of a dotted name ending at `e` (…阿依古丽·买买提), or null. */
function dottedStartBefore(text: string, e: number): number | null {
  let s = e;
  while (s > 0 && e - s < 20 && (TRANSLIT.has(text[s - 1]) || text[s - 1] === '·')) s--;
  if (s === e) return null;
  const name = text.slice(s, e);
  return name.includes('·') && isDottedName(name) ? s : null;
}

/** 阿依古丽·买买提, 努尔兰·沙吾提: names with a middle dot, wherever they stand. */
export function detectDottedNames(text: string, out: Span[]): void {
  for (let i = text.indexOf('·'); i !== -1; i = text.indexOf('·', i + 1)) {
    if (!TRANSLIT.has(text[i - 1]) || !TRANSLIT.has(text[i + 1])) continue;
    let s = i;
    while (s > 0 && i - s < 8 && TRANSLIT.has(text[s - 1])) s--;
    let e = i + 1;
    while (e < text.length && e - i < 20 && (TRANSLIT.has(text[e]) || (text[e] === '·' && TRANSLIT.has(text[e + 1])))) e++;
    const name = text.slice(s, e);
    if (!isDottedName(name) || isOfficialName(text, s, e)) {
      i = e;
      continue;
    }
    out.push({ start: s, end: e, type: 'person_name' });
    i = e;
  }
}
