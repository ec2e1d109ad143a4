import type { Config } from '../../config.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { sendPlanReminders } from './send-reminders.ts';

export function registerPlanJobs(runner: JobRunner, config: Config) {
  runner.register('plan-reminders', async (db) => void (await sendPlanReminders(db, { dueSoonDays: config.PLAN_REMIND_DAYS })), { at: '08:30' });
}
