import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../db/client.ts';
import { createTestDatabase } from '../../../testing/test-db.ts';
import { inlined, pinnedRows, plainRows } from './pinned-query.ts';

/** Statements with the planner held to a plan, in one round trip (and prepared on PGlite). */
describe('pinned queries', () => {
  let db: Db;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const database = await createTestDatabase();
    db = database.db;
    close = database.close;
  });
  afterAll(() => close());

  const settings = sql`select current_setting('enable_seqscan') as seq, current_setting('enable_indexscan') as idx, current_setting('enable_bitmapscan') as bitmap`;

  it('holds the settings for its own statement only', async () => {
    expect(await pinnedRows(db, 'bitmap', settings)).toEqual([{ seq: 'off', idx: 'off', bitmap: 'on' }]);
    expect(await pinnedRows(db, 'ordered', settings, { prepared: true })).toEqual([{ seq: 'off', idx: 'on', bitmap: 'off' }]);
    expect(await plainRows(db, settings)).toEqual([{ seq: 'on', idx: 'on', bitmap: 'on' }]);
  });

  it('writes values in as they are: quotes, backslashes, numbers, null', async () => {
    const odd = `it's a \\ back'slash\\' -- ; drop table x; 政务`;
    const q = sql`select ${odd}::text as s, ${42}::int as n, ${1.5}::float8 as f, ${null}::text as z`;
    for (const prepared of [false, true]) expect(await pinnedRows(db, 'bitmap', q, { prepared })).toEqual([{ s: odd, n: 42, f: 1.5, z: null }]);
    expect(inlined(sql`select ${"a'b"}`)).toBe(`select E'a\\'b'`);
    expect(() => inlined(sql`select ${'a\0b'}`)).toThrow();
    expect(() => inlined(sql`select ${Number.NaN}`)).toThrow();
  });

  it('prepares a statement again when the session lost it', async () => {
    const q = sql`select ${7}::int + 1 as n`;
    expect(await plainRows(db, q, { prepared: true })).toEqual([{ n: 8 }]);
    await db.execute(sql`deallocate all`);
    expect(await plainRows(db, q, { prepared: true })).toEqual([{ n: 8 }]);
  });

  it('inside a transaction, runs in it', async () => {
    const seen = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('application_name', 'pinned-test', true)`);
      const [row] = await pinnedRows<{ app: string; seq: string }>(tx as unknown as Db, 'bitmap', sql`select current_setting('application_name') as app, current_setting('enable_seqscan') as seq`);
      return row;
    });
    expect(seen).toEqual({ app: 'pinned-test', seq: 'off' });
  });
});
