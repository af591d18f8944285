/** The worker that reads, parses, indexes the seeds folder and saves the index, off the main thread (see ./offthread.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { loadSeeds, SeedsFolderError } from '../ingest/index.js';
import { buildCorpus } from '../search/corpus.js';
import { saveCorpus } from '../search/store.js';
import type { BuildRequest, WorkerMessage } from './protocol.js';

/** Items per message: small enough that cloning one on arrival takes a few milliseconds. */
const CHUNK = 2000;

const port = parentPort;
if (port === null) throw new Error('Quoth: src/indexing/worker.ts runs only as a worker thread');
const send = (message: WorkerMessage, transfer: ArrayBuffer[] = []): void => port.postMessage(message, transfer);

/**
 * The result is paced: each part waits for the main thread's "next", which it sends a turn after taking the previous
 * part. Unpaced, the main thread would take every queued message in one turn (a stall of about a second at 40k
 * passages).
 */
const waiting: (() => void)[] = [];
const onNext = (): void => waiting.shift()?.();
port.on('message', onNext);
const sendPart = (message: WorkerMessage, transfer: ArrayBuffer[] = []): Promise<void> =>
  new Promise((resolve) => {
    waiting.push(resolve);
    send(message, transfer);
  });

/** Postings per message of the search index: a common term alone can hold one for every passage. */
const POSTINGS = 20_000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let from = 0; from < items.length; from += size) yield items.slice(from, from + size);
}

/** Consecutive runs of items whose weights add up to about `budget` (an item heavier than that goes alone). */
function* chunksByWeight<T>(items: readonly T[], weight: (item: T) => number, budget: number): Generator<T[]> {
  let run: T[] = [];
  let total = 0;
  for (const item of items) {
    const w = weight(item);
    if (run.length > 0 && total + w > budget) {
      yield run;
      run = [];
      total = 0;
    }
    run.push(item);
    total += w;
  }
  if (run.length > 0) yield run;
}

const postingsOf = ([, fields]: [string, Record<string, Record<string, number>>]): number => {
  let count = 1;
  for (const field of Object.values(fields)) count += Object.keys(field).length;
  return count;
};

async function build(request: BuildRequest): Promise<void> {
  const seeds = await loadSeeds(request.seedsDir, {
    onProgress: (done, total) => send({ type: 'progress', done, total }),
    ...(request.maxFileBytes === undefined ? {} : { maxFileBytes: request.maxFileBytes }),
  });
  const removed = seeds.articles.map((article): [string, [string, number][]] => {
    const reasons = new Map<string, number>();
    for (const removal of article.removed) reasons.set(removal.reason, (reasons.get(removal.reason) ?? 0) + 1);
    return [article.source.path, [...reasons]];
  });
  send({ type: 'read', skipped: seeds.skipped, warnings: seeds.warnings, removed });

  const corpus = await buildCorpus(seeds.articles, seeds.skipped, request.builtAt);
  const saveError = await saveCorpus(request.indexDir, corpus).then(
    () => undefined,
    (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message,
  );
  const { index: searchTerms, ...search } = corpus.search.toJSON();
  const impacts = corpus.impacts;
  const arrays = { offsets: impacts.offsets.slice(), ids: impacts.ids.slice(), scores: impacts.scores.slice() };
  await sendPart(
    { type: 'head', builtAt: corpus.builtAt, sources: corpus.sources, skipped: corpus.skipped, search, impacts: { size: impacts.size, ...arrays } },
    [arrays.offsets.buffer, arrays.ids.buffer, arrays.scores.buffer],
  );
  for (const passages of chunks(corpus.passages, CHUNK)) await sendPart({ type: 'passages', passages });
  const terms = new Array<string>(impacts.terms.size);
  for (const [term, at] of impacts.terms) terms[at] = term;
  for (const slice of chunks(terms, CHUNK * 10)) await sendPart({ type: 'impactTerms', terms: slice });
  for (const entries of chunksByWeight(searchTerms, postingsOf, POSTINGS)) await sendPart({ type: 'searchTerms', entries });
  send(saveError === undefined ? { type: 'done' } : { type: 'done', saveError });
}

build(workerData as BuildRequest)
  .catch((error: unknown) => {
  const fault = error instanceof Error ? error : new Error(String(error));
  send({
    type: 'failed',
    message: fault.message,
    ...(fault.stack === undefined ? {} : { stack: fault.stack }),
    ...(error instanceof SeedsFolderError ? { seedsFolder: { problem: error.problem, folder: error.folder } } : {}),
  });
  })
  .finally(() => port.off('message', onNext));
