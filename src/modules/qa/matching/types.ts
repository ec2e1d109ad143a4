/**
 * The contract of the Q&A matching engine (issue 11; shared/domain/qa-matching.md). One engine serves the
 * portal (一网答), the staff search, the mailbox and call ledger, and the CLI (`gongkai qa match`). It is
 * pure: it holds an in-memory index of the library and knows nothing of the database; the qa module
 * builds it at start from the published entries and updates it on every change.
 */

/** One library entry as the engine sees it. */
export interface MatchEntry {
  /** The entry's id (uuid in the database, or any string in tests and the CLI). */
  id: string;
  /** The standard question. */
  question: string;
  /** Similar questions (variants), including approved logged questions. */
  variants: string[];
  /** The answer as plain text (HTML stripped): used for answer-text support and to tell answers apart. */
  answer: string;
  /**
   * False when the entry may be suggested but never answered automatically: flagged for review
   * (its policy was repealed or withdrawn), or not yet published.
   */
  autoAnswer: boolean;
  /** Owner unit, topic: carried through to candidates, not used for scoring. */
  ownerUnitId?: string | null;
  topic?: string | null;
}

/** What a slot check found wrong between the question and a candidate. */
export interface SlotConflict {
  /** place | year | date | group | agency | policy | amount | negation | qtype */
  slot: string;
  question: string | null;
  candidate: string | null;
}

export interface MatchCandidate {
  entryId: string;
  /** Calibrated score in [0, 1]. */
  score: number;
  /** The question or variant that matched best. */
  matchedText: string;
  conflicts: SlotConflict[];
  /** Share of the question's key terms (IDF-weighted) found in the matched text or the entry's answer. */
  coverage?: number;
  /** Slot values the entry's questions name and the question does not (slot-conflicts.ts slotExtras); for the decision, not returned. */
  extras?: string[];
}

export type MatchDecision = 'answer' | 'suggest' | 'register';

export interface MatchResult {
  decision: MatchDecision;
  /** Up to `limit` distinct entries, best first. */
  ranked: MatchCandidate[];
  /** The entry answered automatically (decision 'answer'), else null. */
  answerId: string | null;
  /** Score of the best candidate (0 when none). */
  score: number;
  /** Best score minus the best score of a candidate with a different answer (the best score when none). */
  margin: number;
  /** The margin the decision read: log-odds over the best rival with another answer and no slot conflict (decide.ts). */
  evidence?: number;
}

/** Thresholds are settings chosen by the calibration script (bench/qa), never tuned on the test set. */
export interface MatchThresholds {
  /** Answer automatically at or above this score… */
  answerScore: number;
  /**
   * …with at least this margin over the best different answer, and no slot conflict. In log-odds:
   * logit(best score) − logit(best score with a different answer) (`evidenceMargin`, decide.ts).
   */
  answerMargin: number;
  /** Suggest ("您是否想问") at or above this score. */
  suggestScore: number;
  /** …and answer only when the question's key terms (IDF-weighted) are covered at least this much by the candidate's question or answer. */
  answerCoverage?: number;
}

export interface MatcherOptions {
  thresholds?: Partial<MatchThresholds>;
  /** Canonical synonyms the office edits: each group's first term is canonical (缓交 = 延期缴纳). */
  synonyms?: string[][];
  /** Domain words for jieba (住房公积金, 灵活就业人员 …). */
  userWords?: string[];
  /** Weights of the score over the matching features (bench/qa/calibrate.ts fits them); default score-weights.ts. */
  scoreModel?: { bias: number; weights: number[] };
  /** Places the office serves (its district, its city): a question naming one does not conflict with an entry naming no place. Added to those most entries name. */
  homePlaces?: string[];
}

/** A reranked candidate with its feature vector (FEATURE_NAMES in features.ts), for calibration and debugging. */
export interface ExplainedCandidate {
  entryId: string;
  score: number;
  features: number[];
  conflicts: SlotConflict[];
}

export interface Matcher {
  match(question: string, options?: { limit?: number }): MatchResult;
  /** Adds or replaces one entry (the qa module calls this on every change). */
  upsert(entry: MatchEntry): void;
  remove(entryId: string): void;
  /** Replaces the synonym table (the office edited it). */
  setSynonyms(synonyms: string[][]): void;
  readonly size: { entries: number; variants: number };
  /** The reranked candidates with their features (calibration, debugging). */
  explain?(question: string): ExplainedCandidate[];
}

/** Implemented in ./create-matcher.ts. */
export type CreateMatcher = (entries: MatchEntry[], options?: MatcherOptions) => Matcher;
