import { createRequire } from 'node:module';
import { Jieba } from '@node-rs/jieba';

/**
 * One jieba for the process (its dictionary takes ~0.2 s and ~30 MB). Domain words are added to it and
 * stay: a word added for one matcher only keeps a term whole in every other, which does no harm.
 */
let jieba: Jieba | null = null;
const added = new Set<string>();

function cutter(): Jieba {
  if (!jieba) {
    const { dict } = createRequire(import.meta.url)('@node-rs/jieba/dict.js') as { dict: Buffer };
    jieba = Jieba.withDict(dict);
  }
  return jieba;
}

/** Adds domain words (CJK, 2–12 characters) to the dictionary, once each. */
export function addWords(words: Iterable<string>, tag = 'n'): void {
  const lines: string[] = [];
  for (const w of words) {
    if (added.has(w) || !/^[\p{Script=Han}a-z0-9]{2,12}$/u.test(w)) continue;
    added.add(w);
    lines.push(`${w} 100000 ${tag}`);
  }
  if (lines.length) cutter().loadDict(Buffer.from(lines.join('\n') + '\n'));
}

export interface TaggedWord {
  word: string;
  tag: string;
}

/** jieba's words and tags; `hmm` false keeps to dictionary words (no guessed words such as 交下 in 交下一年). */
export function tagWords(text: string, hmm = true): TaggedWord[] {
  return text ? cutter().tag(text, hmm) : [];
}
