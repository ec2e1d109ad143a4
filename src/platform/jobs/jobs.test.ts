import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { jobs } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import { JobRunner, scheduleJob } from './job-runner.ts';

describe('job runner', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('queues a daily job once per day however many processes schedule it', async () => {
    const a = new JobRunner(database.db);
    const b = new JobRunner(database.db);
    const ran: string[] = [];
    for (const r of [a, b]) r.register('digest', async () => void ran.push('digest'), { at: '08:30' });
    const now = new Date('2026-11-25T02:00:00Z'); // 10:00 in Shanghai
    await Promise.all([a.scheduleDaily(now), b.scheduleDaily(now), a.scheduleDaily(now)]);
    const rows = await database.db.select().from(jobs).where(eq(jobs.kind, 'digest'));
    expect(rows.map((r) => r.runKey)).toEqual(['digest:2026-11-25']);
    expect(rows[0].runAt.toISOString()).toBe('2026-11-25T00:30:00.000Z');
    const counts = await Promise.all([a.runDue(now), b.runDue(now)]);
    expect(counts[0] + counts[1]).toBe(1);
    expect(ran).toEqual(['digest']);
    const [done] = await database.db.select().from(jobs).where(eq(jobs.kind, 'digest'));
    expect(done.status).toBe('done');
  });

  it('does not run a job before its time', async () => {
    const r = new JobRunner(database.db);
    r.register('later', async () => {});
    await scheduleJob(database.db, { kind: 'later', runKey: 'later:1', runAt: new Date('2030-01-01T00:00:00Z') });
    expect(await r.runDue(new Date('2029-12-31T00:00:00Z'))).toBe(0);
  });

  it('records a failure and retries with back-off, giving up after three attempts', async () => {
    const r = new JobRunner(database.db);
    r.register('flaky', async () => {
      throw new Error('暂时失败');
    });
    await scheduleJob(database.db, { kind: 'flaky', runKey: 'flaky:1', runAt: new Date('2020-01-01T00:00:00Z') });
    const far = new Date('2099-01-01T00:00:00Z');
    for (let i = 0; i < 3; i++) await r.runDue(far);
    const [row] = await database.db.select().from(jobs).where(eq(jobs.runKey, 'flaky:1'));
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.lastError).toContain('暂时失败');
  });
});
