/**
 * Messages between the main thread and the index-building worker. The worker lives on between builds and holds the
 * index it last built, so the next incremental build needs nothing handed in. The index arrives in one message whose
 * column and text buffers are transferred, not copied; the main thread decodes them as it would read a saved index.
 */
import type { IngestWarning } from '../ingest/index.js';
import type { SeedsFolderProblem } from '../ingest/errors.js';
import type { SkippedFile } from '../model.js';
import type { EncodedCorpus } from '../search/envelope.js';

export interface BuildRequest {
  seedsDir: string;
  /** Where the worker saves the index it built (saving is the other long step: encoding, compressing and hashing it). */
  indexDir: string;
  maxFileBytes?: number;
  builtAt: string;
  /** Start from the previous index (see `PreviousIndex`), else the one saved in `indexDir`, when usable: read only the files that changed. */
  incremental?: boolean;
}

/**
 * With `incremental`: the index to start from, as the thread asking holds it. `held`: the index the worker built for
 * the build of that number and still holds (nothing is handed over). `encoded`: its encoded form, so that the worker
 * does not read and check the saved file again. The saved file is read when neither is usable.
 */
export type PreviousIndex = { held: number } | { encoded: EncodedCorpus };

/** A build asked of the worker; `id` numbers it, and names the index it builds once the worker holds it. */
export interface BuildOrder {
  type: 'build';
  id: number;
  request: BuildRequest;
  previous?: PreviousIndex;
}

/**
 * What an incremental build started from: the index the worker held, the one handed over, the saved one, or nothing
 * (a full build).
 */
export type StartedFrom = 'held' | 'handed' | 'saved' | 'nothing';

/** Where a build's time went, in milliseconds. */
export interface BuildSteps {
  /** Loading the index an incremental build starts from (0 when it starts from nothing or from the index the worker holds). */
  loadPreviousMs: number;
  /** Listing, reading, hashing and parsing the files, and digesting each article (`digestMs` of it). */
  readMs: number;
  /** Cutting each article into passages and taking its copy signature, as it was read. */
  digestMs: number;
  /** The corpus of the digests: copies, repeated passages, numbering, term counts, impact scores. */
  assembleMs: number;
  /** The corpus in columns. */
  encodeMs: number;
  /** Compressing, hashing and writing the file. */
  saveMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** What reading the folder found, before the index is built: for the log. */
  | { type: 'read'; skipped: SkippedFile[]; warnings: IngestWarning[]; removed: [string, [string, number][]][] }
  /** The index, encoded as it is saved. `saveError` when it could not be saved (read-only folder, full disk): it still answers from memory. */
  | { type: 'built'; corpus: EncodedCorpus; saveError?: string; filesRead: number; filesHashed: number; startedFrom: StartedFrom; steps: BuildSteps }
  | { type: 'failed'; seedsFolder?: { problem: SeedsFolderProblem; folder: string }; message: string; stack?: string };
