import type { IncomingMessage, ServerResponse } from 'node:http';

/** How the public requests share the event loop when more arrive than the process can serve at once. */
export interface SchedulerLimits {
  /** Milliseconds of request work per turn of the event loop before the loop goes back to its sockets. */
  sliceMs: number;
  /** Requests waiting for their turn; one more is refused at once. */
  maxQueue: number;
  /** The longest a request waits for its turn before it is refused. */
  maxWaitMs: number;
  /** What a refused request is told to wait before trying again (Retry-After, seconds). */
  retryAfterS: number;
}

export const SCHEDULER_LIMITS: SchedulerLimits = { sliceMs: 10, maxQueue: 2_000, maxWaitMs: 3_000, retryAfterS: 2 };

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
interface Pending {
  req: IncomingMessage;
  res: ServerResponse;
  handler: Handler;
  at: number;
}

/**
 * Fair turns for the public requests of one process.
 *
 * Node reads every socket that is ready in one turn of its event loop and starts every request it
 * finds there before it looks at its sockets again. Under a flood of keep-alive connections each
 * with a request ready, one turn is hundreds of requests long — seconds — and a request on a new
 * connection (a health check, a new visitor) waits several such turns before it is even read: the
 * kernel's accept queue fills and new connections are dropped (measured: `/api/health` 10–19 s,
 * listen-queue overflows, 500 connections on the demo catalog, PGlite).
 *
 * Here a public request is started at once while the current turn has spent less than `sliceMs` on
 * requests; otherwise it waits in order, and the loop works through the queue `sliceMs` at a time,
 * going back to its sockets (accepting, reading, answering what the database has finished) between
 * slices. A request that waits longer than `maxWaitMs`, or finds `maxQueue` waiting, is answered
 * 503 with Retry-After for a fraction of what serving it would cost; one whose client has gone is
 * dropped. Health checks, the staff's API and every write never wait here.
 */
export class RequestScheduler {
  private queue: (Pending | undefined)[] = [];
  private head = 0;
  /** Work done by requests started directly in this turn of the loop (synchronous part). */
  private turnSpent = 0;
  private turnResetPending = false;
  private drainPending = false;
  private sliceStart = 0;
  readonly counts = { direct: 0, queued: 0, shed: 0, gone: 0 };

  constructor(
    readonly limits: SchedulerLimits,
    private readonly refuse: (req: IncomingMessage, res: ServerResponse, retryAfterS: number) => void,
  ) {}

  /** Requests waiting for their turn. */
  get waiting() {
    return this.queue.length - this.head;
  }

  /** Starts `handler` for the request now or in its turn (or refuses it, see the class). */
  admit(req: IncomingMessage, res: ServerResponse, handler: Handler): void {
    if (!waitsForTurn(req)) return handler(req, res);
    if (this.waiting === 0 && this.turnSpent < this.limits.sliceMs) {
      this.counts.direct++;
      const t0 = performance.now();
      handler(req, res);
      this.turnSpent += performance.now() - t0;
      if (!this.turnResetPending) {
        this.turnResetPending = true;
        setImmediate(() => {
          this.turnSpent = 0;
          this.turnResetPending = false;
        });
      }
      return;
    }
    if (this.waiting >= this.limits.maxQueue) {
      this.counts.shed++;
      return this.refuse(req, res, this.limits.retryAfterS);
    }
    this.counts.queued++;
    this.queue.push({ req, res, handler, at: performance.now() });
    this.scheduleDrain();
  }

  /**
   * One slice: a marker that starts the clock, then one callback per request, each its own
   * immediate so that the promise work a started request queues runs (and is paid for) before the
   * next is started; callbacks past the slice's time leave their request for the next slice.
   */
  private scheduleDrain() {
    if (this.drainPending) return;
    this.drainPending = true;
    setImmediate(() => (this.sliceStart = performance.now()));
    const n = Math.min(this.waiting, 256);
    for (let i = 0; i < n; i++) setImmediate(() => this.startNext());
    setImmediate(() => {
      this.drainPending = false;
      this.compact();
      if (this.waiting > 0) this.scheduleDrain();
    });
  }

  private startNext() {
    while (this.waiting > 0 && performance.now() - this.sliceStart < this.limits.sliceMs) {
      const p = this.queue[this.head]!;
      this.queue[this.head++] = undefined;
      if (p.req.socket?.destroyed) {
        this.counts.gone++;
        continue;
      }
      if (performance.now() - p.at > this.limits.maxWaitMs) {
        this.counts.shed++;
        this.refuse(p.req, p.res, this.limits.retryAfterS);
        continue;
      }
      p.handler(p.req, p.res);
      return;
    }
  }

  /** The array is a queue read from `head`: drop what has been read once it is most of it. */
  private compact() {
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    } else if (this.waiting === 0) {
      this.queue.length = 0;
      this.head = 0;
    }
  }
}

/**
 * The requests a flood is made of: reads of the public site and the public API (pages, searches,
 * files). Health checks, the staff's work — their API and the admin app's files, which a page
 * loads on demand and cannot do without — and every write (forms, uploads: their bodies are being
 * received) are started at once.
 */
export function waitsForTurn(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '/';
  if (url.startsWith('/admin/') || url === '/admin') return false;
  if (!url.startsWith('/api/')) return true;
  return url.startsWith('/api/public/');
}
