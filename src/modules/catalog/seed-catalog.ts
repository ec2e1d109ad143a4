import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { catalogColumns, catalogPathMappings, documents, plans, units } from '../../db/schema/index.ts';
import { inTransaction, type Actor, type OpContext } from '../../platform/context.ts';
import { SAMPLE_DOCUMENTS } from '../../seed/sample-documents.ts';
import { buildColumnsFromPlan } from './build-columns-from-plan.ts';
import { ensureColumnPath } from './column-paths.ts';
import { bodyText, sanitizeBody, searchVectorSql } from './document-content.ts';
import { nextIndexNo } from './index-number.ts';
import { DEFAULT_PATH_MAPPINGS, DEFAULT_REVIEW_STEPS, STANDARD_COLUMNS, UPDATE_INTERVAL_DAYS } from './standard-columns.ts';

/**
 * The district portal's catalog on first start: the standard columns with their fixed URLs, the
 * path mappings, the columns of every imported plan's disclosure paths, and sample documents
 * (marked as samples) so that every page has something to show.
 */
export async function seedCatalog(db: Db, admin: Actor) {
  const [region] = await db.select().from(units).where(eq(units.kind, 'region')).limit(1);
  if (!region) return;
  const [existing] = await db.select({ id: catalogColumns.id }).from(catalogColumns).limit(1);
  if (existing) return;
  await inTransaction({ db, actor: admin }, async (tx) => {
    await tx.db.insert(catalogPathMappings).values(DEFAULT_PATH_MAPPINGS);
    let parents = new Map<string, string>();
    for (const [i, c] of STANDARD_COLUMNS.entries()) {
      const parentId = c.path.length > 1 ? parents.get(c.path.slice(0, -1).join('>'))! : null;
      const [row] = await tx.db
        .insert(catalogColumns)
        .values({ siteUnitId: region.id, parentId, name: c.path.at(-1)!, slug: c.slug, kind: 'standard', category: c.category, updateIntervalDays: UPDATE_INTERVAL_DAYS[c.category], reviewSteps: DEFAULT_REVIEW_STEPS, ownerUnitIds: [admin.unitId], sort: i })
        .returning({ id: catalogColumns.id });
      parents.set(c.path.join('>'), row.id);
    }
    parents = new Map();
  });
  for (const p of await db.select({ id: plans.id }).from(plans)) await buildColumnsFromPlan({ db, actor: admin }, p.id);
  await inTransaction({ db, actor: admin }, async (tx) => {
    for (const s of SAMPLE_DOCUMENTS) await insertSampleDocument(tx, region.id, admin, s);
  });
}

export type SampleDocument = (typeof SAMPLE_DOCUMENTS)[number];

/** One sample document (is_sample), published in the column of its path on the site of `siteUnitId` (created when missing). */
export async function insertSampleDocument(tx: OpContext, siteUnitId: string, admin: Actor, s: SampleDocument) {
  const column = await ensureColumnPath(tx.db, siteUnitId, s.path, { kind: 'custom' });
  const html = sanitizeBody(s.body);
  const text = bodyText(html);
  const indexNo = await nextIndexNo(tx, siteUnitId, Number(s.writtenOn.slice(0, 4)));
  const [row] = await tx.db
    .insert(documents)
    .values({
      columnId: column.id,
      siteUnitId,
      title: s.title,
      bodyHtml: html,
      bodyText: text,
      indexNo,
      publisher: '重庆市渝中区人民政府办公室',
      writtenOn: s.writtenOn,
      docNumber: s.docNumber ?? null,
      topic: s.topic,
      status: 'published',
      publishedAt: new Date(s.publishedAt),
      isSample: true,
      searchVector: searchVectorSql({ title: s.title, docNumber: s.docNumber, indexNo }, text),
      createdBy: admin.id,
    })
    .returning({ id: documents.id });
  return row;
}
