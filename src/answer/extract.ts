/** Short answers: the span of a sentence that holds what the question asks for (a count, a name, a place…), by kind of question. */
import { extractAmount, extractMeasure, extractQuantifiedFocus, extractStatedValue, isShareOrSum } from './amounts.js';
import { extractCount } from './counts.js';
import { formatValue } from './numbers.js';
import { extractCodeNameOfFocus, extractLongForm, extractName } from './name-answers.js';
import { DEFAULT_TERM, type Question, VALUE_WORDS, valueCueTerms } from './question.js';
import { tokenize } from '../text/terms.js';
import type { SentenceView } from './sentence.js';
import type { IsCommon, ShortAnswer, TermWeights } from './short-answer.js';
import { bestPatternMatch, extractDuration, extractFrequency, extractOrigin, extractPath, extractProductRelease, extractTime, VERSION } from './spans.js';

const neverCommon: IsCommon = () => false;

const BOUND_TERMS: ReadonlySet<string> = new Set(VALUE_WORDS.map((word) => tokenize(word)[0]!.term).filter((term) => term !== DEFAULT_TERM));

/**
 * The question asks a default and the sentence states a bound instead ("The maximum value for this is 500." for "what
 * is the default value of --num-callers?"): its figure is another setting's, not the one asked.
 */
function statesOtherBound(view: SentenceView, question: Question): boolean {
  const asksDefault = valueCueTerms(question).some((termIndex) => question.terms[termIndex]!.forms.includes(DEFAULT_TERM));
  if (!asksDefault) return false;
  let statesBound = false;
  for (const token of view.tokens) {
    if (token.term === DEFAULT_TERM) return false;
    if (BOUND_TERMS.has(token.term)) statesBound = true;
  }
  return statesBound;
}

export function extractAnswer(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon = neverCommon): ShortAnswer | null {
  if (statesOtherBound(view, question)) return null;
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
    case 'frequency':
      return extractFrequency(view, question, weights);
    case 'time':
      return extractTime(view, question, weights);
    case 'version':
      return bestPatternMatch(view, VERSION, question, weights, (sentence, start, end) => isShareOrSum(sentence, start, end) || writtenByQuestion(sentence.text.slice(start, end), question)) ??
        extractProductRelease(view, question, weights);
    case 'entity':
      return extractQuantifiedFocus(view, question, weights) ?? extractCodeNameOfFocus(view, question, weights) ?? extractName(view, question, weights, isCommon);
    case 'person':
      return extractName(view, question, weights, isCommon);
    case 'place':
      // In software's documentation a place is where a file is kept: its path before any name.
      return extractPath(view, question, weights) ?? extractName(view, question, weights, isCommon);
    case 'expansion':
      return extractLongForm(view, question);
    case 'origin':
      return extractOrigin(view, question, weights);
    case 'other':
      return null;
  }
}

/**
 * A version the question itself writes is its subject, never its answer: "I'm about to ship 4.6 … what version number
 * should I give the preview?" is not answered by "4.6" in "if you are about to release version 4.6 …, call it 4.5.90".
 */
function writtenByQuestion(version: string, question: Question): boolean {
  const bare = version.replace(/^[vV]|\+$/gu, '');
  return question.numbers.has(/^\d+(?:\.\d+)?$/u.test(bare) ? formatValue(Number(bare)) : bare);
}
