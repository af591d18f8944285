/**
 * The naive baseline Quoth is measured against: a plain MiniSearch (default options) over the sentences of
 * every source, searched with the raw question; its answer is the first hit's sentence. Pure, in memory.
 */
import MiniSearch from 'minisearch';
import { collapseSpace, type ScoredAnswer } from './score.js';

export interface BaselineSource {
  id: string;
  /** The source's text as a reader sees it (see `sourceText`), blocks separated by blank lines. */
  text: string;
}

export interface Baseline {
  /** Sentences indexed. */
  readonly sentences: number;
  answer(question: string): ScoredAnswer;
}

interface Sentence {
  sourceId: string;
  text: string;
}

const BLOCK_SEPARATOR = /\n[ \t\r\f]*\n/u;
/** After a full stop, question or exclamation mark (and any closing quote or bracket) and white space. */
const SENTENCE_END = /(?<=[.!?]["'”’)\]]*)\s+/u;

/** A text's sentences, white space collapsed: blank lines end a block, and a block is cut after `.`, `!` or `?`. */
export function naiveSentences(text: string): string[] {
  return text
    .split(BLOCK_SEPARATOR)
    .flatMap((block) => block.split(SENTENCE_END))
    .map(collapseSpace)
    .filter((sentence) => sentence !== '');
}

export function buildBaseline(sources: readonly BaselineSource[]): Baseline {
  const sentences: Sentence[] = sources.flatMap((source) => naiveSentences(source.text).map((text) => ({ sourceId: source.id, text })));
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], storeFields: ['text'] });
  search.addAll(sentences.map((sentence, id) => ({ id, text: sentence.text })));
  return {
    sentences: sentences.length,
    answer(question) {
      const hit = search.search(question)[0];
      const sentence = hit === undefined ? undefined : sentences[hit.id as number];
      if (sentence === undefined) return { status: 'no_answer', answer: null, quotes: [], related: [], conflicts: [] };
      return {
        status: 'answered',
        answer: null,
        quotes: [{ text: sentence.text, source: { id: sentence.sourceId }, alsoIn: [] }],
        related: [],
        conflicts: [],
      };
    },
  };
}
