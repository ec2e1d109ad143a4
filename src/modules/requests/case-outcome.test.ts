import { describe, expect, it } from 'vitest';
import { caseOutcome } from './case-outcome.ts';

describe('the outcome of a case from its items (counted once)', () => {
  const items = (...codes: (string | null)[]) => codes.map((outcome, i) => ({ seq: i + 1, outcome }));
  it('all disclosed is 予以公开; a mix with any disclosure is 部分公开 only', () => {
    expect(caseOutcome(items('1', '1'))).toBe('1');
    expect(caseOutcome(items('1', '3.4'))).toBe('2');
    expect(caseOutcome(items('4.1', '1'))).toBe('2');
    expect(caseOutcome(items('2'))).toBe('2');
    expect(caseOutcome(items('5.2', '2'))).toBe('2');
  });
  it('no disclosure: the first item decides', () => {
    expect(caseOutcome(items('4.1', '3.4'))).toBe('4.1');
    expect(caseOutcome([{ seq: 2, outcome: '3.4' }, { seq: 1, outcome: '6.1' }])).toBe('6.1');
  });
  it('refuses undecided items, unknown codes and empty cases', () => {
    expect(() => caseOutcome(items('1', null))).toThrow(/尚未作出/);
    expect(() => caseOutcome(items('3.9'))).toThrow(/无效/);
    expect(() => caseOutcome([])).toThrow(/没有任何/);
  });
});
