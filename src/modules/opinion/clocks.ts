import { MAJOR_LEVELS } from './kinds.ts';

export interface ClockSettings {
  authoritativeHours: number;
  pressConferenceHours: number;
  responseHours: number;
  remindBeforeHours: number;
}

export const DEFAULT_CLOCKS: ClockSettings = { authoritativeHours: 5, pressConferenceHours: 24, responseHours: 48, remindBeforeHours: 2 };

export type ClockKind = 'authoritative' | 'press_conference' | 'response';
export const CLOCK_LABEL: Record<ClockKind, string> = { authoritative: '发布权威信息', press_conference: '召开新闻发布会', response: '回应' };
/** met: done in time; late: done after the limit; open: not done, still in time; overdue: not done, past the limit. */
export type ClockState = 'met' | 'late' | 'open' | 'overdue';

export interface Clock {
  kind: ClockKind;
  hours: number;
  dueAt: Date;
  doneAt: Date | null;
  state: ClockState;
  /** Hours from first seen to done (or to now, while open). */
  elapsedHours: number;
}

interface Response {
  at: Date;
  responseKind: string | null;
}

/**
 * The clocks of one event (ogi-rules §9; hours on the clock, not working days): for 特别重大 / 重大,
 * authoritative information (any response) within `authoritativeHours` and a 新闻发布会 within
 * `pressConferenceHours`; for the other levels, a response within `responseHours`.
 */
export function eventClocks(event: { level: string; firstSeenAt: Date }, responses: Response[], s: ClockSettings, now: Date): Clock[] {
  const sorted = [...responses].sort((a, b) => a.at.getTime() - b.at.getTime());
  const firstAny = sorted[0]?.at ?? null;
  const firstPress = sorted.find((r) => r.responseKind === '新闻发布会')?.at ?? null;
  const wanted: [ClockKind, number, Date | null][] = MAJOR_LEVELS.includes(event.level)
    ? [
        ['authoritative', s.authoritativeHours, firstAny],
        ['press_conference', s.pressConferenceHours, firstPress],
      ]
    : [['response', s.responseHours, firstAny]];
  return wanted.map(([kind, hours, doneAt]) => {
    const dueAt = new Date(event.firstSeenAt.getTime() + hours * 3_600_000);
    const end = doneAt ?? now;
    const state: ClockState = doneAt ? (doneAt <= dueAt ? 'met' : 'late') : now <= dueAt ? 'open' : 'overdue';
    return { kind, hours, dueAt, doneAt, state, elapsedHours: Math.max(0, Math.round(((end.getTime() - event.firstSeenAt.getTime()) / 3_600_000) * 10) / 10) };
  });
}
