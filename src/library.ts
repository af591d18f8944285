/**
 * The running Quoth: one corpus in memory, answered from synchronously; rebuilt from the seeds folder
 * on demand while the old corpus keeps answering, then swapped in one assignment.
 */
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ask, retrieve } from './answer/answer.js';
import { indexingCodeStamp, savedIndexerStamp, saveIndexerStamp } from './indexing/codestamp.js';
import { knownHashIn } from './indexing/incremental.js';
import { IndexBuilder, type OffThreadBuild } from './indexing/offthread.js';
import { hashSeeds, SeedsFolderError } from './ingest/index.js';
import type { Corpus } from './search/corpus.js';
import { loadSavedCorpus, removeLeftoverTemporaries } from './search/store.js';
import type { AskOutcome, IndexInfo, Quoth, ReindexReport } from './service.js';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
}

export interface LibraryOptions {
  seedsDir: string;
  indexDir: string;
  log?: Log;
  /** Progress of reading the seeds folder, for a progress bar. */
  onProgress?(done: number, total: number): void;
  /** Rebuild even when the saved index matches the seeds (incrementally from it when it is usable). */
  forceRebuild?: boolean;
  /** Rebuild reading every file again, reusing nothing of the saved index: the code that cuts passages has changed. */
  fromScratch?: boolean;
  /** Seed files larger than this are skipped without being read (`MAX_FILE_MB`). */
  maxFileBytes?: number;
  /**
   * Make the spelling index in the background once an index is in (default true). The sharding manager, which builds
   * but never answers, turns it off.
   */
  prepareSpelling?: boolean;
  /**
   * Throw `IndexOfOtherFolderError` rather than replace a saved index none of whose files is in the seeds folder: the
   * command line asks the index it is given, and says whose it is, instead of rebuilding it from another folder.
   */
  keepIndexOfOtherFolder?: boolean;
}

/** The saved index was built from another folder: none of its files is in the seeds folder. */
export class IndexOfOtherFolderError extends Error {
  constructor(
    readonly indexDir: string,
    /** The folder its files are in, as their paths were shown when it was built. */
    readonly folder: string,
    readonly files: number,
    readonly seedsDir: string,
  ) {
    super(`Quoth: ${indexDir} holds the index of ${folder} (${files} ${files === 1 ? 'file' : 'files'}), none of which is in ${seedsDir}`);
  }
}

const silent: Log = { info: () => {}, warn: () => {} };

export interface OpenedLibrary {
  library: Library;
  /** How the index came to be: loaded from disk, or built (and why). */
  origin: { loaded: true } | { loaded: false; reason: string };
  /** When built: per source path, how many stretches of boilerplate were removed, by reason. Empty when loaded. */
  removed: Map<string, Map<string, number>>;
}

/** Loads the saved index when it matches the seeds, else builds and saves a new one (one log line says why). */
export async function openLibrary(options: LibraryOptions): Promise<Library> {
  return (await openLibraryWithReport(options)).library;
}

/**
 * Loads the saved index when it matches the seeds, else builds and saves a new one. One line says why it rebuilds
 * (a warning when the saved index was damaged). When the seeds folder is missing, a valid saved index still answers,
 * with a warning that it cannot be checked against its sources.
 */
export async function openLibraryWithReport(options: LibraryOptions): Promise<OpenedLibrary> {
  const log = options.log ?? silent;
  const litter = await removeLeftoverTemporaries(options.indexDir);
  if (litter.length > 0) log.info(`Removed ${litter.length} temporary file(s) left in ${options.indexDir} by an interrupted save: ${litter.join(', ')}`);
  if (options.fromScratch) return build(options, log, 'a rebuild from scratch was asked for', true);
  const sameIndexer = (await savedIndexerStamp(options.indexDir)) === (await indexingCodeStamp());
  const otherIndexer = 'the saved index was built by another version of Quoth';
  if (options.forceRebuild) {
    // Loaded here rather than in the worker, so that what the rebuild changed can be told.
    const saved = await loadSavedCorpus(options.indexDir);
    if (!saved.ok && saved.kind === 'missing') return build(options, log, saved.reason, true);
    if (!sameIndexer) return build(options, log, otherIndexer, true);
    return build(options, log, 'a rebuild was asked for', false, saved.ok ? saved.corpus : undefined);
  }

  // Loaded first: the files whose size and modification time it recorded, unchanged, are not read to be hashed.
  const saved = await loadSavedCorpus(options.indexDir);
  const hashes = await hashSeeds(options.seedsDir, { ...seedOptions(options), ...(saved.ok ? { knownHash: knownHashIn(saved.corpus) } : {}) }).catch((error: unknown) => {
    if (error instanceof SeedsFolderError && error.problem === 'not_found') return error;
    throw error;
  });
  if (hashes instanceof SeedsFolderError) {
    if (!saved.ok) throw hashes;
    log.warn(`${hashes.message}; answering from the saved index built ${saved.corpus.builtAt}, which cannot be checked against its sources`);
    return loaded(saved.corpus, options, log);
  }
  if (!saved.ok) {
    if (saved.kind === 'unusable') log.warn(`The saved index cannot be used: ${saved.reason}`);
    return build(options, log, saved.reason);
  }
  if (options.keepIndexOfOtherFolder === true) {
    const other = otherFolderOf(saved.corpus, hashes, options.seedsDir);
    if (other !== null) throw new IndexOfOtherFolderError(options.indexDir, other.folder, other.files, options.seedsDir);
  }
  if (!sameIndexer) return build(options, log, otherIndexer, true);
  const reason = staleness(saved.corpus, hashes);
  if (reason !== null) return build(options, log, reason, false, saved.corpus);
  return loaded(saved.corpus, options, log);
}

function loaded(corpus: Corpus, options: LibraryOptions, log: Log): OpenedLibrary {
  log.info(`Loaded index of ${corpus.passages.length} passages from ${options.indexDir} (built ${corpus.builtAt})`);
  return { library: new Library(corpus, options), origin: { loaded: true }, removed: new Map() };
}

function seedOptions(options: LibraryOptions): { maxFileBytes?: number } {
  return options.maxFileBytes === undefined ? {} : { maxFileBytes: options.maxFileBytes };
}

async function build(options: LibraryOptions, log: Log, reason: string, fromScratch = false, previous?: Corpus): Promise<OpenedLibrary> {
  log.info(`Building the index: ${reason}`);
  const started = performance.now();
  // Kept by the library: its worker holds the index it built, for the next reindex.
  const builder = new IndexBuilder();
  const { corpus, removed, filesRead, filesHashed, saved } = await buildFromSeeds(builder, options, log, fromScratch, previous).catch(async (error: unknown) => {
    await builder.close();
    throw error;
  });
  // The first index is in the folder before the library is given out (`npm run index` is done when it is saved).
  await recordSave(options, log, saved);
  log.info(`Indexed ${corpus.sources.length} sources, ${corpus.passages.length} passages`);
  if (previous !== undefined) log.info(`Since the saved index: ${changesLine({ ...compare(previous, corpus, performance.now() - started), filesRead, filesHashed })}`);
  return { library: new Library(corpus, options, builder), origin: { loaded: false, reason }, removed };
}

/**
 * Reads, indexes and saves the seeds folder in a worker thread, incrementally from the saved index when it is usable
 * (only new and changed files are read; the result is the same as a full build) (the bot keeps answering meanwhile), logging what it
 * skipped. Given out once the index is in memory, before it is saved (see `recordSave`).
 */
async function buildFromSeeds(builder: IndexBuilder, options: LibraryOptions, log: Log, fromScratch: boolean, previous?: Corpus): Promise<OffThreadBuild> {
  const built = await builder.build(
    {
      seedsDir: options.seedsDir,
      indexDir: options.indexDir,
      builtAt: new Date().toISOString(),
      incremental: !fromScratch,
      ...seedOptions(options),
    },
    {
      ...(previous === undefined || fromScratch ? {} : { previous }),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      onRead: (skipped, warnings) => {
        for (const file of skipped) log.warn(`Skipped ${file.path}: ${file.reason}`);
        for (const warning of warnings) log.warn(`${warning.path}: ${warning.message}`);
      },
    },
  );
  return built;
}

/**
 * Once a build's index is saved, records which version of Quoth built it. An index that cannot be saved (read-only
 * folder, full disk) still answers; it is rebuilt at the next start.
 */
async function recordSave(options: LibraryOptions, log: Log, saved: OffThreadBuild['saved']): Promise<void> {
  const { saveError } = await saved;
  if (saveError !== null) {
    log.warn(`Could not save the index to ${options.indexDir} (${saveError}); answering from memory, it will be rebuilt at the next start`);
    return;
  }
  await saveIndexerStamp(options.indexDir, await indexingCodeStamp()).catch((error: unknown) => {
    log.warn(`Could not save which version of Quoth built the index (${error instanceof Error ? error.message : String(error)}); it will be rebuilt at the next start`);
  });
}

/**
 * The folder a saved index was built from, when it is another than the seeds folder: none of its files is among the
 * seeds folder's, and they are not in it (its files all deleted, or moved into a subfolder, leave it the same folder).
 */
function otherFolderOf(corpus: Corpus, files: Map<string, string>, seedsDir: string): { folder: string; files: number } | null {
  const paths = [...corpus.sources.map((entry) => entry.source.path), ...corpus.skipped.map((entry) => entry.path)];
  if (paths.length === 0 || paths.some((file) => files.has(file))) return null;
  const folder = commonFolder(paths);
  const inside = path.relative(path.resolve(seedsDir), path.resolve(folder));
  return inside === '' || (!inside.startsWith('..') && !path.isAbsolute(inside)) ? null : { folder, files: paths.length };
}

/** The deepest folder holding every one of `paths` ("." for none in common). */
function commonFolder(paths: readonly string[]): string {
  const folders = paths.map((file) => file.split(/[\\/]/u).slice(0, -1));
  let depth = folders[0]!.length;
  for (const parts of folders) {
    let shared = 0;
    while (shared < depth && parts[shared] === folders[0]![shared]) shared += 1;
    depth = shared;
  }
  return folders[0]!.slice(0, depth).join('/') || '.';
}

/** Why a saved corpus no longer matches the files of the seeds folder (path → sha256), or null when it does. */
function staleness(corpus: Corpus, files: Map<string, string>): string | null {
  const indexed = new Map<string, string | undefined>([
    ...corpus.sources.map((entry): [string, string] => [entry.source.path, entry.sha256]),
    ...corpus.skipped.map((entry): [string, string | undefined] => [entry.path, entry.sha256]),
  ]);
  for (const [file, hash] of files) {
    if (!indexed.has(file)) return `${file} is new`;
    if (indexed.get(file) !== hash) return `${file} changed`;
  }
  for (const [file, hash] of indexed) if (hash !== undefined && !files.has(file)) return `${file} was removed`;
  return null;
}

export class Library implements Quoth {
  private corpus: Corpus;
  private running: Promise<ReindexReport> | null = null;
  /** Settles once every index built so far is saved (or could not be), and recorded as such. */
  private saving: Promise<void> = Promise.resolve();
  /** Stops making the spelling index of the index answering now, in the background. */
  private preparing: AbortController | null = null;

  constructor(
    corpus: Corpus,
    private readonly options: LibraryOptions,
    /** Builds the reindexes in a worker thread, kept between them (started on the first one when not given). */
    private readonly builder: IndexBuilder = new IndexBuilder(),
  ) {
    this.corpus = corpus;
    this.prepare(corpus);
  }

  /** Answers from `corpus` from now on: an index another process built and saved (a shard's, from the manager). */
  adopt(corpus: Corpus): void {
    this.corpus = corpus;
    this.prepare(corpus);
  }

  /** When the index answering now was built (ISO timestamp). */
  get builtAt(): string {
    return this.corpus.builtAt;
  }

  /**
   * Makes the spelling index in the background, a turn of the event loop at a time, so the first misspelt question
   * does not pay for it (a few seconds at 100k passages). The pauses do not keep a finished command line alive.
   * Given up when a reindex starts (see `rebuild`).
   */
  private prepare(corpus: Corpus): void {
    this.preparing?.abort();
    if (this.options.prepareSpelling === false) return;
    const preparing = (this.preparing = new AbortController());
    corpus.prepareSearch(() => nextTurn(undefined, { ref: false, signal: preparing.signal })).catch((error: unknown) => {
      if (preparing.signal.aborted) return;
      (this.options.log ?? silent).warn(`Could not prepare the spelling index ahead of use (${(error as Error).message}); it is made on the first misspelt word`);
    });
  }

  ask(question: string): AskOutcome {
    return ask(this.corpus, question);
  }

  /** Source ids of the passages retrieval ranks first for a question, best first (one per passage). */
  retrievedSources(question: string, limit: number): string[] {
    return retrieve(this.corpus, question, limit).map((passage) => passage.sourceId);
  }

  info(): IndexInfo {
    return {
      builtAt: this.corpus.builtAt,
      sources: this.corpus.sources.map((indexed) => ({ source: indexed.source, passages: indexed.passages })),
      passages: this.corpus.passages.length,
      skipped: this.corpus.skipped,
    };
  }

  /** Settles once the index of every reindex that has ended is saved, or could not be (the reason is logged). */
  saved(): Promise<void> {
    return this.saving;
  }

  /** Stops the index worker kept for reindexes once it has saved what it built (a reindex running fails; the index answering stays). */
  async close(): Promise<void> {
    await this.saving;
    await this.builder.close();
  }

  reindex(): Promise<ReindexReport> {
    this.running ??= this.rebuild().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async rebuild(): Promise<ReindexReport> {
    const started = performance.now();
    const log = this.options.log ?? silent;
    // The spelling index of an index about to be replaced is not worth the main thread's time while the new one is
    // decoded here (a misspelt question meanwhile still makes it, as one before it was prepared does).
    this.preparing?.abort();
    const { corpus: next, filesRead, filesHashed, steps, saved } = await buildFromSeeds(this.builder, this.options, log, false, this.corpus).catch((error: unknown) => {
      this.prepare(this.corpus);
      throw error;
    });
    // Answers from the new index now; it is saved meanwhile (a crash before that leaves the previous file whole).
    this.saving = this.saving.then(() => recordSave(this.options, log, saved));
    const report = { ...compare(this.corpus, next, performance.now() - started), filesRead, filesHashed, steps };
    this.adopt(next);
    log.info(`Reindexed: ${changesLine(report)}`);
    return report;
  }
}

function changesLine(report: ReturnType<typeof compare> & { filesRead: number; filesHashed: number }): string {
  return (
    `${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ` +
    `${report.skipped.length} skipped (${report.filesRead} files read, ${report.filesHashed} hashed); ${report.passages} passages (+${report.passageChanges.added} −${report.passageChanges.removed}) ` +
    `in ${Math.round(report.durationMs)} ms`
  );
}

function compare(previous: Corpus, next: Corpus, durationMs: number): ReindexReport & { passageChanges: { added: number; removed: number } } {
  const before = new Map(previous.sources.map((indexed) => [indexed.source.id, indexed.sha256]));
  const after = new Map(next.sources.map((indexed) => [indexed.source.id, indexed.sha256]));
  const added = [...after.keys()].filter((id) => !before.has(id));
  const removed = [...before.keys()].filter((id) => !after.has(id));
  const changed = [...after].filter(([id, hash]) => before.has(id) && before.get(id) !== hash).map(([id]) => id);
  const passagesOf = (corpus: Corpus, ids: string[]): number => ids.reduce((sum, id) => sum + (corpus.sourceById.get(id)?.passages ?? 0), 0);
  return {
    added,
    changed,
    removed,
    unchanged: after.size - added.length - changed.length,
    skipped: next.skipped,
    passages: next.passages.length,
    durationMs,
    builtAt: next.builtAt,
    passageChanges: { added: passagesOf(next, [...added, ...changed]), removed: passagesOf(previous, [...removed, ...changed]) },
  };
}
