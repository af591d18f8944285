/**
 * Text a corpus holds twice is indexed once, found by content, not by file name:
 * - a format copy: the same page in two formats (Sphinx's `_sources/x.rst.txt` beside `x.html`, `x.md` beside
 *   `x.html`) — only the more structured one (HTML, then Markdown, then plain text) is indexed;
 * - an aggregate page that repeats many others (Node's `all.html`: it holds most of the passages of at least
 *   `AGGREGATE_SOURCES` other sources): its passages found word for word in another source are not indexed again
 *   (what it alone says stays).
 * - a site's template: a passage found word for word in more than half of the corpus's sources (a tagline or a
 *   notice every page repeats) is chrome, not an article's text, and is not indexed at all.
 * Copies in the same format (one wire story in several outlets) stay: they are what "also reported by" counts.
 */
import type { Passage } from '../model.js';
import { FORMAT_STRUCTURE, type SourceFormat } from '../ingest/document.js';
import type { CopyPair } from './copies.js';

/** An aggregate holds at least this share of the passages… */
const AGGREGATE_SHARE = 0.5;
/** …of at least this many other sources. */
const AGGREGATE_SOURCES = 3;

/** Template text is held by more than this share of the sources… */
const TEMPLATE_SHARE = 0.5;
/** …and by more sources than a story has copies in a small folder. */
const TEMPLATE_MIN_SOURCES = 4;

/** Article index → index of the article it is a less structured copy of. */
export function formatCopies(formats: readonly (SourceFormat | null)[], pairs: readonly CopyPair[]): Map<number, number> {
  const copies = new Map<number, number>();
  for (const { a, b } of pairs) {
    const formatA = formats[a];
    const formatB = formats[b];
    if (formatA === null || formatB === null || formatA === undefined || formatB === undefined || formatA === formatB) continue;
    const [weaker, stronger] = FORMAT_STRUCTURE[formatA] < FORMAT_STRUCTURE[formatB] ? [a, b] : [b, a];
    if (!copies.has(weaker) && !copies.has(stronger)) copies.set(weaker, stronger);
  }
  return copies;
}

/**
 * What two passages' texts are compared by: the text with white space folded and case ignored, hashed to 53 bits
 * (two such texts that differ share a key about once in 10^15 pairs). Kept in the index, so that an incremental build
 * does not fold and hash the text of every unchanged passage again.
 */
export function textKey(text: string): number {
  // Every run of white space but a lone space becomes one space: what /\s+/ → ' ' gives, without rebuilding the
  // string at every space (that took half the time of this function).
  const folded = text.replace(/\s{2,}|[^\S ]/g, ' ').toLowerCase();
  let high = 0x811c9dc5;
  let low = 0x01000193;
  for (let at = 0; at < folded.length; at++) {
    const unit = folded.charCodeAt(at);
    high = Math.imul(high ^ unit, 0x01000193);
    low = Math.imul(low ^ unit, 0x5bd1e995);
    low ^= low >>> 15;
  }
  return (high >>> 11) * 0x1_0000_0000 + (low >>> 0);
}

/**
 * Ids of the passages not to index: those of aggregate sources that other sources already hold word for word, and
 * the template text most sources repeat. `keys`: each passage's `textKey`, when known.
 */
export function repeatedPassages(passages: readonly Passage[], keys: ArrayLike<number> = passages.map((passage) => textKey(passage.text))): Set<number> {
  const repeated = repeatedAmong(
    passages.map((passage) => passage.sourceId),
    keys,
  );
  return new Set([...repeated].map((index) => passages[index]!.id));
}

/**
 * `repeatedPassages` of the passages given by their source ids and `textKey`s (no passage object needed): their
 * indexes in the lists.
 */
export function repeatedAmong(sourceIds: readonly string[], keys: ArrayLike<number>): Set<number> {
  // Sources and texts are numbered, so that the tables below hold numbers, not a Set per text and per source: at
  // 100k passages those took most of the time of an incremental reindex.
  const sourceNumbers = new Map<string, number>();
  const textNumbers = new Map<number, number>();
  const sourceOf = new Int32Array(sourceIds.length);
  const textOf = new Int32Array(sourceIds.length);
  /** Per text, the sources holding it (each once); per source, the texts it holds (each once) and its passages. */
  const holders: number[][] = [];
  const textsOf: number[][] = [];
  const sizes: number[] = [];
  const lastHolder: number[] = [];
  let source = -1;
  let sourceId: string | undefined;
  let revisited = false;
  sourceIds.forEach((passageSource, index) => {
    if (passageSource !== sourceId) {
      sourceId = passageSource;
      const known = sourceNumbers.get(sourceId);
      revisited ||= known !== undefined;
      source = known ?? sourceNumbers.size;
      if (known === undefined) {
        sourceNumbers.set(sourceId, source);
        textsOf.push([]);
        sizes.push(0);
      }
    }
    const key = keys[index]!;
    let text = textNumbers.get(key);
    if (text === undefined) {
      textNumbers.set(key, (text = holders.length));
      holders.push([]);
      lastHolder.push(-1);
    }
    sourceOf[index] = source;
    textOf[index] = text;
    sizes[source] = sizes[source]! + 1;
    // A source's passages usually come together: its last text holder tells it apart; otherwise look it up.
    if (lastHolder[text] !== source && !(revisited && holders[text]!.includes(source))) {
      lastHolder[text] = source;
      holders[text]!.push(source);
      textsOf[source]!.push(text);
    }
  });
  // One source at a time, how many passages of each other source it also holds (by text), then forgotten: a text
  // held by thousands of sources (the nav line of every page of a site, in twelve copies of the site) makes that
  // table quadratic in its holders, too large to keep for every source at once.
  const sources = sizes.length;
  const shared = new Int32Array(sources);
  const aggregate = new Uint8Array(sources);
  const touched: number[] = [];
  for (let holder = 0; holder < sources; holder++) {
    for (const text of textsOf[holder]!) {
      const list = holders[text]!;
      if (list.length < 2) continue;
      for (const other of list) {
        if (other === holder) continue;
        if (shared[other] === 0) touched.push(other);
        shared[other] = shared[other]! + 1;
      }
    }
    let contained = 0;
    for (const other of touched) {
      if (shared[other]! >= sizes[other]! * AGGREGATE_SHARE) contained += 1;
      shared[other] = 0;
    }
    touched.length = 0;
    if (contained >= AGGREGATE_SOURCES) aggregate[holder] = 1;
  }
  const dropped = new Set<number>();
  for (let index = 0; index < sourceIds.length; index++) {
    const list = holders[textOf[index]!]!;
    if (list.length > sources * TEMPLATE_SHARE && list.length >= TEMPLATE_MIN_SOURCES) dropped.add(index);
    else if (aggregate[sourceOf[index]!] === 1 && list.some((other) => other !== sourceOf[index] && aggregate[other] === 0)) dropped.add(index);
  }
  return dropped;
}
