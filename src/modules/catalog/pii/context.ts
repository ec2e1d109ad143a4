/**
 * Context decisions shared by the detectors: which label a number sits under, whether a
 * passage is about an agency or a private person. Detectors only look a few dozen characters
 * around a hit, so these helpers are cheap and never scan the whole text.
 */

export function isCjk(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

export function isAsciiAlnum(c: string | undefined): boolean {
  if (c === undefined || c === '') return false;
  const code = c.charCodeAt(0);
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** End offset (in `s`) of the last match of a global regex, or -1. */
export function lastMatchEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let end = -1;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    end = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return end;
}

/** 。；;！!？? and line breaks end a clause (char codes, checked in hot loops). */
function isSentenceEnd(c: number): boolean {
  return c === 0x3002 || c === 0xff1b || c === 0x3b || c === 0xff01 || c === 0x21 || c === 0xff1f || c === 0x3f || c === 0x0a;
}

/** Up to `max` characters before `pos`, cut at the previous sentence end. */
export function clauseBefore(text: string, pos: number, max: number): string {
  const from = Math.max(0, pos - max);
  let i = pos - 1;
  while (i >= from && !isSentenceEnd(text.charCodeAt(i))) i--;
  return text.slice(i + 1, pos);
}

/** Up to `max` characters after `pos`, cut at the next sentence end. */
export function clauseAfter(text: string, pos: number, max: number): string {
  const to = Math.min(text.length, pos + max);
  let i = pos;
  while (i < to && !isSentenceEnd(text.charCodeAt(i))) i++;
  return text.slice(pos, i);
}

/** Which of two label patterns is nearest before `pos` (within `window` chars of the clause). */
export function nearestLabel(
  text: string,
  pos: number,
  window: number,
  positive: RegExp,
  negative: RegExp,
): 'positive' | 'negative' | 'none' {
  const before = clauseBefore(text, pos, window);
  const p = lastMatchEnd(positive, before);
  const n = lastMatchEnd(negative, before);
  if (p === -1 && n === -1) return 'none';
  return p >= n ? 'positive' : 'negative';
}

/** Whether a label occurs within `window` characters before `pos` in the same clause. */
export function hasLabelBefore(text: string, pos: number, window: number, label: RegExp): boolean {
  return lastMatchEnd(label, clauseBefore(text, pos, window)) !== -1;
}

/**
 * Labels under which long numbers are codes, not personal data: index and document numbers,
 * credit and tax codes, order and serial numbers, postcodes. (身份证号 must not match, so no
 * bare 证号 here.)
 */
export const CODE_LABEL_RE =
  /索引号|文号|发文字号|编号|统一社会信用代码|社会信用代码|信用代码|组织机构代码|纳税人识别号|税号|注册号|登记号|许可证号|证书号|订单号|流水号|交易号|合同号|项目代码|批准文号|备案号|档案号|案号|邮政编码|邮编|区划代码|条形码|条码|批号|型号|序列号/g;

/** A number directly followed by "/2021-…" is the head of an index number. */
export function isIndexNumberHead(text: string, end: number): boolean {
  return text[end] === '/' && /[0-9]/.test(text[end + 1] ?? '');
}

/** A number directly followed by ".5" or preceded by "3." is a decimal, e.g. an amount. */
export function isPartOfDecimal(text: string, start: number, end: number): boolean {
  if (text[end] === '.' && /[0-9]/.test(text[end + 1] ?? '')) return true;
  if (text[start - 1] === '.' && /[0-9]/.test(text[start - 2] ?? '')) return true;
  return false;
}

/** Words that end an agency's or organisation's name, used to read "X局地址：…" as official. */
const AGENCY_TAIL =
  '(?:政府|办公室|办公厅|委员会|管委会|办事处|中心|[局委厅馆站校队]|派出所|事务所|研究所|管理所|管理处|医院|法院|检察院|学院|研究院|公司|企业|单位|机关|窗口|大厅|门店|银行|集团|协会|学会)';

/** Address labels after an agency ("区政府办公室地址：", "办公地址") mark an official address. */
export const OFFICIAL_ADDRESS_CUE_RE = new RegExp(
  `${AGENCY_TAIL}[）)]?[，,：:\\s（(]*的?(?:办公|办事|服务|受理|联系|通讯|通信|注册|经营)?(?:地址|地点|场所|位于|地处|坐落于|设在)|(?:办公|办事|受理|服务|窗口|单位|机关|注册|经营)(?:地址|地点|场所)`,
  'g',
);

/** Labels and roles that make an address someone's home. */
export const PRIVATE_ADDRESS_CUE_RE =
  /住址|家住|住在|居住|现住|现居|户籍|住所|住处|家庭地址|籍贯|家中|租住|暂住|寄住|借住|申请人|当事人|投诉人|举报人|被处罚人|户主|患者|本人|信访人|来信人|求助人|监护人|业主|租户|承租人/g;

/** Official titles: a name followed or preceded by one is an official acting in office. */
export const OFFICIAL_TITLES = [
  '副区长', '区长', '副县长', '县长', '副市长', '市长', '镇长', '乡长', '副局长', '局长',
  '副主任', '主任', '副书记', '书记', '副科长', '科长', '副处长', '处长', '副部长', '部长',
  '厅长', '主席', '秘书长', '委员', '巡视员', '调研员', '科员', '干部', '所长', '站长',
  '院长', '队长', '组长', '村长', '支书', '社长', '馆长', '校长', '主任科员', '办事员',
  '专员', '督查员', '联络员', '信息员', '工作人员', '执法人员', '检查人员', '执法队员', '第一书记',
  '工作队员', '网格员', '同志',
];

/** Words in a line that show a 联系人/姓名 entry is about an official or an agency. */
export const OFFICIAL_LINE_RE =
  /政府|办公室|办公厅|委员会|管委会|办事处|[局委厅]|中心|部门|单位|机关|科室|职务|现任|拟任|任职|职级|领导|公务员|干部|区长|县长|市长|镇长|局长|主任|书记|科长|处长|部长|(?<![0-9])12345(?![0-9])|(?<![0-9])0[0-9]{2,3}-?[2-9][0-9]{6,7}(?![0-9])|[(（]0[0-9]{2,3}[)）][2-9][0-9]{6,7}/;

/** Roles that make a line private even when an agency is named in it. */
export const PRIVATE_ROLE_RE = /申请人|投诉人|举报人|当事人|患者|家属|本人|信访人|求助人/;
