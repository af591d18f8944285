/**
 * `ask` cut into stages, to see where its time goes without editing src/. The stages re-run the public pieces
 * of src/answer in the order `answerQuestion` uses them: analyse the question, retrieve passages with
 * the impact index (topPassages), then view every sentence of the retrieved passages (tokenise, find the question's terms,
 * try a short answer). What `ask` spends beyond the last stage is the rest of the pipeline: coverage
 * arithmetic, sorting, grouping near-duplicates, quotes with corroboration, and conflicts.
 * Uses answer.ts's own term weights and retrieval size, so the stages measure what `ask` does.
 */
import { contentSet } from '../../src/answer/duplicates.js';
import { extractAnswer } from '../../src/answer/extract.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { viewSentences } from '../../src/answer/sentence.js';
import type { Corpus } from '../../src/search/corpus.js';
import { RETRIEVED_PASSAGES, termWeights } from '../../src/answer/answer.js';
import { topPassages } from '../../src/search/impacts.js';
import { tokenize } from '../../src/text/terms.js';


export interface StageTimes {
  /** analyzeQuestion + term weights. */
  analyze: number;
  /** topPassages over the impact index: every posting of the question's terms summed, top 20 kept. */
  retrieve: number;
  /** viewSentences + extractAnswer + contentSet for each sentence of the top 20 passages. */
  views: number;
  /** Passages holding any of the question's terms (before the top 20 are kept). */
  hits: number;
  /** Sentences viewed. */
  sentences: number;
}

export function stagedAsk(corpus: Corpus, rawQuestion: string): StageTimes {
  const t0 = performance.now();
  const question = analyzeQuestion(rawQuestion.replace(/\s+/g, ' ').trim());
  const weights = termWeights(corpus, question);
  const t1 = performance.now();
  const groups = question.terms.map((term) => term.forms);
  const top = topPassages(corpus.impacts, groups, RETRIEVED_PASSAGES);
  const t2 = performance.now();
  let sentences = 0;
  for (const result of top) {
    const passage = corpus.passages[result.id];
    if (passage === undefined) continue;
    if (passage.heading !== '') contentSet(tokenize(passage.heading));
    for (const view of viewSentences(passage, question)) {
      extractAnswer(view, question, weights);
      contentSet(view.tokens);
      sentences += 1;
    }
  }
  const t3 = performance.now();
  return { analyze: t1 - t0, retrieve: t2 - t1, views: t3 - t2, hits: matchingPassages(corpus, groups), sentences };
}

/** How many passages hold any of the terms (not timed: for the report only). */
function matchingPassages(corpus: Corpus, groups: string[][]): number {
  const ids = new Set<number>();
  for (const form of new Set(groups.flat())) {
    const at = corpus.impacts.terms.get(form);
    if (at === undefined) continue;
    for (let i = corpus.impacts.offsets[at]!; i < corpus.impacts.offsets[at + 1]!; i++) ids.add(corpus.impacts.ids[i]!);
  }
  return ids.size;
}
