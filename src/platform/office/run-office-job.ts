import { Worker } from 'node:worker_threads';
import { AppError, type ErrorKind } from '../errors.ts';
import type { OfficeJobName, OfficeJobs } from './office-worker.ts';

/**
 * Runs the reading of an uploaded Office file (or the sanitising of a long document body) in a
 * worker thread (office-worker.ts), one job at a time, each under a time limit and the worker under
 * a heap limit. A job past its time, or a worker out of memory, is ended (the worker with it; the
 * next job starts a new one) and answered with `file_too_complex` (`body_too_complex`); the server's event loop keeps serving meanwhile. The worker stays for a
 * minute after its last job, so that a series of saves does not start one each time.
 */

export const OFFICE_JOB_TIME_LIMIT_MS = 20_000;
/** Jobs waiting for the worker; past this the server is busy with files and says so. */
const MAX_WAITING = 32;
const IDLE_MS = 60_000;
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 48 };

/** An error of another kind than AppError, thrown by the job (the plan importer's ImportError, for one). */
export class OfficeJobFailure extends Error {
  constructor(
    readonly remoteName: string,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'OfficeJobFailure';
  }
}

type Input<J extends OfficeJobName> = Parameters<OfficeJobs[J]>[0];
type Output<J extends OfficeJobName> = Awaited<ReturnType<OfficeJobs[J]>>;

/** What the job reads, for the error when it is ended: an uploaded file, or a document body. */
type Subject = 'file' | 'body';

interface Pending {
  job: OfficeJobName;
  input: unknown;
  timeoutMs: number;
  subject: Subject;
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
}

const tooComplex = (subject: Subject, why: string) =>
  subject === 'body'
    ? new AppError('invalid', 'body_too_complex', `正文过于复杂，${why}，已停止处理；请清除格式后重新粘贴，或拆分为多篇文件`)
    : new AppError('invalid', 'file_too_complex', `文件过于复杂，${why}，已停止读取；请确认文件是否正确，或在 Office/WPS 中精简后重新保存`);

function startWorker(): Worker {
  // From the sources (tests, bin/gongkai.mjs) the entry is TypeScript and tsx compiles it; the built
  // server (scripts/build.mjs) has the worker bundled next to itself.
  const fromSources = import.meta.url.endsWith('.ts');
  return fromSources
    ? new Worker(new URL('./tsx-worker.mjs', import.meta.url), { workerData: { entry: new URL('./office-worker.ts', import.meta.url).href }, resourceLimits: RESOURCE_LIMITS, execArgv: [] })
    : new Worker(new URL('./office-worker.mjs', import.meta.url), { resourceLimits: RESOURCE_LIMITS, execArgv: [] });
}

class OfficeWorkerPool {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private running: (Pending & { id: number; timer: NodeJS.Timeout | undefined }) | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | null = null;

  run(p: Pending) {
    if (this.waiting.length >= MAX_WAITING) {
      p.reject(new AppError('unavailable', 'office_busy', '服务器正在处理较多文件，请稍后再试'));
      return;
    }
    this.waiting.push(p);
    void this.pump();
  }

  private spawn(): Promise<void> {
    const w = startWorker();
    this.worker = w;
    this.ready = new Promise((resolve, reject) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m?.ready) {
          w.off('message', onReady);
          resolve();
        }
      };
      w.on('message', onReady);
      w.once('error', reject);
      w.once('exit', () => reject(new Error('office worker exited before it was ready')));
    });
    w.on('message', (m: { id?: number; result?: unknown; error?: { name: string; message: string; code?: string; kind?: ErrorKind } }) => {
      const r = this.running;
      if (!r || m.id !== r.id) return;
      this.finish();
      if (m.error) {
        const e = m.error;
        r.reject(e.kind ? new AppError(e.kind, e.code ?? 'invalid', e.message) : new OfficeJobFailure(e.name, e.code, e.message));
      } else r.resolve(m.result);
    });
    w.on('error', (err: Error & { code?: string }) => {
      const r = this.running;
      this.discard(w);
      if (r) {
        this.finish();
        r.reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? tooComplex(r.subject, '所需内存超过上限') : err);
      }
    });
    w.on('exit', () => {
      const r = this.running;
      if (this.worker === w) {
        this.discard(w);
        if (r) {
          this.finish();
          r.reject(tooComplex(r.subject, '处理中断'));
        }
      }
    });
    return this.ready;
  }

  private discard(w: Worker) {
    if (this.worker === w) {
      this.worker = null;
      this.ready = null;
    }
    void w.terminate();
  }

  private finish() {
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
    setImmediate(() => void this.pump());
  }

  private async pump(): Promise<void> {
    if (this.running || this.waiting.length === 0) {
      if (!this.running && this.waiting.length === 0) this.goIdle();
      return;
    }
    const next = this.waiting.shift()!;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const id = this.nextId++;
    this.running = { ...next, id, timer: undefined };
    try {
      if (!this.worker) await this.spawn();
      else await this.ready;
      this.worker!.ref();
    } catch (err) {
      if (this.running?.id === id) {
        this.finish();
        next.reject(err as Error);
      }
      return;
    }
    if (this.running?.id !== id) return;
    // The time limit is the job's own: a worker starting slowly (tsx compiling it, a busy machine) does not count.
    this.running.timer = setTimeout(() => {
      if (this.running?.id !== id) return;
      const r = this.running;
      if (this.worker) this.discard(this.worker);
      this.finish();
      r.reject(tooComplex(r.subject, `超过 ${Math.round(r.timeoutMs / 1000)} 秒仍未完成`));
    }, next.timeoutMs);
    this.worker!.postMessage({ id, job: next.job, input: next.input });
  }

  private goIdle() {
    const w = this.worker;
    if (!w) return;
    // An idle worker neither keeps the process alive nor stays for long.
    w.unref();
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.discard(w), IDLE_MS);
    this.idleTimer.unref();
  }

  /** Ends the worker (tests and benchmarks). */
  async close(): Promise<void> {
    if (this.worker) await this.worker.terminate();
    this.worker = null;
    this.ready = null;
  }
}

const pool = new OfficeWorkerPool();

export function runOfficeJob<J extends OfficeJobName>(job: J, input: Input<J>, opts: { timeoutMs?: number; subject?: Subject } = {}): Promise<Output<J>> {
  return new Promise((resolve, reject) =>
    pool.run({ job, input, timeoutMs: opts.timeoutMs ?? OFFICE_JOB_TIME_LIMIT_MS, subject: opts.subject ?? 'file', resolve: resolve as (v: unknown) => void, reject }),
  );
}

export function closeOfficeWorker(): Promise<void> {
  return pool.close();
}
