import { AppError } from '../platform/errors.ts';
import { Calendar, type CalendarException } from '../platform/calendar/calendar.ts';
import { loadCalendar } from '../platform/calendar/load-calendar.ts';
import { chineseDaysExceptions, SEEDED_YEARS } from '../platform/calendar/seed-calendar.ts';
import type { CliIo } from './cli-io.ts';

/**
 * The calendar the operator's database holds (with any year an administrator entered); on a
 * machine with no database yet, the 2021–2026 data the database would be seeded with.
 */
export async function calendarForCli(io: CliIo): Promise<Calendar> {
  if (io.hasDatabase()) {
    try {
      const cli = await io.open();
      try {
        return await loadCalendar(cli.database.db);
      } finally {
        await cli.close();
      }
    } catch (err) {
      if (!/正被另一个/.test(String((err as Error).message))) throw err;
      io.err('提示：数据目录正被运行中的服务占用，使用内置的 2021–2026 年节假日数据作答。');
    }
  }
  return new Calendar(new Set(SEEDED_YEARS), chineseDaysExceptions() as CalendarException[]);
}

async function* questions(args: string[], io: CliIo): AsyncGenerator<string[]> {
  if (args[0] !== '-') {
    yield args;
    return;
  }
  for await (const line of io.stdinLines()) if (line.trim()) yield line.trim().split(/\s+/);
}

/** `calendar due START N` and `calendar day DATE`; `-` reads one question per line from stdin. */
export async function runCalendarCli(command: 'due' | 'day', args: string[], io: CliIo): Promise<number> {
  const calendar = await calendarForCli(io);
  let status = 0;
  const out: string[] = [];
  for await (const q of questions(args, io)) {
    try {
      if (command === 'due') {
        const n = Number(q[1]);
        if (q.length !== 2 || !/^\d+$/.test(q[1] ?? '')) throw new AppError('invalid', 'invalid_question', `应为“起始日期 工作日数”，收到“${q.join(' ')}”`);
        out.push(calendar.addWorkingDays(q[0], n));
      } else {
        if (q.length !== 1) throw new AppError('invalid', 'invalid_question', `应为一个日期，收到“${q.join(' ')}”`);
        out.push(calendar.isWorkingDay(q[0]) ? 'workday' : 'off');
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push(`error: ${err.message}`);
      io.err(err.message);
      status = 1;
    }
    if (out.length >= 1000) io.out(out.splice(0).join('\n') + '\n');
  }
  if (out.length) io.out(out.join('\n') + '\n');
  return status;
}
