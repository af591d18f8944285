/**
 * The MiniSearch index that spelling correction asks for terms a few edits from a misspelt word: the corpus's
 * vocabulary, one document per term written in a passage's text or heading (terms of titles alone are left out), made
 * from the term table. Spelling correction reads only which terms a fuzzy search matches, never their passages, so
 * the index holds no postings: its size and the time to make it follow the vocabulary, not the corpus (on 83,934
 * passages, an index of every posting took 2.2 s and 93 MB of heap; this one 0.3 s and 18 MB). Pure.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { INDEX_OPTIONS, type PassageDocument } from './options.js';
import type { TermTable } from './termtable.js';

/** MiniSearch's field id of `text`: the first of INDEX_OPTIONS.fields. */
const TEXT_FIELD = 0;

export function spellingIndex(table: TermTable): MiniSearch<PassageDocument> {
  return MiniSearch.loadJS<PassageDocument>(spellingIndexData(table), INDEX_OPTIONS);
}

/** Terms looked at between two pauses of `spellingIndexAsync`. */
const TERMS_PER_PAUSE = 50_000;

/** The same index, made a little at a time with `pause` between steps, so that a running bot keeps answering. */
export async function spellingIndexAsync(table: TermTable, pause: () => Promise<void>): Promise<MiniSearch<PassageDocument>> {
  const written: string[] = [];
  for (let from = 0; from < table.terms.length; from += TERMS_PER_PAUSE) {
    writtenTerms(table, from, Math.min(table.terms.length, from + TERMS_PER_PAUSE), written);
    await pause();
  }
  return MiniSearch.loadJSAsync<PassageDocument>(vocabularyIndex(written), INDEX_OPTIONS);
}

/** The index in MiniSearch's serialised form (what `toJSON` gives). */
export function spellingIndexData(table: TermTable): AsPlainObject {
  return vocabularyIndex(writtenTerms(table, 0, table.terms.length, []));
}

/** The terms among `table.terms[from … to)` that some passage's text or heading holds, appended to `into`. */
function writtenTerms(table: TermTable, from: number, to: number, into: string[]): string[] {
  for (let at = from; at < to; at++) {
    for (let posting = table.offsets[at]!; posting < table.offsets[at + 1]!; posting++) {
      if (table.counts.text[posting]! > 0 || table.counts.heading[posting]! > 0) {
        into.push(table.terms[at]!);
        break;
      }
    }
  }
  return into;
}

/** A MiniSearch index whose document `k` is the term `terms[k]`, in its text field once. */
function vocabularyIndex(terms: readonly string[]): AsPlainObject {
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  const index: AsPlainObject['index'] = [];
  for (let id = 0; id < terms.length; id++) {
    documentIds[id] = id;
    fieldLength[id] = [1, 0];
    index.push([terms[id]!, { [TEXT_FIELD]: { [id]: 1 } }]);
  }
  return {
    documentCount: terms.length,
    nextId: terms.length,
    documentIds,
    fieldIds: { text: 0, heading: 1 },
    fieldLength,
    averageFieldLength: [terms.length === 0 ? 0 : 1, 0],
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}
