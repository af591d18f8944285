/**
 * The MiniSearch index that spelling correction asks for terms a few edits from a misspelt word, made from a term
 * table instead of re-tokenising every passage: the same documents, fields, term frequencies, field lengths and
 * averages as `new MiniSearch(INDEX_OPTIONS).addAll(passages)` would hold, with the vocabulary in sorted order
 * (so an index built in one go and one merged from an earlier index are the same). Pure.
 */
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { INDEX_OPTIONS, type PassageDocument } from './options.js';
import type { TermTable } from './termtable.js';

/** MiniSearch's field ids: the order of INDEX_OPTIONS.fields. */
const FIELD_IDS = { text: 0, heading: 1 } as const;

export function spellingIndex(table: TermTable): MiniSearch<PassageDocument> {
  return MiniSearch.loadJS<PassageDocument>(spellingIndexData(table), INDEX_OPTIONS);
}

/** Postings turned into MiniSearch's form between two pauses of `spellingIndexAsync`. */
const POSTINGS_PER_PAUSE = 50_000;

/** The same index, made a little at a time with `pause` between steps, so that a running bot keeps answering. */
export async function spellingIndexAsync(table: TermTable, pause: () => Promise<void>): Promise<MiniSearch<PassageDocument>> {
  const index: AsPlainObject['index'] = [];
  let postings = 0;
  for (let at = 0; at < table.terms.length; at++) {
    const entry = termEntry(table, at);
    if (entry !== null) index.push(entry);
    postings += table.offsets[at + 1]! - table.offsets[at]!;
    if (postings >= POSTINGS_PER_PAUSE) {
      postings = 0;
      await pause();
    }
  }
  return MiniSearch.loadJSAsync<PassageDocument>(withDocuments(table, index), INDEX_OPTIONS);
}

/** The index in MiniSearch's serialised form (what `toJSON` gives). */
export function spellingIndexData(table: TermTable): AsPlainObject {
  const index: AsPlainObject['index'] = [];
  for (let at = 0; at < table.terms.length; at++) {
    const entry = termEntry(table, at);
    if (entry !== null) index.push(entry);
  }
  return withDocuments(table, index);
}

function withDocuments(table: TermTable, index: AsPlainObject['index']): AsPlainObject {
  const documentIds: Record<string, number> = {};
  const fieldLength: Record<string, number[]> = {};
  // MiniSearch keeps a running average as documents are added; summed the same way, it is the same number.
  const averageFieldLength = [0, 0];
  for (let id = 0; id < table.size; id++) {
    documentIds[id] = id;
    const lengths = [table.words.text[id]!, table.words.heading[id]!];
    fieldLength[id] = lengths;
    for (let field = 0; field < 2; field++) averageFieldLength[field] = (averageFieldLength[field]! * id + lengths[field]!) / (id + 1);
  }
  return {
    documentCount: table.size,
    nextId: table.size,
    documentIds,
    fieldIds: { ...FIELD_IDS },
    fieldLength,
    averageFieldLength,
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  };
}

/** Term `at` with its postings by MiniSearch field id, or null when it occurs in titles only. */
function termEntry(table: TermTable, at: number): AsPlainObject['index'][number] | null {
  const text: Record<string, number> = {};
  const heading: Record<string, number> = {};
  let inText = false;
  let inHeading = false;
  for (let posting = table.offsets[at]!; posting < table.offsets[at + 1]!; posting++) {
    const id = table.ids[posting]!;
    const inThisText = table.counts.text[posting]!;
    const inThisHeading = table.counts.heading[posting]!;
    if (inThisText > 0) {
      text[id] = inThisText;
      inText = true;
    }
    if (inThisHeading > 0) {
      heading[id] = inThisHeading;
      inHeading = true;
    }
  }
  if (!inText && !inHeading) return null;
  const fields: Record<string, Record<string, number>> = {};
  if (inText) fields[FIELD_IDS.text] = text;
  if (inHeading) fields[FIELD_IDS.heading] = heading;
  return [table.terms[at]!, fields];
}
