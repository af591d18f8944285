/**
 * Load phases: Quoth's saved index and the bare MiniSearch's, each in a fresh process (see bench.ts), timed
 * as a starting bot loads them, with memory measured once the file's bytes not kept are garbage; then Quoth's
 * steps one by one, and its spelling index (made on the first misspelt word).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { decodeCorpus } from '../../src/search/envelope.js';
import { INDEX_FILE, loadSavedCorpus, unframe } from '../../src/search/store.js';
import { BARE_OPTIONS, type BareDocument } from './bare.js';
import { memory, msSince, progress, timed, type MemorySnapshot } from './measure.js';

export interface LoadResult {
  loadMs: number;
  readMs: number;
  /** Quoth: checksum + header + inflating the columns; bare: JSON.parse. */
  parseMs: number;
  /** Quoth: decodeCorpus (checks, postings, impact scores); bare: MiniSearch.loadJS. */
  restoreMs: number;
  /** Quoth only: making the spelling index on first use (after the load). */
  spellingMs: number | null;
  before: MemorySnapshot;
  afterLoad: MemorySnapshot;
  /** Quoth only: memory once the spelling index is made too. */
  afterSpelling: MemorySnapshot | null;
  passages: number;
}

/** `spelling: false` leaves the spelling index out (the scale runs measure it in a process of its own: it may not fit). */
export async function loadQuoth(args: { indexDir: string; spelling?: boolean }): Promise<LoadResult> {
  const file = path.join(args.indexDir, INDEX_FILE);
  const before = memory();
  const start = process.hrtime.bigint();
  const saved = await loadSavedCorpus(args.indexDir);
  const loadMs = msSince(start);
  if (!saved.ok) throw new Error(`bench: cannot load the index: ${saved.reason}`);
  const corpus = saved.corpus;
  const afterLoad = memory();
  progress(`load: ${corpus.passages.length} passages in ${(loadMs / 1000).toFixed(2)} s`);
  const spelling = args.spelling === false ? null : await timed(() => corpus.search.termCount);
  const afterSpelling = spelling === null ? null : memory();
  if (spelling !== null) progress(`load: spelling index of ${spelling.value} terms made in ${(spelling.ms / 1000).toFixed(2)} s`);
  const read = await timed(() => readFile(file));
  const parse = await timed(() => unframe(read.value));
  const restore = await timed(() => decodeCorpus(parse.value));
  return {
    loadMs,
    readMs: read.ms,
    parseMs: parse.ms,
    restoreMs: restore.ms,
    spellingMs: spelling?.ms ?? null,
    before,
    afterLoad,
    afterSpelling,
    passages: corpus.passages.length,
  };
}

export async function loadBare(args: { bareFile: string }): Promise<LoadResult> {
  const before = memory();
  const start = process.hrtime.bigint();
  const read = await timed(() => readFile(args.bareFile, 'utf8'));
  const parse = await timed(() => JSON.parse(read.value) as Parameters<typeof MiniSearch.loadJS>[0]);
  const restore = await timed(() => MiniSearch.loadJS<BareDocument>(parse.value, BARE_OPTIONS));
  const loadMs = msSince(start);
  const afterLoad = memory();
  return {
    loadMs,
    readMs: read.ms,
    parseMs: parse.ms,
    restoreMs: restore.ms,
    spellingMs: null,
    before,
    afterLoad,
    afterSpelling: null,
    passages: restore.value.documentCount,
  };
}
