import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, catalogColumns, plans } from '../../../db/schema/index.ts';
import type { Actor } from '../../../platform/context.ts';
import { createTestApp, type ApiClient, type TestApp } from '../../../testing/test-app.ts';

interface Mapping {
  id: string;
  fromPrefix: string[];
  toPrefix: string[];
  note: string | null;
}
interface PreviewRow {
  raw: string[];
  mapped: string[];
  mapping: { id: string } | null;
  site: 'region' | 'unit';
  column: { id: string; url: string } | null;
  measures: number[];
  instruction: boolean;
}

describe('公开路径映射: list, add, change, delete, preview', () => {
  let t: TestApp;
  let office: ApiClient & { actor: Actor };
  let liaison: ApiClient & { actor: Actor };
  let planId: string;

  beforeAll(async () => {
    t = await createTestApp({}, { withPlan: true });
    office = await t.userWith(['office_admin'], '区政府办公室');
    liaison = await t.userWith(['liaison'], '区财政局');
    [{ id: planId }] = await t.database.db.select({ id: plans.id }).from(plans).where(eq(plans.year, 2021));
  });
  afterAll(() => t.close());

  const preview = async (c: ApiClient = office) => {
    const res = await c.request('GET', `/api/catalog/path-mappings/preview?planId=${planId}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { plan: { year: number }; items: PreviewRow[]; counts: { paths: number; mapped: number; missing: number } };
  };
  const row = (items: PreviewRow[], raw: string) => items.find((r) => r.raw.join('>') === raw)!;

  it('lists the seeded default mapping to everyone who reads the catalog', async () => {
    const res = await liaison.request('GET', '/api/catalog/path-mappings');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual(expect.arrayContaining([expect.objectContaining({ fromPrefix: ['政府信息公开目录'], toPrefix: ['政务公开', '政府信息公开目录'] })]));
  });

  it('previews the seeded 2021 plan: each distinct path, where it lands and whether that column exists', async () => {
    const p = await preview(liaison);
    expect(p.plan.year).toBe(2021);
    // Distinct: 公共企事业单位信息公开 is written by eight measures, listed once.
    const keys = p.items.map((r) => r.raw.join('>'));
    expect(new Set(keys).size).toBe(keys.length);
    const shared = row(p.items, '政务公开>政府信息公开目录>公共企事业单位信息公开');
    expect(shared.measures.length).toBeGreaterThan(5);
    expect(shared.mapping).toBeNull();
    // The short form lands under 政务公开, on a column the seed built.
    const short = row(p.items, '政府信息公开目录>惠民资金');
    expect(short.mapped).toEqual(['政务公开', '政府信息公开目录', '惠民资金']);
    expect(short.mapping).not.toBeNull();
    expect(short.column?.url).toMatch(/^\/xxgk\//);
    const [col] = await t.database.db.select().from(catalogColumns).where(eq(catalogColumns.id, short.column!.id));
    expect(col.name).toBe('惠民资金');
    const plan = row(p.items, '政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划');
    expect(plan).toMatchObject({ mapped: plan.raw, site: 'region', instruction: false });
    expect(plan.column).not.toBeNull();
    // 部门网页 paths land on each unit's own pages.
    expect(row(p.items, '部门网页>政府信息公开>法定主动公开内容>履职依据>行政法规')).toMatchObject({ site: 'unit', column: null });
    // Column-creation instructions (政策解读 视频/图片/文字) are paths too.
    expect(p.items.some((r) => r.instruction && r.raw.at(-1) === '视频')).toBe(true);
    expect(p.counts).toMatchObject({ paths: p.items.length, missing: 0 });
    expect(p.counts.mapped).toBeGreaterThan(3);
  });

  it('validates: non-empty trimmed segments, no “>” inside a segment, not a no-op', async () => {
    const bad = [
      { fromPrefix: [], toPrefix: ['政务公开'] },
      { fromPrefix: ['政府信息公开', '  '], toPrefix: ['政务公开'] },
      { fromPrefix: ['政府信息公开>法定主动公开内容'], toPrefix: ['政务公开'] },
      { fromPrefix: ['政府信息公开'], toPrefix: ['政务公开＞政府信息公开'] },
      { fromPrefix: ['政府信息公开'] },
    ];
    for (const body of bad) {
      const res = await office.request('POST', '/api/catalog/path-mappings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.code).toBe('validation_failed');
      expect(res.json().error.message).toMatch(/[\u4e00-\u9fff]/u);
    }
    const gt = await office.request('POST', '/api/catalog/path-mappings', { fromPrefix: ['a>b'], toPrefix: ['c'] });
    expect(gt.json().error.message).toContain('不能含有“>”');
    const noop = await office.request('POST', '/api/catalog/path-mappings', { fromPrefix: [' 政务公开 '], toPrefix: ['政务公开'] });
    expect(noop.json().error.code).toBe('mapping_noop');
  });

  it('refuses a second mapping of the same prefix (after trimming) with mapping_exists', async () => {
    const res = await office.request('POST', '/api/catalog/path-mappings', { fromPrefix: [' 政府信息公开目录 '], toPrefix: ['政府信息公开'] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'mapping_exists' });
    expect(res.json().error.message).toContain('政府信息公开目录');
  });

  it('adds, changes and deletes a mapping, each with its audit row; the preview follows', async () => {
    const add = await office.request('POST', '/api/catalog/path-mappings', { fromPrefix: [' 政府信息公开 ', '法定主动公开内容', '规划信息'], toPrefix: ['政务公开', '规划信息'], note: ' 试行 ' });
    expect(add.statusCode).toBe(201);
    const m = add.json() as Mapping;
    expect(m).toMatchObject({ fromPrefix: ['政府信息公开', '法定主动公开内容', '规划信息'], toPrefix: ['政务公开', '规划信息'], note: '试行' });

    let p = await preview();
    const plan = row(p.items, '政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划');
    expect(plan.mapped).toEqual(['政务公开', '规划信息', '国民经济和社会发展规划']);
    expect(plan.mapping?.id).toBe(m.id);
    // No column there yet: the preview says so before anyone rebuilds.
    expect(plan.column).toBeNull();
    expect(p.counts.missing).toBeGreaterThan(0);

    const put = await office.request('PUT', `/api/catalog/path-mappings/${m.id}`, { fromPrefix: m.fromPrefix, toPrefix: ['政务公开', '政府信息公开目录', '规划信息'], note: '' });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ id: m.id, toPrefix: ['政务公开', '政府信息公开目录', '规划信息'], note: null });
    const clash = await office.request('PUT', `/api/catalog/path-mappings/${m.id}`, { fromPrefix: ['政府信息公开目录'], toPrefix: ['x'] });
    expect(clash.json().error.code).toBe('mapping_exists');
    // Saving a mapping with its own prefix again is not a clash.
    expect((await office.request('PUT', `/api/catalog/path-mappings/${m.id}`, { fromPrefix: m.fromPrefix, toPrefix: ['政务公开', '政府信息公开目录', '规划信息'] })).statusCode).toBe(200);

    const del = await office.request('DELETE', `/api/catalog/path-mappings/${m.id}`);
    expect(del.statusCode).toBe(200);
    expect((await office.request('DELETE', `/api/catalog/path-mappings/${m.id}`)).json().error.code).toBe('mapping_not_found');
    expect((await office.request('PUT', `/api/catalog/path-mappings/${m.id}`, { fromPrefix: ['a'], toPrefix: ['b'] })).statusCode).toBe(404);
    p = await preview();
    expect(row(p.items, '政府信息公开>法定主动公开内容>规划信息>国民经济和社会发展规划').mapping).toBeNull();

    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, m.id), eq(auditLog.entity, 'catalog_path_mapping'))).orderBy(asc(auditLog.id));
    expect(audit.map((a) => a.action)).toEqual(['catalog.path_mapping_create', 'catalog.path_mapping_update', 'catalog.path_mapping_update', 'catalog.path_mapping_delete']);
    expect(audit[1].before).toMatchObject({ toPrefix: ['政务公开', '规划信息'], note: '试行' });
    expect(audit[1].after).toMatchObject({ toPrefix: ['政务公开', '政府信息公开目录', '规划信息'] });
    expect(audit[3].before).toMatchObject({ id: m.id });
    expect(audit.every((a) => a.actorId === office.actor.id)).toBe(true);
  });

  it('a unit liaison reads but cannot change mappings', async () => {
    const before = (await liaison.request('GET', '/api/catalog/path-mappings')).json().items as Mapping[];
    const seeded = before.find((m) => m.fromPrefix.join('>') === '政府信息公开目录')!;
    const tries = [
      await liaison.request('POST', '/api/catalog/path-mappings', { fromPrefix: ['政府信息公开'], toPrefix: ['政务公开'] }),
      await liaison.request('PUT', `/api/catalog/path-mappings/${seeded.id}`, { fromPrefix: ['政府信息公开目录'], toPrefix: ['政务公开'] }),
      await liaison.request('DELETE', `/api/catalog/path-mappings/${seeded.id}`),
    ];
    for (const r of tries) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('forbidden');
    }
    const items = (await office.request('GET', '/api/catalog/path-mappings')).json().items as Mapping[];
    expect(items).toEqual(before);
    const audit = await t.database.db.select().from(auditLog).where(inArray(auditLog.action, ['catalog.path_mapping_create', 'catalog.path_mapping_update', 'catalog.path_mapping_delete']));
    expect(audit.every((a) => a.actorId !== liaison.actor.id)).toBe(true);
  });

  it('asks for a plan that exists', async () => {
    expect((await office.request('GET', '/api/catalog/path-mappings/preview')).statusCode).toBe(400);
    expect((await office.request('GET', '/api/catalog/path-mappings/preview?planId=00000000-0000-0000-0000-000000000000')).json().error.code).toBe('plan_not_found');
  });
});
