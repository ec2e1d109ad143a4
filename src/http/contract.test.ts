import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { $ZodType } from 'zod/v4/core';
import { catalogColumns } from '../db/schema/index.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

/**
 * The API contract: every JSON route declares what it answers (a zod schema Fastify serialises
 * with, so a field not declared never leaves the server) and the one error body; /api/docs lists
 * the API and nothing else.
 */
describe('the API contract', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('gives every JSON route a response schema for its success and the error body', () => {
    const missing: string[] = [];
    const api = t.app.routeTable.filter((r) => !r.url.startsWith('/api/docs'));
    expect(api.length).toBeGreaterThan(60);
    for (const r of api) {
      const name = `${r.method} ${r.url}`;
      const success = Object.entries(r.response ?? {}).filter(([status]) => /^2\d\d$/.test(status));
      if (!success.length) {
        missing.push(`${name}: no response schema for its success`);
        continue;
      }
      for (const [status, schema] of success) if (!(schema instanceof $ZodType)) missing.push(`${name}: ${status} is not a zod schema`);
      // A file download declares its media type; its errors are still the JSON error body (handler).
      if (r.produces?.length) continue;
      for (const status of ['4xx', '5xx']) if (!(r.response?.[status] instanceof $ZodType)) missing.push(`${name}: no ${status} error body`);
    }
    expect(missing).toEqual([]);
  });

  it('documents the API only: no portal page, no untagged route, every answer described', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, { tags?: string[]; responses?: Record<string, { content?: Record<string, unknown> }> }>> };
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith('/api/')) problems.push(`${path}: not an API route`);
      for (const [method, op] of Object.entries(ops)) {
        const name = `${method.toUpperCase()} ${path}`;
        if (!op.tags?.length || op.tags.includes('default')) problems.push(`${name}: tag ${op.tags ?? '(none)'}`);
        const ok = Object.entries(op.responses ?? {}).find(([s]) => /^2\d\d$/.test(s));
        if (!ok?.[1].content) problems.push(`${name}: success answer not described`);
      }
    }
    expect(problems).toEqual([]);
    expect(doc.paths['/']).toBeUndefined();
    expect(doc.paths['/api/plans']?.get?.responses?.['200']?.content?.['application/json']).toBeTruthy();
    expect(doc.paths['/api/plans/{id}/ledger.xlsx']?.get?.responses?.['200']?.content?.['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']).toBeTruthy();
  });

  it('sends only declared fields: a new document carries no search vector, sample flag or creator', async () => {
    const editor = await t.userWith(['editor'], '区政府办公室');
    const [{ id: columnId }] = await t.database.db.select({ id: catalogColumns.id }).from(catalogColumns).where(eq(catalogColumns.slug, 'tzgg'));
    const res = await editor.request('POST', '/api/documents', {
      columnId,
      title: '关于契约测试的通知',
      bodyHtml: '<p>正文</p>',
      publisher: '区政府办公室',
      validity: 'valid',
      attachmentIds: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.title).toBe('关于契约测试的通知');
    for (const key of ['searchVector', 'isSample', 'createdBy']) expect(body, key).not.toHaveProperty(key);
  });

  it('answers errors in the one error body', async () => {
    const admin = await t.login('admin', t.adminPassword);
    const res = await admin.request('GET', '/api/plans/not-an-id');
    expect(res.statusCode).toBe(400);
    expect(Object.keys(res.json())).toEqual(['error']);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
