import { COUNTRY_NAMES, PLACE_NAMES } from './place-names.js';
import type { TaggedWord } from './segmenter.js';

/**
 * Slots: the parts of a question that change its answer while changing few of its words — place, year,
 * date, population group, agency, named policy or batch, amount, and the kind of answer sought (qtype).
 * Extracted from normalised, synonym-rewritten text and its jieba tags.
 */
export type SlotName = 'place' | 'year' | 'date' | 'group' | 'entity' | 'agency' | 'policy' | 'amount' | 'qtype' | 'action' | 'scope';
export type Slots = Partial<Record<SlotName, string[]>>;

const PLACE_SUFFIX = /(自治县|自治州|特别行政区|街道|新区|地区|省|市|区|县|镇|乡)$/;
const NOT_PLACES = new Set([
  '社区', '小区', '城区', '辖区', '本区', '全区', '景区', '园区', '市区', '郊区', '山区', '片区', '学区', '街区', '地区',
  '该区', '各区', '全市', '本市', '城市', '超市', '外市', '各市', '上市', '全县', '本县', '各县', '外县', '全省', '本省',
  '外省', '各省', '乡镇', '城镇', '集镇', '村镇', '城乡', '下乡', '老乡', '家乡', '外地', '本地', '当地', '异地', '新区',
  '开发区', '保税区', '自贸区', '省内', '省外', '市内', '市外', '区内', '区外', '街道', '本街道', '农村', '镇上', '城里',
  '上门', '东西', '南北', '东南', '西南', '西北', '东北', '中心城区', '主城区', '城区内',
  // Words jieba's dictionary tags as places (ns) that are not places in a policy question.
  '中考', '海关', '之日起', '中断', '哥哥', '英雄', '美丽', '湖泊', '朝廷', '新建',
]);

/** Population groups (after synonym rewriting); compared by containment (职工 ~ 城镇职工). */
const GROUPS = [
  '灵活就业人员', '城镇职工', '职工', '城乡居民', '退休人员', '退役军人', '残疾人', '高校毕业生', '农民工', '失业人员',
  '老年人', '外来务工人员', '非户籍', '特困人员', '个体工商户', '孕妇', '新生儿', '军人',
  '教师', '公务员', '脱贫人口', '独生子女', '港澳台', '外籍', '低收入', '困难群众', '未成年人',
];
/** Named things a question is about, one of which another entry may be about instead (证件, 险种, 学段). */
const ENTITIES = [
  '身份证', '居住证', '护照', '驾驶证', '行驶证', '结婚证', '离婚证', '营业执照', '不动产权证书', '残疾人证', '社会保障卡',
  '出生医学证明', '优待证', '户口簿', '港澳通行证', '养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险', '住房公积金',
  '幼儿园', '小学', '初中', '高中', '大学', '食品经营许可', '药品经营许可', '卫生许可',
];
const AGENCIES = [
  '人社局', '税务局', '公安局', '派出所', '民政局', '医保局', '住建委', '市场监管局', '规划和自然资源局', '不动产登记中心',
  '教委', '卫健委', '退役军人事务局', '残联', '公积金中心', '政务服务中心', '街道办事处', '法院', '检察院', '统计局',
  '财政局', '生态环境局', '交通局', '城管', '消防', '司法局', '商务委', '文旅委', '应急局', '农业农村委',
];
const QTYPES: [string, RegExp][] = [
  ['条件', /条件|符合|能不能|可不可以|能否|是否可以|够不够|行不行/],
  ['材料', /材料|证件|带什么|准备什么|提交什么|提供什么|证明/],
  ['时限', /多久|什么时候|何时|时限|期限|截止|几号|哪天|时间/],
  ['费用', /费用|收不收费|免费|要不要钱/],
  ['地点', /哪里|窗口|地点|哪个部门/],
  ['电话', /电话/],
  ['标准', /标准|多少|金额/],
];

/**
 * The procedure a question asks about (action): entries of one matter in a bank differ by it — 办理 /
 * 补办 / 变更 / 注销 of one licence, 开具 / 作废 of one invoice, 转入 / 转出 of one account. Asked of
 * another procedure of the same thing, an entry answers another question (a feature, like qtype).
 */
const ACTIONS: [string, RegExp][] = [
  ['补办', /补办|补领|补发|补证|补换|遗失|丢失|丢了|掉了|弄丢|找不到了|不见了|被偷|挂失|损毁|毁损/],
  ['变更', /变更|更改|修改|更正|改名|更名|改成|换成|加名|信息错误|写错|填错|登记错|弄错|开错/],
  ['注销', /注销|销户|作废|红冲|关掉|歇业|停业|不干了|做不下去/],
  ['转移', /转移|转入|转出|转过来|转回|转到|迁移|迁入|迁出|迁到|迁过来|接续|转接/],
  ['续期', /续签|续期|续办|延续|过期|换证|有效期满|期满/],
  ['提取', /提取|取出|退还|退费|退款|退给|退回/],
  ['投诉', /投诉|举报|维权|仲裁/],
  ['查询', /查询|查看|哪里查|怎么查|咋个查|查到|查得到/],
  ['首次', /首次|初次|第一次|新办|设立|开办|新开|新设|初领/],
];

/**
 * Scope: a text about somewhere other than the office's own place — another province, city or district
 * (外地, 外省, 异地, 跨省, 非本地 …: 'elsewhere') or another country (外国人, 境外, 出国 …: 'abroad') — or
 * one that says it is here (本区, 这边: 'here'). An entry about elsewhere covers the place a question
 * names as the other one (slot-conflicts.ts).
 */
const SCOPES: [string, RegExp][] = [
  ['elsewhere', /外地|外省|外市|外县|外区|异地|跨省|跨市|跨区|省外|市外|非本地|非本市|非本区|随迁|外来/],
  ['abroad', /外国|外籍|境外|国外|出国|入籍|涉外|华侨/],
  ['here', /本区|本市|本地|这边|这里|我们这/],
];

/** Whether a place (as placeKey gives it) is a country other than China. */
export function isCountry(place: string): boolean {
  return COUNTRY_NAMES.has(place);
}

function add(slots: Slots, name: SlotName, value: string): void {
  const list = (slots[name] ??= []);
  if (!list.includes(value)) list.push(value);
}

/**
 * A place: a word jieba tags as one (ns) that names a place of China or a country (place-names.ts; jieba's
 * dictionary also tags 大伯, 上岗, 天桥底下 as places), or a noun of three characters or more with a place's
 * suffix (解放碑街道, a town or district the gazetteer may not hold).
 */
function isPlace(word: string, tag: string): boolean {
  if (word.length < 2 || NOT_PLACES.has(word) || /^(中国|全国|国家|中华人民共和国|中央)$/.test(word)) return false;
  if (tag === 'ns' && (PLACE_NAMES.has(word) || PLACE_NAMES.has(placeKey(word)))) return true;
  return word.length >= 3 && PLACE_SUFFIX.test(word) && /^(ns|nt|n|nz)$/.test(tag);
}

export function placeKey(word: string): string {
  const stem = word.replace(PLACE_SUFFIX, '');
  return stem.length >= 2 ? stem : word;
}

export function extractSlots(text: string, tagged: TaggedWord[]): Slots {
  const slots: Slots = {};
  for (const { word, tag } of tagged) {
    if (isPlace(word, tag)) add(slots, 'place', placeKey(word));
  }
  // 港澳 (往来港澳通行证) and 港澳台 name places jieba does not tag as such
  const hk = /港澳台|港澳/.exec(text);
  if (hk) add(slots, 'place', hk[0]);
  for (const m of text.matchAll(/(?<![\d.])((?:19[5-9]|20[0-4])\d)(?![\d.])(?!元|万|块|人|个|次|份|平|号)/g)) add(slots, 'year', m[1]);
  for (const m of text.matchAll(/(?<!\d)(\d{1,2})月(\d{1,2})[日号]/g)) add(slots, 'date', `${+m[1]}-${+m[2]}`);
  for (const m of text.matchAll(/(\d+(?:\.\d+)?)(万元|万|元|块钱|块)/g)) {
    const n = Number(m[1]) * (m[2].startsWith('万') ? 10000 : 1);
    add(slots, 'amount', String(n));
  }
  for (const m of text.matchAll(/《([^》]{2,40})》/g)) add(slots, 'policy', m[1]);
  for (const m of text.matchAll(/第(\d+)批/g)) add(slots, 'policy', `第${m[1]}批`);
  for (const m of text.matchAll(/[\p{Script=Han}]{2,10}〔\d{4}〕\d+号/gu)) add(slots, 'policy', m[0]);
  for (const g of GROUPS) if (text.includes(g) && !(slots.group ?? []).some((x) => x.includes(g))) add(slots, 'group', g);
  for (const a of AGENCIES) if (text.includes(a)) add(slots, 'agency', a);
  for (const e of ENTITIES) if (text.includes(e)) add(slots, 'entity', e);
  for (const [name, re] of QTYPES) if (re.test(text)) add(slots, 'qtype', name);
  for (const [name, re] of ACTIONS) if (re.test(text)) add(slots, 'action', name);
  for (const [name, re] of SCOPES) if (re.test(text)) add(slots, 'scope', name);
  return slots;
}

/** 港澳 (港澳通行证) names Hong Kong and Macao, 港澳台 Taiwan too. */
const HK_MACAO: Record<string, string[]> = { 港澳: ['香港', '澳门'], 港澳台: ['香港', '澳门', '台湾'] };

/** True when two values of a slot name the same thing. */
export function sameValue(name: SlotName, a: string, b: string): boolean {
  if (a === b) return true;
  if (name === 'place' && (HK_MACAO[a]?.includes(b) || HK_MACAO[b]?.includes(a))) return true;
  if (name === 'group' || name === 'place' || name === 'policy' || name === 'agency' || name === 'entity') return a.includes(b) || b.includes(a);
  return false;
}
