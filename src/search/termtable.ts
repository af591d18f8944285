/**
 * How often each term occurs in each passage, field by field, and how long each field is: the statistics every
 * score is computed from (the BM25+ impacts of impacts.ts, the spelling index of spellingindex.ts). Kept in columns
 * (typed arrays, postings grouped by term, ids ascending) so that it is saved, sent between threads and merged
 * without building an object per passage or per posting. Pure.
 */
import { normalizeWord, wordTerms } from '../text/terms.js';

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

/** Counts the terms of passages given in id order (0 … n-1). */
export function countTerms(passages: Iterable<IndexedFields>): TermTable {
  const counter = new TermCounter();
  for (const passage of passages) counter.add(passage);
  return counter.table();
}

/**
 * Counts terms passage by passage into flat growing arrays (term number and three counts per posting, lengths per
 * passage), so that counting a million passages holds a few bytes per posting rather than a Map per passage; `table()`
 * then sorts the terms and groups the postings by term. Each word's term is worked out once (words repeat).
 */
export class TermCounter {
  private passages = 0;
  private readonly termNumbers = new Map<string, number>();
  private readonly termNames: string[] = [];
  /** Per term number: passages holding it. */
  private readonly frequency = new GrowingCounts();
  /** Per posting, in passage order: the term's number and its count in each field. */
  private readonly postingTerms = new GrowingCounts();
  private readonly postingCounts = FIELDS.map(() => new GrowingCounts());
  /** Per passage: where its postings end. */
  private readonly postingEnds = new GrowingCounts();
  private readonly lengths = FIELDS.map(() => new GrowingCounts());
  private readonly words = [new GrowingCounts(), new GrowingCounts()];
  /** Word as written → its term ('' for a stopword). */
  private readonly termOfWord = new Map<string, string>();
  /** Scratch for one passage: term number → its slot among the passage's postings. */
  private readonly slots = new Map<number, number>();

  /** Adds the next passage (ids are given in the order passages are added). */
  add(fields: IndexedFields): void {
    const slots = this.slots;
    slots.clear();
    FIELDS.forEach((field, f) => {
      const { words, terms } = wordTerms(fields[field], this.termOf);
      if (f < 2) this.words[f]!.push(new Set(words).size);
      let length = 0;
      for (const term of terms) {
        if (term === '') continue;
        length += 1;
        let number = this.termNumbers.get(term);
        if (number === undefined) {
          number = this.termNames.length;
          this.termNumbers.set(term, number);
          this.termNames.push(term);
          this.frequency.push(0);
        }
        let slot = slots.get(number);
        if (slot === undefined) {
          slot = this.postingTerms.length;
          slots.set(number, slot);
          this.postingTerms.push(number);
          for (const counts of this.postingCounts) counts.push(0);
          this.frequency.add(number, 1);
        }
        this.postingCounts[f]!.add(slot, 1);
      }
      this.lengths[f]!.push(length);
    });
    this.postingEnds.push(this.postingTerms.length);
    this.passages += 1;
  }

  private readonly termOf = (raw: string): string => {
    let term = this.termOfWord.get(raw);
    if (term === undefined) this.termOfWord.set(raw, (term = normalizeWord(raw.toLowerCase())));
    return term;
  };

  /** The table of the passages added so far: terms sorted, postings grouped by term with ids ascending. */
  table(): TermTable {
    const names = this.termNames;
    const order = Array.from(names.keys()).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0));
    const rank = new Int32Array(names.length);
    order.forEach((number, position) => (rank[number] = position));
    const offsets = new Int32Array(names.length + 1);
    order.forEach((number, position) => (offsets[position + 1] = offsets[position]! + this.frequency.at(number)));
    const postings = this.postingTerms.length;
    const ids = new Int32Array(postings);
    const counts = this.postingCounts.map((column) => column.emptyOfSameType(postings));
    const fill = offsets.slice(0, names.length);
    let posting = 0;
    for (let id = 0; id < this.passages; id++) {
      for (const end = this.postingEnds.at(id); posting < end; posting++) {
        const position = fill[rank[this.postingTerms.at(posting)]!]!++;
        ids[position] = id;
        for (let f = 0; f < FIELDS.length; f++) counts[f]![position] = this.postingCounts[f]!.at(posting);
      }
    }
    return {
      size: this.passages,
      terms: order.map((number) => names[number]!),
      offsets,
      ids,
      counts: { text: counts[0]!, heading: counts[1]!, title: counts[2]! },
      lengths: { text: this.lengths[0]!.values(), heading: this.lengths[1]!.values(), title: this.lengths[2]!.values() },
      words: { text: this.words[0]!.values(), heading: this.words[1]!.values() },
    };
  }
}

/** Unsigned integers in an array that grows as values are pushed and widens (8, 16, 32 bits) as they grow. */
class GrowingCounts {
  private array: Counts = new Uint8Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) this.resize(this.array.length * 2, this.array);
    this.set(this.length++, value);
  }

  add(index: number, amount: number): void {
    this.set(index, this.array[index]! + amount);
  }

  at(index: number): number {
    return this.array[index]!;
  }

  /** The values, in the narrowest array that holds them (a copy). */
  values(): Counts {
    return this.array.slice(0, this.length);
  }

  /** An array of `length` zeros of the width these values need. */
  emptyOfSameType(length: number): Counts {
    return new (this.array.constructor as new (length: number) => Counts)(length);
  }

  private set(index: number, value: number): void {
    const limit = this.array instanceof Uint8Array ? 0xff : this.array instanceof Uint16Array ? 0xffff : 0xffffffff;
    if (value > limit) this.resize(this.array.length, this.array, value > 0xffff ? Uint32Array : Uint16Array);
    this.array[index] = value;
  }

  private resize(capacity: number, from: Counts, Type: new (length: number) => Counts = from.constructor as new (length: number) => Counts): void {
    const array = new Type(capacity);
    array.set(from.subarray(0, this.length));
    this.array = array;
  }
}

/** The same values in the narrowest unsigned array that holds them: `values` itself when it is that array. */
export function narrowest(values: Counts): Counts {
  if (values instanceof Uint8Array) return values;
  let max = 0;
  // An indexed loop: iterating a typed array with for…of took most of a merge's time at a million postings.
  for (let at = 0; at < values.length; at++) if (values[at]! > max) max = values[at]!;
  if (max <= 0xff) return new Uint8Array(values);
  if (max <= 0xffff) return values instanceof Uint16Array ? values : new Uint16Array(values);
  return values;
}

/** An array of `length` zeros of the wider type of `a` and `b`: it holds every value of both. */
function wider(a: Counts, b: Counts, length: number): Counts {
  const Type = a.BYTES_PER_ELEMENT >= b.BYTES_PER_ELEMENT ? a.constructor : b.constructor;
  return new (Type as new (length: number) => Counts)(length);
}

/**
 * One table from two: `previous` with its passages renumbered by `keep` (previous id → new id, -1 for passages that
 * are gone) and `added` with its passages numbered by `addedIds`, both numberings increasing. The result is what
 * `countTerms` gives over the passages in their new order, without tokenising the kept ones again.
 */
export function mergeTables(previous: TermTable, keep: Int32Array, added: TermTable, addedIds: Int32Array, size: number): TermTable {
  const most = previous.ids.length + added.ids.length;
  const ids = new Int32Array(most);
  // Where the result's postings come from, as runs: run r starts at posting runStarts[r] of the result and copies the
  // postings from runOrigins[r] on in previous, or is the one posting ~runOrigins[r] of added. The counts are copied
  // field by field afterwards, a run at a time (most postings are kept in long runs, at a reindex of a few files).
  const runStarts: number[] = [];
  const runOrigins: number[] = [];
  /** The posting of `previous` that would continue the last run (-1: the last run is an added posting, or none). */
  let expected = -1;
  const terms: string[] = [];
  const offsets = new Int32Array(previous.terms.length + added.terms.length + 1);
  const previousTerms = previous.terms;
  const previousOffsets = previous.offsets;
  const previousIds = previous.ids;
  const addedTerms = added.terms;
  const addedOffsets = added.offsets;
  const addedPostingIds = added.ids;
  let out = 0;
  let a = 0;
  let b = 0;
  /** Whether the terms are those of `previous`, every one (none added, none gone). */
  let sameTerms = true;
  while (a < previousTerms.length || b < addedTerms.length) {
    const termA = previousTerms[a];
    const termB = addedTerms[b];
    const fromA = termA !== undefined && (termB === undefined || termA <= termB);
    const fromB = termB !== undefined && (termA === undefined || termB <= termA);
    let i = fromA ? previousOffsets[a]! : 0;
    const endA = fromA ? previousOffsets[a + 1]! : 0;
    let j = fromB ? addedOffsets[b]! : 0;
    const endB = fromB ? addedOffsets[b + 1]! : 0;
    const start = out;
    // A term of `previous` alone (most terms, at a reindex of a few files): its postings renumbered in one tight loop.
    if (!fromB) {
      for (; i < endA; i++) {
        const id = keep[previousIds[i]!]!;
        if (id < 0) continue;
        if (i !== expected) {
          runStarts.push(out);
          runOrigins.push(i);
        }
        expected = i + 1;
        ids[out++] = id;
      }
    }
    for (;;) {
      while (i < endA && keep[previousIds[i]!]! < 0) i++;
      const idA = i < endA ? keep[previousIds[i]!]! : -1;
      const idB = j < endB ? addedIds[addedPostingIds[j]!]! : -1;
      if (idA < 0 && idB < 0) break;
      if (idB < 0 || (idA >= 0 && idA < idB)) {
        if (i !== expected) {
          runStarts.push(out);
          runOrigins.push(i);
        }
        expected = ++i;
        ids[out++] = idA;
      } else {
        runStarts.push(out);
        runOrigins.push(~j++);
        expected = -1;
        ids[out++] = idB;
      }
    }
    if (fromA) a++;
    if (fromB) b++;
    if (out === start) {
      sameTerms &&= !fromA;
      continue;
    }
    sameTerms &&= fromA;
    terms.push((fromA ? termA : termB)!);
    offsets[terms.length] = out;
  }
  const postingCounts = (field: Field): Counts => {
    const fromPrevious = previous.counts[field];
    const fromAdded = added.counts[field];
    const values = wider(fromPrevious, fromAdded, out);
    for (let run = 0; run < runStarts.length; run++) {
      const at = runStarts[run]!;
      const origin = runOrigins[run]!;
      if (origin < 0) values[at] = fromAdded[~origin]!;
      else values.set(fromPrevious.subarray(origin, origin + (runStarts[run + 1] ?? out) - at), at);
    }
    return narrowest(values);
  };
  const perPassage = (previousColumn: Counts, addedColumn: Counts): Counts => {
    const values = wider(previousColumn, addedColumn, size);
    for (let id = 0; id < previousColumn.length; id++) if (keep[id]! >= 0) values[keep[id]!] = previousColumn[id]!;
    for (let id = 0; id < addedColumn.length; id++) values[addedIds[id]!] = addedColumn[id]!;
    return narrowest(values);
  };
  return {
    size,
    // The same list, not an equal one, when no term came or went: an encoding then reuses the previous one's term bytes.
    terms: sameTerms ? previousTerms : terms,
    offsets: offsets.slice(0, terms.length + 1),
    ids: ids.slice(0, out),
    counts: { text: postingCounts('text'), heading: postingCounts('heading'), title: postingCounts('title') },
    lengths: {
      text: perPassage(previous.lengths.text, added.lengths.text),
      heading: perPassage(previous.lengths.heading, added.lengths.heading),
      title: perPassage(previous.lengths.title, added.lengths.title),
    },
    words: { text: perPassage(previous.words.text, added.words.text), heading: perPassage(previous.words.heading, added.words.heading) },
  };
}
