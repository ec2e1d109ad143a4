import { z } from 'zod';
import { QA_CHANNELS } from '../../db/schema/qa.ts';

export const CHANNEL_NAMES: Record<(typeof QA_CHANNELS)[number], string> = { phone: '电话', window: '窗口', mailbox: '信箱', web: '网站' };

const PHONE_RE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$/u;

/** Contact for the reply: a mobile or landline number, or an e-mail address. */
export const contactFields = {
  askerName: z.string().trim().max(50, '姓名不超过 50 字').nullish(),
  askerContact: z
    .string()
    .trim()
    .max(100)
    .refine((s) => s === '' || PHONE_RE.test(s.replace(/\s/g, '')), '联系电话格式不正确（手机号或带区号的固定电话）')
    .nullish(),
  askerEmail: z.union([z.literal(''), z.email('电子邮箱格式不正确').max(200)]).nullish(),
};
