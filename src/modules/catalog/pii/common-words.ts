import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isCompoundSurname, isSingleSurname } from './surnames.ts';

/**
 * Everyday two-character words, so that 举报人信息 or 当事人陈述 are not read as the names
 * 信息 / 陈述. The word list is jieba's dictionary (the pinned `@node-rs/jieba` already ships
 * it for search), read once on first use. Words jieba tags as person names (nr*) are kept out,
 * because 李四 or 高峰 after 申请人 are names; the short list below adds words jieba tags as
 * names although in official text they are ordinary words.
 */

const MIN_FREQUENCY = 30;

const ALWAYS_COMMON = [
  '陈述', '许可', '明白', '文明', '道德', '荣誉', '光荣', '权威', '封锁', '宣言', '顾问', '齐全',
  '公正', '辛勤', '安静', '保健', '康复', '宝贵', '周转', '范畴', '宁可', '修正', '荣获',
  '师范', '诸如', '双拥', '谢谢', '多谢', '智慧', '友谊', '光辉', '祖先', '顾客', '阳光', '卫星',
  '和平', '应当', '关于', '信息', '程序', '任务', '余额', '申请', '查阅', '全部', '符合', '来信',
];

let words: Map<string, number> | null = null;
/**
 * Every dictionary word of 2–4 characters that begins with a surname character, with its
 * frequency and whether jieba tags it as a person's name: 张家港, 黄金周, 高新区 look like
 * names and are words; 杜鹃, 汪洋 are both. Kept apart from `words` because names are in it.
 */
let lexicon: Map<string, number> | null = null;

function load(): Map<string, number> {
  const map = new Map<string, number>();
  const lex = new Map<string, number>();
  try {
    const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
    const dict = readFileSync(path, 'utf8');
    // Lines are "word frequency tag".
    const line = /^(\S{2,4}) (\d+) ([a-z]+)$/gm;
    for (let m = line.exec(dict); m !== null; m = line.exec(dict)) {
      const word = m[1];
      const freq = Number(m[2]);
      const isName = m[3].startsWith('nr');
      if (isSingleSurname(word[0]) || isCompoundSurname(word.slice(0, 2))) {
        lex.set(word, Math.max(lex.get(word) ?? 0, freq * 2 + (isName ? 1 : 0)));
      }
      if (word.length !== 2 || isName) continue;
      if (freq >= MIN_FREQUENCY) map.set(word, freq);
    }
  } catch {
    // Without the dictionary the scanner still works, only with more name false positives.
  }
  // Frequent enough to veto a two-character "name", not a three-character one (高明亮).
  for (const w of ALWAYS_COMMON) map.set(w, Math.max(map.get(w) ?? 0, 1000));
  lexicon = lex;
  return map;
}

/** Frequency of a common (non-name) two-character word, 0 when it is not one. */
export function commonWordFrequency(word: string): number {
  if (word.length !== 2) return 0;
  words ??= load();
  return words.get(word) ?? 0;
}

/**
 * A dictionary word of 2–4 characters starting with a surname: its frequency and whether the
 * dictionary calls it a person's name (null when it is not in the dictionary).
 */
export function lexiconEntry(word: string): { freq: number; name: boolean } | null {
  words ??= load();
  const v = lexicon?.get(word);
  if (v === undefined) return null;
  return { freq: v >> 1, name: (v & 1) === 1 };
}
