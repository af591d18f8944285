/**
 * The worker that reads, parses, indexes the seeds folder and saves the index, off the main thread (see
 * ./offthread.ts). It takes one build at a time, for as long as the main thread keeps it, and holds the index it last
 * built, so that the next incremental build starts from it without anything handed over.
 */
import { parentPort } from 'node:worker_threads';
import { loadSeeds, SeedsFolderError } from '../ingest/index.js';
import type { Article } from '../model.js';
import { corpusOfDigests, digestArticle, type ArticleDigest, type Corpus } from '../search/corpus.js';
import { decodeCorpus, encodeCorpus, IndexFormatError, type EncodedCorpus } from '../search/envelope.js';
import { loadSavedCorpus, saveEncoded } from '../search/store.js';
import { knownHashIn, readIncrementally, skippedAgainIn, type ReuseRule } from './incremental.js';
import type { BuildOrder, SaveOutcome, StartedFrom, WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('Quoth: src/indexing/worker.ts runs only as a worker thread');
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/** The index this worker last built (as the main thread decoded it), and the number of that build. */
let held: { id: number; corpus: Corpus } | null = null;

const PROGRESS_INTERVAL_MS = 100;

/** The saves of held builds, one after the other in the order built (a build does not wait for the one before to be saved). */
let saving: Promise<void> = Promise.resolve();

/** Per source path, how many stretches of boilerplate were removed, by reason (for the log). */
function removals(article: Article): [string, [string, number][]] {
  const reasons = new Map<string, number>();
  for (const removal of article.removed) reasons.set(removal.reason, (reasons.get(removal.reason) ?? 0) + 1);
  return [article.source.path, [...reasons]];
}

/**
 * The index an incremental build starts from: the one held, or the one handed over, else the saved one (null when
 * none is usable). Only built upon: its impacts are never scored.
 */
async function previousCorpus(order: BuildOrder): Promise<{ corpus: Corpus | null; from: StartedFrom }> {
  const { previous } = order;
  if (previous !== undefined && 'held' in previous && held?.id === previous.held) return { corpus: held.corpus, from: 'held' };
  if (previous !== undefined && 'encoded' in previous) {
    try {
      return { corpus: decodeCorpus(previous.encoded, { score: false }), from: 'handed' };
    } catch (error) {
      if (!(error instanceof IndexFormatError)) throw error;
    }
  }
  const saved = await loadSavedCorpus(order.request.indexDir, { score: false });
  return saved.ok ? { corpus: saved.corpus, from: 'saved' } : { corpus: null, from: 'nothing' };
}

async function build(order: BuildOrder): Promise<void> {
  const { request } = order;
  let started = performance.now();
  const { corpus: previous, from: startedFrom } = request.incremental ? await previousCorpus(order) : { corpus: null, from: 'nothing' as const };
  const loadPreviousMs = performance.now() - started;
  // Each article is digested (passages cut, copy signature taken) as soon as it is read and then let go: the build
  // holds the passages, not every file's text, markup and parse at once.
  // Summed over both reads when a copy taken unread must be read after all, so that assembling is timed alone.
  let readMs = 0;
  let digestMs = 0;
  const readFolder = async (reuse?: ReuseRule) => {
    const digests: ArticleDigest[] = [];
    const removed: [string, [string, number][]][] = [];
    const readStarted = performance.now();
    let progressSent = -Infinity;
    const loaded = await loadSeeds(request.seedsDir, {
      onProgress(done, total) {
        // The first, then one a tenth of a second at most, and the last: one message per file took ~20 ms (under the
        // CPU profiler) of each one-file reindex of the bench's 1,000 files.
        const now = performance.now();
        if (done < total && now - progressSent < PROGRESS_INTERVAL_MS) return;
        progressSent = now;
        send({ type: 'progress', done, total });
      },
      // This thread answers nothing while it reads: the stats need not leave it a turn.
      syncStats: true,
      onArticle(article) {
        const digesting = performance.now();
        removed.push(removals(article));
        digests.push(digestArticle(article));
        digestMs += performance.now() - digesting;
      },
      ...(request.maxFileBytes === undefined ? {} : { maxFileBytes: request.maxFileBytes }),
      ...(previous === null || reuse === undefined ? {} : { reuse, skipAgain: skippedAgainIn(previous), knownHash: knownHashIn(previous) }),
    });
    readMs += performance.now() - readStarted;
    return { loaded, digests, removed };
  };
  started = performance.now();
  const { corpus, read } =
    previous === null
      ? await readFolder().then((read) => ({ read, corpus: corpusOfDigests(read.digests, read.loaded.skipped, request.builtAt) }))
      : await readIncrementally(previous, request.builtAt, readFolder);
  const seeds = read.loaded;
  read.digests.length = 0;
  const assembleMs = performance.now() - started - readMs;
  send({ type: 'read', skipped: seeds.skipped, warnings: seeds.warnings, removed: read.removed });
  started = performance.now();
  const encoded = encodeCorpus(corpus, { fileStamps: seeds.stamps, shared: order.hold });
  const encodeMs = performance.now() - started;
  // A folder removed while the index was built: what was read may be a fragment of nothing; keep the saved index.
  await seeds.assertFolderUnchanged();
  const steps = { loadPreviousMs, readMs, digestMs, assembleMs, encodeMs };
  const built = { type: 'built', corpus: encoded, filesRead: seeds.read, filesHashed: seeds.hashed, startedFrom, steps } as const;
  held = null;
  if (!order.hold) {
    // Saved first and sent after, its buffers moved: no copy of the index to save (at a million passages it would be ~400 MB more).
    const outcome = await save(request.indexDir, encoded);
    send(built, [encoded.columns.buffer as ArrayBuffer, encoded.text.buffer as ArrayBuffer]);
    send({ type: 'saved', id: order.id, ...outcome });
    return;
  }
  // Sent before it is saved, so that the main thread answers from it while this one saves it: its buffers are shared
  // memory, which both threads read and neither writes. The next build may start before the save ends: saves are
  // chained, one at a time in the order built, and run mostly in the thread pool (compressing, hashing, writing).
  send(built);
  try {
    // Held as it was built: its columns are not checked again, its term table not decoded again.
    held = { id: order.id, corpus: decodeCorpus(encoded, { score: false, check: false, table: corpus.table }) };
  } catch {
    // Not held: the next build is handed the index, or reads the saved one. (Its outcome is sent already.)
  }
  saving = saving.then(async () => send({ type: 'saved', id: order.id, ...(await save(request.indexDir, encoded)) }));
}

async function save(indexDir: string, encoded: EncodedCorpus): Promise<SaveOutcome> {
  const started = performance.now();
  const saveError = await saveEncoded(indexDir, encoded).then(
    () => null,
    (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message,
  );
  return { saveError, saveMs: performance.now() - started };
}

function fail(error: unknown): void {
  const fault = error instanceof Error ? error : new Error(String(error));
  send({
    type: 'failed',
    message: fault.message,
    ...(fault.stack === undefined ? {} : { stack: fault.stack }),
    ...(error instanceof SeedsFolderError ? { seedsFolder: { problem: error.problem, folder: error.folder } } : {}),
  });
}

// One build at a time, in the order asked.
let queue = Promise.resolve();
port.on('message', (order: BuildOrder) => {
  queue = queue.then(() => build(order)).catch(fail);
});
