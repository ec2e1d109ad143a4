import type { JobRunner } from '../../platform/jobs/job-runner.ts';
import { remindCatalogOwners } from './catalog-health.ts';

export function registerCatalogJobs(runner: JobRunner) {
  runner.register('catalog-health', async (db) => void (await remindCatalogOwners(db)), { at: '09:00' });
}
