import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';

/** What leaves the system with a reply (the portal shows it by query code in any case). */
export interface ReplyMessage {
  queryCode: string;
  question: string;
  replyText: string;
  dueOn: string | null;
}

/** SMS gateways are vendor-specific: a deployment plugs its own in; the default writes to the log. */
export interface SmsSender {
  send(phone: string, text: string): Promise<void>;
}

export const logSmsSender = (log: (line: string) => void): SmsSender => ({
  send: async (phone, text) => log(`短信（未接入短信网关，仅记录）→ ${phone.slice(0, 3)}****${phone.slice(-4)}：${text}`),
});

let smsSender: SmsSender | null = null;
/** A deployment's SMS gateway replaces the default log sender. */
export function setSmsSender(sender: SmsSender | null) {
  smsSender = sender;
}

const MOBILE_RE = /^1[3-9]\d{9}$/u;

/**
 * Tells the asker that the reply is ready: by e-mail when SMTP is configured and an address was left,
 * by SMS (the sender interface) to a mobile number. Failures are logged; the reply stands in the portal.
 */
export async function deliverReply(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM'>, to: { email: string | null; phone: string | null }, msg: ReplyMessage, log: (line: string) => void): Promise<{ email: boolean; sms: boolean }> {
  const sent = { email: false, sms: false };
  const body = `您咨询的问题（查询码 ${msg.queryCode}）已答复：\n\n问：${msg.question}\n\n答：${msg.replyText}\n\n也可在一网答页面凭查询码查看。`;
  if (to.email && config.SMTP_URL) {
    try {
      const transport = nodemailer.createTransport(config.SMTP_URL);
      await transport.sendMail({ from: config.MAIL_FROM, to: to.email, subject: `政策咨询答复（查询码 ${msg.queryCode}）`, text: body });
      sent.email = true;
    } catch (err) {
      log(`答复邮件发送失败（${msg.queryCode}）：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  const phone = to.phone?.replace(/\s|-/g, '') ?? '';
  if (MOBILE_RE.test(phone)) {
    try {
      await (smsSender ?? logSmsSender(log)).send(phone, `您咨询的政策问题已答复，请凭查询码 ${msg.queryCode} 在一网答页面查看。`);
      sent.sms = true;
    } catch (err) {
      log(`答复短信发送失败（${msg.queryCode}）：${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return sent;
}
