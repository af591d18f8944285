/** Articles → a searchable corpus (passages + term statistics + impact index + spelling index). Pure: no I/O. */
import type MiniSearch from 'minisearch';
import type { Article, Passage, SkippedFile, SourceRef } from '../model.js';
import { toPassages } from '../passages.js';
import { formatOf } from '../ingest/article.js';
import { findCopyPairs, groupCopies } from './copies.js';
import { formatCopies, repeatedInAggregates } from './redundancy.js';
import { scoreImpacts, type ImpactIndex } from './impacts.js';
import type { PassageDocument } from './options.js';
import { spellingIndex } from './spellingindex.js';
import { countTerms, type TermTable } from './termtable.js';

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
  /** Term counts by passage and field: what the impacts and the spelling index are computed from, and what is saved. */
  table: TermTable;
  /** Term → passages with precomputed scores: retrieval for /ask, and term rarity. */
  impacts: ImpactIndex;
  /** Fuzzy lookup of misspelt words; made from `table` on first use (most questions never need it). */
  readonly search: MiniSearch<PassageDocument>;
  skipped: SkippedFile[];
}

/** What a corpus is made of; the rest (`sourceById`, `impacts`, `search`) is derived. */
export type CorpusParts = Omit<Corpus, 'sourceById' | 'impacts' | 'search'> & { impacts?: ImpactIndex };

/** Lets a long build give the event loop a turn (the bot keeps answering during /reindex). */
export type Pause = () => Promise<void>;

const noPause: Pause = () => Promise.resolve();

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

  const titles = new Map(kept.map((article) => [article.source.id, article.source.title ?? '']));
  const table = countTerms(passages.map((passage) => ({ text: passage.text, heading: passage.heading, title: titles.get(passage.sourceId) ?? '' })));
  return assemble({ builtAt, sources, passages, table, skipped: [...skipped, ...copies] });
}

/** A corpus from its parts: impacts scored from the table unless given, the spelling index made on first use. */
export function assemble(parts: CorpusParts): Corpus {
  let search: MiniSearch<PassageDocument> | undefined;
  return {
    builtAt: parts.builtAt,
    sources: parts.sources,
    sourceById: new Map(parts.sources.map((indexed) => [indexed.source.id, indexed])),
    passages: parts.passages,
    table: parts.table,
    impacts: parts.impacts ?? scoreImpacts(parts.table),
    get search() {
      return (search ??= spellingIndex(parts.table));
    },
    skipped: parts.skipped,
  };
}
