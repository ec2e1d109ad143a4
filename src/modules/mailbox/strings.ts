/** Every fixed Chinese text of the mailbox module. */
export const MESSAGE_TYPES = ['咨询', '建议', '投诉', '求助', '其他'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const MESSAGE_STATUSES = ['received', 'accepted', 'assigned', 'replied', 'closed', 'rejected'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];
export const STATUS_LABELS: Record<MessageStatus, string> = {
  received: '已收到，待审看',
  accepted: '已受理',
  assigned: '已转交承办单位',
  replied: '已答复',
  closed: '已办结',
  rejected: '不予受理',
};

export const REJECT_KINDS = { spam: '垃圾信息', abuse: '含辱骂等不文明内容', out_of_scope: '不属于本信箱受理范围', duplicate: '重复留言' } as const;
export type RejectKind = keyof typeof REJECT_KINDS;

export const TRIAGES = { immediate: '即办', transfer: '转办', leader: '呈办' } as const;
export type Triage = keyof typeof TRIAGES;

export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

export const EVENT_LABELS: Record<string, string> = {
  received: '收到留言',
  accepted: '审看通过，予以受理',
  rejected: '不予受理',
  immediate: '即办',
  transferred: '转办',
  leader: '呈报领导',
  instructed: '领导批示',
  replied: '答复',
  offered: '提交问答库',
  rated: '评价',
  reopened: '重新办理',
  published: '公开发布',
  unpublished: '撤下公开',
  closed: '办结',
};

/** What a writer of a 信访 matter is told: the mailbox records it, but such matters have their own channel. */
export const PETITION_NOTICE =
  '您的留言涉及信访事项，已予登记。依照《信访工作条例》，信访事项请向有权处理的机关提出，可通过本区信访部门、国家信访局网上信访平台或来信来访等渠道反映，以便依法依规办理。';

/** Words that mark a message as a 信访-type complaint or report. */
export const PETITION_WORDS = /信访|上访|举报|检举|控告|揭发|集体访|越级/;
