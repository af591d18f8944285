/** Answer → the JSON contract of `npm run ask -- --json` (see ../shared/eval/README.md). */
import type { Answer, Quote } from '../model.js';

export function answerToJson(answer: Answer): Record<string, unknown> {
  return {
    question: answer.question,
    status: answer.status,
    answer: answer.answer,
    quotes: answer.quotes.map(quoteToJson),
    conflicts: answer.conflicts,
    related: answer.related.map(quoteToJson),
    sourceCount: answer.sourceCount,
    didYouMean: answer.didYouMean,
  };
}

function quoteToJson(quote: Quote): Record<string, unknown> {
  return {
    text: quote.text,
    source: quote.source,
    alsoIn: quote.alsoIn,
    corroboration: quote.corroboration,
    supportedBy: quote.supportedBy,
    offsets: { start: quote.start, end: quote.end },
  };
}
