/**
 * An incremental build: the files a previous corpus indexed, unchanged (same path, content hash and source id, none
 * of their passages left out as repeated elsewhere), keep their digest (copy signature, passages, term counts); every
 * other file is read and parsed again. The corpus is then assembled as a full build assembles it, so copies, stories,
 * aggregate pages and every statistic come out the same. Pure.
 */
import type { LoadResult } from '../ingest/index.js';
import type { Corpus, ArticleDigest } from '../search/corpus.js';
import { corpusOfDigests, digestArticle } from '../search/corpus.js';

/** Whether a file (as loadSeeds describes it) can keep its digest from `previous`. */
export function reusableIn(previous: Corpus): (file: { path: string; sha256: string; sourceId: string }) => boolean {
  const byPath = new Map(previous.sources.map((indexed) => [indexed.source.path, indexed]));
  return (file) => {
    const indexed = byPath.get(file.path);
    return indexed !== undefined && indexed.sha256 === file.sha256 && indexed.source.id === file.sourceId && indexed.dropped === 0;
  };
}

/** Digests of every file, in path order: reused ones from `previous`, read ones digested now. */
export function digestsOf(previous: Corpus, loaded: LoadResult): ArticleDigest[] {
  const firstPassage = new Map<string, number>();
  previous.sources.forEach((indexed, index) => firstPassage.set(indexed.source.path, index));
  let offset = 0;
  const starts = previous.sources.map((indexed) => {
    const start = offset;
    offset += indexed.passages;
    return start;
  });
  const reusedDigest = (path: string): ArticleDigest => {
    const index = firstPassage.get(path)!;
    const indexed = previous.sources[index]!;
    const ids = Array.from({ length: indexed.passages }, (_, k) => starts[index]! + k);
    return {
      source: indexed.source,
      sha256: indexed.sha256,
      signature: previous.signatures[index]!,
      passages: ids.map((id, k) => ({ ...previous.passages[id]!, id: k })),
      previousIds: ids,
    };
  };
  const digests: ArticleDigest[] = [];
  let next = 0;
  for (const [position, article] of [...loaded.articles, null].entries()) {
    while (next < loaded.reused.length && loaded.reused[next]!.before === position) digests.push(reusedDigest(loaded.reused[next++]!.path));
    if (article !== null) digests.push(digestArticle(article));
  }
  return digests;
}

export interface IncrementalBuild {
  corpus: Corpus;
  /** Files read and parsed again (changed, new, or not reusable). */
  read: number;
}

export function buildIncrementally(previous: Corpus, loaded: LoadResult, builtAt: string): IncrementalBuild {
  return { corpus: corpusOfDigests(digestsOf(previous, loaded), loaded.skipped, builtAt, previous), read: loaded.articles.length };
}
