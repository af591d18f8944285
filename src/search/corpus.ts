/** Articles → a searchable corpus (passages + MiniSearch index + term statistics). Pure: no I/O. */
import MiniSearch from 'minisearch';
import type { Article, Passage, SkippedFile, SourceRef } from '../model.js';
import { toPassages } from '../passages.js';
import { formatOf } from '../ingest/article.js';
import { findCopyPairs, groupCopies } from './copies.js';
import { formatCopies, repeatedInAggregates } from './redundancy.js';
import { buildImpacts, type ImpactIndex } from './impacts.js';
import { INDEX_OPTIONS, type PassageDocument } from './options.js';

export interface IndexedSource {
  source: SourceRef;
  sha256: string;
  passages: number;
  /** Articles that are copies of one another share a story id: together they are one independent source. */
  story: string;
}

export interface Corpus {
  builtAt: string;
  sources: IndexedSource[];
  sourceById: Map<string, IndexedSource>;
  passages: Passage[];
  search: MiniSearch<PassageDocument>;
  /** Term → passages with precomputed scores: retrieval for /ask, and term rarity. */
  impacts: ImpactIndex;
  skipped: SkippedFile[];
}

/** Lets a long build give the event loop a turn (the bot keeps answering during /reindex). */
export type Pause = () => Promise<void>;

const noPause: Pause = () => Promise.resolve();
const PASSAGES_PER_PAUSE = 2000;

export async function buildCorpus(
  articles: Article[],
  skipped: SkippedFile[],
  builtAt: string,
  pause: Pause = noPause,
): Promise<Corpus> {
  const texts = articles.map((article) => ({
    id: article.source.id,
    body: article.body.map((range) => article.text.slice(range.start, range.end)).join('\n\n'),
  }));
  const pairs = findCopyPairs(texts);
  const copyOf = formatCopies(articles.map((article) => formatOf(article.source.path)), pairs);
  const keptIndexes = articles.flatMap((_, index) => (copyOf.has(index) ? [] : [index]));
  const kept = keptIndexes.map((index) => articles[index]!);
  const newIndex = new Map(keptIndexes.map((index, position) => [index, position]));
  const stories = groupCopies(
    keptIndexes.map((index) => texts[index]!),
    pairs.flatMap((pair) => (newIndex.has(pair.a) && newIndex.has(pair.b) ? [{ ...pair, a: newIndex.get(pair.a)!, b: newIndex.get(pair.b)! }] : [])),
  );
  const copies: SkippedFile[] = [...copyOf].map(([copy, original]) => ({
    path: articles[copy]!.source.path,
    reason: `same text as ${articles[original]!.source.path}, indexed in that format`,
    sha256: articles[copy]!.sha256,
  }));

  const cut: Passage[] = [];
  for (const article of kept) {
    cut.push(...toPassages(article, cut.length));
    await pause();
  }
  const repeated = repeatedInAggregates(cut);
  const passages = cut.filter((passage) => !repeated.has(passage.id)).map((passage, id) => ({ ...passage, id }));
  const counts = new Map<string, number>();
  for (const passage of passages) counts.set(passage.sourceId, (counts.get(passage.sourceId) ?? 0) + 1);
  const sources = kept.map((article) => ({
    source: article.source,
    sha256: article.sha256,
    passages: counts.get(article.source.id) ?? 0,
    story: stories.get(article.source.id) ?? article.source.id,
  }));

  const search = new MiniSearch<PassageDocument>(INDEX_OPTIONS);
  const titles = new Map(kept.map((article) => [article.source.id, article.source.title ?? '']));
  for (let from = 0; from < passages.length; from += PASSAGES_PER_PAUSE) {
    search.addAll(passages.slice(from, from + PASSAGES_PER_PAUSE).map(({ id, text, heading }) => ({ id, text, heading })));
    await pause();
  }
  const impacts = buildImpacts(passages.map((passage) => ({ text: passage.text, heading: passage.heading, title: titles.get(passage.sourceId) ?? '' })));
  return assemble({ builtAt, sources, passages, search, impacts, skipped: [...skipped, ...copies] });
}

export function assemble(parts: Omit<Corpus, 'sourceById'>): Corpus {
  return { ...parts, sourceById: new Map(parts.sources.map((indexed) => [indexed.source.id, indexed])) };
}
