/**
 * Sources that disagree. For a question that asks for a figure, every on-topic sentence that states the
 * figure becomes a statement (source, value); two or more values make a conflict, shown side by side.
 * A sentence that cites a figure other sentences call earlier ("a previous record of 537") is about that
 * earlier event, so it does not state today's figure.
 */
import type { Conflict, ConflictValue } from '../model.js';
import type { Corpus } from '../search/corpus.js';
import { sourceRef, type RankedSentence } from './ranked.js';
import { extractQuantifiedFocus } from './amounts.js';
import { countedByOtherVerb } from './counts.js';
import { isPastMention } from './mentions.js';
import { isFigure, type CountAnswer, type TermWeights } from './short-answer.js';
import { formatValue } from './numbers.js';
import { numbersIn } from './sentence.js';
import type { Question } from './question.js';

/** A statement must cover this share of what the best sentence covers, and tie its figure to the question's verb. */
const ON_TOPIC_SHARE = 0.5;

export function findConflicts(corpus: Corpus, question: Question, weights: TermWeights, ranked: RankedSentence[], best: RankedSentence, threshold: number): Conflict[] {
  const statedFigure = figureExtractor(question, weights);
  if (statedFigure === null) return [];
  const measuredIn = statedFigure(best)?.measuredIn;
  const earlierFigures = question.asksAboutPast ? new Set<string>() : figuresCalledEarlier(ranked);
  const byValue = new Map<string, ConflictValue>();

  for (const sentence of ranked) {
    if (sentence.coverage < best.coverage * ON_TOPIC_SHARE) continue;
    // Pages of a manual document different things: a figure there disagrees only when its sentence would answer too.
    if (sentence.view.passage.heading !== '' && sentence.score < threshold) continue;
    if (mentionsEarlierFigure(sentence, earlierFigures)) continue;
    const statement = statedFigure(sentence);
    if (statement === null || !statement.tiedToQuestionVerb) continue;
    if (question.kind === 'count' && countedByOtherVerb(sentence.view, statement.at, question)) continue;
    // "450 mln dlrs" and "470 mln dlrs" disagree; "46.1 pct" is another figure altogether.
    if (measuredIn !== undefined && statement.measuredIn !== measuredIn) continue;
    const sourceId = sentence.view.passage.sourceId;
    const entry = byValue.get(statement.value);
    if (entry === undefined) {
      byValue.set(statement.value, {
        value: statement.value,
        sources: [sourceId],
        refs: [sourceRef(corpus, sourceId)],
        quote: { text: sentence.view.text, sourceId },
      });
    } else if (!entry.sources.includes(sourceId)) {
      entry.sources.push(sourceId);
      entry.refs.push(sourceRef(corpus, sourceId));
    }
  }
  if (byValue.size < 2 || !someSourceStatesOneValue(byValue)) return [];
  const values = [...byValue.values()].sort((a, b) => storyCount(corpus, b.sources) - storyCount(corpus, a.sources));
  return [{ about: describe(question), values }];
}

/**
 * How a sentence states the figure a question asks for; null when the question asks for none. For a count, a measure
 * or an amount that figure is the sentence's short answer, already extracted while ranking.
 */
function figureExtractor(question: Question, weights: TermWeights): ((sentence: RankedSentence) => CountAnswer | null) | null {
  switch (question.kind) {
    case 'count':
    case 'quantity':
    case 'amount':
    case 'value':
      return (sentence) => (sentence.short !== null && isFigure(sentence.short) ? sentence.short : null);
    case 'entity':
      return (sentence) => extractQuantifiedFocus(sentence.view, question, weights);
    default:
      return null;
  }
}

/**
 * Sources disagree when one of them holds to one value. When every source states several (a manual's default beside
 * the example it explains, "a value of 1000 means one second"), each is speaking of several things, not disputing one.
 */
function someSourceStatesOneValue(byValue: Map<string, ConflictValue>): boolean {
  const valuesBySource = new Map<string, number>();
  for (const entry of byValue.values()) for (const sourceId of entry.sources) valuesBySource.set(sourceId, (valuesBySource.get(sourceId) ?? 0) + 1);
  return [...valuesBySource.values()].some((count) => count === 1);
}

/** Values that some ranked sentence marks as earlier ("previous high of 537"). */
function figuresCalledEarlier(ranked: RankedSentence[]): Set<string> {
  const earlier = new Set<string>();
  for (const sentence of ranked) {
    for (const mention of numbersIn(sentence.view)) {
      if (isPastMention(sentence.view, mention)) earlier.add(formatValue(mention.value));
    }
  }
  return earlier;
}

/** Whether the sentence cites an earlier figure without marking it as earlier itself. */
function mentionsEarlierFigure(sentence: RankedSentence, earlier: Set<string>): boolean {
  return numbersIn(sentence.view).some(
    (mention) => earlier.has(formatValue(mention.value)) && !isPastMention(sentence.view, mention) && mention.value >= 10,
  );
}

function storyCount(corpus: Corpus, sources: string[]): number {
  return new Set(sources.map((id) => corpus.sourceById.get(id)?.story ?? id)).size;
}

function describe(question: Question): string {
  const words = question.terms.filter((term) => !term.isName && !term.isContext && !COUNT_WORD.test(term.raw)).map((term) => term.raw.toLowerCase());
  return words.join(' ');
}

/** The word a count is asked by ("the number of people hurt"), which names no part of what is counted. */
const COUNT_WORD = /^(?:number|total|count)$/iu;
