/** One candidate sentence seen against one question: its tokens and where the question's terms occur in it. */
import type { Passage, TextRange } from '../model.js';
import { tokenize, type Token } from '../text/terms.js';
import type { Question } from './question.js';

export interface SentenceView {
  passage: Passage;
  range: TextRange;
  /** Verbatim text of the sentence. */
  text: string;
  tokens: Token[];
  /** For each question term (by index), the token indexes where it occurs. */
  hits: number[][];
}

export function viewSentence(passage: Passage, range: TextRange, question: Question): SentenceView {
  const text = passage.text.slice(range.start - passage.start, range.end - passage.start);
  const tokens = tokenize(text, range.start);
  const hits = question.terms.map((term) => {
    const positions: number[] = [];
    tokens.forEach((token, index) => {
      if (token.term !== '' && term.forms.some((form) => token.term === form || (form.length >= 6 && token.term.startsWith(form)))) {
        positions.push(index);
      }
    });
    return positions;
  });
  return { passage, range, text, tokens, hits };
}

/** Token distance from `index` to the nearest hit of any term selected by `which`. Infinity when none. */
export function distanceToTerms(view: SentenceView, index: number, which: (termIndex: number) => boolean): number {
  let best = Infinity;
  view.hits.forEach((positions, termIndex) => {
    if (!which(termIndex)) return;
    for (const position of positions) best = Math.min(best, Math.abs(position - index));
  });
  return best;
}

/** Verbatim text between two tokens (inclusive), within the sentence. */
export function sliceTokens(view: SentenceView, from: number, toInclusive: number): string {
  const start = view.tokens[from]!.start - view.range.start;
  const end = view.tokens[toInclusive]!.end - view.range.start;
  return view.text.slice(start, end);
}
