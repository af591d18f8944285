/** Near-duplicate sentences: the same statement in (nearly) the same words, e.g. one wire story in several outlets. */
import type { Token } from '../text/terms.js';

/** Share of the shorter sentence's content terms found in the longer one for the two to say the same thing. */
const CONTAINMENT = 0.8;
const JACCARD = 0.6;

export function contentSet(tokens: Token[]): Set<string> {
  const set = new Set<string>();
  for (const token of tokens) if (token.term !== '') set.add(token.term);
  return set;
}

/** A sentence's distinct content terms as ascending numbers, `ids` numbering each term the first time it is seen. */
export function contentIds(tokens: Token[], ids: Map<string, number>): Int32Array {
  const all = new Int32Array(tokens.length);
  let count = 0;
  for (const token of tokens) {
    if (token.term === '') continue;
    let id = ids.get(token.term);
    if (id === undefined) {
      id = ids.size;
      ids.set(token.term, id);
    }
    all[count++] = id;
  }
  const sorted = all.subarray(0, count).sort();
  let distinct = 0;
  for (let index = 0; index < count; index++) if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[distinct++] = sorted[index]!;
  return sorted.subarray(0, distinct);
}

/**
 * Content ids numbered by one map shared across questions, each sentence's kept with its tokens (which every view of
 * the sentence shares): ranked sentences come back question after question, and only the sets' sizes and overlaps
 * matter, not which numbers the terms get. Past MAX_NUMBERED_TERMS terms the numbering starts over, between groupings.
 */
export interface SharedNumbering {
  /** The content ids of a sentence's tokens in this numbering. */
  idsOf(tokens: Token[]): Int32Array;
}

const MAX_NUMBERED_TERMS = 500_000;
let sharedTermIds = new Map<string, number>();
let numberingGeneration = 0;
const numberedSentences = new WeakMap<Token[], { generation: number; ids: Int32Array }>();

/** The shared numbering, for one grouping of sentences: it does not start over while the grouping uses it. */
export function sharedNumbering(): SharedNumbering {
  if (sharedTermIds.size > MAX_NUMBERED_TERMS) {
    sharedTermIds = new Map();
    numberingGeneration += 1;
  }
  const ids = sharedTermIds;
  const generation = numberingGeneration;
  return {
    idsOf(tokens) {
      const cached = numberedSentences.get(tokens);
      if (cached !== undefined && cached.generation === generation) return cached.ids;
      const numbered = contentIds(tokens, ids);
      numberedSentences.set(tokens, { generation, ids: numbered });
      return numbered;
    },
  };
}

/** Whether two sentences, as their `contentIds` (numbered by the same map), say the same thing. */
export function sameStatement(a: Int32Array, b: Int32Array): boolean {
  const small = a.length <= b.length ? a : b;
  const large = small === a ? b : a;
  if (small.length === 0) return false;
  // Jaccard is at most small / large, whatever they share: too unequal in size, neither test can pass.
  const sizeRatio = small.length / large.length;
  if (sizeRatio < 0.4 || (sizeRatio < JACCARD && small.length < 5)) return false;
  const shared = sharedCount(small, large);
  const jaccard = shared / (small.length + large.length - shared);
  if (jaccard >= JACCARD) return true;
  // A shortened copy ("Ukraine said Russia fired a record 550 drones and 11 missiles.") of a longer sentence.
  return small.length >= 5 && shared / small.length >= CONTAINMENT && sizeRatio >= 0.4;
}

function sharedCount(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i += 1;
    else if (a[i]! > b[j]!) j += 1;
    else {
      shared += 1;
      i += 1;
      j += 1;
    }
  }
  return shared;
}
