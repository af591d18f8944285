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
  // Sources numbered in order of first appearance (a source met again after another is the same number).
  const sourceNumbers = new Map<string, number>();
  const sourceOf = new Int32Array(sourceIds.length);
  let sourceId: string | undefined;
  let source = -1;
  sourceIds.forEach((passageSource, index) => {
    if (passageSource !== sourceId) {
      sourceId = passageSource;
      source = sourceNumbers.get(sourceId) ?? sourceNumbers.size;
      sourceNumbers.set(sourceId, source);
    }
    sourceOf[index] = source;
  });
  const marked = repeatedMarks(sourceOf, keys);
  const dropped = new Set<number>();
  for (let index = 0; index < marked.length; index++) if (marked[index] === 1) dropped.add(index);
  return dropped;
}

/**
 * `repeatedAmong` of passages given by their source's number (numbered from 0 in order of first appearance) and
 * `textKey`s: 1 for each passage not to index. Tables of numbers throughout (open addressing for the keys, holders
 * as one flat list): at 100k passages Maps and an array per text took most of the time of an incremental reindex.
 */
export function repeatedMarks(sourceOf: Int32Array, keys: ArrayLike<number>): Uint8Array {
  const n = sourceOf.length;
  // Texts numbered in order of first appearance, by key.
  let capacity = 16;
  while (capacity < 2 * n) capacity *= 2;
  const mask = capacity - 1;
  const slotKey = new Float64Array(capacity);
  const slotText = new Int32Array(capacity).fill(-1);
  const textOf = new Int32Array(n);
  let texts = 0;
  let sources = 0;
  for (let index = 0; index < n; index++) {
    const key = keys[index]!;
    let slot = Math.imul((key >>> 0) ^ Math.floor(key / 0x1_0000_0000), 0x9e3779b1) & mask;
    while (slotText[slot] !== -1 && slotKey[slot] !== key) slot = (slot + 1) & mask;
    if (slotText[slot] === -1) {
      slotKey[slot] = key;
      slotText[slot] = texts++;
    }
    textOf[index] = slotText[slot]!;
    if (sourceOf[index]! >= sources) sources = sourceOf[index]! + 1;
  }
  // Each (text, source) once, in order of first appearance: the texts each source holds, the sources holding each text.
  const sizes = new Int32Array(sources);
  const lastHolder = new Int32Array(texts).fill(-1);
  const holderCount = new Int32Array(texts + 1);
  const pairText: number[] = [];
  const pairSource: number[] = [];
  let revisited = false;
  let previousSource = -1;
  const seenSource = new Uint8Array(sources);
  for (let index = 0; index < n; index++) {
    const source = sourceOf[index]!;
    if (source !== previousSource) {
      revisited ||= seenSource[source] === 1;
      seenSource[source] = 1;
      previousSource = source;
    }
    sizes[source] = sizes[source]! + 1;
    const text = textOf[index]!;
    if (lastHolder[text] === source) continue;
    lastHolder[text] = source;
    pairText.push(text);
    pairSource.push(source);
    holderCount[text + 1] = holderCount[text + 1]! + 1;
  }
  // A source met again after another may hold a text twice in these lists: dedupe them (rare; never in a corpus build).
  if (revisited) dedupePairs(pairText, pairSource, holderCount);
  const holderStart = holderCount;
  for (let text = 0; text < texts; text++) holderStart[text + 1] = holderStart[text + 1]! + holderStart[text]!;
  const holders = new Int32Array(pairText.length);
  const filled = holderStart.slice(0, texts);
  /** Per source, its pairs (texts it holds), as lists of pair numbers. */
  const pairsOf = new Int32Array(pairText.length);
  const pairStart = new Int32Array(sources + 1);
  for (let pair = 0; pair < pairText.length; pair++) {
    const text = pairText[pair]!;
    holders[filled[text]!] = pairSource[pair]!;
    filled[text] = filled[text]! + 1;
    pairStart[pairSource[pair]! + 1] = pairStart[pairSource[pair]! + 1]! + 1;
  }
  for (let source = 0; source < sources; source++) pairStart[source + 1] = pairStart[source + 1]! + pairStart[source]!;
  const pairFilled = pairStart.slice(0, sources);
  for (let pair = 0; pair < pairText.length; pair++) {
    const source = pairSource[pair]!;
    pairsOf[pairFilled[source]!] = pair;
    pairFilled[source] = pairFilled[source]! + 1;
  }
  // One source at a time, how many passages of each other source it also holds (by text), then forgotten: a text
  // held by thousands of sources (the nav line of every page of a site, in twelve copies of the site) makes that
  // table quadratic in its holders, too large to keep for every source at once.
  const shared = new Int32Array(sources);
  const aggregate = new Uint8Array(sources);
  const touched: number[] = [];
  for (let holder = 0; holder < sources; holder++) {
    for (let at = pairStart[holder]!; at < pairStart[holder + 1]!; at++) {
      const text = pairText[pairsOf[at]!]!;
      const from = holderStart[text]!;
      const to = holderStart[text + 1]!;
      if (to - from < 2) continue;
      for (let h = from; h < to; h++) {
        const other = holders[h]!;
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
  const dropped = new Uint8Array(n);
  for (let index = 0; index < n; index++) {
    const text = textOf[index]!;
    const from = holderStart[text]!;
    const to = holderStart[text + 1]!;
    if (to - from > sources * TEMPLATE_SHARE && to - from >= TEMPLATE_MIN_SOURCES) {
      dropped[index] = 1;
      continue;
    }
    const source = sourceOf[index]!;
    if (aggregate[source] !== 1) continue;
    for (let h = from; h < to; h++) {
      const other = holders[h]!;
      if (other !== source && aggregate[other] === 0) {
        dropped[index] = 1;
        break;
      }
    }
  }
  return dropped;
}

/** Leaves each (text, source) pair once, in order of first appearance, and recounts the holders per text (`holderCount[text + 1]`). */
function dedupePairs(pairText: number[], pairSource: number[], holderCount: Int32Array): void {
  const seen = new Set<number>();
  let kept = 0;
  holderCount.fill(0);
  for (let pair = 0; pair < pairText.length; pair++) {
    const key = pairText[pair]! * 0x20_0000 + pairSource[pair]!;
    if (seen.has(key)) continue;
    seen.add(key);
    pairText[kept] = pairText[pair]!;
    pairSource[kept++] = pairSource[pair]!;
    holderCount[pairText[pair]! + 1] = holderCount[pairText[pair]! + 1]! + 1;
  }
  pairText.length = kept;
  pairSource.length = kept;
}
