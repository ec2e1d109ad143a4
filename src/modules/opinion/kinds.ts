/** The closed lists of the opinion module (二(三) and 二(二) of the notice). Stored as text, these values. */
export const SOURCES = ['网络', '媒体', '12345', '信箱', '上级交办', '其他'] as const;
/** The notice's five key kinds that must be answered. */
export const CATEGORIES = ['重大政策误解误读', '涉及切身利益', '冲击道德底线', '突发事件和自然灾害', '上级要求回应'] as const;
export const LEVELS = ['特别重大', '重大', '较大', '一般'] as const;
/** Levels under the 5-hour / 24-hour clocks (国办发〔2016〕61号, 80号 实施细则). */
export const MAJOR_LEVELS: readonly string[] = ['特别重大', '重大'];
export const RESPONSE_KINDS = ['发布权威信息', '新闻发布会', '吹风会', '接受采访', '其他'] as const;
export const STEP_KINDS = ['consult', 'assess', 'respond', 'evaluate'] as const;
export type StepKind = (typeof STEP_KINDS)[number];
export const STEP_LABEL: Record<StepKind, string> = { consult: '会商', assess: '研判', respond: '回应', evaluate: '评估' };
export const EVENT_STATUSES = ['registered', 'consulted', 'assessed', 'responded', 'evaluated'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const EVENT_STATUS_LABEL: Record<EventStatus, string> = { registered: '已登记', consulted: '已会商', assessed: '已研判', responded: '已回应', evaluated: '已评估' };
export const SUPERVISION_KINDS = ['criticize', 'interview'] as const;
export const SUPERVISION_LABEL: Record<(typeof SUPERVISION_KINDS)[number], string> = { criticize: '通报批评', interview: '约谈' };
export const PRESS_KINDS = ['新闻发布会', '通气会', '专访', '线上访谈'] as const;
export const COMMITMENT_STATES = ['未到期', '按期完成', '逾期完成', '逾期未完成'] as const;
export type CommitmentState = (typeof COMMITMENT_STATES)[number];
