import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { scheduleJob } from '../../platform/jobs/job-runner.ts';
import { sendClockReminders, sendCommitmentReminders } from './send-reminders.ts';

const EVERY_MINUTES = 15;

/**
 * Commitments are checked daily. The opinion clocks run in hours, so their check queues its own next
 * run every 15 minutes (one run per quarter-hour key, whichever process takes it); the daily entry
 * restarts the chain should a run have been lost.
 */
export function registerOpinionJobs(runner: JobRunner) {
  runner.register('opinion-commitment-reminders', async (db) => void (await sendCommitmentReminders(db)), { at: '08:40' });
  runner.register(
    'opinion-clock-reminders',
    async (db) => {
      await sendClockReminders(db);
      const next = new Date(Math.ceil((Date.now() + 1000) / (EVERY_MINUTES * 60_000)) * EVERY_MINUTES * 60_000);
      await scheduleJob(db, { kind: 'opinion-clock-reminders', runKey: `opinion-clock-reminders:${next.toISOString()}`, runAt: next });
    },
    { at: '00:05' },
  );
}
