/**
 * How often each term occurs in each passage, field by field, and how long each field is: the statistics every
 * score is computed from (the BM25+ impacts of impacts.ts, the spelling index of spellingindex.ts). Kept in columns
 * (typed arrays, postings grouped by term, ids ascending) so that it is saved, sent between threads and merged
 * without building an object per passage or per posting. Pure.
 */
import { tokenize } from '../text/terms.js';

export const FIELDS = ['text', 'heading', 'title'] as const;
export type Field = (typeof FIELDS)[number];

/** What is indexed of one passage: its text, its section heading and its source's title. */
export type IndexedFields = Record<Field, string>;

/** The narrowest unsigned array that holds every count: most counts are 1, a few passages repeat a word hundreds of times. */
export type Counts = Uint8Array | Uint16Array | Uint32Array;

export interface TermTable {
  /** Number of passages (ids 0 … size-1). */
  size: number;
  /** Every term in any field of any passage, sorted (by UTF-16 code units). */
  terms: string[];
  /** Postings of term i are entries offsets[i] … offsets[i + 1] - 1, ids ascending. */
  offsets: Int32Array;
  ids: Int32Array;
  /** Per posting, how often the term occurs in each field of the passage (at least one is not 0). */
  counts: Record<Field, Counts>;
  /** Per passage, the terms (stopwords left out) of each field: BM25's field length. */
  lengths: Record<Field, Counts>;
  /** Per passage, the distinct words as written (stopwords included) of text and heading: MiniSearch's field length. */
  words: { text: Counts; heading: Counts };
}

/** Per passage: its terms with their counts by field, and its field lengths. */
interface PassageTerms {
  counts: Map<string, [number, number, number]>;
  lengths: [number, number, number];
  words: [number, number];
}

function passageTerms(fields: IndexedFields): PassageTerms {
  const counts = new Map<string, [number, number, number]>();
  const lengths: [number, number, number] = [0, 0, 0];
  const words: [number, number] = [0, 0];
  FIELDS.forEach((field, f) => {
    const tokens = tokenize(fields[field]);
    if (f < 2) words[f] = new Set(tokens.map((token) => token.raw)).size;
    for (const { term } of tokens) {
      if (term === '') continue;
      lengths[f] = lengths[f]! + 1;
      let entry = counts.get(term);
      if (entry === undefined) counts.set(term, (entry = [0, 0, 0]));
      entry[f] = entry[f]! + 1;
    }
  });
  return { counts, lengths, words };
}

/** Counts the terms of passages given in id order (0 … n-1). */
export function countTerms(passages: readonly IndexedFields[]): TermTable {
  const perPassage = passages.map(passageTerms);
  const frequency = new Map<string, number>();
  for (const { counts } of perPassage) for (const term of counts.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const terms = [...frequency.keys()].sort();
  const at = new Map(terms.map((term, index) => [term, index]));
  const offsets = new Int32Array(terms.length + 1);
  terms.forEach((term, index) => (offsets[index + 1] = offsets[index]! + frequency.get(term)!));
  const postings = offsets[terms.length]!;
  const ids = new Int32Array(postings);
  const counts = FIELDS.map(() => new Uint32Array(postings));
  const fill = offsets.slice(0, terms.length);
  perPassage.forEach((passage, id) => {
    for (const [term, byField] of passage.counts) {
      const position = fill[at.get(term)!]!++;
      ids[position] = id;
      for (let f = 0; f < FIELDS.length; f++) counts[f]![position] = byField[f]!;
    }
  });
  const column = (values: (passage: PassageTerms) => number): Counts => narrowest(Uint32Array.from(perPassage, values));
  return {
    size: passages.length,
    terms,
    offsets,
    ids,
    counts: { text: narrowest(counts[0]!), heading: narrowest(counts[1]!), title: narrowest(counts[2]!) },
    lengths: { text: column((p) => p.lengths[0]), heading: column((p) => p.lengths[1]), title: column((p) => p.lengths[2]) },
    words: { text: column((p) => p.words[0]), heading: column((p) => p.words[1]) },
  };
}

/** The same values in the narrowest unsigned array that holds them. */
export function narrowest(values: Uint32Array): Counts {
  let max = 0;
  for (const value of values) if (value > max) max = value;
  if (max <= 0xff) return Uint8Array.from(values);
  if (max <= 0xffff) return Uint16Array.from(values);
  return values;
}

/**
 * One table from two: `previous` with its passages renumbered by `keep` (previous id → new id, -1 for passages that
 * are gone) and `added` with its passages numbered by `addedIds`, both numberings increasing. The result is what
 * `countTerms` gives over the passages in their new order, without tokenising the kept ones again.
 */
export function mergeTables(previous: TermTable, keep: Int32Array, added: TermTable, addedIds: Int32Array, size: number): TermTable {
  const tables = [previous, added] as const;
  const renumber = [(id: number): number => keep[id]!, (id: number): number => addedIds[id]!] as const;
  const terms: string[] = [];
  const termOffsets: number[] = [0];
  const ids: number[] = [];
  const counts: [number[], number[], number[]] = [[], [], []];
  const take = (table: 0 | 1, term: number): { ids: number[]; at: number[] } => {
    const from = tables[table];
    const result = { ids: [] as number[], at: [] as number[] };
    for (let at = from.offsets[term]!; at < from.offsets[term + 1]!; at++) {
      const id = renumber[table](from.ids[at]!);
      if (id < 0) continue;
      result.ids.push(id);
      result.at.push(at);
    }
    return result;
  };
  const push = (table: 0 | 1, at: number, id: number): void => {
    ids.push(id);
    FIELDS.forEach((field, f) => counts[f]!.push(tables[table].counts[field][at]!));
  };
  let a = 0;
  let b = 0;
  while (a < previous.terms.length || b < added.terms.length) {
    const termA = previous.terms[a];
    const termB = added.terms[b];
    const fromA = termA !== undefined && (termB === undefined || termA <= termB);
    const fromB = termB !== undefined && (termA === undefined || termB <= termA);
    const left = fromA ? take(0, a++) : { ids: [], at: [] };
    const right = fromB ? take(1, b++) : { ids: [], at: [] };
    if (left.ids.length + right.ids.length === 0) continue;
    terms.push((fromA ? termA : termB)!);
    let i = 0;
    let j = 0;
    while (i < left.ids.length || j < right.ids.length) {
      if (j >= right.ids.length || (i < left.ids.length && left.ids[i]! < right.ids[j]!)) push(0, left.at[i]!, left.ids[i++]!);
      else push(1, right.at[j]!, right.ids[j++]!);
    }
    termOffsets.push(ids.length);
  }
  const perPassage = (previousColumn: Counts, addedColumn: Counts): Counts => {
    const values = new Uint32Array(size);
    previousColumn.forEach((value, id) => {
      if (keep[id]! >= 0) values[keep[id]!] = value;
    });
    addedColumn.forEach((value, id) => (values[addedIds[id]!] = value));
    return narrowest(values);
  };
  return {
    size,
    terms,
    offsets: Int32Array.from(termOffsets),
    ids: Int32Array.from(ids),
    counts: { text: narrowest(Uint32Array.from(counts[0])), heading: narrowest(Uint32Array.from(counts[1])), title: narrowest(Uint32Array.from(counts[2])) },
    lengths: {
      text: perPassage(previous.lengths.text, added.lengths.text),
      heading: perPassage(previous.lengths.heading, added.lengths.heading),
      title: perPassage(previous.lengths.title, added.lengths.title),
    },
    words: { text: perPassage(previous.words.text, added.words.text), heading: perPassage(previous.words.heading, added.words.heading) },
  };
}
