/**
 * Build phases: Quoth's index (ingest, optional replication, buildCorpus, save), the same build step by step
 * for a breakdown, and a bare MiniSearch over the same passages. Each runs in a fresh process (see bench.ts).
 */
import { stat, writeFile } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import MiniSearch from 'minisearch';
import { loadSeeds } from '../../src/ingest/index.js';
import type { Article, SkippedFile } from '../../src/model.js';
import { toPassages } from '../../src/passages.js';
import { groupCopies } from '../../src/search/copies.js';
import { scoreImpacts } from '../../src/search/impacts.js';
import { buildCorpus, type Corpus } from '../../src/search/corpus.js';
import { loadSavedCorpus, saveCorpus } from '../../src/search/store.js';
import { countTerms } from '../../src/search/termtable.js';
import { BARE_OPTIONS, type BareDocument } from './bare.js';
import { memory, msSince, progress, timed, type MemorySnapshot } from './measure.js';

export interface BuildQuothArgs {
  seedsDir: string;
  indexDir: string;
  /** Copies of the corpus to index; 'auto' picks enough to reach `targetPassages`, at most MAX_AUTO_REPEAT. */
  repeat: number | 'auto';
  targetPassages: number;
}

export interface BuildBreakdown {
  passagesMs: number;
  copiesMs: number;
  /** countTerms: tokenising every field of every passage into the term table. */
  countMs: number;
  /** scoreImpacts: BM25+ of every posting. */
  scoreMs: number;
}

export interface BuildQuothResult {
  files: number;
  articles: number;
  skipped: number;
  warnings: number;
  ingestMs: number;
  originalPassages: number;
  repeat: number;
  passages: number;
  sources: number;
  buildMs: number;
  saveMs: number;
  indexBytes: number;
  /** UTF-8 bytes of the passages' text: what any index must hold to quote verbatim. */
  textBytes: number;
  before: MemorySnapshot;
  afterBuild: MemorySnapshot;
}

/**
 * Automatic replication stops here: a small folder copied hundreds of times measures the copies, not the
 * corpus (and copy detection compares every pair of copies of an article).
 */
export const MAX_AUTO_REPEAT = 10;

/** `copies` copies of the articles; copy k > 0 gets ids and paths prefixed `copyK/`. Texts are shared. */
function replicate(articles: Article[], copies: number): Article[] {
  const all = [...articles];
  for (let k = 1; k < copies; k++) {
    for (const article of articles) {
      all.push({ ...article, source: { ...article.source, id: `copy${k}/${article.source.id}`, path: `copy${k}/${article.source.path}` } });
    }
  }
  return all;
}

function countPassages(articles: Article[]): number {
  let total = 0;
  for (const article of articles) total += toPassages(article, total).length;
  return total;
}

export async function buildQuoth(args: BuildQuothArgs): Promise<BuildQuothResult> {
  const before = memory();
  const ingest = await timed(() => ingestQuietly(args.seedsDir));
  const { skipped, warnings } = ingest.value;
  const files = ingest.value.articles.length + skipped.length;
  const articleCount = ingest.value.articles.length;
  progress(`ingest: ${articleCount} articles in ${(ingest.ms / 1000).toFixed(1)} s`);

  const originalPassages = countPassages(ingest.value.articles);
  const wanted = Math.max(1, Math.round(args.targetPassages / Math.max(1, originalPassages)));
  const repeat = args.repeat === 'auto' ? Math.min(MAX_AUTO_REPEAT, wanted) : args.repeat;
  if (repeat > 1) progress(`${originalPassages} passages: indexing ${repeat} copies of the corpus`);
  // Only the corpus may stay reachable once built, so that the memory figures are the corpus's.
  const { corpus, buildMs } = await timedBuild(replicate(ingest.value.articles, repeat), skipped);
  ingest.value.articles = [];
  const afterBuild = memory();
  const textBytes = corpus.passages.reduce((sum, passage) => sum + Buffer.byteLength(passage.text, 'utf8'), 0);

  const save = await timed(() => saveCorpus(args.indexDir, corpus));
  const indexBytes = (await stat(save.value)).size;
  progress(`save: ${(indexBytes / 1024 / 1024).toFixed(1)} MB in ${(save.ms / 1000).toFixed(1)} s`);
  return {
    files,
    articles: articleCount,
    skipped: skipped.length,
    warnings: warnings.length,
    ingestMs: ingest.ms,
    originalPassages,
    repeat,
    passages: corpus.passages.length,
    sources: corpus.sources.length,
    buildMs,
    saveMs: save.ms,
    indexBytes,
    textBytes,
    before,
    afterBuild,
  };
}

async function timedBuild(articles: Article[], skipped: SkippedFile[]): Promise<{ corpus: Corpus; buildMs: number }> {
  const { pause, built } = buildProgress(articles.length);
  const start = process.hrtime.bigint();
  const corpus = await buildCorpus(articles, skipped, new Date().toISOString(), pause);
  const buildMs = msSince(start);
  built(corpus.passages.length, buildMs);
  return { corpus, buildMs };
}

function ingestQuietly(seedsDir: string): ReturnType<typeof loadSeeds> {
  let shown = -1;
  return loadSeeds(seedsDir, {
    onProgress(done, total) {
      const tenth = Math.floor((done / total) * 10);
      if (tenth !== shown) progress(`ingest: ${done}/${total} files`);
      shown = tenth;
    },
  });
}

/** buildCorpus pauses once per article, then once per 2000 passages indexed: progress lines from those turns. */
function buildProgress(articles: number): { pause: () => Promise<void>; built: (passages: number, ms: number) => void } {
  let pauses = 0;
  return {
    async pause() {
      pauses += 1;
      if (pauses <= articles && pauses % Math.ceil(articles / 4) === 0) progress(`build: passages cut for ${pauses}/${articles} articles`);
      else if (pauses > articles && (pauses - articles) % 10 === 0) progress(`build: ${(pauses - articles) * 2000} passages indexed`);
      await nextTurn();
    },
    built(passages, ms) {
      progress(`build: ${passages} passages in ${(ms / 1000).toFixed(1)} s`);
    },
  };
}

export interface BreakdownArgs {
  seedsDir: string;
  repeat: number;
}

/** The steps of buildCorpus, each timed on its own over the same (replicated) articles, in a process of its own. */
export async function buildBreakdown(args: BreakdownArgs): Promise<BuildBreakdown> {
  const articles = replicate((await ingestQuietly(args.seedsDir)).articles, args.repeat);
  progress('breakdown: timing the build steps one by one');
  let start = process.hrtime.bigint();
  const passages = articles.flatMap((article, index) => toPassages(article, index * 100_000));
  const passagesMs = msSince(start);

  start = process.hrtime.bigint();
  groupCopies(
    articles.map((article) => ({
      id: article.source.id,
      body: article.body.map((range) => article.text.slice(range.start, range.end)).join('\n\n'),
    })),
  );
  const copiesMs = msSince(start);

  const titles = new Map(articles.map((article) => [article.source.id, article.source.title ?? '']));
  start = process.hrtime.bigint();
  const table = countTerms(passages.map((passage) => ({ text: passage.text, heading: passage.heading, title: titles.get(passage.sourceId) ?? '' })));
  const countMs = msSince(start);

  start = process.hrtime.bigint();
  scoreImpacts(table);
  const scoreMs = msSince(start);
  progress(`breakdown: done (${table.ids.length} postings of ${table.terms.length} terms)`);
  return { passagesMs, copiesMs, countMs, scoreMs };
}

export interface BuildBareArgs {
  indexDir: string;
  bareFile: string;
}

export interface BuildBareResult {
  buildMs: number;
  saveMs: number;
  indexBytes: number;
  before: MemorySnapshot;
  afterBuild: MemorySnapshot;
}

/** The passages' texts, read from Quoth's saved index (not timed), so both indexes hold the same passages. */
async function passageTexts(indexDir: string): Promise<BareDocument[]> {
  const saved = await loadSavedCorpus(indexDir);
  if (!saved.ok) throw new Error(`bench: cannot load the index: ${saved.reason}`);
  return saved.corpus.passages.map(({ id, text }) => ({ id, text }));
}

export async function buildBare(args: BuildBareArgs): Promise<BuildBareResult> {
  const documents = await passageTexts(args.indexDir);
  const before = memory();
  const start = process.hrtime.bigint();
  const bare = new MiniSearch<BareDocument>(BARE_OPTIONS);
  bare.addAll(documents);
  const buildMs = msSince(start);
  progress(`bare build: ${documents.length} passages in ${(buildMs / 1000).toFixed(1)} s`);
  const afterBuild = memory();
  const save = await timed(() => writeFile(args.bareFile, JSON.stringify(bare)));
  const indexBytes = (await stat(args.bareFile)).size;
  return { buildMs, saveMs: save.ms, indexBytes, before, afterBuild };
}
