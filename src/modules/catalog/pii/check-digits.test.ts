import { describe, expect, it } from 'vitest';
import {
  creditCodeCheckChar,
  idCardCheckChar,
  isValidCreditCode,
  isValidIdCard15,
  isValidIdCard18,
  luhnValid,
} from './check-digits.ts';

describe('GB 11643 resident ID', () => {
  it('computes the check character, including X', () => {
    expect(idCardCheckChar('11010519491231002')).toBe('X'); // the standard's own example
    expect(idCardCheckChar('50010319900101123')).toBe('2');
  });

  it('validates province, birth date and check character', () => {
    expect(isValidIdCard18('11010519491231002X')).toBe(true);
    expect(isValidIdCard18('11010519491231002x')).toBe(true);
    expect(isValidIdCard18('110105194912310021')).toBe(false); // wrong check character
    expect(isValidIdCard18('990105194912310025')).toBe(false); // no province 99
    expect(isValidIdCard18(`50010319900230123${idCardCheckChar('50010319900230123')}`)).toBe(false); // 30 February
    const future = `50010330000101123${idCardCheckChar('50010330000101123')}`;
    expect(isValidIdCard18(future, new Date('2025-01-01'))).toBe(false);
  });

  it('validates old 15-digit IDs by province and date', () => {
    expect(isValidIdCard15('500103900101123')).toBe(true);
    expect(isValidIdCard15('500103901301123')).toBe(false);
    expect(isValidIdCard15('000103900101123')).toBe(false);
  });
});

describe('Luhn', () => {
  it('accepts valid card numbers and rejects a changed digit', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('6222021234567890128')).toBe(true);
    expect(luhnValid('6222021234567890129')).toBe(false);
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts the standard example and rejects a changed character', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(creditCodeCheckChar('11500103009359347')).toBe('0');
  });

  it('treats letters outside the code alphabet (I, O, Z, S, V) as invalid', () => {
    expect(creditCodeCheckChar('9135010OM000100Y4')).toBeNull();
  });

  it('11500103009359347P, as printed in the brief, fails the GB 32100 check (the check char would be 0)', () => {
    // It is still never taken for an ID: it holds a letter other than X, and sits under 信用代码.
    expect(isValidCreditCode('11500103009359347P')).toBe(false);
  });
});
