/** Short answers: the span of a sentence that holds what the question asks for (a count, a name, a place…), by kind of question. */
import { extractAmount, extractMeasure, extractQuantifiedFocus, extractStatedValue, isShareOrSum } from './amounts.js';
import { extractCount } from './counts.js';
import { extractCodeNameOfFocus, extractLongForm, extractName } from './name-answers.js';
import type { Question } from './question.js';
import type { SentenceView } from './sentence.js';
import type { IsCommon, ShortAnswer, TermWeights } from './short-answer.js';
import { bestPatternMatch, extractDuration, extractTime, VERSION } from './spans.js';

const neverCommon: IsCommon = () => false;

export function extractAnswer(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon = neverCommon): ShortAnswer | null {
  switch (question.kind) {
    case 'count':
      return extractCount(view, question) ?? extractStatedValue(view, question, weights);
    case 'amount':
    case 'value':
      return extractAmount(view, question, weights);
    case 'quantity':
      return extractMeasure(view, question) ?? extractStatedValue(view, question, weights);
    case 'duration':
      return extractDuration(view, question, weights) ?? extractStatedValue(view, question, weights);
    case 'time':
      return extractTime(view, question, weights);
    case 'version':
      return bestPatternMatch(view, VERSION, question, weights, isShareOrSum);
    case 'entity':
      return extractQuantifiedFocus(view, question, weights) ?? extractCodeNameOfFocus(view, question, weights) ?? extractName(view, question, weights, isCommon);
    case 'person':
    case 'place':
      return extractName(view, question, weights, isCommon);
    case 'expansion':
      return extractLongForm(view, question);
    case 'other':
      return null;
  }
}
