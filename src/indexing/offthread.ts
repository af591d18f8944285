/**
 * Builds a corpus from the seeds folder in a worker thread, so the main thread (the bot answering /ask) is never
 * held for long: reading, parsing, indexing, encoding and saving run in the worker; the encoded index arrives in one
 * message whose buffers are shared or transferred, and is decoded here as a saved index is loaded (no passage objects
 * made).
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
import type { BuildOrder, BuildRequest, BuildSteps, PreviousIndex, SaveOutcome, StartedFrom, WorkerMessage } from './protocol.js';

export interface OffThreadBuild {
  corpus: Corpus;
  /** Per source path, how many stretches of boilerplate were removed, by reason. */
  removed: Map<string, Map<string, number>>;
  /**
   * Settles once the index is saved, or could not be (never rejects). The build is given out before: the index
   * answers from memory as soon as it is decoded, and a crash during the save leaves the previous file whole.
   */
  saved: Promise<SaveOutcome>;
  /** Files read and parsed (all of them, unless the build was incremental). */
  filesRead: number;
  /** Files read from disk to be hashed: those whose size or modification time changed, or that had to be parsed. */
  filesHashed: number;
  /** What the build started from: the index the worker held, the one handed over, the saved one, or nothing. */
  startedFrom: StartedFrom;
  /**
   * Where the time went: the worker's steps, from asking the worker to receiving its index (`workerMs`: what its
   * steps leave of it is starting the worker, if it was not running, handing the index over, and waiting for the
   * worker to end what it was doing), then decoding the index here (while the worker saves it).
   */
  steps: BuildSteps & { workerMs: number; decodeMs: number };
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

/** How long `close()` lets a save under way finish before it stops the worker anyway. */
const SAVE_GRACE_MS = 30_000;

/** Waits until every promise is settled, or `ms` have passed, whichever comes first. */
async function settledWithin(promises: readonly Promise<unknown>[], ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms).unref()));
  await Promise.race([Promise.allSettled(promises), timeout]);
  clearTimeout(timer);
}

/** The build the worker runs now: where its messages go. */
interface Running {
  receive(message: WorkerMessage): void;
  fail(error: Error): void;
}

/** Builds one at a time in a worker kept between builds (see the module's comment). */
export class IndexBuilder {
  private worker: Worker | null = null;
  private running: Running | null = null;
  /** Per build given out and not yet saved, by its number: its `saved`, and what settles it. */
  private readonly saving = new Map<number, { saved: Promise<SaveOutcome>; settle: (outcome: SaveOutcome) => void }>();
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

  /**
   * Stops the worker; a build it was running fails. A save under way is let finish first, for up to SAVE_GRACE_MS:
   * it compresses in the thread pool, and a worker stopped then takes the whole process down (Node aborts, "close
   * before init", on a zlib stream freed before it began). A save still running after that is given up (the file
   * saved before stays whole).
   */
  async close(): Promise<void> {
    this.clearIdle();
    if (this.worker !== null && this.saving.size > 0) await settledWithin([...this.saving.values()].map((pending) => pending.saved), SAVE_GRACE_MS);
    const worker = this.worker;
    this.forget();
    this.running?.fail(new IndexBuildError('Quoth: the index worker was stopped before it had built the index'));
    this.abandonSaves('the index worker was stopped before it had saved the index');
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
      const fail = (error: Error): void => {
        this.running = null;
        this.settleIfIdle();
        reject(error);
      };
      this.running = {
        fail,
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
              fail(
                message.seedsFolder
                  ? new SeedsFolderError(message.seedsFolder.problem, message.seedsFolder.folder)
                  : Object.assign(new IndexBuildError(`Quoth: building the index failed: ${message.message}`), { stack: message.stack }),
              );
              break;
            case 'built': {
              // Given out once decoded; the worker saves it meanwhile, and says so in a 'saved' message of its number.
              const decoding = performance.now();
              const workerMs = decoding - asked;
              let corpus: Corpus;
              try {
                // Encoded by the worker and handed over in memory: not checked again as a file read from disk is.
                corpus = decodeCorpus(message.corpus, { check: false });
              } catch (error) {
                fail(new IndexBuildError(`Quoth: the index worker sent an index that does not decode: ${(error as Error).message}`, { cause: error }));
                break;
              }
              let settle!: (outcome: SaveOutcome) => void;
              const saved = new Promise<SaveOutcome>((resolve) => (settle = resolve));
              this.saving.set(id, { saved, settle });
              if (this.hold) this.held = { id, corpus };
              this.running = null;
              const { filesRead, filesHashed, startedFrom } = message;
              resolve({ corpus, removed, saved, filesRead, filesHashed, startedFrom, steps: { ...message.steps, workerMs, decodeMs: performance.now() - decoding } });
              break;
            }
          }
        },
      };
      worker.postMessage(order, transfer);
    });
  }

  /** A message of the worker: a 'saved' one settles the `saved` of the build it names, any other goes to the build running. */
  private received(message: WorkerMessage): void {
    if (message.type !== 'saved') {
      this.running?.receive(message);
      return;
    }
    const pending = this.saving.get(message.id);
    this.saving.delete(message.id);
    pending?.settle({ saveError: message.saveError, saveMs: message.saveMs });
    this.settleIfIdle();
  }

  /** With no build running and no save pending: the worker no longer keeps the process alive, and is stopped once idle long enough. */
  private settleIfIdle(): void {
    if (this.running !== null || this.saving.size > 0 || this.worker === null) return;
    this.worker.unref();
    this.clearIdle();
    this.idleTimer = setTimeout(() => void this.close(), this.idleMs).unref();
  }

  /** Settles every pending `saved` with `reason` as the save error (the worker that was saving is gone). */
  private abandonSaves(reason: string): void {
    const pending = [...this.saving.values()];
    this.saving.clear();
    for (const { settle } of pending) settle({ saveError: reason, saveMs: 0 });
  }

  /** How the worker gets `previous`: by the number it holds it under, else its encoded form (none: the worker reads the saved index). */
  private handOver(previous: Corpus, transfer: ArrayBuffer[]): PreviousIndex | undefined {
    if (this.held?.corpus === previous) return { held: this.held.id };
    const encoded = encodedFormOf(previous);
    if (encoded === undefined) return undefined;
    // The columns are a copy made for the worker: moved, not copied again. The text is the index's answering here:
    // shared when it came from a worker (shared memory), else copied.
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
      this.abandonSaves(error.message);
    };
    worker.on('message', (message: WorkerMessage) => {
      if (this.worker === worker) this.received(message);
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

/** One build in a worker of its own, stopped once the build is done and saved (`saved` is settled). */
export async function buildOffThread(request: BuildRequest, options: OffThreadOptions = {}): Promise<OffThreadBuild> {
  const builder = new IndexBuilder({ hold: false });
  try {
    const built = await builder.build(request, options);
    await built.saved;
    return built;
  } finally {
    await builder.close();
  }
}
