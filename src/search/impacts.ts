/**
 * Term → passages with a precomputed BM25+ score (all fields, boosts applied): the retrieval /ask uses.
 * Scoring a question adds a few arrays into one accumulator and keeps the best k, so its cost grows with
 * the postings of the question's terms, not with object churn per match (MiniSearch's `search` builds a
 * result object per matching passage, which at 100k passages costs tens of milliseconds for common words).
 */
import { tokenize } from '../text/terms.js';

/** Field weights, as for the MiniSearch index: a heading names what its passages are about. */
export const FIELD_BOOSTS = { text: 1, heading: 1.5, title: 0.6 } as const;
type Field = keyof typeof FIELD_BOOSTS;
const FIELDS = Object.keys(FIELD_BOOSTS) as Field[];

// BM25+ parameters (MiniSearch's defaults).
const K = 1.2;
const B = 0.7;
const D = 0.5;

export interface ImpactIndex {
  /** Number of passages. */
  size: number;
  terms: Map<string, number>;
  /** Postings of term i are ids[offsets[i] … offsets[i + 1]), with their scores alongside. */
  offsets: Int32Array;
  ids: Int32Array;
  scores: Float32Array;
}

export interface IndexedFields {
  text: string;
  heading: string;
  title: string;
}

/** Builds the impact index over passages given in id order (0 … n-1). */
export function buildImpacts(passages: IndexedFields[]): ImpactIndex {
  const size = passages.length;
  const lengthSums: Record<Field, number> = { text: 0, heading: 0, title: 0 };
  const perPassage: { lengths: Record<Field, number>; counts: Map<string, Record<Field, number>> }[] = [];
  for (const passage of passages) {
    const lengths: Record<Field, number> = { text: 0, heading: 0, title: 0 };
    const counts = new Map<string, Record<Field, number>>();
    for (const field of FIELDS) {
      for (const token of tokenize(passage[field])) {
        if (token.term === '') continue;
        lengths[field] += 1;
        let entry = counts.get(token.term);
        if (entry === undefined) counts.set(token.term, (entry = { text: 0, heading: 0, title: 0 }));
        entry[field] += 1;
      }
      lengthSums[field] += lengths[field];
    }
    perPassage.push({ lengths, counts });
  }
  const average: Record<Field, number> = {
    text: lengthSums.text / Math.max(1, size) || 1,
    heading: lengthSums.heading / Math.max(1, size) || 1,
    title: lengthSums.title / Math.max(1, size) || 1,
  };

  const frequency = new Map<string, number>();
  for (const { counts } of perPassage) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const vocabulary = [...frequency.keys()].sort();
  const terms = new Map(vocabulary.map((term, index) => [term, index]));
  const offsets = new Int32Array(vocabulary.length + 1);
  vocabulary.forEach((term, index) => (offsets[index + 1] = offsets[index]! + frequency.get(term)!));
  const ids = new Int32Array(offsets[vocabulary.length]!);
  const scores = new Float32Array(ids.length);
  const fill = offsets.slice(0, vocabulary.length);

  perPassage.forEach(({ lengths, counts }, id) => {
    for (const [term, tf] of counts) {
      const index = terms.get(term)!;
      const documents = frequency.get(term)!;
      const idf = Math.log(1 + (size - documents + 0.5) / (documents + 0.5));
      let score = 0;
      for (const field of FIELDS) {
        const count = tf[field];
        if (count === 0) continue;
        const norm = K * (1 - B + (B * lengths[field]) / average[field]);
        score += FIELD_BOOSTS[field] * idf * (D + (count * (K + 1)) / (count + norm));
      }
      const at = fill[index]!++;
      ids[at] = id;
      scores[at] = score;
    }
  });
  return { size, terms, offsets, ids, scores };
}

/** Passages holding `term` in any field. */
export function documentFrequency(index: ImpactIndex, term: string): number {
  const at = index.terms.get(term);
  return at === undefined ? 0 : index.offsets[at + 1]! - index.offsets[at]!;
}

/** On a large corpus, a term in more than this many passages (and this share of them) counts as common. */
const COMMON_POSTINGS = 1000;
const COMMON_SHARE = 0.05;

export interface Hit {
  id: number;
  score: number;
}

/**
 * The `limit` best passages for groups of terms (a group is a term and its synonyms: a passage matching
 * several forms of one group counts that group once). Summed scores are multiplied by the number of
 * groups matched, so passages holding more of the question come first. Groups are taken rarest first.
 */
export function topPassages(index: ImpactIndex, groups: string[][], limit: number): Hit[] {
  const { scores, matched, seenInGroup } = scratchFor(index);
  const touched: number[] = [];
  const common = Math.max(COMMON_POSTINGS, index.size * COMMON_SHARE);
  const ordered = groups
    .map((forms, group) => ({ group, forms: [...new Set(forms)], postings: forms.reduce((sum, form) => sum + documentFrequency(index, form), 0) }))
    .sort((a, b) => a.postings - b.postings);
  for (const { group, forms, postings } of ordered) {
    // A very common term only adds to passages the rarer terms found, once there are enough of those.
    const onlyTouched = postings > common && touched.length >= limit;
    for (const form of forms) {
      const at = index.terms.get(form);
      if (at === undefined) continue;
      for (let i = index.offsets[at]!; i < index.offsets[at + 1]!; i++) {
        const id = index.ids[i]!;
        if (matched[id] === 0) {
          if (onlyTouched) continue;
          touched.push(id);
        }
        scores[id] = scores[id]! + index.scores[i]!;
        if (seenInGroup[id] !== group) {
          seenInGroup[id] = group;
          matched[id] = Math.min(255, matched[id]! + 1);
        }
      }
    }
  }
  const best = bestOf(touched, (id) => scores[id]! * matched[id]!, limit);
  for (const id of touched) {
    scores[id] = 0;
    matched[id] = 0;
    seenInGroup[id] = -1;
  }
  return best;
}

interface Scratch {
  scores: Float64Array;
  matched: Uint8Array;
  seenInGroup: Int32Array;
}

/** Accumulators reused across questions (reset entry by entry), so a question allocates nothing per passage. */
const scratch = new WeakMap<ImpactIndex, Scratch>();

function scratchFor(index: ImpactIndex): Scratch {
  let arrays = scratch.get(index);
  if (arrays === undefined) {
    arrays = { scores: new Float64Array(index.size), matched: new Uint8Array(index.size), seenInGroup: new Int32Array(index.size).fill(-1) };
    scratch.set(index, arrays);
  }
  return arrays;
}

/** The `limit` highest-scoring ids, best first, ties by id; a bounded min-heap instead of sorting every hit. */
function bestOf(ids: number[], score: (id: number) => number, limit: number): Hit[] {
  const heap: Hit[] = [];
  const worse = (a: Hit, b: Hit): boolean => a.score < b.score || (a.score === b.score && a.id > b.id);
  for (const id of ids) {
    const hit = { id, score: score(id) };
    if (heap.length < limit) {
      heap.push(hit);
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child]!, heap[parent]!)) break;
        [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
        child = parent;
      }
    } else if (worse(heap[0]!, hit)) {
      heap[0] = hit;
      for (let parent = 0; ; ) {
        const left = 2 * parent + 1;
        const right = left + 1;
        let smallest = parent;
        if (left < heap.length && worse(heap[left]!, heap[smallest]!)) smallest = left;
        if (right < heap.length && worse(heap[right]!, heap[smallest]!)) smallest = right;
        if (smallest === parent) break;
        [heap[smallest], heap[parent]] = [heap[parent]!, heap[smallest]!];
        parent = smallest;
      }
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.id - b.id);
}

/** Compact, JSON-safe form for the saved index. */
export interface SerializedImpacts {
  terms: string[];
  offsets: string;
  ids: string;
  scores: string;
}

export function serializeImpacts(index: ImpactIndex): SerializedImpacts {
  const terms = new Array<string>(index.terms.size);
  for (const [term, at] of index.terms) terms[at] = term;
  return { terms, offsets: toBase64(index.offsets), ids: toBase64(index.ids), scores: toBase64(index.scores) };
}

export function deserializeImpacts(data: SerializedImpacts, size: number): ImpactIndex {
  const offsets = new Int32Array(fromBase64(data.offsets));
  const ids = new Int32Array(fromBase64(data.ids));
  const scores = new Float32Array(fromBase64(data.scores));
  if (offsets.length !== data.terms.length + 1 || ids.length !== scores.length || offsets[data.terms.length] !== ids.length) {
    throw new Error('impact index arrays do not fit together');
  }
  for (const id of ids) if (id < 0 || id >= size) throw new Error(`impact index names passage ${id} of ${size}`);
  return { size, terms: new Map(data.terms.map((term, at) => [term, at])), offsets, ids, scores };
}

function toBase64(array: Int32Array | Float32Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function fromBase64(text: string): ArrayBuffer {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 4 !== 0) throw new Error('impact index array is truncated');
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return copy;
}
