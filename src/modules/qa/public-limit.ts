import { AppError } from '../../platform/errors.ts';

/**
 * Per-address limits of the public 一网答 (asking, registering, feedback). Stopgap until the shared
 * public-interaction kernel (branch h-intake) lands; then its limiter replaces this file. Per process,
 * fixed windows, bounded memory (the oldest addresses are dropped first).
 */
export class PublicLimit {
  private readonly hits = new Map<string, { start: number; n: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly message: string,
    private readonly capacity = 50_000,
  ) {}

  take(address: string | null | undefined, now = Date.now()) {
    const key = address ?? 'unknown';
    const h = this.hits.get(key);
    if (!h || now - h.start >= this.windowMs) {
      this.hits.delete(key);
      if (this.hits.size >= this.capacity) this.hits.delete(this.hits.keys().next().value!);
      this.hits.set(key, { start: now, n: 1 });
      return;
    }
    if (++h.n > this.max) {
      const wait = Math.ceil((this.windowMs - (now - h.start)) / 1000);
      throw new AppError('rate_limited', 'too_many_questions', `${this.message}，请 ${wait} 秒后再试`, { retryAfter: wait });
    }
  }
}

export const askLimit = () => new PublicLimit(20, 60_000, '您提问过于频繁');
export const registerLimit = () => new PublicLimit(5, 10 * 60_000, '您登记的问题过多');
