import { eq, gte, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { qaEntries, qaLibraryVersion, qaSynonyms, qaVariants } from '../../db/schema/index.ts';
import type { OpContext } from '../../platform/context.ts';
import { createMatcher } from './matching/create-matcher.ts';
import type { MatchEntry, Matcher, MatchResult } from './matching/types.ts';
import { DOMAIN_WORDS } from './domain-words.ts';
import { DEFAULT_SYNONYMS } from './matching/default-synonyms.ts';
import type { SiteNames } from '../../platform/site-names.ts';

/** How often a process asks the database whether another process changed the library. */
const VERSION_CHECK_MS = 1000;
/** Entries updated this long before the last load are looked at again (a transaction may commit after its timestamp). */
const CHANGE_MARGIN_MS = 60_000;
const FULL_RELOAD_OVER = 2000;

interface IndexedEntry {
  externalId: string | null;
  ownerUnitId: string | null;
}

/**
 * The in-memory matching index of one database's library, one per process. Built from the published
 * entries on first use; a change made here bumps `qa_library_version` in its transaction and marks the
 * index stale (the next match reloads at once); a change made by another process is noticed by the
 * version check, read at most once a second before matching.
 */
export class QaLibraryIndex {
  private matcher: Matcher | null = null;
  private version = -1;
  private checkedAt = 0;
  private loading: Promise<void> | null = null;
  private loadedAt = new Date(0);
  private synonymsKey = '';
  /** The site's city and district: "here" to the matcher (slot-conflicts.ts home places). */
  private homePlaces: string[] = [];
  /** The matcher in use was built with other home places: the next reload builds it anew. */
  private rebuild = false;
  /** Entry id → what the callers need beside the score (external id for the CLI). */
  readonly entries = new Map<string, IndexedEntry>();

  constructor(private readonly db: Db) {}

  /** Where the library is; a change rebuilds the matcher on the next match (the one in use serves until then). */
  setHome(places: string[]) {
    if (places.join('\n') === this.homePlaces.join('\n')) return;
    this.homePlaces = [...places];
    this.rebuild = true;
    this.checkedAt = 0;
  }

  /** The next match re-reads the version (a change was committed by this process). */
  markStale() {
    this.checkedAt = 0;
  }

  async match(question: string, limit = 10): Promise<MatchResult> {
    await this.fresh();
    return this.matcher!.match(question, { limit });
  }

  /** The matcher as it is now (after `fresh()`): the CLI matches many questions against one state. */
  async current(): Promise<Matcher> {
    await this.fresh();
    return this.matcher!;
  }

  get size() {
    return this.matcher?.size ?? { entries: 0, variants: 0 };
  }

  async fresh(): Promise<void> {
    if (this.matcher && Date.now() - this.checkedAt < VERSION_CHECK_MS) return;
    if (this.loading) return this.loading;
    this.loading = this.reload().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  private async reload() {
    const res = await this.db.execute<{ version: string | number | null; now: string | Date }>(
      sql`select (select version from qa_library_version where id = 1) as version, now() as now`,
    );
    const row = (res as unknown as { rows?: { version: string | number | null; now: string | Date }[] }).rows?.[0] ?? (res as unknown as { version: number; now: Date }[])[0];
    const version = Number(row?.version ?? 0);
    const dbNow = new Date(row!.now);
    this.checkedAt = Date.now();
    if (this.matcher && version === this.version && !this.rebuild) return;
    const changed = this.matcher && !this.rebuild
      ? await this.db.select({ id: qaEntries.id, status: qaEntries.status }).from(qaEntries).where(gte(qaEntries.updatedAt, new Date(this.loadedAt.getTime() - CHANGE_MARGIN_MS)))
      : [];
    // A large import is cheaper to rebuild than to patch entry by entry.
    if (!this.matcher || this.rebuild || changed.length > FULL_RELOAD_OVER) {
      const home = this.homePlaces;
      this.rebuild = false;
      const [entries, synonyms] = await Promise.all([loadMatchEntries(this.db), loadSynonyms(this.db)]);
      this.entries.clear();
      for (const e of entries) this.entries.set(e.entry.id, { externalId: e.externalId, ownerUnitId: e.entry.ownerUnitId ?? null });
      this.matcher = createMatcher(
        entries.map((e) => e.entry),
        { synonyms: synonyms.length ? synonyms : undefined, userWords: DOMAIN_WORDS, homePlaces: home },
      );
      this.synonymsKey = JSON.stringify(synonyms);
    } else {
      // Only what changed since the last load (a margin covers transactions that committed late).
      const published = changed.filter((c) => c.status === 'published').map((c) => c.id);
      for (const c of changed) if (c.status !== 'published') {
        this.matcher.remove(c.id);
        this.entries.delete(c.id);
      }
      if (published.length) {
        for (const e of await loadMatchEntries(this.db, published)) {
          this.matcher.upsert(e.entry);
          this.entries.set(e.entry.id, { externalId: e.externalId, ownerUnitId: e.entry.ownerUnitId ?? null });
        }
      }
      const synonyms = await loadSynonyms(this.db);
      const key = JSON.stringify(synonyms);
      if (key !== this.synonymsKey) {
        // An emptied table falls back to the engine's own defaults, as at start.
        this.matcher.setSynonyms(synonyms.length ? synonyms : DEFAULT_SYNONYMS);
        this.synonymsKey = key;
      }
    }
    this.loadedAt = dbNow;
    this.version = version;
  }

  /** The id the CLI prints: the external id when the entry has one. */
  publicId(entryId: string): string {
    return this.entries.get(entryId)?.externalId ?? entryId;
  }
}

const indexes = new WeakMap<Db, QaLibraryIndex>();

/** The process's index for this database (the root handle the server or CLI opened). */
export function libraryIndex(db: Db): QaLibraryIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new QaLibraryIndex(db);
    indexes.set(db, index);
  }
  return index;
}

/**
 * The places a question may name and still ask about this district's library: the city and the
 * district of the settings (CITY_NAME, DISTRICT_NAME). 渝中区公租房怎么申请 is asked of 公租房怎么申请;
 * 江北区… still is not. The matcher adds the places most of the bank's own entries name.
 */
export function setLibraryHome(db: Db, config: SiteNames): void {
  libraryIndex(db).setHome([config.CITY_NAME, config.DISTRICT_NAME]);
}

/** Call inside the transaction of every change to entries, variants or synonyms. */
export async function bumpLibraryVersion(tx: OpContext): Promise<void> {
  await tx.db
    .insert(qaLibraryVersion)
    .values({ id: 1, version: 1 })
    .onConflictDoUpdate({ target: qaLibraryVersion.id, set: { version: sql`${qaLibraryVersion.version} + 1` } });
}

/** After the change's transaction committed: this process sees it on the next match. */
export function libraryChanged(ctx: OpContext) {
  indexes.get(ctx.db)?.markStale();
}

/** Published entries as the engine sees them; flagged ones may be suggested but never auto-answered. */
export async function loadMatchEntries(db: Db, ids?: string[]): Promise<{ entry: MatchEntry; externalId: string | null }[]> {
  const rows = await db
    .select({ id: qaEntries.id, externalId: qaEntries.externalId, question: qaEntries.question, answer: qaEntries.answerText, needsReview: qaEntries.needsReview, ownerUnitId: qaEntries.ownerUnitId, topic: qaEntries.topic })
    .from(qaEntries)
    .where(ids ? inArray(qaEntries.id, ids) : eq(qaEntries.status, 'published'));
  const variants = await db
    .select({ entryId: qaVariants.entryId, text: qaVariants.text })
    .from(qaVariants)
    .innerJoin(qaEntries, eq(qaEntries.id, qaVariants.entryId))
    .where(ids ? inArray(qaVariants.entryId, ids) : eq(qaEntries.status, 'published'));
  const byEntry = new Map<string, string[]>();
  for (const v of variants) {
    const list = byEntry.get(v.entryId) ?? [];
    list.push(v.text);
    byEntry.set(v.entryId, list);
  }
  return rows.map((r) => ({
    externalId: r.externalId,
    entry: { id: r.id, question: r.question, variants: byEntry.get(r.id) ?? [], answer: r.answer, autoAnswer: !r.needsReview, ownerUnitId: r.ownerUnitId, topic: r.topic },
  }));
}

export async function loadSynonyms(db: Db): Promise<string[][]> {
  const rows = await db.select({ terms: qaSynonyms.terms }).from(qaSynonyms);
  return rows.map((r) => r.terms).filter((t) => t.length >= 2);
}
