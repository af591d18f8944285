/**
 * Builds a corpus from the seeds folder in a worker thread, so the main thread (the bot answering /ask) is never
 * held for long: reading, parsing, indexing, encoding and saving run in the worker; the encoded index arrives in one
 * message whose buffers are transferred, and is decoded here as a saved index is loaded (no passage objects made).
 *
 * The worker is started on the first build and kept for the next ones, holding the index it last built: a reindex
 * neither starts a thread nor hands the index over. It is stopped when idle for a while, by `close()`, or when it
 * dies (the build it ran fails; the next build starts a new one).
 */
import type { Worker } from 'node:worker_threads';
import type { IngestWarning } from '../ingest/index.js';
import { SeedsFolderError } from '../ingest/errors.js';
import type { SkippedFile } from '../model.js';
import type { Corpus } from '../search/corpus.js';
import { decodeCorpus, encodedFormOf } from '../search/envelope.js';
import { siblingModule, startProjectWorker } from '../threads.js';
import type { BuildOrder, BuildRequest, BuildSteps, PreviousIndex, StartedFrom, WorkerMessage } from './protocol.js';

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
  /** What the build started from: the index the worker held, the one handed over, the saved one, or nothing. */
  startedFrom: StartedFrom;
  /**
   * Where the time went: the worker's steps, from asking the worker to receiving its index (`workerMs`: what its
   * steps but `saveMs` leave of it is starting the worker, if it was not running, and handing the index over),
   * decoding that index on this thread (while the worker saves it), and then waiting for the save to end.
   */
  steps: BuildSteps & { workerMs: number; decodeMs: number; awaitSaveMs: number };
}

export interface OffThreadOptions {
  onProgress?(done: number, total: number): void;
  /** Called once the folder is read, before indexing: files skipped and warnings, for the log. */
  onRead?(skipped: SkippedFile[], warnings: IngestWarning[]): void;
  /** With `request.incremental`: the index to start from, as this thread holds it (else the saved one is read). */
  previous?: Corpus;
}

export class IndexBuildError extends Error {
  override name = 'IndexBuildError';
}

/** How long an index worker waits for its next build before it is stopped (it holds the last index it built). */
export const INDEX_WORKER_IDLE_MS = 5 * 60_000;

/** A build's index, decoded as soon as it is sent, before the worker has saved it. */
type Decoded = Omit<OffThreadBuild, 'removed' | 'saveError' | 'steps'> & { steps: Omit<OffThreadBuild['steps'], 'saveMs' | 'awaitSaveMs'> };

/** The build the worker runs now: where its messages go. */
interface Running {
  receive(message: WorkerMessage): void;
  fail(error: Error): void;
}

/** Builds one at a time in a worker kept between builds (see the module's comment). */
export class IndexBuilder {
  private worker: Worker | null = null;
  private running: Running | null = null;
  /** The corpus decoded from the worker's last build, which the worker holds under that build's number. */
  private held: { id: number; corpus: Corpus } | null = null;
  private nextId = 0;
  private started = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: NodeJS.Timeout | null = null;
  private readonly idleMs: number;
  private readonly hold: boolean;

  /**
   * `idleMs`: how long the worker is kept waiting for the next build. `hold: false`: for a single build; the worker
   * does not keep the index it built (nor a copy of it to save while this thread decodes it).
   */
  constructor(options: { idleMs?: number; hold?: boolean } = {}) {
    this.idleMs = options.idleMs ?? INDEX_WORKER_IDLE_MS;
    this.hold = options.hold ?? true;
  }

  /** Worker threads started so far (one, unless a worker was stopped or died). */
  get workersStarted(): number {
    return this.started;
  }

  /** Whether a worker thread is running (idle or building). */
  get hasWorker(): boolean {
    return this.worker !== null;
  }

  /** Builds (after any build asked before). Rejects when the build fails, the worker dies, or the builder is closed. */
  build(request: BuildRequest, options: OffThreadOptions = {}): Promise<OffThreadBuild> {
    const built = this.queue.then(() => this.run(request, options));
    this.queue = built.catch(() => undefined);
    return built;
  }

  /** Stops the worker; a build it was running fails. */
  async close(): Promise<void> {
    this.clearIdle();
    const worker = this.worker;
    this.forget();
    this.running?.fail(new IndexBuildError('Quoth: the index worker was stopped before it had built and saved the index'));
    if (worker !== null) await worker.terminate();
  }

  private run(request: BuildRequest, options: OffThreadOptions): Promise<OffThreadBuild> {
    return new Promise((resolve, reject) => {
      this.clearIdle();
      const asked = performance.now();
      const id = (this.nextId += 1);
      const worker = this.worker ?? this.start();
      worker.ref();
      const order: BuildOrder = { type: 'build', id, hold: this.hold, request };
      const transfer: ArrayBuffer[] = [];
      const previous = request.incremental && options.previous !== undefined ? this.handOver(options.previous, transfer) : undefined;
      if (previous !== undefined) order.previous = previous;
      let removed = new Map<string, Map<string, number>>();
      let decoded: Decoded | Error | null = null;
      let decodedAt = 0;
      const settle = (): void => {
        this.running = null;
        if (this.worker !== null) {
          this.worker.unref();
          this.idleTimer = setTimeout(() => void this.close(), this.idleMs).unref();
        }
      };
      this.running = {
        fail: (error) => {
          settle();
          reject(error);
        },
        receive: (message) => {
          switch (message.type) {
            case 'progress':
              options.onProgress?.(message.done, message.total);
              break;
            case 'read':
              removed = new Map(message.removed.map(([file, reasons]) => [file, new Map(reasons)]));
              options.onRead?.(message.skipped, message.warnings);
              break;
            case 'failed':
              settle();
              reject(
                message.seedsFolder
                  ? new SeedsFolderError(message.seedsFolder.problem, message.seedsFolder.folder)
                  : Object.assign(new IndexBuildError(`Quoth: building the index failed: ${message.message}`), { stack: message.stack }),
              );
              break;
            case 'built': {
              // Decoded while the worker saves it; given out once it is saved (or could not be).
              const decoding = performance.now();
              const workerMs = decoding - asked;
              try {
                const corpus = decodeCorpus(message.corpus);
                const { filesRead, filesHashed, startedFrom } = message;
                decoded = { corpus, filesRead, filesHashed, startedFrom, steps: { ...message.steps, workerMs, decodeMs: performance.now() - decoding } };
              } catch (error) {
                decoded = new IndexBuildError(`Quoth: the index worker sent an index that does not decode: ${(error as Error).message}`, { cause: error });
              }
              decodedAt = performance.now();
              break;
            }
            case 'saved': {
              settle();
              if (decoded === null) {
                reject(new IndexBuildError('Quoth: the index worker saved an index it did not send'));
                break;
              }
              if (decoded instanceof Error) {
                reject(decoded);
                break;
              }
              if (this.hold) this.held = { id, corpus: decoded.corpus };
              const steps = { ...decoded.steps, saveMs: message.saveMs, awaitSaveMs: performance.now() - decodedAt };
              resolve({ ...decoded, removed, saveError: message.saveError ?? null, steps });
              break;
            }
          }
        },
      };
      worker.postMessage(order, transfer);
    });
  }

  /** How the worker gets `previous`: by the number it holds it under, else its encoded form (none: the worker reads the saved index). */
  private handOver(previous: Corpus, transfer: ArrayBuffer[]): PreviousIndex | undefined {
    if (this.held?.corpus === previous) return { held: this.held.id };
    const encoded = encodedFormOf(previous);
    if (encoded === undefined) return undefined;
    // The columns are a copy made for the worker: moved, not copied again. The text is shared with the index
    // answering here, and is copied.
    transfer.push(encoded.columns.buffer as ArrayBuffer);
    return { encoded };
  }

  /** Starts src/indexing/worker (compiled, or the TypeScript through tsx). */
  private start(): Worker {
    const worker = startProjectWorker(siblingModule('worker', import.meta.url), null);
    this.worker = worker;
    this.started += 1;
    const died = (error: Error): void => {
      if (this.worker !== worker) return;
      this.clearIdle();
      this.forget();
      this.running?.fail(error);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (this.worker === worker) this.running?.receive(message);
    });
    worker.on('error', (error) => died(new IndexBuildError(`Quoth: the index worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => died(new IndexBuildError(`Quoth: the index worker stopped (exit code ${code}) before it had built and saved the index`)));
    return worker;
  }

  /** No worker, and so nothing held by one. */
  private forget(): void {
    this.worker = null;
    this.held = null;
  }

  private clearIdle(): void {
    if (this.idleTimer !== null) clearTimeout(this.idleTimer);
    this.idleTimer = null;
  }
}

/** One build in a worker of its own, stopped once the build is done. */
export async function buildOffThread(request: BuildRequest, options: OffThreadOptions = {}): Promise<OffThreadBuild> {
  const builder = new IndexBuilder({ hold: false });
  try {
    return await builder.build(request, options);
  } finally {
    await builder.close();
  }
}
