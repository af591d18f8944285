/** The worker that reads, parses, indexes the seeds folder and saves the index, off the main thread (see ./offthread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSeeds, SeedsFolderError } from '../ingest/index.js';
import { buildCorpus } from '../search/corpus.js';
import { encodeCorpus } from '../search/envelope.js';
import { loadSavedCorpus, saveEncoded } from '../search/store.js';
import { buildIncrementally, reusableIn } from './incremental.js';
import type { BuildRequest, WorkerMessage } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('Quoth: src/indexing/worker.ts runs only as a worker thread');
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

async function build(request: BuildRequest): Promise<void> {
  const saved = request.incremental ? await loadSavedCorpus(request.indexDir) : null;
  const previous = saved?.ok ? saved.corpus : null;
  const seeds = await loadSeeds(request.seedsDir, {
    onProgress: (done, total) => send({ type: 'progress', done, total }),
    ...(request.maxFileBytes === undefined ? {} : { maxFileBytes: request.maxFileBytes }),
    ...(previous === null ? {} : { reuse: reusableIn(previous) }),
  });
  const removed = seeds.articles.map((article): [string, [string, number][]] => {
    const reasons = new Map<string, number>();
    for (const removal of article.removed) reasons.set(removal.reason, (reasons.get(removal.reason) ?? 0) + 1);
    return [article.source.path, [...reasons]];
  });
  send({ type: 'read', skipped: seeds.skipped, warnings: seeds.warnings, removed });

  const corpus = previous === null ? await buildCorpus(seeds.articles, seeds.skipped, request.builtAt) : buildIncrementally(previous, seeds, request.builtAt).corpus;
  const encoded = encodeCorpus(corpus);
  // A folder removed while the index was built: what was read may be a fragment of nothing; keep the saved index.
  await seeds.assertFolderUnchanged();
  const saveError = await saveEncoded(request.indexDir, encoded).then(
    () => undefined,
    (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message,
  );
  const transfer = [encoded.columns.buffer as ArrayBuffer, encoded.text.buffer as ArrayBuffer];
  const filesRead = seeds.articles.length;
  send(saveError === undefined ? { type: 'built', corpus: encoded, filesRead } : { type: 'built', corpus: encoded, saveError, filesRead }, transfer);
}

build(workerData as BuildRequest).catch((error: unknown) => {
  const fault = error instanceof Error ? error : new Error(String(error));
  send({
    type: 'failed',
    message: fault.message,
    ...(fault.stack === undefined ? {} : { stack: fault.stack }),
    ...(error instanceof SeedsFolderError ? { seedsFolder: { problem: error.problem, folder: error.folder } } : {}),
  });
});
