import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogColumns, documents, users } from '../db/schema/index.ts';
import { feeByItems, feeByPages } from '../modules/requests/fees/compute-fee.ts';
import type { Actor } from '../platform/context.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { FEE_ITEM_DOCUMENT, seedFeeItem } from './seed-fee-item.ts';

describe('the fee item in 收费项目', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('states the standard of 国办函〔2020〕109号 exactly as the fee computation applies it, marked 示例, published once', async () => {
    const [u] = await t.database.db.select().from(users).where(eq(users.username, 'admin'));
    const admin: Actor = { id: u.id, username: 'admin', name: u.displayName, unitId: u.unitId!, roles: ['sys_admin', 'office_admin'] };
    const id = await seedFeeItem(t.database.db, admin);
    expect(await seedFeeItem(t.database.db, admin)).toBe(id);
    const [d] = await t.database.db.select({ title: documents.title, isSample: documents.isSample, status: documents.status, text: documents.bodyText, column: catalogColumns.name }).from(documents).innerJoin(catalogColumns, eq(catalogColumns.id, documents.columnId)).where(eq(documents.id, id!));
    expect(d).toMatchObject({ column: '收费项目', isSample: true, status: 'published' });
    expect(d.title).toContain('示例');
    // the bands and the worked examples of ogi-rules §3, which the one fee computation gives
    for (const words of ['10件以下（含10件）不收费', '11—30件（含30件）的部分，每件收费100元', '每增加一档，收费标准提高100元', '30页以下（含30页）不收费', '31—100页（含100页）的部分，每页收费10元', '101—200页（含200页）的部分，每页收费20元', '201页以上的部分，每页收费40元', '只能选择其中一种方式计收', '次日起20个工作日内缴纳费用'])
      expect(d.text).toContain(words);
    expect(d.text).toContain(`20×100＋5×200＝${feeByItems(35).yuan}元`);
    expect(d.text).toContain(`70×10＋100×20＋50×40＝${feeByPages(250).yuan}元`);
    expect([feeByItems(35).yuan, feeByPages(250).yuan]).toEqual([3000, 4700]);
    const page = await t.app.inject({ method: 'GET', url: `/doc/${id}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(FEE_ITEM_DOCUMENT.title);
  });
});
