/** What the evaluation found, per case and per corpus: plain data shared by the scoring, tables and reports. */
import type { CaseResult, EvalCase } from './score.js';

export interface QuoteSummary {
  text: string;
  sourceId: string;
}

/** What one answerer (Quoth or the baseline) replied to a case, and how it scored. */
export interface Reply {
  /** `error`: the question was refused (empty, too long). */
  status: 'answered' | 'no_answer' | 'error';
  answer: string | null;
  firstQuote: QuoteSummary | null;
  result: CaseResult;
}

export interface CaseOutcome {
  corpus: string;
  /** The case's `kind`, or `other`. */
  kind: string;
  testCase: EvalCase;
  quoth: Reply;
  baseline: Reply;
  /**
   * 1-based rank, among the first 20 passages retrieved, of the first passage from an expected source; null
   * when none is, or when the case expects no source.
   */
  retrievalRank: number | null;
  /** An expected source is among the sources of the first 5 passages retrieved; null when the case expects no source. */
  retrievedAt5: boolean | null;
}

export type CorpusReport =
  | { corpus: string; ok: true; folder: string; outcomes: CaseOutcome[]; seconds: number }
  | { corpus: string; ok: false; error: string };
