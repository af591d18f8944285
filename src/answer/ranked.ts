/** A candidate sentence after ranking, shared by the answer and the conflict finder. */
import type { SourceRef } from '../model.js';
import type { Corpus } from '../search/corpus.js';
import type { ShortAnswer } from './short-answer.js';
import type { Features } from './features.js';
import type { SentenceView } from './sentence.js';

export interface RankedSentence {
  view: SentenceView;
  /** Weighted share of the question's terms in the sentence (heading and neighbours count part). */
  coverage: number;
  features: Features;
  score: number;
  short: ShortAnswer | null;
}

export function sourceRef(corpus: Corpus, id: string): SourceRef {
  const indexed = corpus.sourceById.get(id);
  if (indexed === undefined) throw new Error(`Quoth: passage names unknown source ${id}`);
  return indexed.source;
}
