import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rows } from '../modules/catalog/public/sql.ts';

/**
 * Notices that public data changed, for every process sharing the database: each change is written
 * with its audit row in the same transaction, so the newest audit id moves with any publication,
 * withdrawal, edit or column setting. Polled at most every `intervalMs` (one index lookup), so
 * rendered pages kept in memory are dropped within that time of a change.
 */
export class CatalogVersion {
  private last: number | null = null;
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

  check(): Promise<void> | void {
    if (Date.now() - this.checkedAt < this.intervalMs) return;
    this.running ??= this.poll().finally(() => (this.running = null));
    return this.running;
  }

  private async poll() {
    const [r] = await rows<{ v: number }>(this.db, sql`select coalesce(max(id), 0)::float8 as v from audit_log`);
    this.checkedAt = Date.now();
    if (this.last !== null && r.v !== this.last) this.onChange();
    this.last = r.v;
  }
}
