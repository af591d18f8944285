/**
 * The reindex phase: the corpus's files copied to disk as many times as the build replicated them in memory, a full
 * build through the library (worker thread, save), then one file changed and `reindex()` timed: the incremental path
 * a `/reindex` takes (hash every file, parse the changed one, merge, encode, save, hand over, decode).
 */
import { cp, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { openLibraryWithReport } from '../../src/library.js';
import { progress, timed } from './measure.js';

export interface ReindexArgs {
  seedsDir: string;
  repeat: number;
  workDir: string;
}

export interface ReindexResult {
  /** The first build of the copied folder, off the main thread, saved. */
  fullBuildMs: number;
  reindexMs: number;
  filesRead: number;
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

  const changedFile = await firstSeedFile(folder);
  const text = await readFile(changedFile, 'utf8');
  const sentence = 'The bench changed this page to time an incremental reindex of one file.';
  await writeFile(changedFile, /<\/p>/.test(text) ? text.replace(/<\/p>/, ` ${sentence}</p>`) : `${text}\n\n${sentence}\n`);
  const reindex = await timed(() => library.reindex());
  progress(`reindex: one changed file in ${(reindex.ms / 1000).toFixed(2)} s (${reindex.value.filesRead ?? '?'} files read)`);
  return {
    fullBuildMs: opened.ms,
    reindexMs: reindex.ms,
    filesRead: reindex.value.filesRead ?? -1,
    passages: reindex.value.passages,
    changedFile: path.relative(folder, changedFile),
  };
}

async function firstSeedFile(folder: string): Promise<string> {
  const entries = (await readdir(folder, { withFileTypes: true, recursive: true }))
    .filter((entry) => entry.isFile() && /\.(html?|md|txt)$/.test(entry.name) && !path.join(entry.parentPath, entry.name).includes(`${path.sep}copy`))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
  const first = entries[0];
  if (first === undefined) throw new Error(`bench: no seed file in ${folder}`);
  return first;
}
