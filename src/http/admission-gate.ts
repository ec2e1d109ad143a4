import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/errors.ts';

/** How many requests may work on the database at once, how many may wait, and for how long. */
export interface GateLimits {
  /** Requests doing their database work at the same time. */
  concurrency: number;
  /** Requests waiting for a place; one more is refused at once. */
  maxQueue: number;
  /** The longest a request waits for a place before it is refused. */
  maxWaitMs: number;
  /** What a refused request is told to wait before trying again (Retry-After, seconds). */
  retryAfterS: number;
  /**
   * Event-loop lag beyond which new requests are refused at once while every place is taken: the
   * process is already behind (more requests arrive than it has CPU for), and every request queued
   * now delays every other answer — the health check's too.
   */
  maxLagMs: number;
}

/**
 * The limits for a back end. PGlite runs one statement at a time in this process: two requests at
 * once let one render while the other queries, more would only queue inside PGlite where nothing
 * can refuse them. On PostgreSQL the pool's connections less two, so that the health check, the
 * staff's requests and the catalog's change check always find a connection.
 */
export function gateLimitsFor(kind: 'pglite' | 'postgres', poolSize: number): GateLimits {
  return kind === 'pglite'
    ? { concurrency: 2, maxQueue: 64, maxWaitMs: 1_000, retryAfterS: 2, maxLagMs: 200 }
    : { concurrency: Math.max(1, poolSize - 2), maxQueue: 128, maxWaitMs: 1_000, retryAfterS: 2, maxLagMs: 200 };
}

/** A request refused because the server cannot serve it in time; answered 503 with Retry-After. */
export class Overloaded extends AppError {
  constructor(readonly retryAfterS: number) {
    super('unavailable', 'overloaded', '访问量过大，服务器暂时无法处理该请求，请稍后再试');
  }
}

interface Waiter {
  start: () => void;
  refuse: (err: Overloaded) => void;
  /** Whoever asked has gone (the connection closed): its place goes to the next. */
  gone?: () => boolean;
  timer: NodeJS.Timeout;
  settled: boolean;
}

/**
 * Admission to the database for the public routes that read it (search, uncached pages): a fixed
 * number work at once, a bounded number wait in order, and a request that cannot get a place within
 * `maxWaitMs` — or finds the queue full, or the process's event loop already behind by `maxLagMs` —
 * is refused at once with 503 and Retry-After, instead of waiting behind hundreds of others in the
 * database driver's unbounded queue. Whatever does not pass
 * here (health, fresh cached pages, the staff's API) is never queued behind these requests.
 */
export class AdmissionGate {
  private active = 0;
  private readonly queue: Waiter[] = [];
  private head = 0;
  private waiting = 0;
  readonly counts = { admitted: 0, shed: 0 };
  /** Event-loop lag: a timer every LAG_TICK_MS notes how late it fired. */
  private lastTick = Date.now();
  private lastLag = 0;
  private prevLag = 0;
  private readonly ticker: NodeJS.Timeout;

  constructor(readonly limits: GateLimits) {
    this.ticker = setInterval(() => {
      const now = Date.now();
      this.prevLag = this.lastLag;
      this.lastLag = Math.max(0, now - this.lastTick - LAG_TICK_MS);
      this.lastTick = now;
    }, LAG_TICK_MS);
    this.ticker.unref();
  }

  /**
   * How far behind the event loop has been, steadily: the lesser of the last two ticks' delays (the
   * latest being the current one if it is overdue, as a request handled late in a long turn of the
   * loop sees). One long turn — a large query — is not overload; turns late one after another are.
   */
  get lagMs() {
    return Math.min(this.prevLag, Math.max(this.lastLag, Date.now() - this.lastTick - LAG_TICK_MS));
  }

  /**
   * Whether a request arriving now would be refused whatever it asks: the queue is full or the
   * event loop is steadily behind. The HTTP server then answers the search routes before the
   * framework (see refuseEarly), for a fraction of the CPU the full path would spend saying no.
   */
  refusesNow(): boolean {
    return this.waiting >= this.limits.maxQueue || this.lagging();
  }

  /**
   * Behind and busy: the loop is steadily late while every place is taken. A late loop with a place
   * free is a machine short of CPU for this process, not a flood: that request is let in.
   */
  private lagging() {
    return this.active >= this.limits.concurrency && this.lagMs > this.limits.maxLagMs;
  }

  /** Stops the lag timer (the server is closing). */
  close() {
    clearInterval(this.ticker);
  }

  /** Requests working and waiting now. */
  get load() {
    return { active: this.active, waiting: this.waiting };
  }

  /** Waiters the queue's array still holds, refused ones not yet dropped included (bounded by 2 × maxQueue + 1). */
  get heldWaiters() {
    return this.queue.length - this.head;
  }

  /**
   * Runs `work` once a place is free; throws Overloaded when none frees in time. `gone` tells
   * whether the requester has left, so that a place is not spent on an answer nobody reads.
   */
  async run<T>(work: () => Promise<T>, gone?: () => boolean): Promise<T> {
    await this.enter(gone);
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(gone?: () => boolean): Promise<void> | void {
    if (this.lagging()) {
      this.counts.shed++;
      throw new Overloaded(this.limits.retryAfterS);
    }
    if (this.active < this.limits.concurrency && this.waiting === 0) {
      this.active++;
      this.counts.admitted++;
      return;
    }
    if (this.waiting >= this.limits.maxQueue) {
      this.counts.shed++;
      throw new Overloaded(this.limits.retryAfterS);
    }
    return new Promise<void>((resolve, reject) => {
      const w: Waiter = {
        start: resolve,
        refuse: reject,
        gone,
        settled: false,
        timer: setTimeout(() => {
          // Waited as long as it may: refused; its slot in the array is skipped later.
          w.settled = true;
          this.waiting--;
          this.counts.shed++;
          reject(new Overloaded(this.limits.retryAfterS));
          // While no place frees (the database stalled), refused waiters are not read off by leave():
          // drop them here, so the array stays within the queue's bound however long the stall lasts.
          if (this.queue.length - this.head > 2 * this.limits.maxQueue) this.compact();
        }, this.limits.maxWaitMs),
      };
      this.queue.push(w);
      this.waiting++;
    });
  }

  private leave() {
    this.active--;
    while (this.head < this.queue.length) {
      const w = this.queue[this.head];
      this.queue[this.head++] = undefined as unknown as Waiter;
      if (w.settled) continue;
      w.settled = true;
      clearTimeout(w.timer);
      this.waiting--;
      if (w.gone?.()) {
        this.counts.shed++;
        w.refuse(new Overloaded(this.limits.retryAfterS));
        continue;
      }
      this.active++;
      this.counts.admitted++;
      w.start();
      break;
    }
    // The array is a queue read from `head`: drop what has been read once it is most of it.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue.splice(0, this.head);
      this.head = 0;
    }
  }

  /** Keeps only the waiters still waiting, in order. */
  private compact() {
    this.queue.splice(0, this.queue.length, ...this.queue.slice(this.head).filter((w) => !w.settled));
    this.head = 0;
  }
}

const LAG_TICK_MS = 50;

/** Whether the client of a request has closed its connection. */
export const clientGone = (req: FastifyRequest) => () => req.raw.socket?.destroyed === true;

const OVERLOADED_PAGE = Buffer.from(
  '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    '<meta name="error-code" content="overloaded"><title>访问量过大，请稍后再试</title><link rel="stylesheet" href="/assets/portal.css"></head>' +
    '<body><main id="main" class="wrap"><h1>访问量过大，请稍后再试</h1><p>当前访问人数较多，服务器暂时无法处理您的请求。请稍等几秒后刷新本页。</p>' +
    '<p><a href="/">返回首页</a></p></main></body></html>',
);

/**
 * The answer to a refused request: 503 with Retry-After, never cached; JSON with the error code
 * `overloaded` under /api, otherwise a short page saying the same in Chinese.
 */
export function sendOverloaded(req: FastifyRequest, reply: FastifyReply, err: Overloaded) {
  reply.status(503).header('retry-after', String(err.retryAfterS)).header('cache-control', 'no-store');
  if (req.url.startsWith('/api/')) return reply.send({ error: { code: err.code, message: err.message } });
  return reply.type('text/html; charset=utf-8').send(OVERLOADED_PAGE);
}

/** The search routes: the heaviest public requests, refused before the framework when the gate refuses anyway. */
const EARLY = /^\/(search|api\/public\/search)(\?|$)/;
const OVERLOADED_JSON = Buffer.from(JSON.stringify({ error: { code: 'overloaded', message: new Overloaded(0).message } }));

/**
 * Answers a search request with 503 straight from the HTTP server when the gate would refuse it
 * anyway (see refusesNow): under a flood, saying no must cost less than the work refused, or the
 * refusals themselves keep the event loop — and the health check — waiting. False hands the
 * request on.
 */
export function refuseEarly(gate: AdmissionGate, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url || !EARLY.test(req.url) || !gate.refusesNow()) return false;
  gate.counts.shed++;
  writeOverloaded(req, res, gate.limits.retryAfterS);
  return true;
}

/** 503 with Retry-After straight from the HTTP server: JSON under /api, otherwise the short page. */
export function writeOverloaded(req: IncomingMessage, res: ServerResponse, retryAfterS: number) {
  const api = req.url?.startsWith('/api/') ?? false;
  const body = api ? OVERLOADED_JSON : OVERLOADED_PAGE;
  res.writeHead(503, [
    'retry-after', String(retryAfterS),
    'cache-control', 'no-store',
    'content-type', api ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length', String(body.length),
    'x-content-type-options', 'nosniff',
    'content-security-policy', "default-src 'self'; frame-ancestors 'none'",
  ]);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Runs a route's answer, turning a refusal by the gate into the 503 answer. `answer` may pass the
 * gate several times (the results, then the search form's choices); any refusal ends the request.
 */
export async function answerOrShed<T>(req: FastifyRequest, reply: FastifyReply, answer: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await answer();
  } catch (err) {
    if (err instanceof Overloaded) return sendOverloaded(req, reply, err);
    throw err;
  }
}
