/** Articles → a searchable corpus (passages + term statistics + impact index + spelling index). Pure: no I/O. */
import type MiniSearch from 'minisearch';
import type { Article, FileStamp, Passage, SkippedFile, SourceRef } from '../model.js';
import { toPassages } from '../passages.js';
import { formatOf } from '../ingest/article.js';
import { copyPairsAmong, copySignature, groupCopies, type CopySignature } from './copies.js';
import { formatCopies, repeatedMarks, textKey } from './redundancy.js';
import { impactsOf, type ImpactIndex } from './impacts.js';
import { lazyArray } from './lazyarray.js';
import type { PassageDocument } from './options.js';
import { spellingIndex, spellingIndexAsync } from './spellingindex.js';
import { countTerms, mergeTables, type IndexedFields, type TermTable } from './termtable.js';

export interface IndexedSource {
  source: SourceRef;
  sha256: string;
  passages: number;
  /** Passages cut from it but not indexed because other sources hold them word for word (aggregate pages). */
  dropped: number;
  /** Articles that are copies of one another share a story id: together they are one independent source. */
  story: string;
}

export interface Corpus {
  builtAt: string;
  sources: IndexedSource[];
  sourceById: Map<string, IndexedSource>;
  /** Copy signature of each source, in the order of `sources`: kept so an unchanged file is not read again to find copies. */
  signatures: CopySignature[];
  /**
   * Copy signature of each file left out as a copy in a weaker format, in the order `skipped` lists them: an unchanged
   * copy is not read again to find that it still copies a page (Sphinx's `_sources/*.rst.txt` is half a folder's files).
   */
  copySignatures: CopySignature[];
  passages: Passage[];
  /**
   * Passages cut from a source but left out as repeated (aggregate pages, template text), in source and cut order:
   * kept so that an unchanged source is not read again to know them (what is repeated changes with other files).
   */
  repeated: RepeatedPassage[];
  /** The `textKey` of each passage, and of each repeated passage: kept so that an unchanged source's text is not hashed again. */
  textKeys: { passages: Float64Array; repeated: Float64Array };
  /** Term counts by passage and field: what the impacts and the spelling index are computed from, and what is saved. */
  table: TermTable;
  /** Term → passages with precomputed scores: retrieval for /ask, and term rarity. */
  impacts: ImpactIndex;
  /** Fuzzy lookup of misspelt words; made from `table` on first use (most questions never need it). */
  readonly search: MiniSearch<PassageDocument>;
  /** Makes `search` ahead of its first use, a little at a time (`pause` between steps), unless it is made already. */
  prepareSearch(pause: Pause): Promise<void>;
  skipped: SkippedFile[];
  /**
   * Per file path, its size and modification time when it was hashed for this index: an incremental build reads
   * again only the files whose stamp changed. Absent when the corpus was not built from a folder on disk.
   */
  fileStamps?: ReadonlyMap<string, FileStamp>;
}

export interface RepeatedPassage {
  /** Index of its source in `sources`. */
  source: number;
  /** Its place among the passages cut from the source (indexed and repeated together); also its `passage.id`. */
  position: number;
  passage: Passage;
}

/** What a corpus is made of; the rest (`sourceById`, `impacts`, `search`) is derived. */
export type CorpusParts = Omit<Corpus, 'sourceById' | 'impacts' | 'search' | 'prepareSearch'> & { impacts?: ImpactIndex };

const FORMAT_COPY_REASON = 'same text as ';

/**
 * Whether a skipped file was left out as a copy of another file in a stronger format: that depends on the other
 * files, not on its own bytes alone (every other reason to skip a file that was read does).
 */
export function isFormatCopy(file: SkippedFile): boolean {
  return file.reason.startsWith(FORMAT_COPY_REASON);
}

/** Lets a long build give the event loop a turn (the bot keeps answering during /reindex). */
export type Pause = () => Promise<void>;

const noPause: Pause = () => Promise.resolve();

export async function buildCorpus(
  articles: Article[],
  skipped: SkippedFile[],
  builtAt: string,
  pause: Pause = noPause,
): Promise<Corpus> {
  const digests: ArticleDigest[] = [];
  for (const article of articles) {
    digests.push(digestArticle(article));
    await pause();
  }
  return corpusOfDigests(digests, skipped, builtAt);
}

/**
 * What the corpus needs of one article: its copy signature and its passages as cut (before aggregate pages lose
 * what other pages say). An unchanged file's digest is taken from the previous index instead of reading it again.
 */
export interface ArticleDigest {
  source: SourceRef;
  sha256: string;
  signature: CopySignature;
  /**
   * Ids 0 … k-1 within the article; numbered across the corpus when it is assembled. Those of a digest taken from a
   * previous corpus (`previousIds` given) are made when read, and are not renumbered: they are copied when read.
   */
  passages: Passage[];
  /** When the digest comes from a previous corpus: its passages' ids there (their term counts are reused). */
  previousIds?: Int32Array;
  /** When the digest comes from a previous corpus: its passages' `textKey`s there (as many as its passages). */
  textKeys?: Float64Array;
  /**
   * A file the previous corpus left out as a copy in a weaker format, unchanged and not read again: its passages are
   * not known (none given), so it must be a copy again (else `UnreadCopyKeptError`).
   */
  unreadCopy?: true;
}

/** A file taken unread as a copy in a weaker format is no copy any more: its passages are needed, read it. */
export class UnreadCopyKeptError extends Error {
  override name = 'UnreadCopyKeptError';
  constructor(readonly paths: string[]) {
    super(`no longer a copy in a weaker format, to be read: ${paths.join(', ')}`);
  }
}

export function digestArticle(article: Article): ArticleDigest {
  const body = article.body.map((range) => article.text.slice(range.start, range.end)).join('\n\n');
  return { source: article.source, sha256: article.sha256, signature: copySignature(body), passages: toPassages(article, 0) };
}

/**
 * The corpus of article digests (in path order; a digest serves one corpus: its passages are renumbered in place and
 * become the corpus's): copies of a page in a weaker format left out, stories grouped,
 * passages of aggregate pages that other pages hold and a site's template text dropped, passages numbered, terms counted. With `previous`, term
 * counts of passages whose digest names their previous ids are taken from its table, not counted again: the result
 * is the same as counting every passage; those passages are not made into objects unless read (an encoding of the
 * corpus copies their columns from `previous`'s, see `reusedPassagesOf`).
 */
export function corpusOfDigests(digests: readonly ArticleDigest[], skipped: SkippedFile[], builtAt: string, previous?: Corpus): Corpus {
  const pairs = copyPairsAmong(digests.map((digest) => digest.signature));
  const copyOf = formatCopies(digests.map((digest) => formatOf(digest.source.path)), pairs);
  const unreadKept = digests.filter((digest, index) => digest.unreadCopy === true && !copyOf.has(index));
  if (unreadKept.length > 0) throw new UnreadCopyKeptError(unreadKept.map((digest) => digest.source.path));
  const keptIndexes = digests.flatMap((_, index) => (copyOf.has(index) ? [] : [index]));
  const kept = keptIndexes.map((index) => digests[index]!);
  const newIndex = new Map(keptIndexes.map((index, position) => [index, position]));
  const stories = groupCopies(
    kept.map((digest) => ({ id: digest.source.id, body: '' })),
    pairs.flatMap((pair) => (newIndex.has(pair.a) && newIndex.has(pair.b) ? [{ ...pair, a: newIndex.get(pair.a)!, b: newIndex.get(pair.b)! }] : [])),
  );
  const copies: SkippedFile[] = [...copyOf].map(([copy, original]) => ({
    path: digests[copy]!.source.path,
    reason: `${FORMAT_COPY_REASON}${digests[original]!.source.path}, indexed in that format`,
    sha256: digests[copy]!.sha256,
  }));

  // Passages cut, in order: their source, previous id and text key. The passages of a digest taken from a previous
  // corpus are not made into objects (at 100k passages that was most of a one-file reindex): their columns are
  // copied from the previous corpus's when the corpus is encoded, and a passage is made only when read.
  const counts = kept.map((digest) => digest.passages.length);
  const cut = counts.reduce((sum, count) => sum + count, 0);
  /** Per passage cut, its source numbered in order of first appearance among the sources that have passages. */
  const cutSources = new Int32Array(cut);
  const cutPreviousIds = new Int32Array(cut).fill(-1);
  const cutKeys = new Float64Array(cut);
  const sourceNumbers = new Map<string, number>();
  let cutId = 0;
  kept.forEach((digest, source) => {
    const count = counts[source]!;
    if (count === 0) return;
    const id = digest.source.id;
    const number = sourceNumbers.get(id) ?? sourceNumbers.size;
    sourceNumbers.set(id, number);
    cutSources.fill(number, cutId, cutId + count);
    if (digest.previousIds !== undefined) cutPreviousIds.set(digest.previousIds.subarray(0, count), cutId);
    if (digest.textKeys !== undefined) cutKeys.set(digest.textKeys.subarray(0, count), cutId);
    else for (let index = 0; index < count; index++) cutKeys[cutId + index] = textKey(digest.passages[index]!.text);
    cutId += count;
  });
  const repeatedMarked = repeatedMarks(cutSources, cutKeys);
  // The digests' passages that were read are numbered in place, not copied: at a million passages each copy is ~100 MB more to hold.
  const made: (Passage | undefined)[] = [];
  /** Per passage not made yet (`made` undefined): its digest among `kept` and its place there. */
  const digestOf = new Int32Array(cut);
  const positionOf = new Int32Array(cut);
  const previousIds = new Int32Array(cut);
  const passageKeys = new Float64Array(cut);
  const repeated: RepeatedPassage[] = [];
  const repeatedKeys: number[] = [];
  const indexed = new Int32Array(kept.length);
  let lazy = false;
  let id = 0;
  cutId = 0;
  kept.forEach((digest, source) => {
    const reused = digest.previousIds !== undefined;
    const count = counts[source]!;
    for (let position = 0; position < count; position++) {
      const key = cutKeys[cutId]!;
      const previousId = cutPreviousIds[cutId]!;
      if (repeatedMarked[cutId++] === 1) {
        const passage = reused ? { ...digest.passages[position]! } : digest.passages[position]!;
        passage.id = position;
        repeated.push({ source, position, passage });
        repeatedKeys.push(key);
        continue;
      }
      previousIds[id] = previousId;
      passageKeys[id] = key;
      indexed[source] = indexed[source]! + 1;
      if (reused) {
        made.push(undefined);
        digestOf[id] = source;
        positionOf[id] = position;
        lazy = true;
      } else {
        const passage = digest.passages[position]!;
        passage.id = id;
        made.push(passage);
        digestOf[id] = -1;
        positionOf[id] = -1;
      }
      id += 1;
    }
  });
  const passages: Passage[] = lazy ? lazyArray(made.length, (id) => made[id] ?? { ...kept[digestOf[id]!]!.passages[positionOf[id]!]!, id }) : (made as Passage[]);
  const sources = kept.map((digest, index) => ({
    source: digest.source,
    sha256: digest.sha256,
    passages: indexed[index]!,
    dropped: digest.passages.length - indexed[index]!,
    story: stories.get(digest.source.id) ?? digest.source.id,
  }));
  const titles = new Map(kept.map((digest) => [digest.source.id, digest.source.title ?? '']));
  const fields = (passage: Passage): IndexedFields => ({ text: passage.text, heading: passage.heading, title: titles.get(passage.sourceId) ?? '' });
  const table = previous === undefined ? countTerms(fieldsOf(passages, fields)) : reuseCounts(previous.table, previousIds.subarray(0, id), passages, fields);
  const corpus = assemble({
    builtAt,
    sources,
    signatures: kept.map((digest) => digest.signature),
    copySignatures: [...copyOf.keys()].map((copy) => digests[copy]!.signature),
    passages,
    repeated,
    textKeys: { passages: passageKeys.slice(0, id), repeated: Float64Array.from(repeatedKeys) },
    table,
    skipped: [...skipped, ...copies],
  });
  if (previous !== undefined && lazy) reusedFrom.set(corpus, { previous, previousIds: previousIds.slice(0, id) });
  return corpus;
}

/** Per corpus assembled from a previous one, that corpus and each passage's id there (-1: a passage made anew). */
const reusedFrom = new WeakMap<Corpus, ReusedPassages>();

export interface ReusedPassages {
  previous: Corpus;
  /** Per passage, its id in `previous` when it is that passage unchanged (its columns can be copied), else -1. */
  previousIds: Int32Array;
}

/** Which passages of `corpus` are passages of the corpus it was assembled from, unchanged: undefined when none are. */
export function reusedPassagesOf(corpus: Corpus): ReusedPassages | undefined {
  return reusedFrom.get(corpus);
}

/** The indexed fields of each passage, made as they are counted (not a million objects at once). */
function* fieldsOf(passages: readonly Passage[], fields: (passage: Passage) => IndexedFields): Generator<IndexedFields> {
  for (const passage of passages) yield fields(passage);
}

/** The term table of `passages`: rows of passages with a previous id copied from `previous`, the others counted. */
function reuseCounts(previous: TermTable, previousIds: Int32Array, passages: readonly Passage[], fields: (passage: Passage) => IndexedFields): TermTable {
  const keep = new Int32Array(previous.size).fill(-1);
  const added: Passage[] = [];
  const addedIds: number[] = [];
  for (let id = 0; id < previousIds.length; id++) {
    const previousId = previousIds[id]!;
    if (previousId >= 0) keep[previousId] = id;
    else {
      added.push(passages[id]!);
      addedIds.push(id);
    }
  }
  return mergeTables(previous, keep, countTerms(fieldsOf(added, fields)), Int32Array.from(addedIds), passages.length);
}

/**
 * A corpus from its parts: impacts made from the table on first use unless given (an index worker only encodes what it
 * built and never asks them; a loaded index has them as it is decoded), each term scored when a question first needs
 * it; the spelling index made on first use.
 */
export function assemble(parts: CorpusParts): Corpus {
  let search: MiniSearch<PassageDocument> | undefined;
  let impacts = parts.impacts;
  return {
    builtAt: parts.builtAt,
    sources: parts.sources,
    signatures: parts.signatures,
    copySignatures: parts.copySignatures,
    sourceById: new Map(parts.sources.map((indexed) => [indexed.source.id, indexed])),
    passages: parts.passages,
    repeated: parts.repeated,
    textKeys: parts.textKeys,
    table: parts.table,
    get impacts() {
      return (impacts ??= impactsOf(parts.table));
    },
    get search() {
      return (search ??= spellingIndex(parts.table));
    },
    async prepareSearch(pause: Pause) {
      if (search !== undefined) return;
      const made = await spellingIndexAsync(parts.table, pause);
      search ??= made;
    },
    skipped: parts.skipped,
    ...(parts.fileStamps === undefined ? {} : { fileStamps: parts.fileStamps }),
  };
}
