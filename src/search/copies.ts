/**
 * Whole-article copy detection: one-permutation MinHash signatures over word 5-shingles, LSH banding to find candidate
 * pairs without comparing every pair, and containment (not plain Jaccard) so that an article republished
 * with extra paragraphs still counts as a copy. Copies form one "story": they are one independent source.
 */
import { splitWords } from '../text/terms.js';

const SHINGLE_WORDS = 5;
/** Hashes in a copy signature. */
export const COPY_SIGNATURE_HASHES = 128;
const HASHES = COPY_SIGNATURE_HASHES;
// Two rows a band: articles whose shingle sets overlap by a quarter still meet in some band.
const BANDS = 64;
const ROWS = HASHES / BANDS;
/**
 * Share of the smaller article's 5-word shingles found in the larger one for the two to count as copies.
 * Unrelated reports of one event share under a tenth; a lightly edited republication shares a third or more.
 */
const COPY_CONTAINMENT = 0.25;

export interface ArticleText {
  id: string;
  /** The article body only (boilerplate removed), sections joined with blank lines. */
  body: string;
}

/** Two articles (by index) whose texts overlap enough to be copies; `containment` as in `COPY_CONTAINMENT`. */
export interface CopyPair {
  a: number;
  b: number;
  containment: number;
}

/** Every pair of copies among `articles` (not transitive). */
export function findCopyPairs(articles: ArticleText[]): CopyPair[] {
  return copyPairsAmong(articles.map((article) => copySignature(article.body)));
}

/** What copy detection needs of an article body, kept in the saved index so an unchanged article is not read again. */
export function copySignature(body: string): CopySignature {
  return signature(shingles(body));
}

/** Every pair of copies among articles given by their signatures (not transitive). */
export function copyPairsAmong(signatures: readonly CopySignature[]): CopyPair[] {
  const pairs: CopyPair[] = [];
  // A pair is compared at the first band in which it shares a bucket. Articles with the same signature (copies of
  // one page) share buckets in the same bands, so that band is remembered once per pair of such groups, not per pair
  // of articles: a corpus holding twelve copies of each page meets 16 million pairs in its buckets, and a Set of
  // "a:b" strings took 27 s and hundreds of MB for them.
  const same = identicalSignatures(signatures);
  const firstMet = new Map<number, number>();
  const n = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const from = band * ROWS;
    const buckets = new Buckets((a, b) => sameRange(signatures[a]!.hashes, signatures[b]!.hashes, from, from + ROWS));
    signatures.forEach((sig, index) => {
      if (sig.size === 0) return;
      let hash = 0x811c9dc5;
      let empty = true;
      for (let at = from; at < from + ROWS; at++) {
        const value = sig.hashes[at]!;
        empty &&= value === EMPTY;
        hash = mix(hash ^ value);
      }
      if (!empty) buckets.add(hash, index);
    });
    for (const bucket of buckets.inOrder) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const a = bucket[i]!;
          const b = bucket[j]!;
          const groupA = same[a]!;
          const groupB = same[b]!;
          const groups = groupA < groupB ? groupA * n + groupB : groupB * n + groupA;
          const met = firstMet.get(groups);
          if (met === undefined) firstMet.set(groups, band);
          else if (met !== band) continue;
          const overlap = containment(signatures[a]!, signatures[b]!);
          if (overlap >= COPY_CONTAINMENT) pairs.push({ a, b, containment: overlap });
        }
      }
    }
  }
  return pairs;
}

/**
 * Indexes grouped by a key told by a number (a hash: two keys may share it) and an equality of keys: the groups in
 * the order their first index was added, each in the order added (what a Map keyed by the keys themselves gives,
 * without making a string of each key).
 */
class Buckets {
  readonly inOrder: number[][] = [];
  private readonly byHash = new Map<number, number[][]>();

  constructor(private readonly sameKey: (a: number, b: number) => boolean) {}

  /** Adds `index` to the group of its key (whose hash is `hash`); returns the group's first index. */
  add(hash: number, index: number): number {
    const groups = this.byHash.get(hash);
    const group = groups?.find((candidate) => this.sameKey(candidate[0]!, index));
    if (group !== undefined) {
      group.push(index);
      return group[0]!;
    }
    const made = [index];
    if (groups === undefined) this.byHash.set(hash, [made]);
    else groups.push(made);
    this.inOrder.push(made);
    return index;
  }
}

function sameRange(a: Uint32Array, b: Uint32Array, from: number, to: number): boolean {
  for (let at = from; at < to; at++) if (a[at] !== b[at]) return false;
  return true;
}

/** Per signature, the index of the first signature equal to it (same hashes, same size). */
function identicalSignatures(signatures: readonly CopySignature[]): Int32Array {
  const groups = new Buckets((a, b) => signatures[a]!.size === signatures[b]!.size && sameRange(signatures[a]!.hashes, signatures[b]!.hashes, 0, HASHES));
  return Int32Array.from(signatures, (sig, index) => {
    let hash = mix(sig.size);
    for (let at = 0; at < HASHES; at++) hash = mix(hash ^ sig.hashes[at]!);
    return groups.add(hash, index);
  });
}

/** Maps every article id to a story id: the smallest id among the articles it is a copy of (transitively). */
export function groupCopies(articles: ArticleText[], pairs: CopyPair[] = findCopyPairs(articles)): Map<string, string> {
  const parent = articles.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]!]!;
    return index;
  };
  for (const { a, b } of pairs) parent[find(a)] = find(b);

  const story = new Map<string, string>();
  const rootName = new Map<number, string>();
  articles.forEach((article, index) => {
    const root = find(index);
    const name = rootName.get(root);
    if (name === undefined || article.id < name) rootName.set(root, article.id);
  });
  articles.forEach((article, index) => story.set(article.id, rootName.get(find(index))!));
  return story;
}

export interface CopySignature {
  /** One-permutation MinHash: per bin, the smallest shingle hash that fell into it (EMPTY when none did). */
  hashes: Uint32Array;
  /** Distinct shingles of the body. */
  size: number;
}

const EMPTY = 0xffffffff;

/** Hashes of the article's word 5-shingles (lower-cased words, not stemmed: copies share exact wording). */
function shingles(body: string): Set<number> {
  const words = splitWords(body).map((word) => fnv1a(word.toLowerCase()));
  const result = new Set<number>();
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) {
    let hash = 0x9747b28c;
    for (let k = 0; k < SHINGLE_WORDS; k++) hash = mix(hash ^ words[i + k]!);
    result.add(hash);
  }
  return result;
}

function signature(set: Set<number>): CopySignature {
  const hashes = new Uint32Array(HASHES).fill(EMPTY);
  for (const shingle of set) {
    const value = mix(shingle ^ 0x5bd1e995);
    const bin = shingle % HASHES;
    if (value < hashes[bin]!) hashes[bin] = value;
  }
  return { hashes, size: set.size };
}

/** Estimated |A ∩ B| / min(|A|, |B|) from the MinHash Jaccard estimate and the set sizes. */
function containment(a: CopySignature, b: CopySignature): number {
  let equal = 0;
  let used = 0;
  for (let k = 0; k < HASHES; k++) {
    const x = a.hashes[k]!;
    const y = b.hashes[k]!;
    if (x === EMPTY && y === EMPTY) continue;
    used += 1;
    if (x === y) equal += 1;
  }
  if (used === 0) return 0;
  const jaccard = equal / used;
  const intersection = (jaccard * (a.size + b.size)) / (1 + jaccard);
  return intersection / Math.min(a.size, b.size);
}

/** Murmur3's finaliser: spreads one 32-bit hash into an independent-looking one per seed. */
function mix(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

