import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { documents, units } from '../db/schema/index.ts';
import { inTransaction, type Actor } from '../platform/context.ts';
import { insertSampleDocument, type SampleDocument } from '../modules/catalog/seed-catalog.ts';

/** The column 收费项目 the 2021 notice names (政府网站>政府信息公开>法定主动公开内容>收费项目). */
export const FEE_ITEM_PATH = ['政府信息公开', '法定主动公开内容', '收费项目'];

/**
 * The fee item of 依申请公开 as the catalog's 收费项目 column lists it: the processing-fee standard of
 * 国办函〔2020〕109号 exactly as shared/domain/ogi-rules.md §3 states it (the worked examples are the
 * ones requests/fees/compute-fee.ts computes; fee-item.test.ts checks that they agree). 示例.
 */
export const FEE_ITEM_DOCUMENT: SampleDocument = {
  path: FEE_ITEM_PATH,
  title: '【示例】政府信息公开信息处理费收费项目及标准',
  writtenOn: '2021-03-15',
  topic: '综合政务',
  publishedAt: '2021-03-18T09:00:00+08:00',
  body: [
    '<p>（示例）收费项目：政府信息公开信息处理费。收费依据：《中华人民共和国政府信息公开条例》第四十二条，《国务院办公厅关于印发〈政府信息公开信息处理费管理办法〉的通知》（国办函〔2020〕109号）。</p>',
    '<h3>一、收费原则</h3><p>行政机关依申请提供政府信息，不收取费用。申请人申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费。</p>',
    '<h3>二、计收方式</h3><p>按件计收或者按量计收。对同一申请人的同一件申请，只能选择其中一种方式计收，不得同时按两种方式计收。</p>',
    '<h3>三、按件计收</h3><p>按同一申请人一个自然月内累计申请的件数计算：10件以下（含10件）不收费；11—30件（含30件）的部分，每件收费100元；31件以上的部分，以10件为一档，每增加一档，收费标准提高100元（31—40件每件200元，41—50件每件300元，依此类推）。例如，一个自然月内申请35件，收费20×100＋5×200＝3000元。</p>',
    '<h3>四、按量计收</h3><p>按同一件申请所提供信息的页数计算：30页以下（含30页）不收费；31—100页（含100页）的部分，每页收费10元；101—200页（含200页）的部分，每页收费20元；201页以上的部分，每页收费40元。例如，一件申请提供250页，收费70×10＋100×20＋50×40＝4700元。</p>',
    '<h3>五、收费通知和缴费</h3><p>行政机关在答复期限内向申请人发出收费通知，说明收费依据、收费标准、收费金额和缴费方式。申请人应当自收到收费通知的次日起20个工作日内缴纳费用；逾期未缴纳的，视为放弃申请，行政机关不再处理该政府信息公开申请。</p>',
  ].join(''),
};

/** Seeds the fee item into the demo district's 收费项目 column, once; returns the document's id. */
export async function seedFeeItem(db: Db, admin: Actor): Promise<string | null> {
  const [region] = await db.select({ id: units.id }).from(units).where(eq(units.kind, 'region')).limit(1);
  if (!region) return null;
  const [already] = await db.select({ id: documents.id }).from(documents).where(and(eq(documents.title, FEE_ITEM_DOCUMENT.title), eq(documents.siteUnitId, region.id))).limit(1);
  if (already) return already.id;
  return inTransaction({ db, actor: admin }, async (tx) => (await insertSampleDocument(tx, region.id, admin, FEE_ITEM_DOCUMENT)).id);
}
