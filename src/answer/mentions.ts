/** Where a number stands in its sentence: dated or earlier, tied to the question's verb, counting which noun, how near the question's words. */
import { findNumbers, formatValue, type NumberMention } from './numbers.js';
import { PAST_MARKERS, type Question } from './question.js';
import { distanceToTerm, joinedByHyphen, numbersIn, type SentenceView, textBetween } from './sentence.js';
import type { TermWeights } from './short-answer.js';
import { isEnglishWord } from '../text/english.js';
import { mayBeNoun } from '../text/wordnet.js';
import type { Token } from '../text/terms.js';

const TIME_UNITS = /^(days?|weeks?|months?|years?|decades?)$/i;

export const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor', 'while']);

const NUMBER_OR_WORD = /^\d|^\p{L}+$/u;

export const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

/** The numbers of a sentence that may answer the question: its quantities, less those the question writes itself ("the 10" for "how much did a pdp-10 cost?"). */
export function figuresFor(view: SentenceView, question: Question): readonly NumberMention[] {
  const mentions = numbersIn(view);
  // The lower end of a range ("10" of "10-50 times") is no figure: the one that ends the range answers, quoted with it.
  const startsRange = (index: number): boolean => index + 1 < mentions.length && rangeStartBefore(view, mentions[index + 1]!) <= mentions[index]!.from;
  const named = mentions.map((mention) => isNamedNumber(view, mention));
  // A number after a named one and a hyphen goes on naming it ("FIPS 151-2"): no range, no figure.
  const continuesName = (index: number): boolean => index > 0 && named[index - 1]! && rangeStartBefore(view, mentions[index]!) <= mentions[index - 1]!.from;
  return mentions.filter(
    (mention, index) => !named[index] && !continuesName(index) && !startsRange(index) && !question.numbers.has(formatValue(mention.written)),
  );
}

/** ISO 4217 codes ("USD 500"), which stand before an amount as a label would. */
const CURRENCY_CODES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/**
 * A number that names rather than counts: an edition ("Changed in version 3.5: …"), a footnote ("encoding [1] is …"),
 * an item's label ("snapshot (number 14)", "No. 5", "Relay #70"), or a document of a series, named by an acronym written
 * in capitals before it ("PEP 545", "RFC 2616", "ISO 8601"), though a currency code is a unit.
 */
function isNamedNumber(view: SentenceView, mention: NumberMention): boolean {
  const first = view.tokens[mention.from]!;
  const last = view.tokens[mention.to - 1]!;
  const offset = view.range.start;
  if (view.text[first.start - offset - 1] === '[' && view.text[last.end - offset] === ']') return true;
  if (view.text[first.start - offset - 1] === '#') return true;
  const before = view.tokens[mention.from - 1];
  if (before === undefined) return false;
  if (/^versions?$/i.test(before.raw)) return true;
  // "a detailed snapshot (number 14)", "No. 5": a label, not a count.
  const gap = textBetween(view, mention.from - 1, mention.from);
  if ((/^[Nn]umber$/u.test(before.raw) && /^\s+$/u.test(gap)) || (/^[Nn]o$/u.test(before.raw) && /^\.\s*$/u.test(gap))) return true;
  if (/^\p{Lu}{2,6}$/u.test(before.raw) && !CURRENCY_CODES.has(before.raw) && !hasPunctuationBetween(view, mention.from - 1, mention.from)) return true;
  // "see Section 30.5", "filed for Chapter 11", "(Section 21.1)": a capitalised common noun (a dictionary's, not a name:
  // "lend Ecuador 50,000 barrels") right after a lower-case word or an opening bracket names a part of a document or a series.
  const beforeThat = view.tokens[mention.from - 2];
  const lead = beforeThat === undefined ? '' : textBetween(view, mention.from - 2, mention.from - 1);
  return (
    beforeThat !== undefined &&
    ((STARTS_LOWER_CASE.test(beforeThat.raw) && /^\s+$/u.test(lead)) || /\($/u.test(lead)) &&
    CAPITALISED.test(before.raw) &&
    /^\s$/u.test(gap) &&
    isEnglishWord(before.raw) &&
    mayBeNoun(before.raw)
  );
}

const STARTS_LOWER_CASE = /^\p{Ll}/u;
const CAPITALISED = /^\p{Lu}\p{Ll}/u;

/**
 * Where a range that ends at the number starts: "10-50 times", "20 to 30 people", "between 20 and 50 times"; the
 * number's own first token when it ends none ("rose from 30 to 62" is a change). A short answer quotes the whole range, not its upper end.
 */
export function rangeStartBefore(view: SentenceView, mention: NumberMention): number {
  const lower = (index: number): boolean => /^\d/.test(view.tokens[index]?.raw ?? '');
  const from = mention.from;
  if (from >= 1 && lower(from - 1) && /^\s*[-–]\s*$/u.test(textBetween(view, from - 1, from))) return from - 1;
  // "from 30 to 62" is a change, not a range.
  const fromBefore = /^from$/i.test(view.tokens[from - 3]?.raw ?? '');
  if (from >= 2 && lower(from - 2) && /^to$/i.test(view.tokens[from - 1]!.raw) && !fromBefore && !hasPunctuationBetween(view, from - 2, from)) return from - 2;
  if (from >= 3 && lower(from - 2) && /^and$/i.test(view.tokens[from - 1]!.raw) && /^between$/i.test(view.tokens[from - 3]!.raw)) return from - 3;
  return from;
}

export function hasPunctuationBetween(view: SentenceView, left: number, right: number): boolean {
  if (view.tokens[left] === undefined || view.tokens[right] === undefined) return false;
  return /[,;:()–—]/.test(textBetween(view, left, right));
}

/** "a previous record of 537", "537 … last Saturday": a past marker within four tokens before the number. */
export function isPastMention(view: SentenceView, mention: NumberMention): boolean {
  // A parenthesis between them sets the number apart: "the last HISTSIZE commands (default 500)".
  for (let index = mention.from - 1; index >= Math.max(0, mention.from - 4); index--) {
    if (/[()]/.test(textBetween(view, index, index + 1))) break;
    if (PAST_MARKERS.has(view.tokens[index]!.term)) return true;
  }
  // "… came two weeks after a magnitude 7.8 earthquake killed more than 44,000": the clause after
  // "<time> after" tells of an earlier event.
  for (let index = Math.max(1, mention.from - 12); index < mention.from; index++) {
    if (view.tokens[index]!.raw.toLowerCase() === 'after' && TIME_UNITS.test(view.tokens[index - 1]!.raw)) return true;
  }
  return false;
}

const MONTH_WORD = new RegExp(`\\b(${MONTHS})\\b`);

/** A day of a month: a number up to 31 written beside a month's name ("12 August 2017", "July 1st"). */
export function isDayOfMonth(tokens: readonly Token[], mention: NumberMention): boolean {
  if (mention.to - mention.from !== 1 || !Number.isInteger(mention.written) || mention.written < 1 || mention.written > 31) return false;
  return MONTH_WORD.test(`${tokens[mention.from - 1]?.raw ?? ''} ${tokens[mention.to]?.raw ?? ''}`.toLowerCase());
}

export function isDateOrYear(view: SentenceView, mention: NumberMention): boolean {
  const raw = view.tokens[mention.from]!.raw;
  const around = `${view.tokens[mention.from - 1]?.raw ?? ''} ${view.tokens[mention.to]?.raw ?? ''}`.toLowerCase();
  if (MONTH_WORD.test(around)) return true;
  return /^(1[89]|20)\d\d$/.test(raw) && !/^\d/.test(view.tokens[mention.to]?.raw ?? 'x') && !isMoneyOrShare(view, mention);
}

/** "40%", "2.5 pct", "12 percent": a share of something, which counts none of it. */
export function isShare(view: SentenceView, mention: NumberMention): boolean {
  return shareMarkAt(view.text, view.tokens[mention.to - 1]!.end - view.range.start);
}

/** `text` marks what ends at `end` as a share: "%", "pct" or "percent" follows it. */
export function shareMarkAt(text: string, end: number): boolean {
  return SHARE_MARK.test(text.slice(end));
}

const SHARE_MARK = /^\s*(?:%|pct\b|percent\b)/iu;

/** "$1.9 billion": written with a currency sign, a number is a sum of money. */
export function isMoney(view: SentenceView, mention: NumberMention): boolean {
  return currencySignBefore(view.text, view.tokens[mention.from]!.start - view.range.start) !== undefined;
}

/** "$2000", "1999%": written with a currency sign or a percent sign, a number is no year. */
function isMoneyOrShare(view: SentenceView, mention: NumberMention): boolean {
  return isMoney(view, mention) || view.text.charAt(view.tokens[mention.to - 1]!.end - view.range.start) === '%';
}

/** Written right before a number, these make it a sum of money: "$4.5", "£20". */
const CURRENCY_SIGN = /[$£€¥₹]\s?$/u;

/** The currency sign (and a space) that `text` ends with just before `end`: only the last two characters can hold it. */
export function currencySignBefore(text: string, end: number): string | undefined {
  return CURRENCY_SIGN.exec(text.slice(Math.max(0, end - 2), end))?.[0];
}

/** "two weeks after", "three days ago": a number that dates something rather than measuring it. */
export function isTimeOffset(view: SentenceView, mention: NumberMention): boolean {
  return TIME_UNITS.test(view.tokens[mention.to]?.raw ?? '') && /^(after|before|ago|earlier|later)$/i.test(view.tokens[mention.to + 1]?.raw ?? '');
}

/**
 * Whether the clause around a number holds a question word: up to four words before it and three after
 * its noun, never across punctuation; "fired a record 550 drones and 11 missiles" ties 11 to "fired" too.
 */
export function clauseHoldsPredicate(view: SentenceView, mention: NumberMention, lastToken: number, predicate: (termIndex: number) => boolean): boolean {
  const hitAt = new Set<number>();
  view.hits.forEach((positions, termIndex) => {
    if (predicate(termIndex)) for (const position of positions) hitAt.add(position);
  });
  for (let index = lastToken + 1; index <= lastToken + 3 && index < view.tokens.length; index++) {
    if (hasPunctuationBetween(view, index - 1, index)) break;
    if (hitAt.has(index)) return true;
  }
  let reach = 4;
  // The noun of a count stepped over belongs to that count, not to this one's clause.
  let coordinatedNoun = -1;
  for (let index = mention.from - 1; index >= 0 && reach > 0; index--, reach--) {
    // A label's colon stands between a value and what it is the value of: "default value: 4".
    const labelled = index === mention.from - 1 && LABEL_COLON.test(textBetween(view, index, index + 1));
    if (!labelled && hasPunctuationBetween(view, index, index + 1)) return false;
    if (hitAt.has(index) && index !== coordinatedNoun) return true;
    const raw = view.tokens[index]!.raw.toLowerCase();
    if (CONJUNCTIONS.has(raw)) {
      // Coordinated counts share their verb: step over "550 drones and" ("hit … with nine missiles and 63 drones" is
      // not tied to "missiles" by it).
      if (!NUMBER_OR_WORD.test(view.tokens[index - 2]?.raw ?? '') || findNumbers(view.tokens.slice(index - 2, index - 1)).length === 0) return false;
      coordinatedNoun = index - 1;
      reach += 3;
    }
  }
  return false;
}

const LABEL_COLON = /^\s*[:=]\s*$/u;

/** The question's common words other than the counted noun: its verb and qualifiers ("launch", "overnight"). */
export function isPredicate(question: Question): (termIndex: number) => boolean {
  return (termIndex) => {
    const term = question.terms[termIndex]!;
    return !term.isName && !term.forms.includes(question.focus ?? '');
  };
}

/** "550 drones and missiles": one number for two kinds of thing counts neither alone. */
function isCombinedTotal(view: SentenceView, nounIndex: number): boolean {
  const next = view.tokens[nounIndex + 1];
  const after = view.tokens[nounIndex + 2];
  if (next === undefined || after === undefined || !CONJUNCTIONS.has(next.raw.toLowerCase())) return false;
  if (hasPunctuationBetween(view, nounIndex, nounIndex + 1)) return false;
  return after.term !== '' && !/^\d/.test(after.raw) && findNumbers([after]).length === 0;
}

/** `focus` may be the noun and the nouns it is said with in its most frequent sense ("sort", "kind"). */
export function matchesFocus(term: string, focus: string | readonly string[]): boolean {
  if (typeof focus !== 'string') return focus.some((form) => matchesFocus(term, form));
  return term === focus || (focus.length >= 5 && term.startsWith(focus));
}

/** The number stands right after the focus noun, which names it ("port 8000", "the virtual console 2", "flight 370"). */
export function isNamedBy(view: SentenceView, mention: NumberMention, focus: string | readonly string[]): boolean {
  const named = view.tokens[mention.from - 1];
  return named !== undefined && matchesFocus(named.term, focus) && !hasPunctuationBetween(view, mention.from - 1, mention.from);
}

/** Words a number may stand before its counted noun: two of any kind ("72 of the drones"), more when they are modifiers. */
const NEAR_MODIFIERS = 2;
const MAX_MODIFIERS = 4;

/**
 * Index of the focus noun this number quantifies (two words between, or up to four modifiers: "six switchable
 * VT100-like character consoles"; no conjunction or other number), or of the one a "number of" before it names ("the
 * maximum number of snapshots (100 by default", "the number of threads is 500"), or -1.
 */
export function quantifiedNoun(view: SentenceView, mention: NumberMention, focus: string | readonly string[]): number {
  let onlyModifiers = true;
  for (let index = mention.to; index < Math.min(view.tokens.length, mention.to + MAX_MODIFIERS + 1); index++) {
    const token = view.tokens[index]!;
    if (matchesFocus(token.term, focus)) return isCombinedTotal(view, index) ? -1 : index;
    if (CONJUNCTIONS.has(token.raw.toLowerCase()) || /^\d/.test(token.raw) || hasPunctuationBetween(view, index - 1, index)) break;
    // A small word ends a run of modifiers, unless it is the end of a hyphenated one ("VT100-like").
    if (token.term === '' && !(index > mention.to && joinedByHyphen(view, index - 1))) onlyModifiers = false;
    if (index + 1 >= mention.to + NEAR_MODIFIERS + 1 && !onlyModifiers) break;
  }
  return numberOfBefore(view, mention, focus);
}

/**
 * The focus noun of a "number of" the number states, with nothing between them but the words after "of", small words
 * and an opening bracket, a colon or an equals sign ("number of snapshots (100", "number of worker threads is 8",
 * "number of entries: 12"), or -1.
 */
function numberOfBefore(view: SentenceView, mention: NumberMention, focus: string | readonly string[]): number {
  let focusAt = -1;
  // Read from the number back: small words, then the noun "of" governs ("worker threads"), then "of".
  let inNoun = false;
  for (let index = mention.from - 1; index >= Math.max(2, mention.from - 6); index--) {
    const token = view.tokens[index]!;
    if (!/^\s*[(:=]?\s*$/u.test(textBetween(view, index, index + 1))) return -1;
    if (token.term === '') {
      if (!inNoun) continue;
      return /^of$/i.test(token.raw) && NUMBER_OF.test(view.tokens[index - 1]!.raw) ? focusAt : -1;
    }
    inNoun = true;
    if (focusAt === -1 && matchesFocus(token.term, focus)) focusAt = index;
    else if (!mayBeNoun(token.raw)) return -1;
  }
  return -1;
}

/** The nouns that name how many there are of what follows "of", as a "how many" question's "number of" does. */
const NUMBER_OF = /^(?:number|total|count)$/i;

/** Σ weight / (1 + distance) over the question terms present in the sentence. */
export function closeness(view: SentenceView, tokenIndex: number, question: Question, weights: TermWeights): number {
  let score = 0;
  for (let termIndex = 0; termIndex < question.terms.length; termIndex++) {
    const distance = distanceToTerm(view, tokenIndex, termIndex);
    if (Number.isFinite(distance)) score += (weights[termIndex] ?? 0) / (1 + distance);
  }
  return score;
}
