/**
 * The scale corpus (`npm run bench -- --scale 1m`): the Debian documentation packages the evaluation prepares
 * (Python, Node.js, the Jargon File, SQLite, Git), their files linked side by side into one folder, then that folder
 * repeated with `copyK/` prefixes until it holds about the number of passages asked for. The files are read from disk
 * as a user's would be (the copies are hard links, not shared strings). And the phase that indexes such a folder
 * exactly as `npm run index` does (the index worker: read and digest file by file, assemble, encode, save), timed step
 * by step, with the process's peak resident memory.
 */
import { copyFile, link, mkdir, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSuite, type SuiteCorpus } from '../../src/eval/corpora.js';
import { prepareCorpus } from '../../src/eval/prepare.js';
import { buildOffThread } from '../../src/indexing/offthread.js';
import { formatOf } from '../../src/ingest/index.js';
import { INDEX_FILE, unframe } from '../../src/search/store.js';
import { memory, msSince, progress, type MemorySnapshot } from './measure.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Suite files whose Debian-package corpora make up the scale corpus (plain folders, such as the news, are left out). */
const SUITE_FILES = [
  path.resolve(REPO_ROOT, '..', 'shared', 'eval', 'corpora.json'),
  path.join(REPO_ROOT, 'test', 'heldout', 'corpora.json'),
  path.join(REPO_ROOT, 'test', 'heldout2', 'corpora.json'),
];

export interface ScaleCorpus {
  /** One copy of every package's files, a folder per package. */
  folder: string;
  packages: { corpus: string; debianPackage: string; files: number }[];
}

/**
 * Prepares each package as the evaluation does (installed, or downloaded and unpacked into its cache, when absent)
 * and links its files into `into/<corpus>/`: the files Quoth reads (.html, .htm, .md, .txt), hidden files and
 * folders starting with `_` left out (Sphinx's `_sources/` holds a text copy of every page, `_static/` scripts).
 */
export async function prepareScaleCorpus(into: string): Promise<ScaleCorpus> {
  const cacheDir = path.resolve(process.env.QUOTH_EVAL_CACHE ?? path.join(REPO_ROOT, '.cache', 'eval'));
  const corpora: SuiteCorpus[] = [];
  for (const file of SUITE_FILES) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null) {
      progress(`scale: no suite file ${file}; its corpora are left out`);
      continue;
    }
    corpora.push(...parseSuite(text, { file, repoRoot: REPO_ROOT, cacheDir }).filter((corpus) => corpus.preparation !== null));
  }
  const packages: ScaleCorpus['packages'] = [];
  for (const corpus of corpora) {
    const folder = await prepareCorpus(corpus, (line) => progress(`scale: ${line}`));
    const files = await linkReadableFiles(await realpath(folder), path.join(into, corpus.name));
    packages.push({ corpus: corpus.name, debianPackage: corpus.preparation!.debianPackage, files });
    progress(`scale: ${corpus.name} (${corpus.preparation!.debianPackage}): ${files} files`);
  }
  if (packages.length === 0) throw new Error('bench: no Debian-package corpus found in the suite files for the scale corpus');
  return { folder: into, packages };
}

/** Links (or, across file systems, copies) the readable files under `from` into `to`, keeping their relative paths. */
async function linkReadableFiles(from: string, to: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(from, { withFileTypes: true, recursive: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const relative = path.relative(from, source);
    if (relative.split(path.sep).some((part, index, parts) => part.startsWith('.') || (index < parts.length - 1 && part.startsWith('_')))) continue;
    if (!(entry.isFile() || entry.isSymbolicLink()) || formatOf(entry.name) === null) continue;
    const real = await realpath(source).catch(() => null);
    if (real === null || !(await stat(real)).isFile()) continue;
    const target = path.join(to, relative);
    await mkdir(path.dirname(target), { recursive: true });
    await link(real, target).catch((error: NodeJS.ErrnoException) => (error.code === 'EXDEV' || error.code === 'EPERM' ? copyFile(real, target) : Promise.reject(error)));
    count += 1;
  }
  return count;
}

/** `copies` copies of `folder` in `into`: the first as it is, copy k (k ≥ 1) under `copyK/`, as hard links. */
export async function repeatFolder(folder: string, copies: number, into: string): Promise<void> {
  for (let k = 0; k < copies; k++) await linkReadableFiles(folder, k === 0 ? into : path.join(into, `copy${k}`));
}

export interface ScaleBuildArgs {
  seedsDir: string;
  indexDir: string;
}

export interface ScaleBuildResult {
  files: number;
  sources: number;
  passages: number;
  /** Files → saved index, as `npm run index` (the index worker), plus decoding it on the main thread. */
  indexMs: number;
  steps: { readMs: number; digestMs: number; assembleMs: number; encodeMs: number; saveMs: number; decodeMs: number };
  indexBytes: number;
  textBytes: number;
  /** Memory once built (the corpus decoded on the main thread, the worker gone); `maxRss` is the whole build's peak. */
  afterBuild: MemorySnapshot;
}

export async function scaleBuild(args: ScaleBuildArgs): Promise<ScaleBuildResult> {
  const start = process.hrtime.bigint();
  let shown = -1;
  const built = await buildOffThread(
    { seedsDir: args.seedsDir, indexDir: args.indexDir, builtAt: new Date().toISOString() },
    {
      onProgress(done, total) {
        const tenth = Math.floor((done / total) * 10);
        if (tenth !== shown) progress(`scale: read ${done}/${total} files`);
        shown = tenth;
      },
    },
  );
  const indexMs = msSince(start);
  const { saveError, saveMs } = await built.saved;
  if (saveError !== null) throw new Error(`bench: the scale index could not be saved: ${saveError}`);
  const afterBuild = memory();
  const { corpus } = built;
  progress(`scale: ${corpus.passages.length} passages indexed and saved in ${(indexMs / 1000).toFixed(1)} s, peak rss ${(afterBuild.maxRss / 1024 ** 3).toFixed(2)} GiB`);
  const file = path.join(args.indexDir, INDEX_FILE);
  const indexBytes = (await stat(file)).size;
  const textBytes = unframe(await readFile(file)).text.byteLength;
  return {
    files: corpus.sources.length + corpus.skipped.length,
    sources: corpus.sources.length,
    passages: corpus.passages.length,
    indexMs,
    steps: { ...built.steps, saveMs },
    indexBytes,
    textBytes,
    afterBuild,
  };
}
