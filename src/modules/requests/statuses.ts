/** The states of a case, the intake channels and the applicant's choices (the values the schema's text columns take). */
export const REQUEST_STATUSES = ['待确认收到', '办理中', '待补正', '征求意见', '待缴费', '已决定', '已办结', '已转办'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** States in which the reply clock runs or is paused (the case is open and received). */
export const OPEN_STATUSES: RequestStatus[] = ['办理中', '待补正', '征求意见', '待缴费', '已决定'];
/** Waiting for the applicant (补正 or payment). */
export const WAITING_STATUSES: RequestStatus[] = ['待补正', '待缴费'];

/** 第三十一条: the receipt date depends on the channel. */
export const CHANNELS = ['网上', '信函', '传真', '当面', '电子邮件'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RECEIPT_RULE: Record<Channel, string> = {
  当面: '当面提交的，以提交之日为收到申请之日',
  信函: '邮寄提交的，以行政机关签收之日为收到申请之日；平常信函等无需签收的，以双方确认之日为收到申请之日',
  网上: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
  电子邮件: '通过互联网渠道提交的，以双方确认之日为收到申请之日',
  传真: '通过传真提交的，以双方确认之日为收到申请之日',
};

export const ID_KINDS = ['身份证', '护照', '港澳台居民证件', '统一社会信用代码', '其他证件'] as const;
export const PREFERRED_FORMS = ['纸质', '电子邮件', '光盘', '当场阅读'] as const;
export const DELIVERY_METHODS = ['邮寄', '电子', '自取'] as const;
/** How a decision was served (送达). */
export const SERVICE_METHODS = ['直接送达', '邮寄送达', '电子送达', '当场答复', '自取'] as const;
export const FILE_KINDS = ['身份证明', '信封扫描件', '送达回证', '文书', '其他'] as const;

/** The same applicant across cases: the ID number when given, else name and phone. */
export function applicantKeyOf(a: { applicantName: string; applicantIdNumber?: string | null; applicantPhone?: string | null }): string {
  const id = (a.applicantIdNumber ?? '').replace(/\s+/g, '').toUpperCase();
  if (id) return `id:${id}`;
  return `np:${a.applicantName.replace(/\s+/g, '')}|${(a.applicantPhone ?? '').replace(/\D+/g, '')}`;
}
