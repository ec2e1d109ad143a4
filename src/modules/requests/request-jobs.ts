import type { Config } from '../../config.ts';
import { onCalendarChanged } from '../../platform/calendar/calendar-listeners.ts';
import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { lapseRequests } from './lapse-requests.ts';
import { recomputeOpenCases } from './recompute-open-cases.ts';
import { sendRequestReminders } from './send-reminders.ts';
import { requestSettings } from './settings.ts';

/** The daily runs (lapse of the applicant's periods, then reminders) and the calendar listener. */
export function registerRequestJobs(runner: JobRunner, config: Config) {
  const settings = requestSettings(config);
  runner.register(
    'request-daily',
    async (db) => {
      await lapseRequests(db);
      await sendRequestReminders(db, settings);
    },
    { at: '08:20' },
  );
  onCalendarChanged('requests', (tx, calendar) => recomputeOpenCases(tx, calendar, settings));
}
