import { randomInt } from 'node:crypto';

/** Letters and digits nobody misreads on a phone (no 0/O, 1/I/L). */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** 查询码: Q + 9 characters (31^9 ≈ 2.6e13): not guessable, short enough to read out on the phone. */
export function newQueryCode(): string {
  let s = 'Q';
  for (let i = 0; i < 9; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export const QUERY_CODE_RE = /^Q[2-9A-HJKMNP-Z]{9}$/u;
