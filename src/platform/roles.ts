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
  readonly: '只读',
} as const;
export type Role = keyof typeof ROLES;
export const ROLE_CODES = Object.keys(ROLES) as Role[];
