/** Articles → a searchable corpus (passages + MiniSearch index + term statistics). Pure: no I/O. */
import MiniSearch from 'minisearch';
import type { Article, Passage, SkippedFile, SourceRef } from '../model.js';
import { toPassages } from '../passages.js';
import { groupCopies } from './copies.js';
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
  const passages: Passage[] = [];
  const counts = new Map<string, number>();
  for (const article of articles) {
    const own = toPassages(article, passages.length);
    counts.set(article.source.id, own.length);
    passages.push(...own);
    await pause();
  }

  const stories = groupCopies(
    articles.map((article) => ({
      id: article.source.id,
      body: article.body.map((range) => article.text.slice(range.start, range.end)).join('\n\n'),
    })),
  );
  const sources = articles.map((article) => ({
    source: article.source,
    sha256: article.sha256,
    passages: counts.get(article.source.id) ?? 0,
    story: stories.get(article.source.id) ?? article.source.id,
  }));

  const search = new MiniSearch<PassageDocument>(INDEX_OPTIONS);
  const titles = new Map(articles.map((article) => [article.source.id, article.source.title ?? '']));
  for (let from = 0; from < passages.length; from += PASSAGES_PER_PAUSE) {
    search.addAll(passages.slice(from, from + PASSAGES_PER_PAUSE).map(({ id, text, heading }) => ({ id, text, heading })));
    await pause();
  }
  const impacts = buildImpacts(passages.map((passage) => ({ text: passage.text, heading: passage.heading, title: titles.get(passage.sourceId) ?? '' })));
  return assemble({ builtAt, sources, passages, search, impacts, skipped });
}

export function assemble(parts: Omit<Corpus, 'sourceById'>): Corpus {
  return { ...parts, sourceById: new Map(parts.sources.map((indexed) => [indexed.source.id, indexed])) };
}
