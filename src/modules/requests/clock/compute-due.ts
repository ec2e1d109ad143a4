import { AppError, invalid } from '../../../platform/errors.ts';
import type { Calendar } from '../../../platform/calendar/calendar.ts';
import { addDays, isValidDate } from '../../../platform/calendar/dates.ts';

/**
 * The reply clock of an information request (条例 第30–34条; shared/domain/ogi-rules.md §2) —
 * the one implementation: the server, the lists, the calendar listener and `gongkai request due`
 * all call computeDue. Pure over the case's events and the platform calendar.
 *
 * 1. Count from the receipt date R; if the (first) 补正 notice went out within 7 working days of R
 *    and the correction arrived on C, count from C. A later notice restarts nothing.
 * 2. Each consultation sent on S and answered on E (no answer, or a late one: E = S + 15 working days)
 *    pauses the clock: the working days after S up to and including E are not counted.
 * 3. The fee notice (received on S, paid on E; unpaid: E = S + 20 working days) pauses it the same way
 *    when the setting says so (default yes).
 * 4. Due = the 20th counted working day after the day counted from, plus the extension (once, ≤ 20).
 */

export const REPLY_WORKING_DAYS = 20;
export const CORRECTION_NOTICE_WINDOW = 7;
export const CONSULTATION_ANSWER_DAYS = 15;
export const MAX_EXTENSION_DAYS = 20;
export const FEE_PAYMENT_DAYS = 20;
export const MAX_EVENTS = 200;

export type ClockEvent =
  | { type: 'received'; date: string }
  | { type: 'correction_sent'; date: string }
  | { type: 'correction_received'; date: string }
  | { type: 'consultation_started'; date: string }
  | { type: 'consultation_ended'; date: string }
  | { type: 'extended'; days: number; date?: string }
  | { type: 'fee_notice_received'; date: string }
  | { type: 'fee_paid'; date: string };

export const CLOCK_EVENT_TYPES = [
  'received',
  'correction_sent',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'extended',
  'fee_notice_received',
  'fee_paid',
] as const;

export interface ClockSettings {
  /** Whether the fee notice's payment period pauses the reply clock (ogi-rules §2.4; default yes). */
  feePausesClock: boolean;
}
export const DEFAULT_CLOCK_SETTINGS: ClockSettings = { feePausesClock: true };

export interface DueResult {
  /** The reply due date; null while a 补正 sent in time waits for the applicant (the clock restarts on its arrival). */
  due: string | null;
  /** The day counting starts after (R, or C after a timely correction); null while waiting for the correction. */
  countFrom: string | null;
  /** Working days not counted (pauses) between countFrom and the due date. */
  pausedDays: number;
  extendedDays: number;
  /** Last day for a 补正 notice that restarts the clock: the 7th working day after R. */
  correctionWindowEnds: string;
  /** True while a timely 补正 waits for the applicant's correction. */
  awaitingCorrection: boolean;
  /** Pause intervals applied (exclusive start, inclusive end), after capping unanswered ones. */
  pauses: { kind: 'consultation' | 'fee'; from: string; to: string }[];
}

const clockError = (code: string, message: string) => new AppError('invalid', code, message);

function dateOf(e: { type: string; date?: unknown }, index: number): string {
  const d = e.date;
  if (typeof d !== 'string' || !isValidDate(d)) {
    throw invalid('invalid_date', `第 ${index + 1} 个事件（${e.type}）的日期“${String(d ?? '')}”格式不正确，应为 YYYY-MM-DD`);
  }
  return d;
}

/** Checks the shape of raw events (from JSON) and returns them typed; errors carry stable codes. */
export function parseClockEvents(raw: unknown): ClockEvent[] {
  if (!Array.isArray(raw)) throw invalid('invalid_events', '应为事件数组（events）');
  if (raw.length > MAX_EVENTS) throw invalid('too_many_events', `事件不能超过 ${MAX_EVENTS} 个`);
  return raw.map((e, i): ClockEvent => {
    if (!e || typeof e !== 'object') throw invalid('invalid_event', `第 ${i + 1} 个事件应为对象`);
    const ev = e as { type?: unknown; date?: unknown; days?: unknown };
    if (typeof ev.type !== 'string' || !(CLOCK_EVENT_TYPES as readonly string[]).includes(ev.type)) {
      throw invalid('invalid_event', `第 ${i + 1} 个事件的类型“${String(ev.type ?? '')}”无法识别，应为 ${CLOCK_EVENT_TYPES.join('、')} 之一`);
    }
    if (ev.type === 'extended') {
      if (typeof ev.days !== 'number' || !Number.isInteger(ev.days) || ev.days < 1) {
        throw invalid('invalid_extension', `延期天数应为正整数（工作日），收到“${String(ev.days ?? '')}”`);
      }
      if (ev.days > MAX_EXTENSION_DAYS) throw clockError('extension_too_long', `延期最长 ${MAX_EXTENSION_DAYS} 个工作日（条例第三十三条），收到 ${ev.days} 个`);
      return ev.date === undefined ? { type: 'extended', days: ev.days } : { type: 'extended', days: ev.days, date: dateOf(ev as never, i) };
    }
    return { type: ev.type as Exclude<ClockEvent['type'], 'extended'>, date: dateOf(ev as never, i) } as ClockEvent;
  });
}

/** Pairs each start with the earliest unused end on or after it (any order of events; repeats allowed). */
function pairPauses(starts: string[], ends: string[], what: string): { start: string; end: string | null }[] {
  const s = [...starts].sort();
  const e = [...ends].sort();
  const pairs: { start: string; end: string | null }[] = [];
  const used = new Set<number>();
  for (const start of s) {
    const j = e.findIndex((d, k) => !used.has(k) && d >= start);
    if (j >= 0) used.add(j);
    pairs.push({ start, end: j >= 0 ? e[j] : null });
  }
  const stray = e.filter((_, k) => !used.has(k));
  if (stray.length) {
    const earliest = s[0];
    throw clockError(
      `${what}_end_without_start`,
      earliest && stray[0] < earliest
        ? `${what === 'consultation' ? '征求意见答复' : '缴费'}日期 ${stray[0]} 早于发出日期 ${earliest}`
        : `${what === 'consultation' ? '征求意见答复' : '缴费'}（${stray[0]}）没有对应的${what === 'consultation' ? '征求意见发出' : '收费通知'}`,
    );
  }
  return pairs;
}

/**
 * Day look-ups memoised per calendar instance (a calendar is never changed in place: a change loads a
 * new one), so recomputing thousands of cases walks each day once.
 */
const memo = new WeakMap<Calendar, { working: Map<string, boolean>; next: Map<string, string>; add: Map<string, string> }>();
function daysOf(calendar: Calendar) {
  let m = memo.get(calendar);
  if (!m) memo.set(calendar, (m = { working: new Map(), next: new Map(), add: new Map() }));
  const { working, next, add } = m;
  return {
    isWorking(d: string): boolean {
      let w = working.get(d);
      if (w === undefined) working.set(d, (w = calendar.isWorkingDay(d)));
      return w;
    },
    next(d: string): string {
      let n = next.get(d);
      if (n === undefined) next.set(d, (n = addDays(d, 1)));
      return n;
    },
    addWorking(d: string, n: number): string {
      const key = `${d}|${n}`;
      let r = add.get(key);
      if (r === undefined) add.set(key, (r = calendar.addWorkingDays(d, n)));
      return r;
    },
  };
}

export function computeDue(events: readonly ClockEvent[], calendar: Calendar, settings: ClockSettings = DEFAULT_CLOCK_SETTINGS): DueResult {
  const days = daysOf(calendar);
  const received = events.filter((e) => e.type === 'received');
  if (received.length === 0) throw clockError('missing_receipt', '缺少收到申请的日期（received）');
  if (received.length > 1) throw clockError('receipt_twice', '收到申请的日期只能有一个');
  const R = received[0].date;
  // Every date must be in the published calendar (the calendar's own error for an unknown year).
  for (const e of events) if ('date' in e && e.date) days.isWorking(e.date);
  for (const e of events) {
    if ('date' in e && e.date && e.date < R) throw clockError('before_receipt', `事件（${e.type}）的日期 ${e.date} 早于收到申请的日期 ${R}`);
  }

  // 1. 补正
  const sent = events.filter((e) => e.type === 'correction_sent').map((e) => (e as { date: string }).date).sort();
  const arrived = events.filter((e) => e.type === 'correction_received').map((e) => (e as { date: string }).date).sort();
  const correctionWindowEnds = days.addWorking(R, CORRECTION_NOTICE_WINDOW);
  if (arrived.length && !sent.length) throw clockError('correction_without_notice', `补正材料（${arrived[0]}）没有对应的补正通知`);
  if (arrived.length && arrived[0] < sent[0]) throw clockError('correction_before_notice', `补正材料收到日期 ${arrived[0]} 早于补正通知发出日期 ${sent[0]}`);
  let countFrom = R;
  let awaitingCorrection = false;
  if (sent.length && sent[0] <= correctionWindowEnds) {
    if (arrived.length) countFrom = arrived[0];
    else awaitingCorrection = true;
  }

  // 4. extension
  const ext = events.filter((e) => e.type === 'extended') as { days: number }[];
  if (ext.length > 1) throw clockError('extension_twice', '延期只能一次（条例第三十三条）');
  const extendedDays = ext[0]?.days ?? 0;
  if (extendedDays > MAX_EXTENSION_DAYS) throw clockError('extension_too_long', `延期最长 ${MAX_EXTENSION_DAYS} 个工作日`);

  // 2, 3. pauses
  const dates = (t: ClockEvent['type']) => events.filter((e) => e.type === t).map((e) => (e as { date: string }).date);
  const pauses: DueResult['pauses'] = [];
  for (const p of pairPauses(dates('consultation_started'), dates('consultation_ended'), 'consultation')) {
    const limit = days.addWorking(p.start, CONSULTATION_ANSWER_DAYS);
    pauses.push({ kind: 'consultation', from: p.start, to: p.end && p.end < limit ? p.end : limit });
  }
  const feeStarts = dates('fee_notice_received');
  const feeEnds = dates('fee_paid');
  const feePairs = pairPauses(feeStarts, feeEnds, 'fee');
  if (settings.feePausesClock) {
    for (const p of feePairs) {
      const limit = days.addWorking(p.start, FEE_PAYMENT_DAYS);
      pauses.push({ kind: 'fee', from: p.start, to: p.end && p.end < limit ? p.end : limit });
    }
  }

  if (awaitingCorrection) {
    return { due: null, countFrom: null, pausedDays: 0, extendedDays, correctionWindowEnds, awaitingCorrection, pauses };
  }

  const target = REPLY_WORKING_DAYS + extendedDays;
  // Without pauses the due date is the target-th working day after countFrom, memoised per calendar.
  if (!pauses.length) return { due: days.addWorking(countFrom, target), countFrom, pausedDays: 0, extendedDays, correctionWindowEnds, awaitingCorrection, pauses };
  const paused = (d: string) => pauses.some((p) => d > p.from && d <= p.to);
  let counted = 0;
  let pausedDays = 0;
  let d = countFrom;
  while (counted < target) {
    d = days.next(d);
    if (!days.isWorking(d)) continue;
    if (paused(d)) pausedDays++;
    else counted++;
  }
  return { due: d, countFrom, pausedDays, extendedDays, correctionWindowEnds, awaitingCorrection, pauses };
}
