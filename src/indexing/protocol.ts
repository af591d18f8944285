/**
 * Messages between the main thread and the index-building worker. The worker lives on between builds and holds the
 * index it last built, so the next incremental build needs nothing handed in. The index arrives in one message whose
 * column and text buffers are shared or transferred, not copied; the main thread decodes them as it would read a saved
 * index.
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

/**
 * A build asked of the worker; `id` numbers it, and names the index it builds once the worker holds it. `hold`:
 * whether the worker holds the index for the next build (a worker used for one build only does not).
 */
export interface BuildOrder {
  type: 'build';
  id: number;
  hold: boolean;
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
}

/** How saving a build's index ended: `saveError` says why it could not be saved (an errno code or a message), or is null. */
export interface SaveOutcome {
  saveError: string | null;
  /** Compressing, hashing and writing the file (while the main thread decodes the index, and the worker may build the next). */
  saveMs: number;
}

export type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  /** What reading the folder found, before the index is built: for the log. */
  | { type: 'read'; skipped: SkippedFile[]; warnings: IngestWarning[]; removed: [string, [string, number][]][] }
  /**
   * The index, encoded as it is saved. When the worker holds it, sent before it is saved so that the main thread uses
   * it meanwhile, its buffers in shared memory (both threads read them, neither writes); else sent once saved, its
   * buffers moved.
   */
  | { type: 'built'; corpus: EncodedCorpus; filesRead: number; filesHashed: number; startedFrom: StartedFrom; steps: BuildSteps }
  /**
   * The index of build `id` is saved durably, or `saveError` says why it could not be (read-only folder, full disk):
   * it still answers from memory. It may come while the next build runs.
   */
  | ({ type: 'saved'; id: number } & SaveOutcome)
  | { type: 'failed'; seedsFolder?: { problem: SeedsFolderProblem; folder: string }; message: string; stack?: string };
