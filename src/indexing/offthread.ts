/**
 * Builds a corpus from the seeds folder in a worker thread, so the main thread (the bot answering /ask) is never
 * held for long: reading, parsing, indexing and saving run in the worker; the result arrives in small messages and
 * the search index is rebuilt here with MiniSearch's chunked loader.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { IngestWarning } from '../ingest/index.js';
import { SeedsFolderError } from '../ingest/errors.js';
import type { Passage, SkippedFile } from '../model.js';
import { assemble, type Corpus } from '../search/corpus.js';
import { INDEX_OPTIONS, type PassageDocument } from '../search/options.js';
import type { BuildRequest, WorkerMessage } from './protocol.js';

export interface OffThreadBuild {
  corpus: Corpus;
  /** Per source path, how many stretches of boilerplate were removed, by reason. */
  removed: Map<string, Map<string, number>>;
  /** Why the index could not be saved (an errno code or a message), or null when it was. */
  saveError: string | null;
}

export interface OffThreadOptions {
  onProgress?(done: number, total: number): void;
  /** Called once the folder is read, before indexing: files skipped and warnings, for the log. */
  onRead?(skipped: SkippedFile[], warnings: IngestWarning[]): void;
}

export class IndexBuildError extends Error {
  override name = 'IndexBuildError';
}

/** Terms added to the impact index's map between turns of the event loop. */
const TERMS_PER_TURN = 20_000;

export function buildOffThread(request: BuildRequest, options: OffThreadOptions = {}): Promise<OffThreadBuild> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(request);
    let removed = new Map<string, Map<string, number>>();
    let head: Extract<WorkerMessage, { type: 'head' }> | null = null;
    const passages: Passage[] = [];
    const impactTerms: string[] = [];
    const searchTerms: AsPlainObject['index'] = [];
    let settled = false;
    const fail = (error: Error): void => {
      if (settled) return;
      settled = true;
      void worker.terminate();
      reject(error);
    };

    const next = (): void => {
      setImmediate(() => worker.postMessage('next'));
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'head' || message.type === 'passages' || message.type === 'impactTerms' || message.type === 'searchTerms') next();
      switch (message.type) {
        case 'progress':
          options.onProgress?.(message.done, message.total);
          break;
        case 'read':
          removed = new Map(message.removed.map(([file, reasons]) => [file, new Map(reasons)]));
          options.onRead?.(message.skipped, message.warnings);
          break;
        case 'head':
          head = message;
          break;
        case 'passages':
          for (const passage of message.passages) passages.push(passage);
          break;
        case 'impactTerms':
          for (const term of message.terms) impactTerms.push(term);
          break;
        case 'searchTerms':
          for (const entry of message.entries) searchTerms.push(entry);
          break;
        case 'failed':
          fail(
            message.seedsFolder
              ? new SeedsFolderError(message.seedsFolder.problem, message.seedsFolder.folder)
              : Object.assign(new IndexBuildError(`Quoth: building the index failed: ${message.message}`), { stack: message.stack }),
          );
          break;
        case 'done':
          settled = true;
          if (head === null) {
            reject(new IndexBuildError('Quoth: the index worker finished without sending an index'));
            return;
          }
          assembleCorpus(head, passages, impactTerms, searchTerms).then((corpus) => resolve({ corpus, removed, saveError: message.saveError ?? null }), reject);
          break;
      }
    });
    worker.on('error', (error) => fail(new IndexBuildError(`Quoth: the index worker failed: ${error.message}`, { cause: error })));
    worker.on('exit', (code) => fail(new IndexBuildError(`Quoth: the index worker stopped (exit code ${code}) before sending an index`)));
  });
}

async function assembleCorpus(
  head: Extract<WorkerMessage, { type: 'head' }>,
  passages: Passage[],
  impactTerms: string[],
  searchTerms: AsPlainObject['index'],
): Promise<Corpus> {
  const search = await MiniSearch.loadJSAsync<PassageDocument>({ ...head.search, index: searchTerms }, INDEX_OPTIONS);
  const terms = new Map<string, number>();
  for (let at = 0; at < impactTerms.length; at++) {
    terms.set(impactTerms[at]!, at);
    if (at % TERMS_PER_TURN === TERMS_PER_TURN - 1) await nextTurn();
  }
  return assemble({
    builtAt: head.builtAt,
    sources: head.sources,
    passages,
    search,
    impacts: { ...head.impacts, terms },
    skipped: head.skipped,
  });
}

/**
 * Starts src/indexing/worker: the compiled `.js` directly; the `.ts` (under tsx or vitest) through a bootstrap that
 * first registers tsx's loader in the worker, since loader hooks of the main thread do not reach a worker's entry.
 */
function startWorker(request: BuildRequest): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./worker.js', import.meta.url), { workerData: request });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData: request });
}
