import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { sendReportReminders } from './send-report-reminders.ts';

export function registerReportJobs(runner: JobRunner) {
  runner.register('report-reminders', async (db) => void (await sendReportReminders(db)), { at: '08:40' });
}
