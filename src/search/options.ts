/** The MiniSearch options, defined once and used to build, save and load the index. */
import type { Options, SearchOptions } from 'minisearch';
import { splitWords, termOf } from '../text/terms.js';

/** What MiniSearch indexes per passage. Stored fields are kept out: passages live beside the index. */
export interface PassageDocument {
  id: number;
  text: string;
  heading: string;
}

/**
 * The MiniSearch index holds the vocabulary for typo tolerance (fuzzy search on names); ranking uses the
 * impact index (impacts.ts). Titles are left out: every passage of a page would repeat them.
 */
export const INDEX_OPTIONS: Options<PassageDocument> = {
  idField: 'id',
  fields: ['text', 'heading'],
  storeFields: [],
  tokenize: splitWords,
  processTerm: termOf,
};

/**
 * Typo tolerance for a question word the index does not hold ("Klitchko"): one edit away, whole words.
 * The word arrives already turned into a term, so search must not tokenise or stem it again.
 */
export const SPELLING_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  tokenize: (query) => [query],
  processTerm: (term) => term,
  prefix: false,
  fuzzy: 1,
  maxFuzzy: 1,
};
