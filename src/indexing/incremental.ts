/**
 * An incremental build: the files a previous corpus indexed, unchanged (same path, content hash and source id), keep
 * their digest (copy signature, passages as cut — those left out as repeated included —, term counts); every other
 * file is read and parsed again. The corpus is then assembled as a full build assembles it, so copies, stories,
 * aggregate pages and every statistic come out the same. Pure.
 */
import type { LoadResult } from '../ingest/index.js';
import type { FileStamp, Passage } from '../model.js';
import type { Corpus, ArticleDigest, RepeatedPassage } from '../search/corpus.js';
import { corpusOfDigests, digestArticle, isFormatCopy, UnreadCopyKeptError } from '../search/corpus.js';
import type { CopySignature } from '../search/copies.js';
import { lazyArray } from '../search/lazyarray.js';

/** Whether a file (as loadSeeds describes it) keeps its digest from a previous corpus instead of being read. */
export type ReuseRule = (file: { path: string; sha256: string; sourceId: string }) => boolean;

/**
 * Whether a file (as loadSeeds describes it) can keep its digest from `previous`: an indexed source, or (unless
 * `copies` is false) a copy in a weaker format, which is taken unread as a copy again.
 */
export function reusableIn(previous: Corpus, { copies = true } = {}): ReuseRule {
  const byPath = new Map(previous.sources.map((indexed) => [indexed.source.path, indexed]));
  const copied = copies ? formatCopiesOf(previous) : new Map<string, FormatCopy>();
  return (file) => {
    const indexed = byPath.get(file.path);
    if (indexed === undefined) return copied.get(file.path)?.sha256 === file.sha256;
    return indexed.sha256 === file.sha256 && indexed.source.id === file.sourceId;
  };
}

interface FormatCopy {
  sha256: string | undefined;
  signature: CopySignature;
}

/** The files `previous` left out as copies in a weaker format, by path, with their copy signatures. */
function formatCopiesOf(previous: Corpus): Map<string, FormatCopy> {
  const copies = previous.skipped.filter(isFormatCopy);
  return new Map(copies.map((file, index) => [file.path, { sha256: file.sha256, signature: previous.copySignatures[index]! }]));
}

/**
 * How long before a build started a file must have been last modified for its stamp to be trusted by the next build.
 * A file modified in the same clock tick as it was read shows the same stamp before and after the change (Git's
 * "racy" files); file systems keep modification times as coarsely as 2 s (FAT) and stamp them from a coarse clock.
 */
export const RACY_MARGIN_MS = 2000;

/**
 * The content hash `previous` recorded for a file (as loadSeeds describes it), when the file's size and modification
 * time are those recorded and it was last modified well before `previous` was built: it has not been written since
 * it was hashed, and need not be read. Undefined: read it.
 */
export function knownHashIn(previous: Corpus): (file: { path: string; stamp: FileStamp }) => string | undefined {
  const stamps = previous.fileStamps;
  if (stamps === undefined || stamps.size === 0) return () => undefined;
  const hashes = new Map<string, string>();
  for (const indexed of previous.sources) hashes.set(indexed.source.path, indexed.sha256);
  for (const file of previous.skipped) if (file.sha256 !== undefined) hashes.set(file.path, file.sha256);
  const builtAt = Date.parse(previous.builtAt);
  if (Number.isNaN(builtAt)) return () => undefined;
  const racyFrom = BigInt(builtAt - RACY_MARGIN_MS) * 1_000_000n;
  return ({ path, stamp }) => {
    const recorded = stamps.get(path);
    if (recorded === undefined || recorded.size !== stamp.size || recorded.mtimeNs !== stamp.mtimeNs) return undefined;
    if (BigInt(stamp.mtimeNs) >= racyFrom) return undefined;
    return hashes.get(path);
  };
}

/**
 * Why a file (as loadSeeds describes it) was skipped by `previous` for what it holds, when it still holds the same:
 * it is skipped again unread (pages of links, pages without text). Copies in a weaker format are read again.
 */
export function skippedAgainIn(previous: Corpus): (file: { path: string; sha256: string }) => string | undefined {
  const byPath = new Map(previous.skipped.flatMap((file) => (file.sha256 === undefined || isFormatCopy(file) ? [] : [[file.path, file] as const])));
  return (file) => {
    const skipped = byPath.get(file.path);
    return skipped?.sha256 === file.sha256 ? skipped.reason : undefined;
  };
}

/** Digests of every file, in path order: reused ones from `previous`, those of the files read (`read`, in path order) as given. */
export function digestsOf(previous: Corpus, read: readonly ArticleDigest[], reused: LoadResult['reused']): ArticleDigest[] {
  const firstPassage = new Map<string, number>();
  previous.sources.forEach((indexed, index) => firstPassage.set(indexed.source.path, index));
  let offset = 0;
  const starts = previous.sources.map((indexed) => {
    const start = offset;
    offset += indexed.passages;
    return start;
  });
  const repeatedOf = new Map<number, { entry: RepeatedPassage; position: number; at: number }[]>();
  previous.repeated.forEach((entry, at) => {
    const list = repeatedOf.get(entry.source);
    const item = { entry, position: entry.position, at };
    if (list === undefined) repeatedOf.set(entry.source, [item]);
    else list.push(item);
  });
  // A reused digest's passages are made only when read (most never are: their columns are copied when encoded).
  const reusedDigest = (path: string): ArticleDigest => {
    const index = firstPassage.get(path)!;
    const indexed = previous.sources[index]!;
    const repeated = repeatedOf.get(index) ?? [];
    const count = indexed.passages + indexed.dropped;
    /** Per position: the passage's id in `previous`, or `~at` for the repeated passage `at`. */
    const slots = new Int32Array(count);
    const first = starts[index]!;
    if (repeated.length === 0) {
      // Most sources: their passages, in order, are a range of `previous`'s, their keys a range of its keys.
      for (let position = 0; position < count; position++) slots[position] = first + position;
      const passages = lazyArray(count, (position): Passage => ({ ...previous.passages[first + position]!, id: position }));
      return { source: indexed.source, sha256: indexed.sha256, signature: previous.signatures[index]!, passages, previousIds: slots, textKeys: previous.textKeys.passages.subarray(first, first + count) };
    }
    const previousIds = new Int32Array(count);
    const textKeys = new Float64Array(count);
    let next = first;
    let r = 0;
    for (let position = 0; position < count; position++) {
      if (repeated[r]?.position === position) {
        const at = repeated[r++]!.at;
        textKeys[position] = previous.textKeys.repeated[at]!;
        slots[position] = ~at;
        previousIds[position] = -1;
      } else {
        textKeys[position] = previous.textKeys.passages[next]!;
        slots[position] = next;
        previousIds[position] = next++;
      }
    }
    const passages = lazyArray(count, (position): Passage => {
      const slot = slots[position]!;
      return { ...(slot >= 0 ? previous.passages[slot]! : previous.repeated[~slot]!.passage), id: position };
    });
    return { source: indexed.source, sha256: indexed.sha256, signature: previous.signatures[index]!, passages, previousIds, textKeys };
  };
  const copies = formatCopiesOf(previous);
  const unreadCopy = ({ path, sha256, sourceId }: LoadResult['reused'][number]): ArticleDigest => ({
    source: { id: sourceId, title: null, path, published: null, outlet: null, url: null },
    sha256,
    signature: copies.get(path)!.signature,
    passages: [],
    unreadCopy: true,
  });
  const digests: ArticleDigest[] = [];
  let next = 0;
  for (let position = 0; position <= read.length; position++) {
    while (next < reused.length && reused[next]!.before === position) {
      const file = reused[next++]!;
      digests.push(firstPassage.has(file.path) ? reusedDigest(file.path) : unreadCopy(file));
    }
    if (position < read.length) digests.push(read[position]!);
  }
  return digests;
}

/** A folder read for an incremental build: what loadSeeds gave, and the digests of the articles it read (by default theirs). */
export interface IncrementalRead {
  loaded: Pick<LoadResult, 'articles' | 'reused' | 'skipped'>;
  digests?: readonly ArticleDigest[];
}

/**
 * The corpus of a folder built on `previous`, read by `read` with the reuse rule it is given. Copies in a weaker
 * format are first taken unread; when one is no copy any more (the page it copied changed), the folder is read again
 * with every copy read: rare, and the result is the same either way.
 */
export async function readIncrementally<Read extends IncrementalRead>(
  previous: Corpus,
  builtAt: string,
  read: (reuse: ReuseRule) => Promise<Read>,
): Promise<{ corpus: Corpus; read: Read }> {
  const withCopiesUnread = await read(reusableIn(previous));
  try {
    return { corpus: buildIncrementally(previous, withCopiesUnread.loaded, builtAt, withCopiesUnread.digests).corpus, read: withCopiesUnread };
  } catch (error) {
    if (!(error instanceof UnreadCopyKeptError)) throw error;
  }
  const withCopiesRead = await read(reusableIn(previous, { copies: false }));
  return { corpus: buildIncrementally(previous, withCopiesRead.loaded, builtAt, withCopiesRead.digests).corpus, read: withCopiesRead };
}

export interface IncrementalBuild {
  corpus: Corpus;
  /** Files read and parsed again (changed, new, or not reusable). */
  read: number;
}

/**
 * The corpus of a folder read with `reuse: reusableIn(previous)` and `skipAgain: skippedAgainIn(previous)`. `read`: digests of the articles read, in path order
 * (a streaming read digests each article as it comes); by default those of `loaded.articles`.
 */
export function buildIncrementally(
  previous: Corpus,
  loaded: IncrementalRead['loaded'],
  builtAt: string,
  read: readonly ArticleDigest[] = loaded.articles.map(digestArticle),
): IncrementalBuild {
  return { corpus: corpusOfDigests(digestsOf(previous, read, loaded.reused), loaded.skipped, builtAt, previous), read: read.length };
}
