import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { sendLedgerReminders } from './send-ledger-reminders.ts';

export function registerQaJobs(runner: JobRunner) {
  runner.register('qa-ledger-reminders', async (db) => void (await sendLedgerReminders(db)), { at: '08:40' });
}
