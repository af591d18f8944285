/**
 * Fitted by `npm run fit` (scripts/fit.ts) on the evaluation suite; do not edit by hand.
 * Corpora: seeds, python-docs, nodejs-docs, jargon-file, news-reuters (161 questions).
 * Leave-one-corpus-out: seeds 13/13 answered, 2/3 abstained; python-docs 14/34 answered, 2/6 abstained; nodejs-docs 6/25 answered, 5/5 abstained; jargon-file 10/30 answered, 2/5 abstained; news-reuters 14/34 answered, 5/6 abstained.
 */
import type { RankingModel } from './features.js';

export const RANKING: RankingModel = {
  weights: {
    coverage: 1.1,
    strictCoverage: 0,
    headingCoverage: 0.8,
    neighbourCoverage: 0.7,
    unknownTerms: -0.25,
    retrieval: 0,
    retrievalRank: 0.05,
    headingIsTopic: 0.55,
    firstInPassage: 0,
    opensSection: 0,
    opensTopicSection: 0,
    headingMatch: 0,
    definitionEntry: 0,
    answerType: 0.2,
    answerTypeMissing: -0.25,
    tiedToVerb: 0.15,
    compactness: 0.1,
    leadsWithTopic: 0.1,
    unlikeProse: -0.2,
    missingName: -0.5,
  },
  threshold: 0.851,
};
