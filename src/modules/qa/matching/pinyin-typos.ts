import { pinyin } from 'pinyin-pro';

/**
 * Repair of pinyin-input typos (公鸡金 → 公积金, 退修 → 退休): a 2–4 character window of the question
 * that is not a known word but sounds like one (toneless pinyin, with the usual fuzzy pairs
 * z/zh c/ch s/sh n/l in/ing en/eng) is replaced by that word. Known words are the bank's words, the
 * synonym table and the domain words; the longest window wins.
 */
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

  isKnown(word: string): boolean {
    return this.known.has(word);
  }

  /** The text with sound-alike windows replaced. */
  repair(text: string): string {
    return text.replace(/\p{Script=Han}{2,}/gu, (run) => this.repairRun(run));
  }

  private repairRun(run: string): string {
    const sounds = syllables(run);
    if (sounds.length !== run.length) return run;
    let out = '';
    let i = 0;
    outer: while (i < run.length) {
      for (let len = Math.min(4, run.length - i); len >= 2; len--) {
        const window = run.slice(i, i + len);
        if (this.known.has(window)) {
          out += window;
          i += len;
          continue outer;
        }
        const word = this.bySound.get(sounds.slice(i, i + len).join(' '));
        if (word && word !== window) {
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
