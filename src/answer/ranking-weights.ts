/**
 * Fitted by `npm run fit` (scripts/fit.ts) on the evaluation suite; do not edit by hand.
 * Corpora: seeds, python-docs, nodejs-docs, jargon-file, news-reuters (161 questions).
 * Leave-one-corpus-out: seeds 12/13 answered, 2/3 abstained; python-docs 14/34 answered, 4/6 abstained; nodejs-docs 5/25 answered, 5/5 abstained; jargon-file 14/30 answered, 1/5 abstained; news-reuters 14/34 answered, 5/6 abstained.
 */
import type { RankingModel } from './features.js';

export const RANKING: RankingModel = {
  weights: {
    coverage: 1,
    strictCoverage: 0.1,
    headingCoverage: 0.8,
    neighbourCoverage: 0.7,
    unknownTerms: -0.5,
    retrieval: 0,
    retrievalRank: 0,
    headingIsTopic: 0.5,
    firstInPassage: 0,
    opensSection: 0,
    opensTopicSection: 0,
    answerType: 0,
    answerTypeMissing: -0.5,
    tiedToVerb: 0.15,
    compactness: 0.1,
    leadsWithTopic: 0.1,
    unlikeProse: -0.2,
    missingName: -0.5,
  },
  threshold: 0.58,
};
