import { forbidden, outOfScope, unauthenticated } from './errors.ts';
import type { Actor } from './context.ts';
import { ROLE_CODES, ROLE_SUMMARY, type Role } from './roles.ts';

export { ROLES, ROLE_CODES, ROLE_SUMMARY, type Role } from './roles.ts';

/** Roles whose reach is the whole district; every other role acts within its own unit. */
const DISTRICT_WIDE: ReadonlySet<Role> = new Set(['sys_admin', 'office_admin']);

const ALL: Role[] = [...ROLE_CODES];
const WRITERS: Role[] = ROLE_CODES.filter((r) => r !== 'readonly');

/**
 * Every permission an endpoint can require, and the roles that hold it. The same table is sent to
 * the admin app so that it hides what the user may not do.
 */
export const POLICY = {
  'units.read': ALL,
  'units.manage': ['sys_admin', 'office_admin'],
  'users.read': ['sys_admin', 'office_admin', 'liaison'],
  'users.manage': ['sys_admin', 'office_admin'],
  'audit.read': ['sys_admin', 'office_admin'],
  'calendar.read': ALL,
  'calendar.manage': ['sys_admin', 'office_admin'],
  'notifications.own': ALL,
  'files.upload': WRITERS,
  'files.read': ALL,
  'jobs.manage': ['sys_admin'],
  'plans.read': ALL,
  /** Import, issue, close out, urge, circulate: the district office. */
  'plans.manage': ['sys_admin', 'office_admin'],
  /** Report progress on one's own unit's assignments. */
  'plans.report': ['sys_admin', 'office_admin', 'liaison', 'editor'],
  /** Check (核查) the assignments of measures one's unit leads. */
  'plans.check': ['sys_admin', 'office_admin', 'liaison'],
  'catalog.read': ALL,
  /** Columns, their settings and the path mappings. */
  'catalog.manage': ['sys_admin', 'office_admin'],
  /** Draft and edit documents of one's own unit. */
  'documents.edit': ['sys_admin', 'office_admin', 'liaison', 'editor'],
  /** Take a step of the review chain (the step's own role is checked too: a liaison only a 联络员 step). */
  'documents.review': ['sys_admin', 'office_admin', 'liaison', 'reviewer', 'approver'],
  /** Read the open personal-information findings: those who edit and those who review. */
  'documents.findings': ['sys_admin', 'office_admin', 'liaison', 'editor', 'reviewer', 'approver'],
  /** Read the annual reports: one's own agency's, or (district-wide roles) every agency's. */
  'reports.read': ALL,
  /** Write one's own agency's report (sections 一, 五, 六 and the entered figures of 二). */
  'reports.edit': ['sys_admin', 'office_admin', 'liaison', 'editor'],
  /** Mark a report reviewed, publish it, correct a published one with a new version. */
  'reports.publish': ['sys_admin', 'office_admin', 'reviewer', 'approver'],
  /** The district view of every agency's report, and reminders: the district office. */
  'reports.manage': ['sys_admin', 'office_admin'],
  /** Import earlier years' request and review ledgers (history, read-only once imported). */
  'reports.import': ['sys_admin', 'office_admin'],
  /** Opinion events, commitments and press events: read (a unit its own events; the 网信办 and the office all). */
  'opinion.read': ALL,
  /** Register events, record the chain, keep commitments (one's own unit; the 网信办 any unit). */
  'opinion.handle': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Record press events and interpretations (one's own unit as organiser). */
  'opinion.press': ['sys_admin', 'office_admin', 'liaison'],
  /** The domain table, the clocks, 通报批评 and 约谈: the district office. */
  'opinion.manage': ['sys_admin', 'office_admin'],
  /** One's own workbench (工作台): counts of one's work and the week's deadlines, within one's unit scope. */
  'workbench.read': ALL,
  /** 依申请公开: read the cases of one's own unit (the office: every agency's). */
  'requests.read': ALL,
  /** Enter, confirm receipt, 补正, consult, fee, decide, deliver: the handling unit's people. */
  'requests.handle': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Approve the one extension (第三十三条): the head of the disclosure office / the unit's signer. */
  'requests.extend': ['sys_admin', 'office_admin', 'approver'],
  /** Reopen a closed case with a reason: the district office. */
  'requests.reopen': ['sys_admin', 'office_admin'],
  /** Applicants' ID numbers and documents: the handling unit's handlers and the office, every view audited. */
  'requests.identity': ['office_admin', 'liaison', 'responder'],
  /** Record 行政复议 / 行政诉讼 about one's own agency's decisions, and their results. */
  'requests.reviews': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Every agency's 复议 / 诉讼 records for a year: the office and the 区司法局's statistician (四（二）3). */
  'requests.reviews_district': ['sys_admin', 'office_admin', 'justice_stats'],
  /** See dispatch-and-reply ledger items: one's own unit's, the office all (src/platform/ledger). */
  'ledger.read': ALL,
  /** Sign for (签收), return (退回) and ask to extend one's own unit's ledger items. */
  'ledger.handle': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Reassign (改派) ledger items and decide extensions: the dispatcher, i.e. the district office. */
  'ledger.dispatch': ['sys_admin', 'office_admin'],
  /** Read mailbox messages and calls: the office all, a unit those assigned to it / its own calls. */
  'mailbox.read': ['sys_admin', 'office_admin', 'liaison', 'responder', 'readonly'],
  /** Review (审看), triage, reply on the spot, publish, close: the office. */
  'mailbox.manage': ['sys_admin', 'office_admin'],
  /** Reply to messages assigned to one's unit; log calls and callbacks. */
  'mailbox.reply': ['sys_admin', 'office_admin', 'liaison', 'responder'],
  /** Read the Q&A library and its statistics (staff). */
  'qa.read': ALL,
  /** Write, publish, retire, import the unit's entries; review proposals: the 专员 and the office. */
  'qa.edit': ['sys_admin', 'office_admin', 'qa_specialist'],
  /** Synonyms, replacing the whole library, routing registered questions: the office. */
  'qa.manage': ['sys_admin', 'office_admin'],
  /** Staff search for the phone line and the window; record a consultation. */
  'qa.consult': ['sys_admin', 'office_admin', 'liaison', 'responder', 'qa_specialist', 'editor'],
  /** Sign for, return and reply to the registered questions routed to one's unit. */
  'qa.reply': ['sys_admin', 'office_admin', 'liaison', 'responder', 'qa_specialist'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof POLICY;
export const PERMISSIONS = Object.keys(POLICY) as Permission[];

/** What holding a permission lets a person do, as the user form explains each role (roleDuties). */
export const PERMISSION_LABELS: Record<Permission, string> = {
  'units.read': '查看单位',
  'units.manage': '管理单位和单位分组',
  'users.read': '查看用户',
  'users.manage': '管理用户和角色',
  'audit.read': '查看审计日志',
  'calendar.read': '查看工作日历',
  'calendar.manage': '调整工作日历',
  'notifications.own': '接收通知',
  'files.upload': '上传文件',
  'files.read': '下载可见的文件',
  'jobs.manage': '管理后台任务',
  'plans.read': '查看任务分工',
  'plans.manage': '导入、下发任务分工，销号、督办和通报',
  'plans.report': '报送本单位任务进展',
  'plans.check': '核查本单位牵头举措的进展',
  'catalog.read': '查看栏目和文件',
  'catalog.manage': '管理栏目、审核流程和公开路径映射',
  'documents.edit': '起草、修改文件并送审',
  'documents.review': '办理文件审核步骤',
  'documents.findings': '查看文件中的个人信息提示',
  'reports.read': '查看本机关的政府信息公开工作年度报告',
  'reports.edit': '起草本机关的年度报告',
  'reports.publish': '审核、发布和更正年度报告',
  'reports.manage': '查看各机关年度报告情况并督促',
  'reports.import': '导入往年依申请公开和复议诉讼台账',
  'opinion.read': '查看舆情事件、承诺和新闻发布',
  'opinion.handle': '登记舆情事件、办理回应、记录承诺',
  'opinion.press': '记录新闻发布和政策解读',
  'opinion.manage': '维护舆情领域与时限，通报批评和约谈',
  'workbench.read': '查看自己的工作台',
  'requests.read': '查看本单位的依申请公开案件',
  'requests.handle': '办理依申请公开（登记、补正、征求意见、答复、送达）',
  'requests.extend': '批准延期答复',
  'requests.reopen': '重新办理已办结的申请',
  'requests.identity': '查看申请人的身份证明材料',
  'requests.reviews': '登记本机关政府信息公开行政复议、行政诉讼及其结果',
  'requests.reviews_district': '按年度查看全区各机关的政府信息公开行政复议、行政诉讼记录',
  'ledger.read': '查看转办台账',
  'ledger.handle': '签收、退回和答复转办事项',
  'ledger.dispatch': '分派、改派转办事项并批准延期',
  'qa.read': '查看政策咨询问答库',
  'qa.edit': '编写和审核本单位的问答条目',
  'qa.manage': '管理问答库、同义词和整库导入',
  'qa.consult': '登记电话、窗口咨询',
  'qa.reply': '答复登记的咨询问题',
  'mailbox.read': '查看本单位的信箱留言和来电',
  'mailbox.manage': '审看、分办、发布留言，抽查电话',
  'mailbox.reply': '答复留言、登记来电和回电',
};

/**
 * What a role may do, for the user form: whom it is for, then the permissions it holds beyond those
 * every role has. Derived from POLICY, so the form never says what the server does not do.
 */
export function roleDuties(role: Role): string {
  const extra = PERMISSIONS.filter((p) => (POLICY[p] as readonly Role[]).includes(role) && (POLICY[p] as readonly Role[]).length < ROLE_CODES.length);
  return extra.length ? `${ROLE_SUMMARY[role]}。可以：${extra.map((p) => PERMISSION_LABELS[p]).join('；')}。` : `${ROLE_SUMMARY[role]}。可以查看各模块的信息。`;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  const allowed = POLICY[permission] as readonly Role[];
  return actor.roles.some((r) => allowed.includes(r));
}

export function assertCan(actor: Actor | null, permission: Permission): asserts actor is Actor {
  if (!actor) throw unauthenticated();
  if (!can(actor, permission)) throw forbidden();
}

export function permissionsOf(actor: Actor): Permission[] {
  return PERMISSIONS.filter((p) => can(actor, p));
}

export function isDistrictWide(actor: Actor): boolean {
  return actor.roles.some((r) => DISTRICT_WIDE.has(r));
}

/** Units an actor may act for: every unit, or their own. */
export function unitScope(actor: Actor): 'all' | string[] {
  return isDistrictWide(actor) ? 'all' : [actor.unitId];
}

export function assertUnitInScope(actor: Actor, unitId: string): void {
  const scope = unitScope(actor);
  if (scope !== 'all' && !scope.includes(unitId)) throw outOfScope('只能处理本单位的事项');
}
