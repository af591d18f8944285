/** The MiniSearch options, defined once and used to build, save and load the index. */
import type { Options, SearchOptions } from 'minisearch';
import { splitWords, termOf } from '../text/terms.js';

/** What MiniSearch indexes per passage. Stored fields are kept out: passages live beside the index. */
export interface PassageDocument {
  id: number;
  text: string;
  heading: string;
  title: string;
}

export const INDEX_OPTIONS: Options<PassageDocument> = {
  idField: 'id',
  fields: ['text', 'heading', 'title'],
  storeFields: [],
  tokenize: splitWords,
  processTerm: termOf,
};

/**
 * Questions arrive already turned into terms by `termOf`, one per space-separated word,
 * so search must not tokenise or stem them again (stemming is not idempotent).
 */
export const QUERY_OPTIONS: SearchOptions = {
  combineWith: 'OR',
  tokenize: (query) => query.split(' '),
  processTerm: (term) => term,
  boost: { text: 1, heading: 1.5, title: 0.6 },
  prefix: false,
  fuzzy: false,
};
