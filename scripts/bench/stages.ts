/**
 * `ask` cut into stages, to see where its time goes without editing src/. The stages re-run the public pieces
 * of src/answer in the order `answerQuestion` uses them: analyse the question, retrieve passages with
 * QUERY_OPTIONS, then view every sentence of the retrieved passages (tokenise, find the question's terms,
 * try a short answer). What `ask` spends beyond the last stage is the rest of the pipeline: coverage
 * arithmetic, sorting, grouping near-duplicates, quotes with corroboration, and conflicts.
 * Mirrors src/answer/answer.ts (RETRIEVED_PASSAGES = 30, the rarity weight); keep the two in step.
 */
import { contentSet } from '../../src/answer/duplicates.js';
import { extractAnswer } from '../../src/answer/extract.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { viewSentence } from '../../src/answer/sentence.js';
import type { Corpus } from '../../src/search/corpus.js';
import { QUERY_OPTIONS } from '../../src/search/options.js';
import { tokenize } from '../../src/text/terms.js';

const RETRIEVED_PASSAGES = 30;

export interface StageTimes {
  /** analyzeQuestion + term weights. */
  analyze: number;
  /** corpus.search.search(terms, QUERY_OPTIONS), every hit scored and sorted, top 30 kept. */
  retrieve: number;
  /** viewSentence + extractAnswer + contentSet for each sentence of the top 30 passages. */
  views: number;
  /** Passages MiniSearch matched (before the top 30 are kept). */
  hits: number;
  /** Sentences viewed. */
  sentences: number;
}

export function stagedAsk(corpus: Corpus, rawQuestion: string): StageTimes {
  const t0 = performance.now();
  const question = analyzeQuestion(rawQuestion.replace(/\s+/g, ' ').trim());
  const total = corpus.passages.length;
  const weights = question.terms.map((term) => {
    const frequency = Math.max(0, ...term.forms.map((form) => corpus.documentFrequency.get(form) ?? 0));
    return Math.log(1 + total / (frequency + 0.5));
  });
  const t1 = performance.now();
  const query = [...new Set(question.terms.flatMap((term) => term.forms))].join(' ');
  const results = question.terms.length === 0 ? [] : corpus.search.search(query, QUERY_OPTIONS);
  const top = results.slice(0, RETRIEVED_PASSAGES);
  const t2 = performance.now();
  let sentences = 0;
  for (const result of top) {
    const passage = corpus.passages[result.id as number];
    if (passage === undefined) continue;
    if (passage.heading !== '') contentSet(tokenize(passage.heading));
    for (const range of passage.sentences) {
      const view = viewSentence(passage, range, question);
      extractAnswer(view, question, weights);
      contentSet(view.tokens);
      sentences += 1;
    }
  }
  const t3 = performance.now();
  return { analyze: t1 - t0, retrieve: t2 - t1, views: t3 - t2, hits: results.length, sentences };
}
