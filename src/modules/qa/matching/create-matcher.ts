import { analysePrepared, prepare, type Analysed } from './analyse.js';
import { Bm25Index } from './bm25-index.js';
import { decide } from './decide.js';
import { DEFAULT_THRESHOLDS } from './default-thresholds.js';
import { COLLOQUIAL_LEXICON } from './colloquial-lexicon.js';
import { DEFAULT_SYNONYMS, DEFAULT_USER_WORDS } from './default-synonyms.js';
import { FEATURE_NAMES, features, type CandidateText, type QuestionView } from './features.js';
import { TypoRepair } from './pinyin-typos.js';
import { normalise } from './normalise.js';
import { linearScore } from './rank.js';
import { SCORE_BIAS, SCORE_WEIGHTS } from './score-weights.js';
import { addWords } from './segmenter.js';
import { slotConflicts, slotExtras } from './slot-conflicts.js';
import { placeKey, type SlotName, type Slots } from './slots.js';
import { synonymRewriter, type SynonymRewriter } from './synonyms.js';
import type { CreateMatcher, MatchCandidate, MatchEntry, Matcher, MatchResult, MatcherOptions } from './types.js';

/** Bounds: variants per entry, characters per answer used for support, candidates reranked. */
const MAX_VARIANTS = 200;
const MAX_ANSWER_CHARS = 2000;
/**
 * The answer's lead, where an answer restates what it is about: the features and slot checks read this
 * much of it (the weights were fitted on answers of this length; a long answer mentions much besides
 * its subject), retrieval and the vocabulary read the whole.
 */
const ANSWER_LEAD_CHARS = 150;
const RETRIEVE = 60;
const RERANK = 20;
/** The answers' best hits always reranked, whatever their fused rank. */
const ANSWER_POOL = 5;
const RRF_K = 60;
/** Weight of the answers' BM25 list in the fusion (the questions' two lists weigh 1 each). */
const ANSWER_RRF = 0.5;
const MAX_LIMIT = 50;
/** A word used by at most this many documents (texts and answers), or this share of them, is rare. */
const RARE_MIN = 3;
const RARE_SHARE = 0.005;
/** A word more of the library's texts use than this share is common: it names no kind of thing. */
const COMMON_SHARE = 0.02;
const COVERAGE = FEATURE_NAMES.indexOf('covQA');

interface Doc {
  entryId: string;
  text: string;
  /** Distinct words and bigrams as the indexes returned them (interned; also used to remove the text). */
  cand: CandidateText;
}

interface Indexed {
  entry: MatchEntry;
  docs: number[];
  answerKey: string;
  answerWords: Set<string>;
  /** Words of the whole answer (bounded by MAX_ANSWER_CHARS): whether the entry speaks of a thing at all. */
  fullAnswerWords: Set<string>;
  /** Words of the entry's questions and variants. */
  textWords: Set<string>;
  /** For each word of the entry's questions, the words written right before it (医师执业… → 执业: 医师). */
  before: Map<string, Set<string>>;
  /** The answer's document in the answers' index and its distinct words (to remove it). */
  answerDoc: number;
  answerTerms: string[];
  titleSlots: Slots;
  answerSlots: Slots;
  /** Slots of the whole answer (bounded by MAX_ANSWER_CHARS): a group, thing or agency it names anywhere. */
  fullAnswerSlots: Slots;
}

function mergeSlots(list: Slots[]): Slots {
  const out: Slots = {};
  for (const s of list) {
    for (const [k, vs] of Object.entries(s) as [SlotName, string[]][]) {
      const into = (out[k] ??= []);
      for (const v of vs) if (!into.includes(v)) into.push(v);
    }
  }
  return out;
}

export const createMatcher: CreateMatcher = (initial, options: MatcherOptions = {}) => {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const model = options.scoreModel ?? { bias: SCORE_BIAS, weights: SCORE_WEIGHTS };
  const homePlaces = (options.homePlaces ?? []).slice(0, 100).map((p) => placeKey(normalise(p)));
  const userWords = [...DEFAULT_USER_WORDS, ...(options.userWords ?? [])].slice(0, 20000);
  let synonyms: SynonymRewriter = synonymRewriter(options.synonyms ?? DEFAULT_SYNONYMS, COLLOQUIAL_LEXICON);
  let typos = new TypoRepair();
  const words = new Bm25Index();
  const bigrams = new Bm25Index();
  /** The answers' words, one document per entry: a bank may hold little more than one question per answer. */
  const answers = new Bm25Index();
  const answerEntry = new Map<number, string>();
  let nextAnswer = 0;
  const entries = new Map<string, Indexed>();
  const docs = new Map<number, Doc>();
  /** The entries holding each compact form (one id per stored text): a question that is one of them is taken as written. */
  const byCompact = new Map<string, string[]>();
  let nextDoc = 0;
  let home: Slots | null = null;

  function configureWords(): void {
    addWords(userWords);
    addWords(synonyms.terms);
    typos = new TypoRepair();
    typos.warm();
    typos.addWords(userWords);
    typos.addWords(synonyms.terms);
  }

  function analyseText(text: string): Analysed {
    return analysePrepared(prepare(text, synonyms));
  }

  function removeEntry(id: string): void {
    const old = entries.get(id);
    if (!old) return;
    for (const d of old.docs) {
      const doc = docs.get(d);
      if (!doc) continue;
      words.remove(d, doc.cand.words);
      bigrams.remove(d, doc.cand.bigrams);
      forget(doc.cand.compact, doc.entryId);
      docs.delete(d);
    }
    answers.remove(old.answerDoc, old.answerTerms);
    answerEntry.delete(old.answerDoc);
    entries.delete(id);
    home = null;
  }

  function addEntry(entry: MatchEntry): void {
    removeEntry(entry.id);
    const texts = [entry.question, ...(entry.variants ?? [])]
      .map((t) => String(t ?? '').trim())
      .filter((t, i, all) => t && all.indexOf(t) === i)
      .slice(0, MAX_VARIANTS + 1);
    const ids: number[] = [];
    const titleSlots: Slots[] = [];
    const textWords = new Set<string>();
    const before = new Map<string, Set<string>>();
    for (const text of texts) {
      const analysed = analyseText(text);
      if (!analysed.words.length && !analysed.bigrams.length) continue;
      const id = nextDoc++;
      const cand: CandidateText = {
        compact: analysed.compact,
        words: words.add(id, analysed.words),
        bigrams: bigrams.add(id, analysed.bigrams),
      };
      docs.set(id, { entryId: entry.id, text, cand });
      byCompact.set(cand.compact, [...(byCompact.get(cand.compact) ?? []), entry.id]);
      typos.addWords(cand.words);
      for (const w of cand.words) textWords.add(w);
      analysed.words.forEach((w, i) => {
        if (i > 0) (before.get(w) ?? before.set(w, new Set()).get(w)!).add(analysed.words[i - 1]);
      });
      titleSlots.push(analysed.slots);
      ids.push(id);
    }
    const answerText = String(entry.answer ?? '');
    const answer = analyseText(answerText.slice(0, MAX_ANSWER_CHARS));
    const lead = answerText.length > ANSWER_LEAD_CHARS ? analyseText(answerText.slice(0, ANSWER_LEAD_CHARS)) : answer;
    const answerWords = new Set(lead.words);
    const answerDoc = nextAnswer++;
    const answerTerms = answers.add(answerDoc, answer.words);
    answerEntry.set(answerDoc, entry.id);
    entries.set(entry.id, {
      entry,
      docs: ids,
      answerDoc,
      answerTerms,
      answerKey: answer.compact || `#${entry.id}`,
      answerWords,
      fullAnswerWords: lead === answer ? answerWords : new Set(answerTerms),
      textWords,
      before,
      titleSlots: mergeSlots(titleSlots),
      answerSlots: lead.slots,
      fullAnswerSlots: answer.slots,
    });
    home = null;
  }

  function rebuild(): void {
    const all = [...entries.values()].map((e) => e.entry);
    for (const e of entries.values()) answers.remove(e.answerDoc, e.answerTerms);
    answerEntry.clear();
    entries.clear();
    for (const [d, doc] of docs) {
      words.remove(d, doc.cand.words);
      bigrams.remove(d, doc.cand.bigrams);
    }
    docs.clear();
    byCompact.clear();
    configureWords();
    for (const e of all) addEntry(e);
  }

  /** Places named by at least 5% of the entries (and two): the office's own district and city. */
  function homeSlots(): Slots {
    if (home) return home;
    const counts = new Map<string, number>();
    for (const e of entries.values()) {
      for (const p of new Set([...(e.titleSlots.place ?? []), ...(e.answerSlots.place ?? [])])) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    const min = Math.max(2, entries.size * 0.05);
    home = { place: [...new Set([...homePlaces, ...[...counts].filter(([, n]) => n >= min).map(([p]) => p)])] };
    return home;
  }

  /** Whether the library (its questions or answers) uses a word. */
  function known(word: string): boolean {
    return words.has(word) || answers.has(word);
  }


  /**
   * Whether an entry's questions or answer use a word, or a word ending with it, or its head (提出申请 → 申请).
   * The whole answer, not its lead: a long answer that names the thing at all is about it (an answer on
   * 二手房过户 names 产权 in its third paragraph), while a neighbour's (教师资格 for 律师) does not name it.
   */
  function mentions(ix: Indexed, word: string): boolean {
    return orItsHead(word, (w) => ix.textWords.has(w) || ix.fullAnswerWords.has(w));
  }

  /**
   * Whether a noun the entry does not use changes what is asked about rather than telling the asker's
   * circumstances: it is written right before a word of the entry's questions, or the end of one (船舶 in
   * 船舶驾驶证 against 驾驶证…, 律师 in 律师资格证 against 教师资格证…, 士官 in 士官家庭优待金 against 义务兵家庭优待金), or the entry's questions use, instead, a word
   * the question lacks that begins or ends as it does (二手车 against 二手房, 律师 against 教师 in 教师资格). A noun of
   * the asker's situation (开店, 包工头, 餐馆上班) is neither: its weight still counts in the score (nounMiss).
   */
  function narrows(q: Analysed, noun: string, ix: Indexed): boolean {
    const head = q.modifiers.get(noun);
    if (head !== undefined) for (const w of ix.textWords) if (w === head || w.endsWith(head)) return true;
    // Spans of the entry's words as long as the noun (教师 in 教师资格), the question does not have.
    const n = noun.length;
    for (const w of ix.textWords) {
      for (let i = 0; i + n <= w.length; i++) {
        const span = w.slice(i, i + n);
        if (span !== noun && (span[0] === noun[0] || span.at(-1) === noun.at(-1)) && !q.compact.includes(span)) return true;
      }
    }
    return false;
  }

  /**
   * Nouns of the question written before a word that the entry's questions write after another word,
   * one the question does not use: the same thing of another kind (护士执业注册 against 医师执业注册,
   * 营运货车多久… against 小车多久…), whatever the entry's answer mentions besides. Pairs of the question's
   * noun and the entry's word.
   */
  function requalified(q: Analysed, ix: Indexed): [string, string][] {
    const out: [string, string][] = [];
    for (const [noun, head] of q.modifiers) {
      // A word many of the library's questions use (办理, 申请) says how, not which thing.
      if (ix.textWords.has(noun) || words.df(noun) > Math.max(RARE_MIN, COMMON_SHARE * words.size)) continue;
      for (const other of ix.before.get(head) ?? []) {
        if (other !== noun && !q.compact.includes(other) && !other.includes(noun) && !noun.includes(other)) {
          out.push([noun, other]);
          break;
        }
      }
    }
    return out;
  }

  /** A word few entries use (questions or answers): naming it says which thing is asked about (律师 against 教师). */
  function rare(word: string): boolean {
    const df = words.df(word) + answers.df(word);
    return df > 0 && df <= Math.max(RARE_MIN, RARE_SHARE * (words.size + answers.size));
  }

  function forget(compact: string, entryId: string): void {
    const ids = byCompact.get(compact) ?? [];
    const i = ids.indexOf(entryId);
    if (i >= 0) ids.splice(i, 1);
    if (!ids.length) byCompact.delete(compact);
  }

  /**
   * The question as the engine compares it. Pinyin-typo repair is for questions that are not already
   * a text of the library: one that is (as normalised: punctuation, spaces, full-width and traditional
   * characters aside) is taken as written — a window of it that merely sounds like another known word
   * would otherwise be "repaired" away from the very text it matches.
   */
  function analyseQuestion(question: string): Analysed {
    const prepared = prepare(String(question ?? ''), synonyms);
    if (byCompact.has(prepared.replace(/\s+/g, ''))) return analysePrepared(prepared, true);
    const repaired = typos.repair(prepared);
    return analysePrepared(repaired === prepared ? prepared : synonyms.rewrite(repaired), true);
  }

  function match(question: string, opts: { limit?: number } = {}): MatchResult {
    const limit = Math.max(1, Math.min(MAX_LIMIT, Math.floor(opts.limit ?? 10)));
    const { scored, compact } = rerank(question);
    const d = decide(
      scored,
      (id) => entries.get(id)?.answerKey ?? id,
      (id) => entries.get(id)?.entry.autoAnswer !== false,
      thresholds,
      byCompact.get(compact) ?? [],
    );
    return { ...d, ranked: scored.slice(0, limit).map(({ features: _f, extras: _e, ...c }) => c) };
  }

  function rerank(question: string): { scored: (MatchCandidate & { features: number[] })[]; compact: string } {
    const q = analyseQuestion(question);
    const none = { scored: [], compact: q.compact };
    if (!q.words.length && !q.bigrams.length) return none;

    // Retrieval: BM25 on words and on bigrams, fused by reciprocal rank, collapsed to entries.
    const fusedByDoc = new Map<number, number>();
    // Each list's BM25 scores relative to its best hit: how close an entry comes to the best match, not only its rank.
    const relative: Map<number, number>[] = [];
    for (const hits of [words.search(q.words, RETRIEVE, 0.02), bigrams.search(q.bigrams, RETRIEVE, 0.01)]) {
      hits.forEach((h, rank) => fusedByDoc.set(h.doc, (fusedByDoc.get(h.doc) ?? 0) + 1 / (RRF_K + rank + 1)));
      relative.push(new Map(hits.map((h) => [h.doc, h.score / hits[0].score])));
    }
    const byEntry = new Map<string, { fused: number; docs: number[]; bm25: number[] }>();
    for (const [doc, f] of fusedByDoc) {
      const d = docs.get(doc);
      if (!d) continue;
      const bm = relative.map((r) => r.get(doc) ?? 0);
      const e = byEntry.get(d.entryId);
      if (!e) byEntry.set(d.entryId, { fused: f, docs: [doc], bm25: [...bm, 0] });
      else {
        e.fused = Math.max(e.fused, f);
        e.docs.push(doc);
        bm.forEach((x, i) => (e.bm25[i] = Math.max(e.bm25[i], x)));
      }
    }
    // The answers' list adds to the entry's fused score (an entry found only there is reranked on its texts).
    const answerHits = answers.search(q.words, RETRIEVE, 0.02);
    answerHits.forEach((h, rank) => {
      const id = answerEntry.get(h.doc);
      if (id === undefined) return;
      const f = ANSWER_RRF / (RRF_K + rank + 1);
      const e = byEntry.get(id) ?? byEntry.set(id, { fused: 0, docs: [], bm25: [0, 0, 0] }).get(id)!;
      e.fused += f;
      e.bm25[2] = h.score / answerHits[0].score;
    });
    const pool = [...byEntry]
      .sort((a, b) => b[1].fused - a[1].fused || (a[0] < b[0] ? -1 : 1))
      .slice(0, RERANK);
    // The answers' best hits are reranked too: a question asked with the answer's words (its details,
    // not the entry's question) reaches its entry through them alone.
    const pooled = new Set(pool.map(([id]) => id));
    for (const h of answerHits.slice(0, ANSWER_POOL)) {
      const id = answerEntry.get(h.doc);
      if (id !== undefined && !pooled.has(id)) {
        pooled.add(id);
        pool.push([id, byEntry.get(id)!]);
      }
    }
    if (!pool.length) return none;

    // Rerank: features of the question against each retrieved text of the entry; the best text counts.
    const distinct = [...new Set(q.words)];
    const idf = (w: string) => words.idf(w);
    const weights = distinct.map(idf);
    const total = weights.reduce((a, b) => a + b, 0);
    const unknownWeight = distinct.reduce((a, w, i) => a + (words.has(w) ? 0 : weights[i]), 0);
    const view: QuestionView = {
      analysed: q,
      weight: new Map(distinct.map((w, i) => [w, weights[i]])),
      total,
      bigramSet: new Set(q.bigrams),
      unknown: total ? unknownWeight / total : 1,
    };
    // Nouns the library never uses, nor ends a known word with (船舶 in 船舶驾驶证, 二手车 against 二手房, but not
    // 提出申请 or 区政府, whose heads 申请 and 政府 it does use): the question is about something no entry covers.
    // One in neither the candidate's texts nor its answer is a conflict (slot `term`), like a group the entry lacks.
    const strange = q.nouns.filter((w) => !orItsHead(w, known));
    const rareNouns = q.nouns.filter((w) => known(w) && rare(w));
    const maxFused = (2 + ANSWER_RRF) / (RRF_K + 1);
    const homeS = homeSlots();
    const scored: (MatchCandidate & { features: number[] })[] = [];
    for (const [entryId, { fused, docs: hitDocs, bm25 }] of pool) {
      const ix = entries.get(entryId);
      if (!ix) continue;
      const conflicts = slotConflicts(q.slots, ix.titleSlots, ix.answerSlots, homeS, ix.fullAnswerSlots);
      // Nouns the entry lacks lower its score; only one that narrows the question blocks an answer (a
      // `term` conflict).
      const lacking = [...strange.filter((w) => !ix.answerWords.has(w)), ...rareNouns.filter((w) => !mentions(ix, w))];
      for (const w of lacking) if (narrows(q, w, ix)) conflicts.push({ slot: 'term', question: w, candidate: null });
      for (const [noun, other] of requalified(q, ix)) if (!lacking.includes(noun)) conflicts.push({ slot: 'term', question: noun, candidate: other });
      const extras = slotExtras(q.slots, ix.titleSlots, homeS);
      // A value the entry's questions contradict (another year, place, group named there) weighs apart from one merely absent.
      const contradicted = conflicts.filter((c) => c.candidate !== null || c.slot === 'term').length;
      const counts = { conflicts: contradicted, absent: conflicts.length - contradicted, lacking: lacking.length, extras: extras.length };
      let best = -1;
      let bestText = '';
      let bestFeatures: number[] = [];
      for (const d of new Set([...hitDocs, ix.docs[0]])) {
        const doc = docs.get(d);
        if (!doc) continue;
        const f = features(view, doc.cand, ix.answerWords, idf, ix.titleSlots, counts, fused / maxFused, bm25);
        const s = linearScore(f, model.weights, model.bias);
        if (s > best || (s === best && doc.text < bestText)) {
          best = s;
          bestText = doc.text;
          bestFeatures = f;
        }
      }
      scored.push({
        entryId,
        score: Math.round(best * 1e4) / 1e4,
        matchedText: bestText,
        conflicts,
        extras,
        coverage: Math.round((bestFeatures[COVERAGE] ?? 0) * 1e4) / 1e4,
        features: bestFeatures,
      });
    }
    // An entry one of whose texts IS the question (as normalised) comes first, whatever the features say:
    // they cannot tell 按件 from 按量 in two texts alike but for one character, and the answers may favour the neighbour.
    const exact = new Set(byCompact.get(q.compact) ?? []);
    scored.sort((a, b) => Number(exact.has(b.entryId)) - Number(exact.has(a.entryId)) || b.score - a.score || (a.entryId < b.entryId ? -1 : 1));
    return { scored, compact: q.compact };
  }

  configureWords();
  for (const e of initial) addEntry(e);

  const matcher: Matcher = {
    match,
    upsert: addEntry,
    remove: removeEntry,
    setSynonyms(groups) {
      synonyms = synonymRewriter(groups, COLLOQUIAL_LEXICON);
      rebuild();
    },
    explain: (question) => rerank(question).scored.map(({ entryId, score, features: f, conflicts }) => ({ entryId, score, features: f, conflicts })),
    get size() {
      return { entries: entries.size, variants: docs.size };
    },
  };
  return matcher;
};

/** Whether `has` holds for a word or for one of its endings of two characters or more (its head, in Chinese compounds: 提出申请 → 申请). */
function orItsHead(word: string, has: (w: string) => boolean): boolean {
  if (has(word)) return true;
  for (let k = word.length - 1; k >= 2; k--) if (has(word.slice(-k))) return true;
  return false;
}
