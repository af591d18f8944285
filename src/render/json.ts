/** Answer → the JSON contract of `npm run ask -- --json` (see ../shared/eval/README.md). */
import type { Answer, AnswerStatus, Conflict, Quote, SourceRef } from '../model.js';
import { asShown } from './sources.js';

export interface QuoteJson {
  /** The quote as a reader sees it: its slice of the source with each run of white space (a line break, an indent) one space. */
  text: string;
  source: SourceRef;
  alsoIn: SourceRef[];
  corroboration: number;
  supportedBy: string[];
  /** Where the quote is in the source's text: `text` is that slice, white space collapsed. */
  offsets: { start: number; end: number };
  /** The heading the quote stands under, when its source has headings and the quote does not open with it. */
  section: string | null;
}

export interface AnswerJson {
  question: string;
  status: AnswerStatus;
  answer: string | null;
  quotes: QuoteJson[];
  conflicts: Conflict[];
  related: QuoteJson[];
  sourceCount: number;
  didYouMean: string | null;
}

export function answerToJson(answer: Answer): AnswerJson {
  return {
    question: answer.question,
    status: answer.status,
    answer: answer.answer,
    quotes: answer.quotes.map(quoteToJson),
    conflicts: answer.conflicts.map((conflict) => ({
      ...conflict,
      values: conflict.values.map((value) => ({ ...value, quote: { ...value.quote, text: asShown(value.quote.text) } })),
    })),
    related: answer.related.map(quoteToJson),
    sourceCount: answer.sourceCount,
    didYouMean: answer.didYouMean,
  };
}

function quoteToJson(quote: Quote): QuoteJson {
  return {
    text: asShown(quote.text),
    source: quote.source,
    alsoIn: quote.alsoIn,
    corroboration: quote.corroboration,
    supportedBy: quote.supportedBy,
    offsets: { start: quote.start, end: quote.end },
    section: quote.section,
  };
}

