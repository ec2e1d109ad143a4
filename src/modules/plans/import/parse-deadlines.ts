import { chineseNumber, itemNumberLength } from './numbering.ts';
import type { Deadline } from './types.ts';

/**
 * Finds deadlines in a measure's text or a time-limit cell and dates what can be dated.
 *
 * Decisions (so that the plans module can rely on them):
 * - A month without a year (`12月底前`) is in the plan's year; `次年` is the year after.
 * - `每年` duties are dated to the plan year's end: the plan covers one year, so a yearly duty must
 *   be met by then; shorter periods (每季度, 每月) stay undated, the reminder job expands them.
 * - `5个工作日内` and other reply clocks are service clocks, never plan deadlines.
 * - `印发…3个月内` cannot be dated until the event happens: `event` and `offset` are kept for that.
 * - A bare date in running text counts only with 前/之前/为止; in a time-limit column any date counts.
 */

type Unit = 'months' | 'days' | 'weeks';

export interface DeadlineContext {
  /** The plan's year; null leaves year-dependent dates null. */
  year: number | null;
  source: 'text' | 'column';
}

const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
const NUM = '(\\d{1,2}|[一二三四五六七八九十]{1,3})';
const BEFORE = '(?:前|之前|以前|为止|止)';
const EVENT_VERBS = /印发|出台|发布|公布|施行|实施|批复|下发|颁布|成立|召开|部署/u;

interface Candidate {
  start: number;
  end: number;
  deadline: Deadline;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number | null, month: number | null, day?: number | null): string | null {
  if (year === null || month === null || month < 1 || month > 12) return null;
  const d = day ?? lastDay(year, month);
  if (d < 1 || d > lastDay(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const num = (s: string | undefined): number | null => (s === undefined ? null : chineseNumber(s));

/** The clause a match sits in: back to the previous comma, full stop or bracket. */
function clauseBefore(text: string, index: number): { start: number; text: string } {
  let start = index;
  while (start > 0 && !/[，,。；;：:\n（(）)]/u.test(text[start - 1])) start--;
  return { start, text: text.slice(start, index) };
}

type Rule = {
  re: RegExp;
  columnOnly?: boolean;
  /** `start` moves the match back to take in an event's wording; `skip` drops a match in context. */
  make: (m: RegExpExecArray, ctx: DeadlineContext, text: string) => { deadline: Deadline; start?: number; skip?: boolean };
};

const RULES: Rule[] = [
  {
    re: new RegExp(`次年(?:${NUM}月(?:${NUM}日|底|末)|底|末)${BEFORE}?`, 'gu'),
    make: (m, ctx) => ({
      deadline: {
        date: isoDate(ctx.year === null ? null : ctx.year + 1, num(m[1]) ?? 12, num(m[2])),
        text: m[0],
        kind: 'year_relative',
        source: ctx.source,
      },
    }),
  },
  {
    re: new RegExp(`${YEAR}年${NUM}月${NUM}日(${BEFORE})?`, 'gu'),
    make: (m, ctx) => ({
      deadline: { date: isoDate(num(m[1]), num(m[2]), num(m[3])), text: m[0], kind: 'absolute', source: ctx.source },
      skip: ctx.source === 'text' && m[4] === undefined,
    }),
  },
  {
    re: /(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/gu,
    columnOnly: true,
    make: (m, ctx) => ({
      deadline: { date: isoDate(num(m[1]), num(m[2]), num(m[3])), text: m[0], kind: 'absolute', source: ctx.source },
    }),
  },
  {
    re: new RegExp(`(?:${YEAR}年)?${NUM}月(?:底|末)${BEFORE}?`, 'gu'),
    make: (m, ctx) => ({
      deadline: {
        date: isoDate(m[1] === undefined ? ctx.year : num(m[1]), num(m[2])),
        text: m[0],
        kind: 'absolute',
        source: ctx.source,
      },
    }),
  },
  {
    re: new RegExp(`(?<!每)(?:${YEAR}年)?第?([一二三四1-4])季度(?:前|末|底|之前|内)?`, 'gu'),
    make: (m, ctx) => {
      const year = m[1] === undefined ? ctx.year : num(m[1]);
      return {
        deadline: {
          date: isoDate(year, (num(m[2]) ?? 0) * 3),
          text: m[0],
          kind: m[1] === undefined ? 'year_relative' : 'absolute',
          source: ctx.source,
        },
      };
    },
  },
  {
    re: new RegExp(`(?<!每)(?:${YEAR}年)?(上|下)半年(?:前|末|底|之前|内)?`, 'gu'),
    make: (m, ctx) => {
      const year = m[1] === undefined ? ctx.year : num(m[1]);
      return {
        deadline: {
          date: isoDate(year, m[2] === '上' ? 6 : 12),
          text: m[0],
          kind: m[1] === undefined ? 'year_relative' : 'absolute',
          source: ctx.source,
        },
      };
    },
  },
  {
    re: new RegExp(`${YEAR}年(?:底|末)${BEFORE}?|(?<![\\d〇零一二两三四五六七八九十每次])(?:本|今|当)?年(?:底|末|内)${BEFORE}?|全年`, 'gu'),
    make: (m, ctx) => ({
      deadline: {
        date: isoDate(m[1] === undefined ? ctx.year : num(m[1]), 12),
        text: m[0],
        kind: m[1] === undefined ? 'year_relative' : 'absolute',
        source: ctx.source,
      },
    }),
  },
  {
    re: /每(半年|年|季度|季|月|周)/gu,
    make: (m, ctx) => {
      const recurrence = ({ 半年: 'halfyear', 年: 'year', 季度: 'quarter', 季: 'quarter', 月: 'month', 周: 'week' } as const)[
        m[1] as '半年' | '年' | '季度' | '季' | '月' | '周'
      ];
      return {
        deadline: {
          date: recurrence === 'year' ? isoDate(ctx.year, 12) : null,
          text: m[0],
          kind: 'recurring',
          source: ctx.source,
          recurrence,
        },
      };
    },
  },
  {
    re: /法定(?:期限|时限)内/gu,
    make: (m, ctx) => ({ deadline: { date: null, text: m[0], kind: 'statutory', source: ctx.source } }),
  },
  {
    re: /(\d+|[一二两三四五六七八九十]+)个?(工作日|自然日|日|天|周|星期|月)内/gu,
    make: (m, ctx, text) => {
      const n = chineseNumber(m[1]) ?? 0;
      if (m[2] === '工作日')
        return { deadline: { date: null, text: m[0], kind: 'service_clock', source: ctx.source, workingDays: n } };
      const unit: Unit = m[2] === '月' ? 'months' : m[2] === '周' || m[2] === '星期' ? 'weeks' : 'days';
      const clause = clauseBefore(text, m.index);
      if (EVENT_VERBS.test(clause.text)) {
        // Keep the event itself (`市政府有关部门印发基层政务公开标准指引`) so it can be dated when it happens.
        const start = clause.start + itemNumberLength(clause.text);
        const event = text
          .slice(start, m.index)
          .replace(/^(?:在|于|自|从)/u, '')
          .replace(/(?:之日起|之日|以后|后|起)$/u, '');
        return {
          start,
          deadline: {
            date: null,
            text: text.slice(start, m.index + m[0].length),
            kind: 'event',
            source: ctx.source,
            event,
            offset: { [unit]: n },
          },
        };
      }
      if (unit === 'days')
        return { deadline: { date: null, text: m[0], kind: 'service_clock', source: ctx.source, days: n } };
      // `3个月内完成` names no event: kept as one with an empty event, for the office to anchor (usually the issue date).
      return { deadline: { date: null, text: m[0], kind: 'event', source: ctx.source, event: '', offset: { [unit]: n } } };
    },
  },
  {
    re: /持续推进|持续|长期坚持|长期|常态化|及时|随时|定期/gu,
    columnOnly: true,
    make: (m, ctx) => ({ deadline: { date: null, text: m[0], kind: 'ongoing', source: ctx.source } }),
  },
];

export function parseDeadlines(text: string, ctx: DeadlineContext): Deadline[] {
  const candidates: Candidate[] = [];
  for (const rule of RULES) {
    if (rule.columnOnly && ctx.source !== 'column') continue;
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(text); m !== null; m = rule.re.exec(text)) {
      const made = rule.make(m, ctx, text);
      if (made.skip) continue;
      candidates.push({ start: made.start ?? m.index, end: m.index + m[0].length, deadline: made.deadline });
    }
  }
  // Earliest, then longest wins: `次年1月底前` is not also `1月底前`.
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Deadline[] = [];
  let taken = -1;
  let ongoing: Deadline | null = null;
  for (const c of candidates) {
    if (c.start < taken) continue;
    taken = c.end;
    if (c.deadline.kind === 'ongoing') {
      ongoing ??= c.deadline;
      continue;
    }
    if (!out.some((d) => d.kind === c.deadline.kind && d.date === c.deadline.date && d.text === c.deadline.text))
      out.push(c.deadline);
  }
  // 持续推进 only says something when the cell names no date.
  if (out.length === 0 && ongoing) out.push(ongoing);
  return out;
}
