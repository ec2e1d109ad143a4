import { describe, expect, it } from 'vitest';
import { DEFAULT_CLOCKS, eventClocks } from './clocks.ts';
import { commitmentState } from './commitment-state.ts';

const seen = new Date('2026-03-01T08:00:00+08:00');
const h = (n: number) => new Date(seen.getTime() + n * 3_600_000);

describe('opinion clocks (hours on the clock, ogi-rules §9)', () => {
  it('gives 特别重大 and 重大 events the 5-hour and 24-hour clocks', () => {
    const clocks = eventClocks({ level: '重大', firstSeenAt: seen }, [], DEFAULT_CLOCKS, h(3));
    expect(clocks.map((c) => [c.kind, c.hours, c.state])).toEqual([
      ['authoritative', 5, 'open'],
      ['press_conference', 24, 'open'],
    ]);
    expect(clocks[0].dueAt.toISOString()).toBe('2026-03-01T05:00:00.000Z');
  });

  it('meets the 5-hour clock with any response and the 24-hour clock only with a 新闻发布会', () => {
    const clocks = eventClocks({ level: '特别重大', firstSeenAt: seen }, [{ at: h(4.5), responseKind: '发布权威信息' }, { at: h(30), responseKind: '新闻发布会' }], DEFAULT_CLOCKS, h(40));
    expect(clocks.map((c) => c.state)).toEqual(['met', 'late']);
    expect(clocks[1].elapsedHours).toBe(30);
    const blow = eventClocks({ level: '重大', firstSeenAt: seen }, [{ at: h(2), responseKind: '吹风会' }], DEFAULT_CLOCKS, h(25));
    expect(blow.map((c) => c.state)).toEqual(['met', 'overdue']);
  });

  it('gives 较大 and 一般 events one 48-hour clock; the limit itself is in time', () => {
    expect(eventClocks({ level: '一般', firstSeenAt: seen }, [{ at: h(48), responseKind: '其他' }], DEFAULT_CLOCKS, h(50))[0]).toMatchObject({ kind: 'response', state: 'met' });
    expect(eventClocks({ level: '较大', firstSeenAt: seen }, [], DEFAULT_CLOCKS, h(48.1))[0]).toMatchObject({ kind: 'response', state: 'overdue' });
    expect(eventClocks({ level: '较大', firstSeenAt: seen }, [], { ...DEFAULT_CLOCKS, responseHours: 72 }, h(60))[0].state).toBe('open');
  });
});

describe('commitment states', () => {
  it('computes 未到期 / 按期完成 / 逾期完成 / 逾期未完成', () => {
    expect(commitmentState({ promisedOn: '2026-03-10', fulfilledOn: null }, '2026-03-10')).toBe('未到期');
    expect(commitmentState({ promisedOn: '2026-03-10', fulfilledOn: null }, '2026-03-11')).toBe('逾期未完成');
    expect(commitmentState({ promisedOn: '2026-03-10', fulfilledOn: '2026-03-10' }, '2026-04-01')).toBe('按期完成');
    expect(commitmentState({ promisedOn: '2026-03-10', fulfilledOn: '2026-03-12' }, '2026-04-01')).toBe('逾期完成');
  });
});
