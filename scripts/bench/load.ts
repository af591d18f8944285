/**
 * Load phases: Quoth's saved index and the bare MiniSearch's, each in a fresh process (see bench.ts), timed
 * step by step, with memory measured once the file's text and JSON are garbage, as in a starting bot.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { fromEnvelope } from '../../src/search/envelope.js';
import { INDEX_OPTIONS } from '../../src/search/options.js';
import { INDEX_FILE } from '../../src/search/store.js';
import { BARE_OPTIONS, type BareDocument } from './bare.js';
import { memory, msSince, progress, timed, type MemorySnapshot } from './measure.js';

export interface LoadResult {
  loadMs: number;
  readMs: number;
  parseMs: number;
  /** fromEnvelope (zod validation + MiniSearch.loadJS + passages) for Quoth, MiniSearch.loadJS for bare. */
  restoreMs: number;
  /** MiniSearch.loadJS alone (timed again after the load), Quoth only. */
  loadJsMs: number | null;
  before: MemorySnapshot;
  afterLoad: MemorySnapshot;
  passages: number;
}

export async function loadQuoth(args: { indexDir: string }): Promise<LoadResult> {
  const file = path.join(args.indexDir, INDEX_FILE);
  const before = memory();
  const start = process.hrtime.bigint();
  const { value: corpus, ...steps } = await stepwiseLoad(file, fromEnvelope);
  const loadMs = msSince(start);
  const afterLoad = memory();
  progress(`load: ${corpus.passages.length} passages in ${(loadMs / 1000).toFixed(2)} s`);
  const envelope = JSON.parse(await readFile(file, 'utf8')) as { index: Parameters<typeof MiniSearch.loadJS>[0] };
  const loadJs = await timed(() => MiniSearch.loadJS(envelope.index, INDEX_OPTIONS));
  return { loadMs, ...steps, loadJsMs: loadJs.ms, before, afterLoad, passages: corpus.passages.length };
}

export async function loadBare(args: { bareFile: string }): Promise<LoadResult> {
  const before = memory();
  const start = process.hrtime.bigint();
  const { value: bare, ...steps } = await stepwiseLoad(args.bareFile, (json) =>
    MiniSearch.loadJS<BareDocument>(json as Parameters<typeof MiniSearch.loadJS>[0], BARE_OPTIONS),
  );
  const loadMs = msSince(start);
  const afterLoad = memory();
  return { loadMs, ...steps, loadJsMs: null, before, afterLoad, passages: bare.documentCount };
}

/** readFile, JSON.parse and restore, each timed; the file's text and JSON are unreachable once it returns, as in loadSavedCorpus. */
async function stepwiseLoad<T>(
  file: string,
  restore: (json: unknown) => T,
): Promise<{ value: T; readMs: number; parseMs: number; restoreMs: number }> {
  const read = await timed(() => readFile(file, 'utf8'));
  const parse = await timed(() => JSON.parse(read.value) as unknown);
  const restored = await timed(() => restore(parse.value));
  return { value: restored.value, readMs: read.ms, parseMs: parse.ms, restoreMs: restored.ms };
}
