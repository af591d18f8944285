/**
 * The reindex phase: the corpus's files copied to disk as many times as the build replicated them in memory, a full
 * build through the library (worker thread, save), then one file changed and `reindex()` timed, twice: the incremental path
 * a `/reindex` takes (stat every file, hash those whose stamp changed, parse the changed one, merge, encode, save,
 * hand over, decode).
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openLibraryWithReport, type Library } from '../../src/library.js';
import type { ReindexReport } from '../../src/service.js';
import { progress, summarize, timed } from './measure.js';

/** Reindexes after the first, each of one changed file: an odd number, so that the median is one of them. */
const NEXT_REINDEXES = 5;

export interface ReindexArgs {
  seedsDir: string;
  repeat: number;
  workDir: string;
}

export interface ReindexResult {
  /** The first build of the copied folder, off the main thread, saved. */
  fullBuildMs: number;
  /** The first reindex after that build, and the files it hashed. */
  firstReindexMs: number;
  firstFilesHashed: number;
  /** The median of the next ones, each with one other file changed. The figures below are that one's. */
  reindexMs: number;
  /** Every one of the next ones, in the order run. */
  reindexSamplesMs: number[];
  filesRead: number;
  /** Files read from disk to be hashed (the others kept their size and modification time). */
  filesHashed: number;
  /** Where the reindex's time went (ms): the worker's steps and the decoding on the main thread. */
  steps: Record<string, number>;
  passages: number;
  changedFile: string;
}

export async function reindexOneFile(args: ReindexArgs): Promise<ReindexResult> {
  const folder = path.join(args.workDir, 'reindex-seeds');
  await cp(args.seedsDir, folder, { recursive: true });
  for (let k = 1; k < args.repeat; k++) await cp(args.seedsDir, path.join(folder, `copy${k}`), { recursive: true });
  const indexDir = path.join(args.workDir, 'reindex-index');
  const opened = await timed(() => openLibraryWithReport({ seedsDir: folder, indexDir, forceRebuild: true }));
  const library = opened.value.library;
  progress(`reindex: full build of ${library.info().passages} passages in ${(opened.ms / 1000).toFixed(1)} s`);

  // A different file each time: the first reindex after the build also hashes the files copied within the build's
  // racy window (their stamps cannot be trusted yet); the next ones are what a running bot's /reindex costs, one after
  // the other as a moderator's edits come, and their median is the figure (one such reindex moved by a fifth from run
  // to run).
  // Pages the index holds: a page it skips (a page of links) is hashed again when it changes, and skipped again unread.
  const skipped = new Set(library.info().skipped.map((file) => path.resolve(folder, file.path)));
  const files = (await seedFiles(folder)).filter((file) => !skipped.has(file));
  const first = await reindexAfterChanging(library, files[0]!, 'first');
  const next: { ms: number; value: ReindexReport; file: string }[] = [];
  for (let at = 1; at <= NEXT_REINDEXES; at++) {
    const file = files[(at * files.length) / (NEXT_REINDEXES + 1) | 0]!;
    next.push({ ...(await reindexAfterChanging(library, file, `next ${at}/${NEXT_REINDEXES}`)), file });
  }
  // Once the index it answers from is saved: the folder is removed after this phase.
  await library.close();
  const p50 = summarize(next.map((sample) => sample.ms)).p50;
  const median = next.find((sample) => sample.ms === p50)!;
  return {
    fullBuildMs: opened.ms,
    firstReindexMs: first.ms,
    firstFilesHashed: first.value.filesHashed ?? -1,
    reindexMs: median.ms,
    reindexSamplesMs: next.map((sample) => sample.ms),
    filesRead: median.value.filesRead ?? -1,
    filesHashed: median.value.filesHashed ?? -1,
    steps: { ...median.value.steps },
    passages: median.value.passages,
    changedFile: path.relative(folder, median.file),
  };
}

async function reindexAfterChanging(library: Library, file: string, which: string): Promise<{ ms: number; value: ReindexReport }> {
  const text = await readFile(file, 'utf8');
  const sentence = 'The bench changed this page to time an incremental reindex of one file.';
  await writeFile(file, /<\/p>/.test(text) ? text.replace(/<\/p>/, ` ${sentence}</p>`) : `${text}\n\n${sentence}\n`);
  const reindex = await timed(() => library.reindex());
  const steps = Object.entries({ ...reindex.value.steps }).map(([step, ms]) => `${step.replace(/Ms$/, '')} ${Math.round(ms)} ms`);
  progress(
    `reindex (${which}): one changed file in ${(reindex.ms / 1000).toFixed(2)} s ` +
      `(${reindex.value.filesRead ?? '?'} files read, ${reindex.value.filesHashed ?? '?'} hashed; ${steps.join(', ')})`,
  );
  return reindex;
}

/** The seed files of the first copy of the corpus, sorted. */
async function seedFiles(folder: string): Promise<string[]> {
  const entries = (await readdir(folder, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && /\.(html?|md|txt)$/.test(entry.name) && !path.join(entry.parentPath, entry.name).includes(`${path.sep}copy`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  if (entries.length < 2) throw new Error(`bench: fewer than two seed files in ${folder}`);
  return entries;
}
