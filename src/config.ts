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
  DISTRICT_NAME: z.string().min(1).default('渝中区'),
  /** Working days before its due date that an assignment counts as due soon. */
  PLAN_REMIND_DAYS: z.coerce.number().int().min(0).max(60).default(5),
  /** Shared buffers of the embedded database in MB; unset, sized from the data (src/db/pglite-buffers.ts). */
  /** SMTP server for replies by e-mail (smtp://user:pass@host:587 or smtps://…); unset: no e-mail is sent. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL 应以 smtp:// 或 smtps:// 开头').optional(),
  MAIL_FROM: z.string().min(3).default('政务公开 <noreply@localhost>'),
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(4096).optional(),
});

export type Config = z.infer<typeof schema> & { dataDir: string; dbKind: 'pglite' | 'postgres' };

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
