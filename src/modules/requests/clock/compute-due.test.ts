import { describe, expect, it } from 'vitest';
import { Calendar, type CalendarException } from '../../../platform/calendar/calendar.ts';
import { chineseDaysExceptions, SEEDED_YEARS } from '../../../platform/calendar/seed-calendar.ts';
import { computeDue, parseClockEvents, type ClockEvent } from './compute-due.ts';

/** The published 2021–2026 calendar the database is seeded with (checked against ogi-rules §1 in calendar.test.ts). */
const cal = new Calendar(new Set(SEEDED_YEARS), chineseDaysExceptions() as CalendarException[]);
const due = (events: unknown[], feePausesClock = true) => computeDue(parseClockEvents(events), cal, { feePausesClock });
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code: string }).code;
  }
  return 'no error';
};
const R = (date: string): ClockEvent => ({ type: 'received', date });

describe('the reply clock, computed by hand', () => {
  it('20 working days over 国庆 2021 with the make-up Saturday 10/9', () => {
    // R = Wed 2021-09-29. 9/30 Thu =1; 10/1–7 holiday; 10/8 Fri =2; 10/9 Sat (调休上班) =3;
    // 10/11–15 =4..8; 10/18–22 =9..13; 10/25–29 =14..18; 11/1 =19; 11/2 =20.
    expect(due([R('2021-09-29')])).toMatchObject({ due: '2021-11-02', countFrom: '2021-09-29', pausedDays: 0, extendedDays: 0 });
  });

  it('over 春节 2022 with the make-up weekend 1/29–30 before it', () => {
    // R = Wed 2022-01-26. 1/27 =1; 1/28 =2; 1/29 Sat (work) =3; 1/30 Sun (work) =4; 1/31–2/6 holiday;
    // 2/7–11 =5..9; 2/14–18 =10..14; 2/21–25 =15..19; 2/28 =20.
    expect(due([R('2022-01-26')]).due).toBe('2022-02-28');
  });

  it('over 春节 2026 with make-up Saturdays 2/14 and 2/28', () => {
    // R = Tue 2026-02-10. 2/11 =1; 2/12 =2; 2/13 =3; 2/14 Sat (work) =4; 2/15–23 holiday;
    // 2/24 =5; 2/25 =6; 2/26 =7; 2/27 =8; 2/28 Sat (work) =9; 3/2–6 =10..14; 3/9–13 =15..19; 3/16 =20.
    expect(due([R('2026-02-10')]).due).toBe('2026-03-16');
  });

  it('over 中秋+国庆 2023 (9/29–10/6, make-up 10/7 and 10/8)', () => {
    // R = Wed 2023-09-27. 9/28 =1; 9/29–10/6 holiday; 10/7 Sat =2; 10/8 Sun =3; 10/9–13 =4..8;
    // 10/16–20 =9..13; 10/23–27 =14..18; 10/30 =19; 10/31 =20.
    expect(due([R('2023-09-27')]).due).toBe('2023-10-31');
  });

  it('a 补正 sent within 7 working days restarts counting from the correction', () => {
    // R = 2021-09-29; window: 9/30 =1, 10/8 =2, 10/9 =3, 10/11 =4, 10/12 =5, 10/13 =6, 10/14 =7.
    // Sent 10/8 (in time), correction arrives Wed 10/20: count from 10/20.
    // 10/21 =1; 10/22 =2; 10/25–29 =3..7; 11/1–5 =8..12; 11/8–12 =13..17; 11/15 =18; 11/16 =19; 11/17 =20.
    const events = [
      { type: 'correction_received', date: '2021-10-20' },
      R('2021-09-29'),
      { type: 'correction_sent', date: '2021-10-08' },
    ];
    expect(due(events)).toMatchObject({ due: '2021-11-17', countFrom: '2021-10-20', correctionWindowEnds: '2021-10-14' });
  });

  it('a 补正 sent on the 8th working day restarts nothing', () => {
    // 10/15 is the 8th working day after 9/29: counting stays from R → 2021-11-02.
    const events = [R('2021-09-29'), { type: 'correction_sent', date: '2021-10-15' }, { type: 'correction_received', date: '2021-10-20' }];
    expect(due(events)).toMatchObject({ due: '2021-11-02', countFrom: '2021-09-29' });
    // sent on the 7th working day (10/14) still counts: from 10/20 → 11/17
    expect(due([R('2021-09-29'), { type: 'correction_sent', date: '2021-10-14' }, { type: 'correction_received', date: '2021-10-20' }]).due).toBe('2021-11-17');
  });

  it('a timely 补正 still waiting for the applicant has no due date yet', () => {
    expect(due([R('2021-09-29'), { type: 'correction_sent', date: '2021-10-08' }])).toMatchObject({ due: null, countFrom: null, awaitingCorrection: true });
  });

  it('a consultation over 春节 2024 pauses the working days after S through E', () => {
    // R = Fri 2024-02-02. 2/4 Sun (work) =1; 2/5 =2; 2/6 Tue =3 (S: itself counted);
    // 2/7, 2/8 paused (E = 2/8); 2/9 =4; 2/10–17 holiday; 2/18 Sun (work) =5; 2/19–23 =6..10;
    // 2/26–3/1 =11..15; 3/4–8 =16..20.
    const events = [R('2024-02-02'), { type: 'consultation_ended', date: '2024-02-08' }, { type: 'consultation_started', date: '2024-02-06' }];
    expect(due(events)).toMatchObject({ due: '2024-03-08', pausedDays: 2 });
  });

  it('an unanswered consultation pauses 15 working days', () => {
    // R = 2021-09-29; S = 9/30 (counted =1). E = 9/30 + 15: 10/8 =1, 10/9 =2, 10/11–15 =3..7,
    // 10/18–22 =8..12, 10/25 =13, 10/26 =14, 10/27 =15. Paused 10/8…10/27 (15 days).
    // 10/28 =2; 10/29 =3; 11/1–5 =4..8; 11/8–12 =9..13; 11/15–19 =14..18; 11/22 =19; 11/23 =20.
    const r = due([R('2021-09-29'), { type: 'consultation_started', date: '2021-09-30' }]);
    expect(r).toMatchObject({ due: '2021-11-23', pausedDays: 15 });
    // an answer after the 15 days ends nothing later: the same result
    expect(due([R('2021-09-29'), { type: 'consultation_started', date: '2021-09-30' }, { type: 'consultation_ended', date: '2021-11-10' }]).due).toBe('2021-11-23');
  });

  it('overlapping consultations pause each working day once', () => {
    // S1 10/11 → E1 10/13 pauses 10/12, 10/13; S2 10/12 → E2 10/14 pauses 10/13, 10/14: union 10/12–14 (3).
    // 9/30 =1; 10/8 =2; 10/9 =3; 10/11 =4; 10/15 =5; 10/18–22 =6..10; 10/25–29 =11..15; 11/1–5 =16..20.
    const events = [
      R('2021-09-29'),
      { type: 'consultation_started', date: '2021-10-11' },
      { type: 'consultation_started', date: '2021-10-12' },
      { type: 'consultation_ended', date: '2021-10-14' },
      { type: 'consultation_ended', date: '2021-10-13' },
    ];
    expect(due(events)).toMatchObject({ due: '2021-11-05', pausedDays: 3 });
  });

  it('one extension of 20 working days, counted the same way', () => {
    // 2021-11-02 + 20: 11/3–5 =1..3; 11/8–12 =4..8; 11/15–19 =9..13; 11/22–26 =14..18; 11/29 =19; 11/30 =20.
    expect(due([R('2021-09-29'), { type: 'extended', days: 20 }])).toMatchObject({ due: '2021-11-30', extendedDays: 20 });
  });

  it('the fee payment period pauses the clock when the setting says so (default)', () => {
    // Notice received Mon 10/11, paid Wed 10/13: 10/12, 10/13 paused.
    // 9/30 =1; 10/8 =2; 10/9 =3; 10/11 =4; 10/14 =5; 10/15 =6; 10/18–22 =7..11; 10/25–29 =12..16; 11/1–4 =17..20.
    const events = [R('2021-09-29'), { type: 'fee_notice_received', date: '2021-10-11' }, { type: 'fee_paid', date: '2021-10-13' }];
    expect(due(events)).toMatchObject({ due: '2021-11-04', pausedDays: 2 });
    expect(due(events, false)).toMatchObject({ due: '2021-11-02', pausedDays: 0 });
  });

  it('correction, consultation and extension together', () => {
    // From C = 10/20 (as above): 10/21 =1; 10/22 =2; consultation S = 10/25 =3, E = 10/27: 10/26, 10/27 paused;
    // 10/28 =4; 10/29 =5; 11/1–5 =6..10; 11/8–12 =11..15; 11/15–19 =16..20 → 11/19; +5 extension: 11/22–26 → 11/26.
    const events = [
      R('2021-09-29'),
      { type: 'correction_sent', date: '2021-10-08' },
      { type: 'correction_received', date: '2021-10-20' },
      { type: 'consultation_started', date: '2021-10-25' },
      { type: 'consultation_ended', date: '2021-10-27' },
      { type: 'extended', days: 5 },
    ];
    expect(due(events)).toEqual(expect.objectContaining({ due: '2021-11-26', countFrom: '2021-10-20', pausedDays: 2, extendedDays: 5 }));
  });
});

describe('impossible timelines', () => {
  it('are refused with stable codes', () => {
    expect(code(() => due([R('2021-09-29'), { type: 'correction_sent', date: '2021-10-08' }, { type: 'correction_received', date: '2021-10-01' }]))).toBe('correction_before_notice');
    expect(code(() => due([R('2021-09-29'), { type: 'correction_received', date: '2021-10-08' }]))).toBe('correction_without_notice');
    expect(code(() => due([R('2021-09-29'), { type: 'extended', days: 21 }]))).toBe('extension_too_long');
    expect(code(() => due([R('2021-09-29'), { type: 'extended', days: 10 }, { type: 'extended', days: 5 }]))).toBe('extension_twice');
    expect(code(() => due([R('2021-09-29'), { type: 'extended', days: 0 }]))).toBe('invalid_extension');
    expect(code(() => due([R('2021-09-29'), { type: 'extended', days: 2.5 }]))).toBe('invalid_extension');
    expect(code(() => due([R('2027-03-01')]))).toBe('calendar_not_published');
    // the reply period running into an unpublished year is refused too, not guessed
    expect(code(() => due([R('2026-12-15')]))).toBe('calendar_not_published');
    expect(code(() => due([R('2021-09-29'), { type: 'consultation_started', date: '2021-09-28' }]))).toBe('before_receipt');
    expect(code(() => due([R('2021-09-29'), { type: 'consultation_ended', date: '2021-10-08' }]))).toBe('consultation_end_without_start');
    expect(code(() => due([R('2021-09-29'), { type: 'consultation_started', date: '2021-10-11' }, { type: 'consultation_ended', date: '2021-10-08' }]))).toBe(
      'consultation_end_without_start',
    );
    expect(code(() => due([R('2021-09-29'), { type: 'fee_paid', date: '2021-10-08' }]))).toBe('fee_end_without_start');
    expect(code(() => due([{ type: 'correction_sent', date: '2021-10-08' }]))).toBe('missing_receipt');
    expect(code(() => due([R('2021-09-29'), R('2021-09-30')]))).toBe('receipt_twice');
    expect(code(() => due([R('2021-02-30')]))).toBe('invalid_date');
    expect(code(() => due([{ type: 'opened', date: '2021-09-30' }]))).toBe('invalid_event');
    expect(code(() => computeDue(parseClockEvents('x' as never), cal))).toBe('invalid_events');
    expect(code(() => due(Array.from({ length: 201 }, () => R('2021-09-29'))))).toBe('too_many_events');
  });
});
