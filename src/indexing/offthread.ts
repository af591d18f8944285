/**
 * Builds a corpus from the seeds folder in a worker thread, so the main thread (the bot answering /ask) is never
 * held for long: reading, parsing, indexing, encoding and saving run in the worker; the encoded index arrives in one
 * message whose buffers are transferred, and is decoded here as a saved index is loaded (no passage objects made).
 */
import type { Worker } from 'node:worker_threads';
import type { IngestWarning } from '../ingest/index.js';
import { SeedsFolderError } from '../ingest/errors.js';
import type { SkippedFile } from '../model.js';
import type { Corpus } from '../search/corpus.js';
import { decodeCorpus } from '../search/envelope.js';
import { siblingModule, startProjectWorker } from '../threads.js';
import type { BuildRequest, BuildSteps, WorkerMessage } from './protocol.js';

export interface OffThreadBuild {
  corpus: Corpus;
  /** Per source path, how many stretches of boilerplate were removed, by reason. */
  removed: Map<string, Map<string, number>>;
  /** Why the index could not be saved (an errno code or a message), or null when it was. */
  saveError: string | null;
  /** Files read and parsed (all of them, unless the build was incremental). */
  filesRead: number;
  /** Files read from disk to be hashed: those whose size or modification time changed, or that had to be parsed. */
  filesHashed: number;
  /**
   * Where the time went: the worker's steps, from asking for the worker to receiving its index (`workerMs`: what its
   * steps leave of it is starting the worker and handing the index over), and decoding that index on this thread.
   */
  steps: BuildSteps & { workerMs: number; decodeMs: number };
}

export interface OffThreadOptions {
  onProgress?(done: number, total: number): void;
  /** Called once the folder is read, before indexing: files skipped and warnings, for the log. */
  onRead?(skipped: SkippedFile[], warnings: IngestWarning[]): void;
}

export class IndexBuildError extends Error {
  override name = 'IndexBuildError';
}

export function buildOffThread(request: BuildRequest, options: OffThreadOptions = {}): Promise<OffThreadBuild> {
  return new Promise((resolve, reject) => {
    const asked = performance.now();
    const worker = startWorker(request);
    let removed = new Map<string, Map<string, number>>();
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };

    worker.on('message', (message: WorkerMessage) => {
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.done, message.total);
          break;
        case 'read':
          removed = new Map(message.removed.map(([file, reasons]) => [file, new Map(reasons)]));
          options.onRead?.(message.skipped, message.warnings);
          break;
        case 'failed':
          fail(
            message.seedsFolder
              ? new SeedsFolderError(message.seedsFolder.problem, message.seedsFolder.folder)
              : Object.assign(new IndexBuildError(`Quoth: building the index failed: ${message.message}`), { stack: message.stack }),
          );
          break;
        case 'built':
          settled = true;
          try {
            const decoding = performance.now();
            const corpus = decodeCorpus(message.corpus);
            const steps = { ...message.steps, workerMs: decoding - asked, decodeMs: performance.now() - decoding };
            resolve({ corpus, removed, saveError: message.saveError ?? null, filesRead: message.filesRead, filesHashed: message.filesHashed, steps });
          } catch (error) {
            reject(new IndexBuildError(`Quoth: the index worker sent an index that does not decode: ${(error as Error).message}`, { cause: error }));
          }
          break;
      }
    });
    worker.on('error', (error) => fail(new IndexBuildError(`Quoth: the index worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new IndexBuildError(`Quoth: the index worker stopped (exit code ${code}) before sending an index`)));
  });
}

/** Starts src/indexing/worker (compiled, or the TypeScript through tsx). */
function startWorker(request: BuildRequest): Worker {
  // The previous index's columns are a copy made for the worker: moved, not copied again. Its text is shared with the
  // index answering here, and is copied.
  const transfer = request.previous === undefined ? [] : [request.previous.columns.buffer as ArrayBuffer];
  return startProjectWorker(siblingModule('worker', import.meta.url), request, transfer);
}
