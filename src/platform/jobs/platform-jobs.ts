import { purgeExpiredSessions } from '../users/sessions.ts';
import type { JobRunner } from './job-runner.ts';

/** Daily housekeeping of the platform itself; modules register their own jobs beside these. */
export function registerPlatformJobs(runner: JobRunner) {
  runner.register('purge-sessions', (db) => purgeExpiredSessions(db), { at: '03:00' });
}
