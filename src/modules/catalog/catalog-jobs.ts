import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { remindCatalogOwners } from './catalog-health.ts';
import { APPLY_WORKING_COPY_JOB, applyScheduledWorkingCopy } from './review-document.ts';

export function registerCatalogJobs(runner: JobRunner) {
  runner.register('catalog-health', async (db) => void (await remindCatalogOwners(db)), { at: '09:00' });
  // Queued when the last step approves an edit of a published document whose publishAt is ahead.
  runner.register(APPLY_WORKING_COPY_JOB, async (db, payload) => void (await applyScheduledWorkingCopy({ db, actor: null }, payload as { documentId: string; version: number })));
}
