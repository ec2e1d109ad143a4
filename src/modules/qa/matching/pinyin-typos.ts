import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';

/**
 * Repair of pinyin-input typos (公鸡金 → 公积金, 退修 → 退休): a 2–4 character window of the question
 * that is not a known word but sounds like one (toneless pinyin, with the usual fuzzy pairs
 * z/zh c/ch s/sh n/l in/ing en/eng) is replaced by that word. Known words are the bank's words, the
 * synonym table and the domain words; the longest window wins. A window that is itself a common word
 * of jieba's dictionary (工商, 时间, 事业: frequency ≥ 100) is never replaced, nor one that cuts such a word
 * or a known one (交职 in 想交职工养老保险 is not 教资).
 */
const COMMON_FREQ = 100;
let common: Set<string> | null = null;

/** Common 2–4 character words of jieba's dictionary (loaded once, ~80k words). */
function commonWords(): Set<string> {
  if (common) return common;
  common = new Set();
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const text = createRequire(import.meta.url)('node:fs').readFileSync(path, 'utf8') as string;
  for (const line of text.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 2 || sp > 4) continue;
    const freq = Number(line.slice(sp + 1, line.indexOf(' ', sp + 1)));
    if (freq >= COMMON_FREQ) common.add(line.slice(0, sp));
  }
  return common;
}
const FUZZY: [RegExp, string][] = [
  [/^zh/, 'z'], [/^ch/, 'c'], [/^sh/, 's'], [/^l/, 'n'], [/ing$/, 'in'], [/eng$/, 'en'],
];

function fuzzy(syllable: string): string {
  let s = syllable.replace(/ü/g, 'v');
  for (const [re, to] of FUZZY) s = s.replace(re, to);
  return s;
}

function syllables(text: string): string[] {
  return pinyin(text, { toneType: 'none', type: 'array' }).map(fuzzy);
}

const HAN = /^\p{Script=Han}+$/u;

export class TypoRepair {
  private known = new Set<string>();
  private bySound = new Map<string, string>();

  /** Adds known words (kept whole); words of 2–4 Chinese characters are also repair targets. */
  addWords(words: Iterable<string>): void {
    for (const w of words) {
      if (this.known.has(w)) continue;
      this.known.add(w);
      if (w.length < 2 || w.length > 4 || !HAN.test(w)) continue;
      const key = syllables(w).join(' ');
      if (!this.bySound.has(key)) this.bySound.set(key, w);
    }
  }

  /** Loads the common-word list now (so the first question does not pay for it). */
  warm(): void {
    commonWords();
  }

  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  /** The text with sound-alike windows replaced. */
  repair(text: string): string {
    return text.replace(/\p{Script=Han}{2,}/gu, (run) => this.repairRun(run));
  }

  /** Whether a known or common word of the run crosses position p (starts before it and ends after it). */
  private crossed(run: string, p: number): boolean {
    if (p <= 0 || p >= run.length) return false;
    for (let a = Math.max(0, p - 3); a < p; a++) {
      for (let b = p + 1; b <= Math.min(run.length, a + 4); b++) {
        const w = run.slice(a, b);
        if (this.known.has(w) || commonWords().has(w)) return true;
      }
    }
    return false;
  }

  private repairRun(run: string): string {
    const sounds = syllables(run);
    if (sounds.length !== run.length) return run;
    let out = '';
    let i = 0;
    outer: while (i < run.length) {
      for (let len = Math.min(4, run.length - i); len >= 2; len--) {
        const window = run.slice(i, i + len);
        if (this.known.has(window) || commonWords().has(window)) {
          out += window;
          i += len;
          continue outer;
        }
        const word = this.bySound.get(sounds.slice(i, i + len).join(' '));
        // A window that cuts a word of the text (交职 in 交职工) is not a typo of another word.
        if (word && word !== window && !this.crossed(run, i) && !this.crossed(run, i + len)) {
          out += word;
          i += len;
          continue outer;
        }
      }
      out += run[i];
      i++;
    }
    return out;
  }
}
