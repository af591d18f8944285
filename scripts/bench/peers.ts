/**
 * `--peers`: the same passages indexed by FlexSearch, Orama, Lunr and MiniSearch (English stop words left out), each in
 * a fresh process (see bench.ts): build time, serialised size, load time, rss after load, query latency over the
 * bench's questions, and retrieval quality: the share of the answerable python-docs dev questions of
 * ../shared/eval whose expected source is among the sources of the first 5 passages (copies' `copyK/` prefixes
 * ignored). Quoth's row comes from its own index (its retrieval: the passages `ask` ranks sentences from).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { create, insertMultiple, load as loadOrama, save as saveOrama, search as searchOrama } from '@orama/orama';
import FlexSearch, { type Index as FlexIndex } from 'flexsearch';
import lunr from 'lunr';
import MiniSearch from 'minisearch';
import { retrieve } from '../../src/answer/answer.js';
import type { Corpus } from '../../src/search/corpus.js';
import { loadSavedCorpus } from '../../src/search/store.js';
import { STOPWORDS } from '../../src/text/terms.js';
import { memory, msSince, progress, summarize } from './measure.js';
import { QUESTIONS } from './questions.js';

export const PEERS = ['quoth', 'flexsearch', 'orama', 'lunr', 'minisearch-stopwords'] as const;
export type PeerName = (typeof PEERS)[number];

export interface PeerArgs {
  peer: PeerName;
  indexDir: string;
  evalDir: string;
  rounds: number;
}

export interface PeerResult {
  peer: PeerName;
  version: string;
  buildMs: number | null;
  indexBytes: number | null;
  loadMs: number | null;
  rssAfterLoad: number;
  p50: number;
  p99: number;
  /** Answerable dev questions with an expected source among the first 5 passages. */
  top5: number;
  questions: number;
}

interface Document {
  id: number;
  text: string;
}

/** What the bench needs of a search library: build, serialise, restore, and the ids of the first 5 hits. */
interface Peer {
  version: string;
  build(documents: Document[]): unknown;
  save(index: unknown): Promise<string> | string;
  load(saved: string): unknown;
  top(index: unknown, question: string): Promise<number[]> | number[];
}

const version = (name: string): string => {
  const file = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
};

const FLEX_OPTIONS = { tokenize: 'strict' as const };
const MINISEARCH_OPTIONS = {
  fields: ['text'],
  processTerm: (term: string): string | null => {
    const lower = term.toLowerCase();
    return STOPWORDS.has(lower) ? null : lower;
  },
};
const ORAMA_SCHEMA = { text: 'string' } as const;

const LIBRARIES: Record<Exclude<PeerName, 'quoth'>, () => Peer> = {
  flexsearch: () => ({
    version: version('flexsearch'),
    build(documents) {
      const index = new FlexSearch.Index(FLEX_OPTIONS);
      for (const { id, text } of documents) index.add(id, text);
      return index;
    },
    async save(index) {
      const parts: Record<string, string> = {};
      await (index as FlexIndex).export((key: string, data: string) => {
        parts[key] = data;
      });
      return JSON.stringify(parts);
    },
    load(saved) {
      const index = new FlexSearch.Index(FLEX_OPTIONS);
      for (const [key, data] of Object.entries(JSON.parse(saved) as Record<string, string>)) void index.import(key, data);
      return index;
    },
    // Questions are sentences: `suggest` lets a passage match without every word.
    top: (index, question) => (index as FlexIndex).search(question, { limit: 5, suggest: true }) as number[],
  }),
  orama: () => ({
    version: version('@orama/orama'),
    async build(documents) {
      const db = create({ schema: ORAMA_SCHEMA });
      await insertMultiple(db, documents.map(({ id, text }) => ({ id: String(id), text })));
      return db;
    },
    save: (db) => JSON.stringify(saveOrama(db as ReturnType<typeof create<typeof ORAMA_SCHEMA>>)),
    load(saved) {
      const db = create({ schema: ORAMA_SCHEMA });
      loadOrama(db, JSON.parse(saved) as Parameters<typeof loadOrama>[1]);
      return db;
    },
    async top(db, question) {
      const found = await searchOrama(db as ReturnType<typeof create<typeof ORAMA_SCHEMA>>, { term: question, limit: 5 });
      return found.hits.map((hit) => Number(hit.id));
    },
  }),
  lunr: () => ({
    version: version('lunr'),
    build: (documents) =>
      lunr(function () {
        this.ref('id');
        this.field('text');
        for (const document of documents) this.add(document);
      }),
    save: (index) => JSON.stringify(index),
    load: (saved) => lunr.Index.load(JSON.parse(saved) as object),
    top(index, question) {
      // Lunr reads + - : ^ ~ * as query syntax; a question is plain words.
      const words = question.replace(/[^\p{L}\p{N}\s]/gu, ' ');
      return (index as lunr.Index).search(words).slice(0, 5).map((result) => Number(result.ref));
    },
  }),
  'minisearch-stopwords': () => ({
    version: version('minisearch'),
    build(documents) {
      const index = new MiniSearch<Document>(MINISEARCH_OPTIONS);
      index.addAll(documents);
      return index;
    },
    save: (index) => JSON.stringify(index),
    load: (saved) => MiniSearch.loadJSON<Document>(saved, MINISEARCH_OPTIONS),
    top: (index, question) => (index as MiniSearch<Document>).search(question).slice(0, 5).map((result) => Number(result.id)),
  }),
};

interface DevQuestion {
  question: string;
  answerable: boolean;
  sources: string[];
}

function devQuestions(evalDir: string): DevQuestion[] {
  return readFileSync(path.join(evalDir, 'python-docs-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as DevQuestion)
    .filter((question) => question.answerable);
}

const withoutCopy = (id: string): string => id.replace(/^copy\d+\//, '');

export async function peer(args: PeerArgs): Promise<PeerResult> {
  const dev = devQuestions(args.evalDir);
  const hit = (sourceIds: string[], question: DevQuestion): boolean => sourceIds.some((id) => question.sources.includes(withoutCopy(id)));
  if (args.peer === 'quoth') return quothRow(await corpusAt(args.indexDir), dev, hit, args.rounds);

  const { documents, sourceOf } = await passagesAt(args.indexDir);
  const library = LIBRARIES[args.peer]();
  const { serialised, buildMs } = await buildAndSave(library, documents);
  // Only the serialised index stays reachable, so that rss after load is the loaded index's.
  documents.length = 0;
  const indexBytes = Buffer.byteLength(serialised, 'utf8');
  progress(`peers: ${args.peer} built in ${(buildMs / 1000).toFixed(1)} s, ${(indexBytes / 1024 / 1024).toFixed(1)} MB saved`);
  const start = process.hrtime.bigint();
  const index = library.load(serialised);
  const loadMs = msSince(start);
  const rssAfterLoad = memory().rss;
  const samples: number[] = [];
  for (let round = 0; round < args.rounds + 1; round++) {
    for (const { text } of QUESTIONS) {
      const began = process.hrtime.bigint();
      await library.top(index, text);
      if (round > 0) samples.push(msSince(began));
    }
  }
  let top5 = 0;
  for (const question of dev) if (hit((await library.top(index, question.question)).map((id) => sourceOf[id] ?? ''), question)) top5 += 1;
  const times = summarize(samples);
  return { peer: args.peer, version: library.version, buildMs, indexBytes, loadMs, rssAfterLoad, p50: times.p50, p99: times.p99, top5, questions: dev.length };
}

/** The built index is unreachable once this returns. */
async function buildAndSave(library: Peer, documents: Document[]): Promise<{ serialised: string; buildMs: number }> {
  const start = process.hrtime.bigint();
  const built = await library.build(documents);
  const buildMs = msSince(start);
  return { serialised: await library.save(built), buildMs };
}

async function corpusAt(indexDir: string): Promise<Corpus> {
  const saved = await loadSavedCorpus(indexDir);
  if (!saved.ok) throw new Error(`bench: cannot load the index: ${saved.reason}`);
  return saved.corpus;
}

/** The passages' texts and sources; the corpus itself is unreachable once this returns. */
async function passagesAt(indexDir: string): Promise<{ documents: Document[]; sourceOf: string[] }> {
  const corpus = await corpusAt(indexDir);
  return { documents: corpus.passages.map(({ id, text }) => ({ id, text })), sourceOf: corpus.passages.map((passage) => passage.sourceId) };
}

/** Quoth's build, size and load come from the bench's own phases; here its retrieval and its whole `ask`. */
function quothRow(corpus: Corpus, dev: DevQuestion[], hit: (ids: string[], question: DevQuestion) => boolean, rounds: number): PeerResult {
  const samples: number[] = [];
  for (let round = 0; round < rounds + 1; round++) {
    for (const { text } of QUESTIONS) {
      const began = process.hrtime.bigint();
      retrieve(corpus, text, 5);
      if (round > 0) samples.push(msSince(began));
    }
  }
  const top5 = dev.filter((question) => hit(retrieve(corpus, question.question, 5).map((passage) => passage.sourceId), question)).length;
  const times = summarize(samples);
  return { peer: 'quoth', version: 'this', buildMs: null, indexBytes: null, loadMs: null, rssAfterLoad: memory().rss, p50: times.p50, p99: times.p99, top5, questions: dev.length };
}
