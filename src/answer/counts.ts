/** Counts: the number a "how many" question asks for. */
import { clauseHoldsPredicate, CONJUNCTIONS, figuresFor, hasPunctuationBetween, isDateOrYear, isMoney, isNamedBy, isPastMention, isPredicate, isShare, matchesFocus, quantifiedNoun, rangeStartBefore } from './mentions.js';
import { mayNameQuantity } from '../text/wordnet.js';
import { formatValue, type NumberMention } from './numbers.js';
import { GENERIC_FOCUS, questionForms, type Question } from './question.js';
import { distanceToTerms, type SentenceView, sliceTokens } from './sentence.js';
import { tokenize, type Token } from '../text/terms.js';
import type { CountAnswer } from './short-answer.js';

/**
 * A count: the number tied to the question's verb and focus noun. A number that quantifies the focus
 * ("550 drones", "two cruise missiles", "72 of the 550 drones") or stands alone ("72 managed to breach",
 * "26 others injured") is a candidate; one that counts something else ("11 missiles" when drones are
 * asked about) or is the object of another verb ("had downed 268 drones") is not. Best is the number
 * whose own clause holds the question's verb ("550 drones launched", "fired a record 550 drones"),
 * then one that quantifies the focus, then the nearest. Numbers marked as earlier ("a previous record
 * of 537") only answer questions about the past.
 */
export function extractCount(view: SentenceView, question: Question): CountAnswer | null {
  const focus = question.focus !== null && !GENERIC_FOCUS.has(question.focus) ? focusForms(question, question.focus) : null;
  const predicate = isPredicate(question);
  if (focus !== null && !view.tokens.some((token) => matchesFocus(token.term, focus))) return null;
  const forms = questionForms(question);
  // A number governed by another verb counts something else only when the sentence states the question's verb too
  // ("launched 550 drones … had downed 268 drones"); alone, that verb says the question's in other words ("Destroyers
  // pumped some 1,000 shells" for "how many shells did they fire").
  const statesAskedVerb = view.tokens.some((token) => forms.has(token.term) && LOWER_CASE_VERB_FORM.test(token.raw));
  const mentions = figuresFor(view, question).filter(
    (mention) =>
      !isDateOrYear(view, mention) &&
      // "how many workers …" counts them: "40%" is a share of something, no count of it, and "$1.9 billion" a sum.
      !isShare(view, mention) &&
      !(isMoney(view, mention) && !countsQuantity(question)) &&
      isPastMention(view, mention) === question.asksAboutPast &&
      !(statesAskedVerb && governedByOtherVerb(view, mention.from, forms)),
  );

  let best: { mention: NumberMention; nounAt: number; score: number; tied: boolean } | null = null;
  const totals = new Set<NumberMention>();
  for (const mention of mentions) {
    // A number the focus noun names ("the virtual console 2") counts none of them.
    if (totals.has(mention) || (focus !== null && isNamedBy(view, mention, focus))) continue;
    const partitiveTotal = focus === null ? undefined : partitiveOf(view, mention, mentions, focus);
    if (partitiveTotal !== undefined) totals.add(partitiveTotal);
    const focusAt = focus === null ? -1 : quantifiedNoun(view, partitiveTotal ?? mention, focus);
    if (focusAt === -1 && (countsOtherNoun(view, mention, question.focus) || numbersName(view, mention))) continue;
    const distance = distanceToTerms(view, mention.from, predicate);
    if (focusAt === -1 && distance > 6) continue;
    const next = view.tokens[mention.to];
    const looseNoun = next !== undefined && (next.term === question.focus || GENERIC_FOCUS.has(next.term)) ? mention.to : mention.to - 1;
    const tied = clauseHoldsPredicate(view, mention, Math.max(focusAt, looseNoun), predicate);
    const score = (tied ? 1 : 0) + (focusAt !== -1 || focus === null ? 0.6 : 0.3) + 0.3 / (1 + Math.min(distance, 12));
    if (best === null || score > best.score) {
      // "the number of snapshots (100 …" names its noun first: the answer is the number alone.
      const nounAt = focusAt > mention.from ? focusAt : focus === null ? nounAfter(view, mention) : mention.to - 1;
      best = { mention, nounAt, score, tied };
    }
  }
  if (best === null || totals.has(best.mention)) return null;
  return {
    text: sliceTokens(view, rangeStartBefore(view, best.mention), compoundEnd(view, best.nounAt, question)),
    value: formatValue(best.mention.value),
    score: 1 + best.score,
    at: best.mention.from,
    tiedToQuestionVerb: best.tied,
  };
}

/**
 * Where the counted noun ends when the question names it by more than one word: "two cruise missiles" for "how many
 * cruise missiles …", whose focus is the first word. The words after the focus that follow it in the question too.
 */
function compoundEnd(view: SentenceView, nounAt: number, question: Question): number {
  const asked = questionTokens(question);
  const focusAt = asked.findIndex((token) => token.term === question.focus);
  if (focusAt === -1 || view.tokens[nounAt]?.term !== question.focus) return nounAt;
  let end = nounAt;
  for (let k = focusAt + 1; k < asked.length && asked[k]!.term !== ''; k++) {
    const term = question.terms.find((candidate) => candidate.raw === asked[k]!.raw);
    const next = view.tokens[end + 1];
    if (term === undefined || next === undefined || !term.forms.includes(next.term)) break;
    end += 1;
  }
  return end;
}

const tokenLists = new WeakMap<Question, Token[]>();

/** The question's words in order, read once per question (counts are extracted from many sentences). */
function questionTokens(question: Question): Token[] {
  let tokens = tokenLists.get(question);
  if (tokens === undefined) {
    tokens = tokenize(question.text);
    tokenLists.set(question, tokens);
  }
  return tokens;
}

/** The focus noun and the nouns of its most frequent sense the question reads it with ("sorts" → "sort", "kind"). */
function focusForms(question: Question, focus: string): readonly string[] {
  return question.terms.find((term) => term.forms[0] === focus)?.forms ?? [focus];
}

const PREPOSITIONS = new Set(['in', 'of', 'from', 'to', 'with', 'by', 'for', 'at', 'on', 'into', 'across', 'over', 'among', 'between', 'including', 'excluding', 'besides']);

const COUNT_LEAD_INS = new Set(['record', 'total', 'least', 'estimated', 'another', 'further', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'than', 'additional']);
const LOWER_CASE_VERB_FORM = /^\p{Ll}.*(ed|ing)$/u;
const STARTS_LOWER_CASE = /^\p{Ll}/u;

/**
 * A count at token `at` that another verb than the question's governs ("had downed 268 drones" for "how many drones
 * penetrated …"): it may still answer when its sentence states no verb of the question, but it is no figure that
 * disagrees with the question's, as it may count something else.
 */
export function countedByOtherVerb(view: SentenceView, at: number, question: Question): boolean {
  return governedByOtherVerb(view, at, questionForms(question));
}

/** "had downed 268 drones": the number is the object of a verb the question does not ask about. */
function governedByOtherVerb(view: SentenceView, from: number, forms: ReadonlySet<string>): boolean {
  for (let index = from - 1; index >= Math.max(0, from - 4); index--) {
    const token = view.tokens[index]!;
    const lower = token.raw.toLowerCase();
    if (CONJUNCTIONS.has(lower)) return false;
    // "reported in at least five …": the number belongs to the preposition, not the verb before it.
    if (PREPOSITIONS.has(lower) && !(lower === 'at' && /^(least|most)$/i.test(view.tokens[index + 1]?.raw ?? ''))) return false;
    const compound = view.text[token.start - view.range.start - 1] === '-';
    if (token.term === '' || COUNT_LEAD_INS.has(token.raw.toLowerCase()) || compound) continue;
    if (hasPunctuationBetween(view, index, index + 1)) return false;
    const looksLikeVerb = LOWER_CASE_VERB_FORM.test(token.raw);
    return looksLikeVerb && !forms.has(token.term);
  }
  return false;
}

/** "72 of the 550 drones": the total (550) when `mention` (72) counts part of it. */
function partitiveOf(view: SentenceView, mention: NumberMention, mentions: NumberMention[], focus: readonly string[]): NumberMention | undefined {
  if (view.tokens[mention.to]?.raw.toLowerCase() !== 'of') return undefined;
  const total = mentions.find((other) => other.from > mention.to && other.from <= mention.to + 4);
  return total !== undefined && quantifiedNoun(view, total, focus) !== -1 ? total : undefined;
}

/** Words a number may stand before without counting another noun: "26 others", "72 managed", "23 were". */
function countsOtherNoun(view: SentenceView, mention: NumberMention, focus: string | null): boolean {
  const next = view.tokens[mention.to];
  if (next === undefined || hasPunctuationBetween(view, mention.to - 1, mention.to)) return false;
  // "one of the workers": a part of what the noun after "of" names.
  if (next.raw.toLowerCase() === 'of') {
    const counted = view.tokens.slice(mention.to + 1, mention.to + 4).find((token) => token.term !== '');
    return counted !== undefined && counted.term !== focus && !GENERIC_FOCUS.has(counted.term) && STARTS_LOWER_CASE.test(counted.raw) && !/^\d/.test(counted.raw);
  }
  if (next.term === '') return false;
  if (next.term === focus || GENERIC_FOCUS.has(next.term)) return false;
  const word = next.raw.toLowerCase();
  if (/^\d/.test(word) || /(ed|ing)$/.test(word) || LOOSE_COUNTED.has(word)) return false;
  return STARTS_LOWER_CASE.test(next.raw);
}

/** The counted noun is a unit or an amount ("how many dollars …"): a sum of money may count it. */
function countsQuantity(question: Question): boolean {
  if (question.focus === null || GENERIC_FOCUS.has(question.focus)) return false;
  const counted = question.terms.find((term) => term.forms[0] === question.focus);
  return counted !== undefined && mayNameQuantity(counted.raw);
}

/** "Debian 2.2", "Red Hat 7.1": a number right after a name, within the sentence, is which one it is, not a count. */
function numbersName(view: SentenceView, mention: NumberMention): boolean {
  const before = view.tokens[mention.from - 1];
  return mention.from > 1 && before !== undefined && STARTS_UPPER_CASE.test(before.raw) && !hasPunctuationBetween(view, mention.from - 1, mention.from);
}

const STARTS_UPPER_CASE = /^\p{Lu}/u;

const LOOSE_COUNTED = new Set(['others', 'more', 'people', 'persons', 'percent', 'per', 'times', 'total', 'in', 'at']);

function nounAfter(view: SentenceView, mention: NumberMention): number {
  const next = view.tokens[mention.to];
  return next !== undefined && next.term !== '' && !CONJUNCTIONS.has(next.raw.toLowerCase()) && !/(ed|ing)$/.test(next.raw) && !hasPunctuationBetween(view, mention.to - 1, mention.to)
    ? mention.to
    : mention.to - 1;
}
