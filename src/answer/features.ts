/**
 * The one ranking seam: every candidate sentence is described by named features (each about 0–1), and its score is
 * their weighted sum with the weights `npm run fit` wrote to `ranking-weights.ts`. Abstention compares the best
 * score with the fitted threshold. Nothing else orders sentences.
 */
export const FEATURES = [
  /** Weighted share of the question's terms (those the corpus holds) in the sentence itself. */
  'coverage',
  /** …of those some retrieved passage holds too. */
  'reachableCoverage',
  /** Weighted share of all the question's terms in the sentence or its heading, a word no passage holds weighing most. */
  'strictCoverage',
  /** …found only in the section heading or defined term the sentence stands under. */
  'headingCoverage',
  /** …found only in a neighbouring sentence. */
  'neighbourCoverage',
  /** …found only in the sentence before, which the sentence points back at with "it" ("… Stallman. It was …"), when it holds some term itself. */
  'pointedCoverage',
  /** Share of the question's terms that no passage holds (after spelling correction): evidence the corpus does not speak of it. */
  'unknownTerms',
  /** Weighted share of the question's terms the corpus holds but no retrieved passage does: off the topic found, or said otherwise. */
  'unretrievedTerms',
  /** The passage's retrieval score over the best one for this question (BM25+ over text, heading and title). */
  'retrieval',
  /** 1 / retrieval rank of the passage. */
  'retrievalRank',
  /** Share of the heading's terms that the question names: the section is about what is asked. */
  'headingIsTopic',
  /** The sentence opens its passage. */
  'firstInPassage',
  /** The sentence is the first under its heading (the start of an entry or a section). */
  'opensSection',
  /** It opens a section whose heading is what the question names: a definition entry's first words. */
  'opensTopicSection',
  /** Weighted share of the question's terms in the heading (whether or not the sentence has them too). */
  'headingMatch',
  /** The question asks what X is, and the sentence is the first prose of the entry whose heading names X (× how well it names it). */
  'definitionEntry',
  /** It spells out an abbreviation the question names: "International Components for Unicode (ICU)". */
  'spellsOut',
  /** The question asks for a kind of answer (a number, a date, a name …) and the sentence holds one. */
  'answerType',
  /** It asks for one and the sentence holds none. */
  'answerTypeMissing',
  /** The short answer is bound to the question's own verb. */
  'tiedToVerb',
  /** How tightly the question's words cluster in the sentence. */
  'compactness',
  /** The question's words open the sentence (a definition). */
  'leadsWithTopic',
  /** The sentence is not well-formed prose (a fragment, a code line, a run-on). */
  'unlikeProse',
  /** Share of the text past a long sentence's length (an index page's run of links holds every word by chance). */
  'longText',
  /** The sentence was cut from a code block (`<pre>`, fenced code): an example or its output. */
  'inCodeBlock',
  /** A name in the question appears nowhere in the passage, its heading or its title; or a name it writes as code is not written whole there. */
  'missingName',
  /** The sentence is a change note of versioned documentation ("Changed in version 3.0: …", "Added in: v17.5.0"). */
  'changeNote',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type Features = Record<FeatureName, number>;

export interface RankingModel {
  weights: Features;
  /** A best score below this is "no answer". */
  threshold: number;
}

/** A sentence's score under `model`, for many sentences: the weights are read once, in the order of FEATURES. */
export function scorer(model: RankingModel): (features: Features) => number {
  const weights = FEATURES.map((name) => model.weights[name]);
  return (features) => {
    let score = 0;
    for (let index = 0; index < FEATURES.length; index++) score += weights[index]! * features[FEATURES[index]!];
    return score;
  };
}
