import { like } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { documents, qaConsultations, qaEntries, qaEntryPolicies, qaEntryVersions, qaSynonyms, qaVariants, units } from '../db/schema/index.ts';
import { writeAudit } from '../platform/audit/write-audit.ts';
import { addDays, todayInShanghai } from '../platform/calendar/dates.ts';
import { loadCalendar } from '../platform/calendar/load-calendar.ts';
import { inTransaction, type Actor } from '../platform/context.ts';
import { cleanBody } from '../modules/catalog/document-content.ts';
import { replyDue } from '../modules/qa/ledger-clock.ts';
import { bumpLibraryVersion } from '../modules/qa/library-index.ts';
import { DEFAULT_SYNONYMS } from '../modules/qa/matching/default-synonyms.ts';
import { allocateQueryCode, QUERY_CODE_PREFIXES } from '../platform/public-intake/query-code.ts';
import { DEMO_QA, DEMO_SYNONYMS } from './qa-demo-entries.ts';

const SAMPLE_NOTE = '（示例：本条为演示区的示例问答，内容仅供演示。）';

/**
 * The demo district's Q&A library (示例, published, with variants, linked to the demo catalog's
 * documents) and a few consultations of the ledger in several states.
 */
export async function seedQa(db: Db, admin: Actor): Promise<void> {
  const unitRows = await db.select({ id: units.id, short: units.shortName }).from(units);
  const unitId = (short: string) => unitRows.find((u) => u.short === short)?.id ?? null;
  await inTransaction({ db, actor: admin }, async (tx) => {
    const entryIds: string[] = [];
    for (const [i, e] of DEMO_QA.entries()) {
      const { html, text } = cleanBody(`<p>${e.a}</p><p>${SAMPLE_NOTE}</p>`);
      const [row] = await tx.db
        .insert(qaEntries)
        .values({ externalId: `SL-${String(i + 1).padStart(3, '0')}`, question: e.q, answerHtml: html, answerText: text, topic: e.topic, tags: ['示例'], ownerUnitId: unitId(e.unit), status: 'published', isSample: true, createdBy: admin.id })
        .returning();
      entryIds.push(row.id);
      if (e.v.length) await tx.db.insert(qaVariants).values(e.v.map((text, seq) => ({ entryId: row.id, text, seq })));
      const policyIds: string[] = [];
      if (e.policy) {
        const [doc] = await tx.db.select({ id: documents.id }).from(documents).where(like(documents.title, `%${e.policy}%`)).limit(1);
        if (doc) {
          await tx.db.insert(qaEntryPolicies).values({ entryId: row.id, documentId: doc.id });
          policyIds.push(doc.id);
        }
      }
      await tx.db.insert(qaEntryVersions).values({ entryId: row.id, version: 1, createdBy: admin.id, snapshot: { question: e.q, answerHtml: html, topic: e.topic, status: 'published', variants: e.v, policyIds, source: 'seed' } });
    }
    // The engine's defaults with the district's own, as one table the office edits.
    const groups = new Map<string, string[]>();
    for (const g of [...DEFAULT_SYNONYMS, ...DEMO_SYNONYMS]) groups.set(g[0], [...new Set([...(groups.get(g[0]) ?? []), ...g])]);
    const now = Date.now();
    await tx.db.insert(qaSynonyms).values([...groups.values()].map((terms, i) => ({ terms, updatedAt: new Date(now + i) })));

    const calendar = await loadCalendar(tx.db);
    const today = todayInShanghai();
    const hrss = unitId('区人力社保局');
    const housing = unitId('区住房城市建委');
    const finance = unitId('区财政局');
    const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000);
    const day = (daysAgo: number) => addDays(today, -daysAgo);
    const base = { isSample: true, recordedBy: admin.id };
    await tx.db.insert(qaConsultations).values([
      { ...base, channel: 'phone', question: '没有单位怎么交养老保险', receivedAt: at(6), receivedOn: day(6), answeredOnSpot: true, matchedEntryId: entryIds[25], status: 'answered', askerName: '陈女士', askerContact: '13800000001' },
      { ...base, channel: 'window', question: '公租房申请要带什么材料', receivedAt: at(5), receivedOn: day(5), answeredOnSpot: true, matchedEntryId: entryIds[38], status: 'answered' },
      { ...base, channel: 'web', question: '申请政府信息公开要交钱吗', receivedAt: at(4), receivedOn: day(4), answeredOnSpot: true, matchedEntryId: entryIds[1], status: 'answered', feedback: 'useful', recordedBy: null },
      { ...base, channel: 'web', question: '社保卡丢了怎么办', receivedAt: at(3), receivedOn: day(3), answeredOnSpot: true, matchedEntryId: entryIds[31], status: 'answered', feedback: 'not_useful', recordedBy: null },
      {
        ...base,
        channel: 'phone',
        question: '2027年灵活就业人员养老保险缴费档次有哪些',
        receivedAt: at(2),
        receivedOn: day(2),
        status: 'registered',
        queryCode: await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.qa),
        askerName: '李先生',
        askerContact: '13800000002',
        suggestedUnitId: hrss,
        unitId: hrss,
        dueOn: replyDue(calendar, day(2)),
        matchedEntryId: entryIds[25],
        score: 58,
        history: [{ at: at(2).toISOString(), action: 'suggest', unitId: hrss, by: '系统' }],
      },
      {
        ...base,
        channel: 'mailbox',
        question: '解放碑片区的老旧小区改造什么时候开始',
        receivedAt: at(12),
        receivedOn: day(12),
        status: 'registered',
        queryCode: await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.qa),
        askerEmail: 'resident@example.com',
        suggestedUnitId: housing,
        unitId: housing,
        acceptedAt: at(11),
        dueOn: replyDue(calendar, day(12)),
        matchedEntryId: entryIds[44],
        score: 40,
        history: [{ at: at(12).toISOString(), action: 'suggest', unitId: housing, by: '系统' }, { at: at(11).toISOString(), action: 'accept', unitId: housing, by: '区住房城市建委联络员' }],
      },
      {
        ...base,
        channel: 'web',
        question: '区财政局的部门预算说明里三公经费为什么比去年少',
        receivedAt: at(8),
        receivedOn: day(8),
        status: 'replied',
        queryCode: await allocateQueryCode(tx.db, QUERY_CODE_PREFIXES.qa),
        askerContact: '13800000003',
        suggestedUnitId: finance,
        unitId: finance,
        acceptedAt: at(7),
        dueOn: replyDue(calendar, day(8)),
        replyHtml: '<p>主要是压减了公务用车运行维护费和公务接待费，详见部门预算公开说明第三部分。</p>',
        replyText: '主要是压减了公务用车运行维护费和公务接待费，详见部门预算公开说明第三部分。',
        repliedAt: at(5),
        matchedEntryId: entryIds[17],
        score: 45,
        proposalStatus: 'pending',
        proposalKind: 'new',
        history: [{ at: at(8).toISOString(), action: 'suggest', unitId: finance, by: '系统' }, { at: at(5).toISOString(), action: 'reply', unitId: finance, by: '区财政局联络员' }],
        recordedBy: null,
      },
    ]);
    await writeAudit(tx, { action: 'seed.qa_library', entity: 'qa_library', after: { entries: DEMO_QA.length, synonyms: groups.size, consultations: 7 } });
    await bumpLibraryVersion(tx);
  });
}

