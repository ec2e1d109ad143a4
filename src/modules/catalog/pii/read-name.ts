import { commonWordFrequency } from './common-words.ts';
import { isCjk, OFFICIAL_TITLES } from './context.ts';
import { ROLE_WORDS } from './role-words.ts';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';
import { WordSet } from './word-set.ts';

/**
 * Reading a name forward from where it starts. Chinese has no spaces, so the name's length is
 * read from what follows it: punctuation, a function word (向, 于, 称 …) or a common word
 * (提出, 家住 …).
 */

/** Characters that cannot be the first character of a given name. */
export const HARD_STOP = new Set(
  '的了着过是在向对把被将从与及或等称系因按经就都也还已未不没要应当该所其此本这那之各每' +
    '市区县省局委厅办司部院站队村镇乡街路处室组店厂府',
);
/** Characters that end a name when they come where its last character would be. */
export const SOFT_STOP = new Set([...HARD_STOP, ...'于和为说男女现曾均诉今并即便则却再又依据通由']);
/** Already masked: 张某, 张某某, 张XX, 张** are left alone. */
export const MASK_CHARS = new Set('某*×○〇_?？');
/** A place or organisation name, not a person: 重庆市, 江北区, 王记火锅店. */
const ORG_NEXT = new Set('市区县省局委厅办司院站队村镇乡街店厂');
const ORG_SEGMENT_RE =
  /^[\u4e00-\u9fff]{2,15}(?:有限公司|公司|集团|店|厂|行|部|中心|馆|所|院|局|委|会|社|站|队|(?<=[府委局])办|(?<=[事理审批务])处|校|场|厅|门市|超市)$/;
const FUNCTION_CHAR_RE = /[的在于经向与和及被把从对为是共一]/;

/** Words that usually follow a name; seeing one fixes where the name ends. */
const FOLLOW_WORDS = [
  '家住', '家庭', '家属', '住址', '住在', '居住', '身份', '性别', '电话', '手机', '联系', '提出',
  '申请', '反映', '投诉', '举报', '认为', '要求', '不服', '名下', '户籍', '出生', '年龄', '先生',
  '女士', '小姐', '等人', '一行', '夫妇', '诉称', '及其', '与其', '本人', '签字', '签名', '持有',
  '老人', '阿姨', '大爷', '大妈', '网友', '来信', '来电', '来访', '留言', '告诉', '表示', '介绍', '家中',
];
/** Honorifics after a bare surname (王先生, 李女士): no given name is shown, nothing to mask. */
const SURNAME_ONLY = [
  '先生', '女士', '小姐', '老师', '医生', '律师', '师傅', '阿姨', '同学', '老人', '大爷', '大妈', '大娘',
  '大姐', '大哥', '奶奶', '爷爷', '婆婆', '老汉', '某', ...OFFICIAL_TITLES,
];

export const FOLLOW = new WordSet(FOLLOW_WORDS);
export const ROLES = new WordSet(ROLE_WORDS);
export const TITLES = new WordSet(OFFICIAL_TITLES);
export const NO_GIVEN_NAME = new WordSet(SURNAME_ONLY);

/** Length of the surname at `p` (2 for 欧阳, 1 for 张), 0 when none starts there. */
export function surnameAt(text: string, p: number): number {
  if (isCompoundSurname(text.slice(p, p + 2)) && isCjk(text[p + 2]) && !HARD_STOP.has(text[p + 2])) return 2;
  return isSingleSurname(text[p]) ? 1 : 0;
}

/** End of the name starting at `p`, or -1 when there is no plausible name there. */
export function readName(text: string, p: number, labelled: boolean): number {
  // 申请人申请人…: a role word is never itself a name.
  if (ROLES.startsAt(text, p)) return -1;
  const sl = surnameAt(text, p);
  if (sl === 0) return -1;

  const q = p + sl;
  const g1 = text[q];
  if (!isCjk(g1) || HARD_STOP.has(g1) || MASK_CHARS.has(g1)) return -1;
  if (NO_GIVEN_NAME.startsAt(text, q)) return -1;

  let len = 1;
  const g2 = text[q + 1];
  if (MASK_CHARS.has(g2)) return -1;
  if (isCjk(g2) && !SOFT_STOP.has(g2)) {
    const after = q + 2;
    if (SOFT_STOP.has(text[after]) && isCjk(text[after]) && commonWordFrequency(text.slice(q + 1, q + 3)) >= 500) {
      len = 1; // 欧阳华创办: 创办 is a word, the name ends before it
    } else if (
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
