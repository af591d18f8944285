/**
 * Messages between the main thread and the index-building worker. The result comes in many small messages, so
 * that receiving it never holds the main thread (each message is cloned on arrival).
 */
import type { AsPlainObject } from 'minisearch';
import type { IngestWarning } from '../ingest/index.js';
import type { SeedsFolderProblem } from '../ingest/errors.js';
import type { Passage, SkippedFile } from '../model.js';
import type { IndexedSource } from '../search/corpus.js';

export interface BuildRequest {
  seedsDir: string;
  /** Where the worker saves the index it built (saving is the other long step: serializing and hashing it). */
  indexDir: string;
  maxFileBytes?: number;
  builtAt: string;
}

/** The MiniSearch index in its plain form, without its term list (sent in chunks). */
export type SearchHead = Omit<AsPlainObject, 'index'>;

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** What reading the folder found, before the index is built: for the log. */
  | { type: 'read'; skipped: SkippedFile[]; warnings: IngestWarning[]; removed: [string, [string, number][]][] }
  | {
      type: 'head';
      builtAt: string;
      sources: IndexedSource[];
      skipped: SkippedFile[];
      search: SearchHead;
      impacts: { size: number; offsets: Int32Array; ids: Int32Array; scores: Float32Array };
    }
  | { type: 'passages'; passages: Passage[] }
  | { type: 'impactTerms'; terms: string[] }
  | { type: 'searchTerms'; entries: AsPlainObject['index'] }
  /** `saveError` when the index could not be saved (read-only folder, full disk): it still answers from memory. */
  | { type: 'done'; saveError?: string }
  | { type: 'failed'; seedsFolder?: { problem: SeedsFolderProblem; folder: string }; message: string; stack?: string };
