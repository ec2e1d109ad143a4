/**
 * The outcomes of an information request, one-to-one with the rows of section 三（三） of the national
 * annual report (国办公开办函〔2021〕30号 format; shared/domain/ogi-rules.md §2 and §4), each with the
 * article of the 条例 (国务院令第711号) it rests on. The annual report counts a case in exactly one row.
 */
export const OUTCOMES = [
  { code: '1', group: '（一）', label: '予以公开', basis: '第三十六条第（二）项' },
  { code: '2', group: '（二）', label: '部分公开', basis: '第三十七条' },
  { code: '3.1', group: '（三）不予公开', label: '属于国家秘密', basis: '第十四条' },
  { code: '3.2', group: '（三）不予公开', label: '其他法律行政法规禁止公开', basis: '第十四条' },
  { code: '3.3', group: '（三）不予公开', label: '危及“三安全一稳定”', basis: '第十四条' },
  { code: '3.4', group: '（三）不予公开', label: '保护第三方合法权益', basis: '第十五条' },
  { code: '3.5', group: '（三）不予公开', label: '属于三类内部事务信息', basis: '第十六条第一款' },
  { code: '3.6', group: '（三）不予公开', label: '属于四类过程性信息', basis: '第十六条第二款' },
  { code: '3.7', group: '（三）不予公开', label: '属于行政执法案卷', basis: '第十六条第二款' },
  { code: '3.8', group: '（三）不予公开', label: '属于行政查询事项', basis: '第三十六条第（七）项' },
  { code: '4.1', group: '（四）无法提供', label: '本机关不掌握相关政府信息', basis: '第三十六条第（四）项' },
  { code: '4.2', group: '（四）无法提供', label: '没有现成信息需要另行制作', basis: '第三十八条' },
  { code: '4.3', group: '（四）无法提供', label: '补正后申请内容仍不明确', basis: '第三十条' },
  { code: '5.1', group: '（五）不予处理', label: '信访举报投诉类申请', basis: '第三十九条第一款' },
  { code: '5.2', group: '（五）不予处理', label: '重复申请', basis: '第三十六条第（六）项' },
  { code: '5.3', group: '（五）不予处理', label: '要求提供公开出版物', basis: '第三十九条第二款' },
  { code: '5.4', group: '（五）不予处理', label: '无正当理由大量反复申请', basis: '第三十五条' },
  { code: '5.5', group: '（五）不予处理', label: '要求行政机关确认或重新出具已获取信息', basis: '第三十九条第二款' },
  {
    code: '6.1',
    group: '（六）其他处理',
    label: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    basis: '第三十条',
  },
  {
    code: '6.2',
    group: '（六）其他处理',
    label: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    basis: '第四十二条；国办函〔2020〕109号',
  },
  { code: '6.3', group: '（六）其他处理', label: '其他', basis: '' },
] as const;

export type OutcomeCode = (typeof OUTCOMES)[number]['code'];
export const OUTCOME_CODES = OUTCOMES.map((o) => o.code) as OutcomeCode[];
export const isOutcomeCode = (s: string): s is OutcomeCode => (OUTCOME_CODES as string[]).includes(s);

/** Section 三's seven columns: 自然人, the five kinds of 法人或其他组织, and 总计 (computed). */
export const APPLICANT_KINDS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];
export const isApplicantKind = (s: string): s is ApplicantKind => (APPLICANT_KINDS as readonly string[]).includes(s);

/** Section 四: 行政复议, and 行政诉讼 directly or after 复议; results as of 31 December (none: 尚未审结). */
export const REVIEW_KINDS = ['行政复议', '直接起诉', '复议后起诉'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];
export const REVIEW_RESULTS = ['维持', '纠正', '其他'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
