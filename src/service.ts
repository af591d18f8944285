/** The one face the Discord bot, the CLI and the console use. Implemented by `Library` (src/library.ts). */
import type { BuildSteps } from './indexing/protocol.js';
import type { Answer, SkippedFile, SourceSummary } from './model.js';

export const MAX_QUESTION_LENGTH = 300;

export interface QuestionError {
  code: 'empty' | 'too_long' | 'internal';
  /** User-facing sentence, e.g. "Questions are limited to 300 characters (this one has 412)." */
  message: string;
}

export type AskOutcome = { ok: true; answer: Answer } | { ok: false; error: QuestionError };

export interface IndexInfo {
  /** ISO timestamp of the index build. */
  builtAt: string;
  sources: SourceSummary[];
  passages: number;
  skipped: SkippedFile[];
}

export interface ReindexReport {
  added: string[];
  changed: string[];
  removed: string[];
  unchanged: number;
  skipped: SkippedFile[];
  passages: number;
  durationMs: number;
  builtAt: string;
  /** Passages of added and changed files now indexed, and of changed and removed files no longer indexed. */
  passageChanges?: { added: number; removed: number };
  /** Files read and parsed: only the new and changed ones when the reindex is incremental. */
  filesRead?: number;
  /** Files read from disk to be hashed: the others kept their size and modification time, and their hash is trusted. */
  filesHashed?: number;
  /** Where the time went, in milliseconds: the index worker's steps, and decoding its index on this thread. */
  steps?: BuildSteps & { workerMs: number; decodeMs: number };
}

export interface Quoth {
  ask(question: string): AskOutcome;
  info(): IndexInfo;
  /**
   * Rebuilds from the seeds folder while `ask` keeps answering from the current index, then swaps.
   * A call while one runs returns the running one's promise. Rejects (old index still serving) on failure.
   */
  reindex(): Promise<ReindexReport>;
  /** Settles once the index answering now is in the saved file (a reindex answers before its index is saved). */
  saved(): Promise<void>;
}
