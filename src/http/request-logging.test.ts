import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { Database } from '../db/client.ts';
import { DiskFileStore } from '../platform/files/file-store.ts';
import { JobRunner } from '../platform/jobs/job-runner.ts';
import { createTestDatabase } from '../testing/test-db.ts';
import { buildServer } from './server.ts';

/**
 * What the server writes to its log: start-up without deprecation warnings, and one line per request
 * only at LOG_LEVEL=debug (operators turn it on); at the default level no request lines at all.
 */
describe('request logging', () => {
  let database: Database;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gk-log-'));
  const warnings: Error[] = [];
  const onWarning = (w: Error) => warnings.push(w);

  beforeAll(async () => {
    process.on('warning', onWarning);
    database = await createTestDatabase();
  });
  afterAll(async () => {
    process.off('warning', onWarning);
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  /** Builds the server at a log level, answers one request, and returns the log lines it wrote. */
  async function logOfOneRequest(level: string) {
    const lines: Record<string, unknown>[] = [];
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: level, JOBS_POLL_SECONDS: '0' });
    const app = await buildServer(
      { config, database, store: new DiskFileStore(path.join(dataDir, 'files')), runner: new JobRunner(database.db), version: 'test' },
      { logger: true, logStream: { write: (line) => void lines.push(JSON.parse(line)) } },
    );
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    await app.close();
    // Warnings are emitted on the next tick.
    await new Promise((r) => setImmediate(r));
    return lines;
  }

  it('starts without Fastify deprecation warnings and logs no request at the default level', async () => {
    const lines = await logOfOneRequest('info');
    expect(warnings.map((w) => `${(w as { code?: string }).code ?? ''} ${w.message}`).filter((w) => /FSTDEP/.test(w))).toEqual([]);
    expect(lines.filter((l) => /request/.test(String(l.msg)))).toEqual([]);
  });

  it('logs each request at LOG_LEVEL=debug: method, address, status and time', async () => {
    const lines = await logOfOneRequest('debug');
    const requests = lines.filter((l) => l.msg === 'request');
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ level: 20, method: 'GET', url: '/api/health', statusCode: 200 });
    expect(typeof requests[0].ms).toBe('number');
    // Only the server's own line: Fastify's 'incoming request' / 'request completed' stay off.
    expect(lines.filter((l) => /incoming request|request completed/.test(String(l.msg)))).toEqual([]);
  });
});
