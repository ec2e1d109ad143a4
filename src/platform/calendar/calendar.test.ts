import { isWorkday } from 'chinese-days';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.ts';
import { auditLog, ledgerItems } from '../../db/schema/index.ts';
import { createTestDatabase } from '../../testing/test-db.ts';
import type { Actor } from '../context.ts';
import { Calendar, type CalendarException } from './calendar.ts';
import { addDays } from './dates.ts';
import { onCalendarChanged } from './calendar-listeners.ts';
import { isProvisionalDue, loadCalendar } from './load-calendar.ts';
import { chineseDaysExceptions, seedCalendar, SEEDED_YEARS } from './seed-calendar.ts';
import { setCalendarYear } from './set-calendar-year.ts';
import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { openLedgerItem } from '../ledger/open-ledger-item.ts';
import { registerLedgerCalendarListener } from '../ledger/ledger-jobs.ts';


const builtIn = () => new Calendar(new Set(SEEDED_YEARS), chineseDaysExceptions() as CalendarException[]);

describe('working-day calendar (pure)', () => {
  const cal = builtIn();

  it('agrees with chinese-days on every day of 2021–2026', () => {
    let days = 0;
    for (let d = '2021-01-01'; d <= '2026-12-31'; d = addDays(d, 1)) {
      expect(cal.isWorkingDay(d), d).toBe(isWorkday(d));
      days++;
    }
    expect(days).toBe(2191);
  });

  it('counts from the day after the start, across National Day and its make-up Saturday', () => {
    expect(cal.addWorkingDays('2021-09-29', 5)).toBe('2021-10-12');
    expect(cal.isWorkingDay('2021-10-09')).toBe(true);
    expect(cal.isWorkingDay('2021-10-07')).toBe(false);
    expect(cal.addWorkingDays('2021-09-29', 0)).toBe('2021-09-29');
    expect(cal.nextWorkingDay('2021-09-30')).toBe('2021-10-08');
  });

  it('gives the 20-working-day reply clock of a request received before Spring Festival 2024', () => {
    // 2024-01-31 received; 2/4 and 2/18 are make-up Sundays; 2/10–17 off; the 19th working day is 3/1 (Fri).
    expect(cal.addWorkingDays('2024-01-31', 20)).toBe('2024-03-04');
  });

  it('counts working days between two dates, start excluded', () => {
    expect(cal.workingDaysBetween('2021-09-29', '2021-10-12')).toBe(5);
    expect(cal.workingDaysBetween('2021-10-12', '2021-09-29')).toBe(0);
  });

  it('refuses a date past the known calendar instead of guessing', () => {
    expect(() => cal.isWorkingDay('2027-01-04')).toThrow(/calendar not yet published for 2027/);
    expect(() => cal.addWorkingDays('2026-12-28', 10)).toThrow(/2027/);
    expect(() => cal.isWorkingDay('2021-02-30')).toThrow(/格式不正确/);
  });

  it('gives a provisional due date past the known calendar (Monday to Friday), and says it is provisional', () => {
    // 2026-12-24 (Thu) + 15: Dec 25, 28–31 (5), then 2027 counted Monday–Friday: Jan 1, 4–8, 11–14 (10).
    expect(cal.provisionalWorkingDays('2026-12-24', 15)).toBe('2027-01-14');
    expect(cal.isProvisional('2027-01-14', '2026-12-24')).toBe(true);
    // Inside the known years it is the calendar's own answer, not provisional.
    expect(cal.provisionalWorkingDays('2026-09-29', 5)).toBe(cal.addWorkingDays('2026-09-29', 5));
    expect(cal.isProvisional(cal.addWorkingDays('2026-09-29', 5), '2026-09-29')).toBe(false);
    // A start in an unknown year (January before the notice is entered) still has a date.
    expect(cal.provisionalWorkingDays('2027-01-08', 5)).toBe('2027-01-15');
    // An unknown year crossed between two known ones makes the date provisional.
    const gap = new Calendar(new Set([2026, 2028]), []);
    expect(gap.isProvisional('2028-01-05', '2026-12-30')).toBe(true);
    expect(() => cal.provisionalWorkingDays('2026-13-01', 1)).toThrow(/格式不正确/);
    expect(() => cal.provisionalWorkingDays('2026-12-01', -1)).toThrow(/工作日数/);
  });
});

describe('calendar in the database', () => {
  let database: Database;
  const admin: Actor = { id: '00000000-0000-0000-0000-000000000001', username: 'cal', name: '日历管理员', unitId: '00000000-0000-0000-0000-000000000002', roles: ['office_admin'] };
  let provisionalItem = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    await seedCalendar(database.db);
  });
  afterAll(() => database.close());

  it('is seeded 2021–2026 and answers like the built-in data', async () => {
    const cal = await loadCalendar(database.db);
    expect([...cal.years].sort()).toEqual(SEEDED_YEARS);
    expect(cal.addWorkingDays('2021-09-29', 5)).toBe('2021-10-12');
  });

  it('dates a ledger item provisionally past the entered years', async () => {
    registerLedgerCalendarListener();
    const item = await openLedgerItem({ db: database.db, actor: null }, { subjectType: 'test', subjectId: randomUUID(), title: '跨年事项', unitId: null, receivedOn: '2026-12-28', workingDays: 5 });
    // 12-29, 30, 31, then 2027 counted Monday–Friday: 1 (元旦, not yet known), 4.
    expect(item.dueDate).toBe('2027-01-04');
    expect(await isProvisionalDue(database.db, item.dueDate, item.receivedOn)).toBe(true);
    expect(await isProvisionalDue(database.db, '2026-12-31', '2026-12-28')).toBe(false);
    provisionalItem = item.id;
  });

  it('lets an administrator enter 2027, audited, and recomputes registered deadlines', async () => {
    let seen = 0;
    onCalendarChanged('test-listener', async (_tx, cal) => {
      seen = cal.years.has(2027) ? 1 : 0;
      return 3;
    });
    const result = await setCalendarYear(
      { db: database.db, actor: admin },
      { year: 2027, note: '国办发明电〔2026〕测试', days: [{ date: '2027-01-01', kind: 'off', name: '元旦' }, { date: '2027-02-06', kind: 'work', name: '春节调休上班' }] },
    );
    expect(result.recomputed['test-listener']).toBe(3);
    expect(seen).toBe(1);
    // The provisional due date moves past 元旦 now that 2027 is known.
    expect(result.recomputed.ledger).toBe(1);
    const [moved] = await database.db.select().from(ledgerItems).where(eq(ledgerItems.id, provisionalItem));
    expect(moved.dueDate).toBe('2027-01-05');
    const cal = await loadCalendar(database.db);
    expect(cal.isWorkingDay('2027-01-01')).toBe(false);
    expect(cal.isWorkingDay('2027-02-06')).toBe(true);
    expect(cal.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    const rows = await database.db.select().from(auditLog).where(eq(auditLog.action, 'calendar.set_year'));
    expect(rows).toHaveLength(1);
    expect(rows[0].entityId).toBe('2027');
  });

  it('refuses a day outside the year and writes nothing', async () => {
    await expect(
      setCalendarYear({ db: database.db, actor: admin }, { year: 2028, days: [{ date: '2029-01-01', kind: 'off', name: '元旦' }] }),
    ).rejects.toMatchObject({ code: 'date_outside_year' });
    const cal = await loadCalendar(database.db);
    expect(cal.years.has(2028)).toBe(false);
  });

  it('refuses duplicates and non-administrators', async () => {
    await expect(
      setCalendarYear({ db: database.db, actor: admin }, { year: 2028, days: [{ date: '2028-01-01', kind: 'off', name: '元旦' }, { date: '2028-01-01', kind: 'work', name: 'x' }] }),
    ).rejects.toMatchObject({ code: 'duplicate_date' });
    await expect(
      setCalendarYear({ db: database.db, actor: { ...admin, roles: ['liaison'] } }, { year: 2028, days: [] }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });
});
