/** The roles of the issue, with their Chinese names as the UI shows them. */
export const ROLES = {
  sys_admin: '系统管理员',
  office_admin: '主管部门管理员',
  liaison: '单位联络员',
  editor: '信息员',
  reviewer: '审核员',
  approver: '签发人',
  responder: '答复人员',
  /** 政策解读专员: writes and reviews the unit's Q&A library entries (issue 11). */
  qa_specialist: '政策解读专员',
  /** 区司法局: the district's 复议 / 诉讼 statistics across agencies (issue 13). */
  justice_stats: '复议诉讼统计员',
  readonly: '只读',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];

/** Whom each role is for, and its reach; what it may do comes from POLICY (policy.ts, roleDuties). */
export const ROLE_SUMMARY: Record<Role, string> = {
  sys_admin: '系统维护人员，全区范围',
  office_admin: '区政府办公室政务公开工作人员，全区范围',
  liaison: '单位政务公开联络员，限本单位',
  editor: '单位信息员，限本单位',
  reviewer: '单位审核人员，办理栏目审核流程中“审核员”的步骤',
  approver: '单位签发人，办理审核流程中“签发人”的步骤（通过即发布）',
  responder: '答复依申请公开、咨询和留言的工作人员',
  qa_specialist: '单位政策解读专员，编写和审核本单位的政策问答条目，限本单位',
  justice_stats: '区司法局工作人员，每年一月统计全区各机关政府信息公开行政复议、行政诉讼情况（只读，跨机关）',
  readonly: '只能查看，不能修改',
};
