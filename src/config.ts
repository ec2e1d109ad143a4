import path from 'node:path';
import { z } from 'zod';

/** Every setting Gongkai reads from the environment, validated once at start-up. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, '必须以 postgres:// 或 postgresql:// 开头')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Failed logins before an account is locked. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  /** Minutes an account stays locked after too many failures. */
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Largest accepted upload, in megabytes. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(1024).default(20),
  /** Seconds between job-runner polls; 0 disables the in-process runner. */
  JOBS_POLL_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Set behind HTTPS so cookies carry the Secure flag. */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** The district and its city, as the site names them (页眉, 404 page, Word exports) and as "here" for the Q&A matcher. */
  DISTRICT_NAME: z.string().trim().min(1).max(20).default('渝中区'),
  CITY_NAME: z.string().trim().min(1).max(20).default('重庆市'),
  /** Working days before its due date that an assignment counts as due soon. */
  PLAN_REMIND_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /** 依申请公开: working days the applicant has to send a 补正 (ogi-rules §2, CONFIGURABLE). */
  REQUEST_CORRECTION_DAYS: z.coerce.number().int().min(1).max(60).default(15),
  /** 依申请公开: whether the fee notice's payment period pauses the reply clock (ogi-rules §2.4). */
  REQUEST_FEE_PAUSES_CLOCK: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** 依申请公开: working days before the due date that a case counts as due soon. */
  REQUEST_REMIND_DAYS: z.coerce.number().int().min(0).max(20).default(5),
  /** Shared buffers of the embedded database in MB; unset, sized from the data (src/db/pglite-buffers.ts). */
  /** SMTP server for replies by e-mail (smtp://user:pass@host:587 or smtps://…); unset: no e-mail is sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL 应以 smtp:// 或 smtps:// 开头').optional(),
  MAIL_FROM: z.string().min(3).default('政务公开 <noreply@localhost>'),
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).optional(),
  /**
   * Which proxies' X-Forwarded-For to believe (Fastify's trustProxy): empty = none (the socket's
   * address is the client), `true` = any, a number = that many hops, else a comma list of addresses/CIDRs.
   */
  TRUST_PROXY: z.string().max(2000).default(''),
  /** `off` lets public forms through without the challenge (integrations, tests). */
  PUBLIC_FORM_CHALLENGE: z.enum(['on', 'off']).default('on'),
  /** Key signing public-form challenges; unset, one is generated and kept in the database (shared by every process). */
  PUBLIC_FORM_SECRET: z.string().min(32, '至少 32 个字符').optional(),
  /** Proof-of-work difficulty: the largest number the browser may have to try. */
  PUBLIC_FORM_POW_MAX: z.coerce.number().int().min(1000).max(10_000_000).default(100_000),
  /** Public submissions (messages, questions, requests) per address per window. */
  PUBLIC_SUBMIT_LIMIT: z.coerce.number().int().min(1).max(100_000).default(5),
  PUBLIC_SUBMIT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** Look-ups by query code per address per window (a wrong code counts too). */
  PUBLIC_LOOKUP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(30),
  PUBLIC_LOOKUP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(10),
  /** Unknown query codes per address per window before look-ups are refused (no enumeration). */
  PUBLIC_LOOKUP_MISS_LIMIT: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Questions asked on 一网答 (and its take/feedback clicks) per address per minute; registering one is a submission (above). */
  QA_ASK_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Working days before its due date that a ledger item counts as due soon (reminders, lists). */
  LEDGER_REMIND_DAYS: z.coerce.number().int().min(0).max(30).default(2),
  /** Working days to reply to a mailbox 咨询, and to every other type of message. */
  MAILBOX_DAYS_CONSULT: z.coerce.number().int().min(1).max(60).default(5),
  MAILBOX_DAYS_OTHER: z.coerce.number().int().min(1).max(60).default(15),
  /** Working days to call back a call not answered on the spot. */
  CALLBACK_DAYS: z.coerce.number().int().min(1).max(30).default(5),
});

export type Config = z.infer<typeof schema> & { dataDir: string; dbKind: 'pglite' | 'postgres' };

/** TRUST_PROXY as Fastify's `trustProxy` option. */
export function trustProxyOption(raw: string): boolean | string[] | ((address: string, hop: number) => boolean) {
  const v = raw.trim();
  if (v === '' || v === 'false') return false;
  if (v === 'true') return true;
  // N hops: trust the first N proxies in front of us (what proxy-addr does for a number).
  if (/^\d{1,2}$/.test(v)) return (_address, hop) => hop < Number(v);
  return v.split(',').map((s) => s.trim()).filter(Boolean);
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked = Object.fromEntries(
    Object.keys(schema.shape).map((k) => [k, env[k] === '' ? undefined : env[k]]),
  );
  const parsed = schema.safeParse(picked);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`配置有误，无法启动：\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    dbKind: c.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
