/**
 * Term → passages with a precomputed BM25+ score (all fields, boosts applied): the retrieval /ask uses.
 * Scoring a question adds a few arrays into one accumulator and keeps the best k, so its cost grows with
 * the postings of the question's terms, not with object churn per match (MiniSearch's `search` builds a
 * result object per matching passage, which at 100k passages costs tens of milliseconds for common words).
 */
import { countTerms, type Counts, type Field, type IndexedFields, type TermTable } from './termtable.js';

/** Field weights, as for the MiniSearch index: a heading names what its passages are about. */
export const FIELD_BOOSTS = { text: 1, heading: 1.5, title: 0.6 } satisfies Record<Field, number>;

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
  /** The postings' scores: a term's are worked out when `topPassages` first uses it, all of them by `scoreImpacts`. */
  scores: Float32Array;
  /** Per term, 1 once its postings are scored. */
  scored: Uint8Array;
  /** What scoring a posting needs of each field: its counts, its passages' length normalisation, its boost. */
  scoring: Record<Field, FieldScoring>;
}

export type { IndexedFields };

/** Builds the impact index over passages given in id order (0 … n-1), every posting scored. */
export function buildImpacts(passages: IndexedFields[]): ImpactIndex {
  return scoreImpacts(countTerms(passages));
}

/** Scores every posting of a term table: BM25+ over text, heading and title, boosts applied. */
export function scoreImpacts(table: TermTable): ImpactIndex {
  const index = impactsOf(table);
  for (let term = 0; term < table.terms.length; term++) scoreTerm(index, term);
  return index;
}

/**
 * The impact index of a term table, each term scored when a question first needs it: loading an index or taking a
 * reindex's table then costs no pass over every posting (BM25+ depends on the whole corpus, so no score is saved).
 */
export function impactsOf(table: TermTable): ImpactIndex {
  return {
    size: table.size,
    terms: new Map(table.terms.map((term, index) => [term, index])),
    offsets: table.offsets,
    ids: table.ids,
    scores: new Float32Array(table.ids.length),
    scored: new Uint8Array(table.terms.length),
    // Each field's length normalisation is worked out once per passage, not once per posting: the same numbers from
    // the same operations, so the same Float32 scores.
    scoring: { text: fieldScoring(table, 'text'), heading: fieldScoring(table, 'heading'), title: fieldScoring(table, 'title') },
  };
}

function scoreTerm(index: ImpactIndex, term: number): void {
  if (index.scored[term] === 1) return;
  const { offsets, ids, scores, scoring } = index;
  const documents = offsets[term + 1]! - offsets[term]!;
  const idf = Math.log(1 + (index.size - documents + 0.5) / (documents + 0.5));
  for (let at = offsets[term]!; at < offsets[term + 1]!; at++) {
    const id = ids[at]!;
    // Summed in the order of FIELDS, as the same numbers: the same Float32 score.
    let score = 0;
    score = addField(score, scoring.text, at, id, idf);
    score = addField(score, scoring.heading, at, id, idf);
    score = addField(score, scoring.title, at, id, idf);
    scores[at] = score;
  }
  index.scored[term] = 1;
}

interface FieldScoring {
  counts: Counts;
  /** Per passage, BM25's K · (1 − B + B · length / average length) for this field. */
  norms: Float64Array;
  boost: number;
}

function fieldScoring(table: TermTable, name: Field): FieldScoring {
  const lengths = table.lengths[name];
  let sum = 0;
  for (const length of lengths) sum += length;
  const average = sum / Math.max(1, table.size) || 1;
  const norms = new Float64Array(lengths.length);
  for (let id = 0; id < lengths.length; id++) norms[id] = K * (1 - B + (B * lengths[id]!) / average);
  return { counts: table.counts[name], norms, boost: FIELD_BOOSTS[name] };
}

/** `score` plus the field's BM25+ term score for the posting `at` of passage `id`, when the field holds the term. */
function addField(score: number, field: FieldScoring, at: number, id: number, idf: number): number {
  const count = field.counts[at]!;
  if (count === 0) return score;
  return score + field.boost * idf * (D + (count * (K + 1)) / (count + field.norms[id]!));
}

/** The ids of the passages holding `term`, ascending. */
export function postingIds(index: ImpactIndex, term: string): Int32Array {
  const at = index.terms.get(term);
  return at === undefined ? new Int32Array(0) : index.ids.subarray(index.offsets[at]!, index.offsets[at + 1]!);
}

/** The ids of the passages holding every one of `terms`, ascending: the rarest term's postings, each looked up in the others'. */
export function passagesHoldingAll(index: ImpactIndex, terms: readonly string[]): number[] {
  const ranges = terms.map((term) => {
    const at = index.terms.get(term);
    return at === undefined ? { from: 0, to: 0 } : { from: index.offsets[at]!, to: index.offsets[at + 1]! };
  });
  ranges.sort((a, b) => a.to - a.from - (b.to - b.from));
  const [rarest, ...others] = ranges;
  if (rarest === undefined) return [];
  const found: number[] = [];
  for (let i = rarest.from; i < rarest.to; i++) {
    const id = index.ids[i]!;
    if (others.every(({ from, to }) => postingOf(index.ids, from, to, id) >= 0)) found.push(id);
  }
  return found;
}

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
  const { scores, matched, seenInGroup, touched } = scratchFor(index);
  let touchedCount = 0;
  const common = Math.max(COMMON_POSTINGS, index.size * COMMON_SHARE);
  const ordered = groups
    .map((forms, group) => ({ group, forms: [...new Set(forms)], postings: forms.reduce((sum, form) => sum + documentFrequency(index, form), 0) }))
    .sort((a, b) => a.postings - b.postings);
  const { offsets, ids } = index;
  const postingScores = index.scores;
  for (const { group, forms, postings } of ordered) {
    // A very common term only adds to passages the rarer terms found, once there are enough of those.
    const onlyTouched = postings > common && touchedCount >= limit;
    for (const form of forms) {
      const at = index.terms.get(form);
      if (at === undefined) continue;
      scoreTerm(index, at);
      const from = offsets[at]!;
      const to = offsets[at + 1]!;
      if (onlyTouched && touchedCount * SEARCH_STEPS * Math.log2(to - from) < to - from) {
        // Fewer passages found than the term has postings: each found passage's posting is looked up (ids ascend),
        // rather than every posting walked to find the few of found passages. The same postings are added.
        for (let k = 0; k < touchedCount; k++) {
          const id = touched[k]!;
          const i = postingOf(ids, from, to, id);
          if (i < 0) continue;
          scores[id] = scores[id]! + postingScores[i]!;
          if (forms.length === 1) matched[id] = Math.min(255, matched[id]! + 1);
          else if (seenInGroup[id] !== group) {
            seenInGroup[id] = group;
            matched[id] = Math.min(255, matched[id]! + 1);
          }
        }
        continue;
      }
      if (forms.length === 1) {
        // A group of one form meets each passage once: every posting is a new group matched for its passage.
        for (let i = from; i < to; i++) {
          const id = ids[i]!;
          const count = matched[id]!;
          if (count === 0) {
            if (onlyTouched) continue;
            touched[touchedCount++] = id;
          }
          scores[id] = scores[id]! + postingScores[i]!;
          if (count < 255) matched[id] = count + 1;
        }
        continue;
      }
      for (let i = from; i < to; i++) {
        const id = ids[i]!;
        if (matched[id] === 0) {
          if (onlyTouched) continue;
          touched[touchedCount++] = id;
        }
        scores[id] = scores[id]! + postingScores[i]!;
        if (seenInGroup[id] !== group) {
          seenInGroup[id] = group;
          matched[id] = Math.min(255, matched[id]! + 1);
        }
      }
    }
  }
  const best = bestOf(touched, touchedCount, scores, matched, limit);
  for (let k = 0; k < touchedCount; k++) {
    const id = touched[k]!;
    scores[id] = 0;
    matched[id] = 0;
    seenInGroup[id] = -1;
  }
  return best;
}

/** A binary search step costs about this many steps of walking the postings. */
const SEARCH_STEPS = 4;

/** Where passage `id` is among the ascending ids[from … to), or -1. */
function postingOf(ids: Int32Array, from: number, to: number, id: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = ids[middle]!;
    if (value < id) low = middle + 1;
    else if (value > id) high = middle - 1;
    else return middle;
  }
  return -1;
}

interface Scratch {
  scores: Float64Array;
  matched: Uint8Array;
  seenInGroup: Int32Array;
  /** The passages found so far, in the order found. */
  touched: Int32Array;
}

/** Accumulators reused across questions (reset entry by entry), so a question allocates nothing per passage. */
const scratch = new WeakMap<ImpactIndex, Scratch>();

function scratchFor(index: ImpactIndex): Scratch {
  let arrays = scratch.get(index);
  if (arrays === undefined) {
    arrays = {
      scores: new Float64Array(index.size),
      matched: new Uint8Array(index.size),
      seenInGroup: new Int32Array(index.size).fill(-1),
      touched: new Int32Array(index.size),
    };
    scratch.set(index, arrays);
  }
  return arrays;
}

/** The `limit` highest-scoring of the first `count` ids (score × groups matched), best first, ties by id; a bounded min-heap instead of sorting every hit. */
function bestOf(ids: Int32Array, count: number, scores: Float64Array, matched: Uint8Array, limit: number): Hit[] {
  const heap: Hit[] = [];
  /** Whether `hit` ranks below the id scoring `value`. */
  const below = (hit: Hit, id: number, value: number): boolean => hit.score < value || (hit.score === value && hit.id > id);
  const worse = (a: Hit, b: Hit): boolean => below(a, b.id, b.score);
  // Once the heap is full, the score of its worst hit: an id scoring less cannot enter it.
  let floor = -Infinity;
  for (let k = 0; k < count; k++) {
    const id = ids[k]!;
    const value = scores[id]! * matched[id]!;
    if (value < floor) continue;
    if (heap.length < limit) {
      heap.push({ id, score: value });
      for (let child = heap.length - 1; child > 0; ) {
        const parent = (child - 1) >> 1;
        if (!worse(heap[child]!, heap[parent]!)) break;
        [heap[child], heap[parent]] = [heap[parent]!, heap[child]!];
        child = parent;
      }
      if (heap.length === limit) floor = heap[0]!.score;
    } else if (below(heap[0]!, id, value)) {
      // Most ids never enter the heap: a hit is made only for one that does.
      heap[0] = { id, score: value };
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
      floor = heap[0]!.score;
    }
  }
  return heap.sort((a, b) => b.score - a.score || a.id - b.id);
}
