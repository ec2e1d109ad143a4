import { registerReportJobs } from './modules/reports/report-jobs.ts';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { buildServer } from './http/server.ts';
import { startAuditAnchoring } from './platform/audit/audit-anchor.ts';
import { lockDataDir } from './platform/data-dir-lock.ts';
import { DiskFileStore } from './platform/files/file-store.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { registerPlatformJobs } from './platform/jobs/platform-jobs.ts';
import { registerCatalogJobs } from './modules/catalog/catalog-jobs.ts';
import { registerPlanJobs } from './modules/plans/plan-jobs.ts';
import { registerOpinionJobs } from './modules/opinion/opinion-jobs.ts';
import { registerRequestJobs } from './modules/requests/request-jobs.ts';
import { registerLedgerJobs } from './platform/ledger/ledger-jobs.ts';
import { registerQaJobs } from './modules/qa/qa-jobs.ts';
import { announceSeed } from './seed/seed-demo.ts';
import { migrateAndSeed } from './seed/first-start.ts';
import { serveCommands } from './cli/command-channel.ts';
import { VERSION } from './paths.ts';
export { VERSION };



export interface Running {
  app: FastifyInstance;
  database: Database;
  url: string;
  stop(): Promise<void>;
}

/** Opens (and on PGlite locks) the database, migrates, seeds on first start, and serves. */
export async function startServer(config: Config, log: (msg: string) => void = console.error): Promise<Running> {
  const lock = config.dbKind === 'pglite' ? await lockDataDir(config.dataDir) : null;
  const unlock = async () => {
    await lock?.release();
  };
  let database: Database | null = null;
  try {
    database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dbKind === 'pglite' ? path.join(config.dataDir, 'pglite') : null, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB });
    announceSeed(await migrateAndSeed(database), log);
    const store = new DiskFileStore(path.join(config.dataDir, 'files'));
    const runner = new JobRunner(database.db);
    registerPlatformJobs(runner, database.kind);
    registerPlanJobs(runner, config);
    registerRequestJobs(runner, config);
    registerLedgerJobs(runner, config);
    registerCatalogJobs(runner);
    registerReportJobs(runner);
    registerOpinionJobs(runner);
    registerQaJobs(runner);
    const app = await buildServer({ config, database, store, runner, version: VERSION }, { logger: config.LOG_LEVEL !== 'silent' });
    const address = await app.listen({ port: config.PORT, host: config.HOST });
    // Operator commands (`gongkai user add` …) run while the server holds the directory: sent here.
    const commands = lock ? serveCommands(lock, config, database) : null;
    runner.start(config.JOBS_POLL_SECONDS, (err) => app.log.error({ err }, 'job runner'));
    // The audit chain's head, kept outside the database (see audit-anchor.ts).
    const anchoring = startAuditAnchoring(database.db, config.dataDir, {
      error: (err) => app.log.error({ err }, '审计锚点写入失败'),
      written: (anchor) => app.log.info({ auditAnchor: anchor }, '审计锚点'),
    });
    const db = database;
    let stopping: Promise<void> | null = null;
    return {
      app,
      database: db,
      url: address,
      stop: () =>
        (stopping ??= (async () => {
          await app.close(); // stops accepting, lets in-flight requests finish
          await commands?.stop(); // lets a running operator command finish; later ones are told to retry
          await runner.stop();
          await anchoring.stop();
          await db.close();
          await unlock();
        })()),
    };
  } catch (err) {
    await database?.close().catch(() => {});
    await unlock().catch(() => {});
    throw err;
  }
}
