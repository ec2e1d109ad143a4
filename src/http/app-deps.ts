import type { Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { FileStore } from '../platform/files/file-store.ts';
import type { JobRunner } from '../platform/jobs/job-runner.ts';

/** What the HTTP layer needs from start-up; routes receive it instead of reaching for globals. */
export interface AppDeps {
  config: Config;
  database: Database;
  store: FileStore;
  runner: JobRunner;
  version: string;
}
