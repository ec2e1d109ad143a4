import { registerReportJobs } from '../modules/reports/report-jobs.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig, type Config } from '../config.ts';
import type { Database } from '../db/client.ts';
import { buildServer } from '../http/server.ts';
import type { Actor } from '../platform/context.ts';
import { DiskFileStore } from '../platform/files/file-store.ts';
import { JobRunner } from '../platform/jobs/job-runner.ts';
import { registerPlatformJobs } from '../platform/jobs/platform-jobs.ts';
import { registerCatalogJobs } from '../modules/catalog/catalog-jobs.ts';
import { registerPlanJobs } from '../modules/plans/plan-jobs.ts';
import { registerOpinionJobs } from '../modules/opinion/opinion-jobs.ts';
import { registerRequestJobs } from '../modules/requests/request-jobs.ts';
import { registerLedgerJobs } from '../platform/ledger/ledger-jobs.ts';
import { registerQaJobs } from '../modules/qa/qa-jobs.ts';
import type { Role } from '../platform/policy.ts';
import { createUser } from '../platform/users/create-user.ts';
import { changePassword } from '../platform/users/change-password.ts';
import { seedDemo } from '../seed/seed-demo.ts';
import { createTestDatabase } from './test-db.ts';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  config: Config;
  dataDir: string;
  adminPassword: string;
  /** Signs in (changing the one-time password first if asked) and returns a client bound to that session. */
  login(username: string, password: string): Promise<ApiClient>;
  /** Creates a user of the given roles in a unit (by short name) and returns a signed-in client. */
  userWith(roles: Role[], unitShort?: string): Promise<ApiClient & { actor: Actor }>;
  close(): Promise<void>;
}

export interface ApiClient {
  request(method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  csrf: string;
  cookie: string;
}

export const TEST_PASSWORD = 'Test-Passw0rd!';
let counter = 0;

/** The whole HTTP application on a fresh seeded database, driven in-process with inject(). */
export async function createTestApp(env: Record<string, string> = {}, opts: { withPlan?: boolean; withYear?: boolean } = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', JOBS_POLL_SECONDS: '0', ...env });
  const database = await createTestDatabase();
  const seed = await seedDemo(database.db, { withPlan: opts.withPlan ?? false, withYear: opts.withYear ?? false });
  const runner = new JobRunner(database.db);
  registerPlatformJobs(runner, database.kind);
  registerPlanJobs(runner, config);
  registerRequestJobs(runner, config);
  registerLedgerJobs(runner, config);
  registerCatalogJobs(runner);
  registerReportJobs(runner);
  registerOpinionJobs(runner);
  registerQaJobs(runner);
  const app = await buildServer({ config, database, store: new DiskFileStore(path.join(dataDir, 'files')), runner, version: 'test' });
  await app.ready();

  const login = async (username: string, password: string): Promise<ApiClient> => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
    if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
    const cookie = `gk_sid=${res.cookies.find((c) => c.name === 'gk_sid')!.value}`;
    const csrf = res.json().csrfToken as string;
    const client: ApiClient = {
      csrf,
      cookie,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          headers: { cookie, 'x-csrf-token': csrf, ...headers },
          ...(body !== undefined && { payload: body as object }),
        }),
    };
    if (res.json().mustChangePassword && password !== TEST_PASSWORD) {
      const r = await client.request('POST', '/api/auth/change-password', { currentPassword: password, newPassword: TEST_PASSWORD });
      if (r.statusCode !== 200) throw new Error(`change password failed: ${r.body}`);
      return client;
    }
    return client;
  };

  const userWith = async (roles: Role[], unitShort = '区政府办公室') => {
    const { units } = await import('../db/schema/index.ts');
    const { eq } = await import('drizzle-orm');
    const [unit] = await database.db.select().from(units).where(eq(units.shortName, unitShort));
    const sys: Actor = { id: '00000000-0000-0000-0000-000000000000', username: 'test', name: '测试', unitId: unit.id, roles: ['sys_admin'] };
    const username = `u${++counter}${roles.join('').replace(/_/g, '').slice(0, 20)}`;
    const { user, oneTimePassword } = await createUser({ db: database.db, actor: sys }, { username, displayName: `测试${counter}`, unitId: unit.id, roles });
    const actor: Actor = { id: user.id, username, name: user.displayName, unitId: unit.id, roles };
    await changePassword({ db: database.db, actor }, { currentPassword: oneTimePassword, newPassword: TEST_PASSWORD }, 'none');
    return { ...(await login(username, TEST_PASSWORD)), actor };
  };

  return {
    app,
    database,
    config,
    dataDir,
    adminPassword: seed.adminPassword!,
    login,
    userWith,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
