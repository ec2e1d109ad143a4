import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rows } from '../modules/catalog/public/sql.ts';

/**
 * Notices that public data changed, for every process sharing the database: each change is written
 * with its audit row in the same transaction, so the newest audit id moves with any publication,
 * withdrawal, edit or column setting. A scheduled document becomes public when its time comes,
 * with no write: the time of the next one is read too, and its passing is a change as well.
 * Polled at most every `intervalMs` (two index lookups), so rendered pages and search results kept
 * in memory are dropped within that time of a change.
 */
export class CatalogVersion {
  private last: string | null = null;
  private checkedAt = 0;
  private running: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly onChange: () => void,
    private readonly intervalMs = 200,
  ) {}

  /**
   * Whether what was last seen may still be taken as current without asking: checked within the
   * interval, or a check is under way (answers given meanwhile are at most that check's duration
   * older than the promise).
   */
  isCurrent(): boolean {
    return this.running !== null || Date.now() - this.checkedAt < this.intervalMs;
  }

  /** The version last seen (after `check()`): equal strings mean the same public catalog. */
  get current(): string {
    return this.last ?? 'unknown';
  }

  check(): Promise<void> | void {
    if (Date.now() - this.checkedAt < this.intervalMs) return;
    this.running ??= this.poll().finally(() => (this.running = null));
    return this.running;
  }

  private async poll() {
    const [r] = await rows<{ v: number; due: number | null }>(
      this.db,
      sql`select (select coalesce(max(id), 0) from audit_log)::float8 as v,
                 (select extract(epoch from min(published_at)) * 1000 from documents where status = 'scheduled' and published_at > now())::float8 as due`,
    );
    this.checkedAt = Date.now();
    const seen = `${r.v}:${r.due ?? '-'}`;
    if (this.last !== null && seen !== this.last) this.onChange();
    this.last = seen;
  }
}
