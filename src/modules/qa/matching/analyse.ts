import { GENERIC_NOUNS } from './generic-nouns.js';
import { normalise } from './normalise.js';
import { tagWords } from './segmenter.js';
import { extractSlots, type Slots } from './slots.js';
import type { SynonymRewriter } from './synonyms.js';

/** A text as the engine compares it. */
export interface Analysed {
  /** Normalised, synonyms rewritten, without spaces. */
  compact: string;
  /** Content words (jieba), stop words dropped, in order, repeated as they occur. */
  words: string[];
  /** Character bigrams of each CJK run, and latin/digit runs whole. */
  bigrams: string[];
  slots: Slots;
  /** Nouns (jieba n, nz, vn; dictionary and domain words, not guesses) of two or more characters, stop words and generic nouns (途径, 老家) out: what the text is about (`withNouns` only, else empty). */
  nouns: string[];
  /**
   * Of those nouns, the ones written right before another word, with that word (船舶驾驶证 → 船舶: 驾驶证;
   * 士官家庭… → 士官: 家庭): a noun that narrows the thing asked about, not the asker's circumstance.
   */
  modifiers: Map<string, string>;
}

const STOP = new Set([
  '的', '了', '吗', '呢', '吧', '啊', '呀', '么', '我', '你', '您', '他', '她', '它', '我们', '你们', '他们', '是', '在',
  '有', '和', '与', '及', '或', '要', '想', '会', '能', '可以', '这个', '那个', '这', '那', '一下', '就', '都', '也', '还',
  '又', '把', '被', '给', '对', '从', '到', '为', '让', '得', '地', '着', '过', '吗', '怎么', '什么', '哪些', '哪个',
  '是不是', '有没有', '需要', '应该', '现在', '目前', '请', '下', '个', '些', '么样', '该', '去', '来', '上', '里',
]);

/** Normalise + rewrite synonyms (the text the typo repair and the analysis see). */
export function prepare(text: string, synonyms: SynonymRewriter): string {
  return synonyms.rewrite(normalise(text));
}

export function analysePrepared(prepared: string, withNouns = false): Analysed {
  const tagged = tagWords(prepared).filter((t) => t.word.trim());
  const words: string[] = [];
  for (const { word } of tagged) if (!STOP.has(word) && /[\p{Script=Han}a-z0-9]/u.test(word)) words.push(word);
  const bigrams: string[] = [];
  for (const m of prepared.matchAll(/(\p{Script=Han}+)|([a-z0-9.]+)/gu)) {
    if (m[2]) bigrams.push(m[2]);
    else {
      const run = m[1];
      if (run.length === 1) bigrams.push(run);
      for (let i = 0; i + 1 < run.length; i++) bigrams.push(run.slice(i, i + 2));
    }
  }
  // Nouns from dictionary words only: jieba's guesses for unknown runs (交下, 地被) are not things asked
  // about. Only questions need them (a second pass of jieba, spared for the library's texts).
  const nouns: string[] = [];
  const modifiers = new Map<string, string>();
  if (withNouns) {
    const dictWords = tagWords(prepared, false);
    dictWords.forEach((t, i) => {
      if (!((t.tag === 'n' || t.tag === 'nz' || t.tag === 'vn') && t.word.length >= 2 && !STOP.has(t.word) && !GENERIC_NOUNS.has(t.word))) return;
      if (!nouns.includes(t.word)) nouns.push(t.word);
      const next = dictWords[i + 1]?.word;
      if (t.tag !== 'vn' && next && next.length >= 2 && !STOP.has(next) && /^\p{Script=Han}+$/u.test(next)) modifiers.set(t.word, next);
    });
  }
  return { compact: prepared.replace(/\s+/g, ''), words, bigrams, slots: extractSlots(prepared, tagged), nouns, modifiers };
}

export function analyse(text: string, synonyms: SynonymRewriter, withNouns = false): Analysed {
  return analysePrepared(prepare(text, synonyms), withNouns);
}
