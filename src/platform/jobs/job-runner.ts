import { randomUUID } from 'node:crypto';
import { and, asc, eq, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { jobs } from '../../db/schema/index.ts';
import { todayInShanghai } from '../calendar/dates.ts';

export type JobHandler = (db: Db, payload: unknown) => Promise<void>;

export interface DailyJob {
  kind: string;
  /** Local time in Asia/Shanghai, HH:MM. */
  at: string;
}

const MAX_ATTEMPTS = 3;
/** A job still "running" after this long belonged to a process that died; it is taken again. */
const STALE_MINUTES = 30;

/** Queues a job once: a second call with the same run key (from any process) does nothing. */
export async function scheduleJob(db: Db, job: { kind: string; runKey: string; runAt: Date; payload?: unknown }) {
  await db
    .insert(jobs)
    .values({ kind: job.kind, runKey: job.runKey, runAt: job.runAt, payload: job.payload ?? null })
    .onConflictDoNothing({ target: jobs.runKey });
}

/**
 * The in-process runner. Any number of processes may run one against the same PostgreSQL:
 * a job is claimed with FOR UPDATE SKIP LOCKED, so each runs once.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly daily: DailyJob[] = [];
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;

  constructor(private readonly db: Db) {}

  register(kind: string, handler: JobHandler, daily?: { at: string }) {
    this.handlers.set(kind, handler);
    if (daily) this.daily.push({ kind, at: daily.at });
  }

  /** Ensures today's run of every daily job is queued. */
  async scheduleDaily(now = new Date()) {
    const today = todayInShanghai(now);
    for (const d of this.daily)
      await scheduleJob(this.db, { kind: d.kind, runKey: `${d.kind}:${today}`, runAt: new Date(`${today}T${d.at}:00+08:00`) });
  }

  /** Claims and runs due jobs until none is left; returns how many ran. */
  async runDue(now = new Date()): Promise<number> {
    await this.db
      .update(jobs)
      .set({ status: 'pending', lockedBy: null })
      .where(and(eq(jobs.status, 'running'), lt(jobs.startedAt, new Date(now.getTime() - STALE_MINUTES * 60_000))));
    let ran = 0;
    for (;;) {
      const job = await this.claim(now);
      if (!job) return ran;
      ran++;
      const handler = this.handlers.get(job.kind);
      try {
        if (!handler) throw new Error(`没有处理“${job.kind}”的程序`);
        await handler(this.db, job.payload);
        await this.db.update(jobs).set({ status: 'done', finishedAt: new Date(), lastError: null }).where(eq(jobs.id, job.id));
      } catch (err) {
        const attempts = job.attempts + 1;
        await this.db
          .update(jobs)
          .set({
            status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
            attempts,
            lastError: String((err as Error)?.stack ?? err).slice(0, 2000),
            // Back off: retry in 5, then 25 minutes.
            runAt: new Date(Date.now() + 5 ** attempts * 60_000),
            lockedBy: null,
          })
          .where(eq(jobs.id, job.id));
      }
    }
  }

  private async claim(now: Date) {
    return this.db.transaction(async (tx) => {
      const [job] = await tx
        .select()
        .from(jobs)
        .where(and(eq(jobs.status, 'pending'), lte(jobs.runAt, now)))
        .orderBy(asc(jobs.runAt))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!job) return null;
      await tx
        .update(jobs)
        .set({ status: 'running', lockedBy: this.workerId, startedAt: new Date() })
        .where(eq(jobs.id, job.id));
      return job;
    });
  }

  start(pollSeconds: number, onError: (err: unknown) => void) {
    if (pollSeconds <= 0 || this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.scheduleDaily()
        .then(() => this.runDue())
        .then(() => undefined)
        .catch(onError)
        .finally(() => {
          this.running = null;
        });
    };
    tick();
    this.timer = setInterval(tick, pollSeconds * 1000);
    this.timer.unref();
  }

  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

/** Job counts by status, for the administrator's view. */
export async function jobSummary(db: Db) {
  return db.select({ status: jobs.status, n: sql<number>`count(*)::int` }).from(jobs).groupBy(jobs.status);
}
