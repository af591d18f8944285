/** A short answer: the span of a sentence that holds what the question asks for, and its canonical value. */


export interface ShortAnswer {
  /** Verbatim span of the sentence, e.g. "550 drones", "Vitali Klitschko", "more than eight hours". */
  text: string;
  /** Canonical value to compare across sources: "550", "vitali klitschko". */
  value: string;
  score: number;
  /** Token index of the answer's first word in the sentence. */
  at: number;
}

/** Term weights by question term index, supplied by the ranker (rarer terms weigh more). */
export type TermWeights = readonly number[];

/** Whether a term is too common in the corpus to be an answer by itself ("Python" in the Python docs). */
export type IsCommon = (term: string) => boolean;

export interface CountAnswer extends ShortAnswer {
  /** The number's own clause holds one of the question's verbs or qualifiers. */
  tiedToQuestionVerb: boolean;
  /** For an amount, what it is measured in, with its scale ("$ 1000000", "1000000 dlr", "%"): only like amounts disagree. */
  measuredIn?: string;
}

/** A short answer that is a figure (a count, a measure, an amount), as opposed to a name, a date or a long form. */
export function isFigure(short: ShortAnswer): short is CountAnswer {
  return 'tiedToQuestionVerb' in short;
}
