/** Short answers: the span of a sentence that holds what the question asks for (a count, a name, a place…). */
import { findNumbers, formatValue, type NumberMention } from './numbers.js';
import { ASKS_SHARE, ASKS_SUM, GENERIC_FOCUS, PAST_MARKERS, rateUnitOf, type Question } from './question.js';
import { distanceToTerm, distanceToTerms, numbersIn, sliceTokens, type SentenceView } from './sentence.js';
import { longFormOf } from '../text/abbreviations.js';
import { isEnglishWord } from '../text/english.js';
import { nameKindOf, type NameKind } from '../text/names.js';

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

const neverCommon: IsCommon = () => false;

export function extractAnswer(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon = neverCommon): ShortAnswer | null {
  switch (question.kind) {
    case 'count':
      return extractCount(view, question);
    case 'amount':
    case 'value':
      return extractAmount(view, question, weights);
    case 'quantity':
      return extractMeasure(view, question);
    case 'duration':
      return extractDuration(view, question, weights);
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

const TIME_UNITS = /^(days?|weeks?|months?|years?|decades?)$/i;
const CONJUNCTIONS = new Set(['and', 'or', 'but', 'nor', 'while']);
const MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec';

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
  const focus = question.focus !== null && !GENERIC_FOCUS.has(question.focus) ? question.focus : null;
  const predicate = isPredicate(question);
  if (focus !== null && !view.tokens.some((token) => matchesFocus(token.term, focus))) return null;
  const questionForms = new Set(question.terms.flatMap((term) => term.forms));
  const mentions = numbersIn(view).filter(
    (mention) =>
      !isDateOrYear(view, mention) &&
      isPastMention(view, mention) === question.asksAboutPast &&
      !governedByOtherVerb(view, mention, questionForms),
  );

  let best: { mention: NumberMention; nounAt: number; score: number; tied: boolean } | null = null;
  const totals = new Set<NumberMention>();
  for (const mention of mentions) {
    if (totals.has(mention)) continue;
    const partitiveTotal = focus === null ? undefined : partitiveOf(view, mention, mentions, focus);
    if (partitiveTotal !== undefined) totals.add(partitiveTotal);
    const focusAt = focus === null ? -1 : quantifiedNoun(view, partitiveTotal ?? mention, focus);
    if (focusAt === -1 && countsOtherNoun(view, mention, question.focus)) continue;
    const distance = distanceToTerms(view, mention.from, predicate);
    if (focusAt === -1 && distance > 6) continue;
    const next = view.tokens[mention.to];
    const looseNoun = next !== undefined && (next.term === question.focus || GENERIC_FOCUS.has(next.term)) ? mention.to : mention.to - 1;
    const tied = clauseHoldsPredicate(view, mention, Math.max(focusAt, looseNoun), predicate);
    const score = (tied ? 1 : 0) + (focusAt !== -1 || focus === null ? 0.6 : 0.3) + 0.3 / (1 + Math.min(distance, 12));
    if (best === null || score > best.score) {
      const nounAt = focusAt !== -1 ? focusAt : focus === null ? nounAfter(view, mention) : mention.to - 1;
      best = { mention, nounAt, score, tied };
    }
  }
  if (best === null || totals.has(best.mention)) return null;
  return {
    text: sliceTokens(view, best.mention.from, best.nounAt),
    value: formatValue(best.mention.value),
    score: 1 + best.score,
    at: best.mention.from,
    tiedToQuestionVerb: best.tied,
  };
}

const UNIT = /^(km|kilomet(re|er)s?|miles?|met(re|er)s?|m|cm|mm|feet|foot|ft|inch(es)?|kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?|percent|per|degrees?|°c|°f|celsius|fahrenheit|mph|kph|knots?|dollars?|euros?|yen|years?|months?|days?|hours?|minutes?|seconds?|points?|storeys?|stories|floors?|acres?|hectares?|litres?|liters?|gallons?|bytes?|kb|mb|gb|tb)$/i;

/**
 * A measure ("how deep", "what was the magnitude"): the number within a few words of the measure's own word
 * ("at a depth of 2 km", "magnitude 6.4"). Without the measure word in the sentence there is no answer, so
 * "how deep" never picks up the magnitude.
 */
export function extractMeasure(view: SentenceView, question: Question): CountAnswer | null {
  const measure = question.terms.findIndex((term) => question.focus !== null && term.forms.includes(question.focus));
  if (measure === -1 || view.hits[measure]!.length === 0) return null;
  const questionForms = new Set(question.terms.flatMap((term) => term.forms));
  let best: { mention: NumberMention; distance: number } | null = null;
  for (const mention of numbersIn(view)) {
    if (isDateOrYear(view, mention) || isPastMention(view, mention) !== question.asksAboutPast || isTimeOffset(view, mention)) continue;
    const distance = distanceToTerms(view, mention.from, (termIndex) => termIndex === measure);
    if (distance <= 4 && (best === null || distance < best.distance)) best = { mention, distance };
  }
  return best === null ? null : measureAnswer(view, best.mention, questionForms, true);
}

/** Written after a number, these make it a share: "46.2 pct", "83 percent". */
const SHARE_WORD = /^(percent|pct|percentage|per\s?cent)$/i;
/** Units of `UNIT` that are money. */
const CURRENCY_UNIT = /^(dollars?|euros?|yen|pounds?)$/i;
/** Written right before a number, these make it a sum of money: "$4.5", "£20". */
const CURRENCY_SIGN = /[$£€¥₹]\s?$/u;

/** The currency sign (and a space) that `text` ends with just before `end`: only the last two characters can hold it. */
function currencySignBefore(text: string, end: number): string | undefined {
  return CURRENCY_SIGN.exec(text.slice(Math.max(0, end - 2), end))?.[0];
}
/** A sum is stated of something named as often as by a verb ("buy Beta Inc for 450 mln dlrs"): any question word ties it. */
const ANY_TERM = (): boolean => true;
/** How much more a number marked as a sum, a share or a scaled figure weighs than a bare one. */
const MARKED_AMOUNT = 1.5;

interface AmountSpan {
  text: string;
  measuredIn: string;
  /** Token index of the span's last word. */
  last: number;
  isShare: boolean;
  /** Its unit measures something other than money: "40 km", "3 days". */
  isMeasure: boolean;
  /** Written with a currency sign, a scale word or a share: clearly an amount, not a code or a version. */
  isMarked: boolean;
}

/** A number with its currency sign, scale and unit as written: "$4.5 billion", "120 mln dlrs", "46.2 pct", "16%". */
function amountSpan(view: SentenceView, mention: NumberMention): AmountSpan {
  const first = view.tokens[mention.from]!;
  let start = first.start - view.range.start;
  const sign = currencySignBefore(view.text, start);
  if (sign !== undefined) start -= sign.length;
  const signed = sign !== undefined;
  let last = mention.to - 1;
  let end = view.tokens[last]!.end - view.range.start;
  let isShare = view.text[end] === '%';
  if (isShare) end += 1;
  else {
    const unit = view.tokens[mention.to];
    if (unit !== undefined && unit.term !== '' && /^\p{L}/u.test(unit.raw) && !hasPunctuationBetween(view, mention.to - 1, mention.to)) {
      last = mention.to;
      end = unit.end - view.range.start;
      isShare = SHARE_WORD.test(unit.raw);
    }
  }
  const scale = mention.written === 0 ? 1 : Math.round(mention.value / mention.written);
  const unit = isShare ? '%' : last >= mention.to ? view.tokens[last]!.term : '';
  const measuredIn = `${sign?.trim() ?? ''} ${scale} ${unit}`;
  const unitWord = last >= mention.to ? view.tokens[last]!.raw : '';
  const isMeasure = !signed && UNIT.test(unitWord) && !CURRENCY_UNIT.test(unitWord);
  return { text: view.text.slice(start, end), measuredIn, last, isShare, isMeasure, isMarked: signed || isShare || mention.value !== mention.written };
}

/**
 * An amount ("how much …", "how big is the debt", "what percentage …"): the number nearest the question's words, with
 * its sign, scale and unit. A number marked as an amount beats a bare one; a share is required when one is asked for.
 */
export function extractAmount(view: SentenceView, question: Question, weights: TermWeights): CountAnswer | null {
  const asksShare = ASKS_SHARE.test(question.text);
  const asksSum = !asksShare && ASKS_SUM.test(question.text);
  const rateUnit = rateUnitOf(question.text);
  let best: CountAnswer | null = null;
  for (const mention of numbersIn(view)) {
    if (isDateOrYear(view, mention) || isPastMention(view, mention) !== question.asksAboutPast || isTimeOffset(view, mention)) continue;
    const span = amountSpan(view, mention);
    if (asksShare && !span.isShare) continue;
    if (asksSum && (span.isShare || span.isMeasure)) continue;
    if (rateUnit !== null && !statedPer(view, mention, rateUnit)) continue;
    const score = closeness(view, mention.from, question, weights) * (span.isMarked ? MARKED_AMOUNT : 1);
    if (best === null || score > best.score) {
      best = {
        text: span.text,
        value: formatValue(mention.written),
        score,
        at: mention.from,
        tiedToQuestionVerb: clauseHoldsPredicate(view, mention, span.last, ANY_TERM),
        measuredIn: span.measuredIn,
      };
    }
  }
  return best;
}

const PER = /^(?:a|an|per|each)$/i;
/** How many words may stand between a figure and its "per unit": "130 dlrs a share", "100-dlr-a-share", "a per-share price of 130 dlrs". */
const PER_UNIT_REACH = 4;

/** The figure is stated per `unit`: "(a|an|per|each) unit" within a few words after it, or "per unit" just before it. */
function statedPer(view: SentenceView, mention: NumberMention, unit: string): boolean {
  const perUnitAt = (index: number): boolean => PER.test(view.tokens[index]?.raw ?? '') && view.tokens[index + 1]?.term === unit;
  for (let index = mention.to; index < Math.min(view.tokens.length, mention.to + PER_UNIT_REACH); index++) {
    if (perUnitAt(index)) return true;
    if (index > mention.to && hasPunctuationBetween(view, index - 1, index) && view.text[view.tokens[index]!.start - view.range.start - 1] !== '-') return false;
  }
  for (let index = Math.max(0, mention.from - PER_UNIT_REACH); index < mention.from; index++) {
    if (view.tokens[index]!.raw.toLowerCase() === 'per' && view.tokens[index + 1]?.term === unit) return true;
  }
  return false;
}

/** "a 46.1 pct stake" for "what stake …": a number that quantifies the noun a which/what question asks about. */
export function extractQuantifiedFocus(view: SentenceView, question: Question, weights: TermWeights): CountAnswer | null {
  const focus = question.focus;
  if (focus === null) return null;
  let best: CountAnswer | null = null;
  for (const mention of numbersIn(view)) {
    // The number the noun names ("port 8000", "version 3.7") as well as the one that counts it ("a 46.1 pct stake").
    const named = view.tokens[mention.from - 1];
    const namedByFocus = named !== undefined && named.term === focus && !hasPunctuationBetween(view, mention.from - 1, mention.from);
    if (isDateOrYear(view, mention) || (!namedByFocus && quantifiedNoun(view, mention, focus) === -1)) continue;
    const span = amountSpan(view, mention);
    const text = namedByFocus ? sliceTokens(view, mention.from - 1, mention.to - 1) : span.text;
    const score = closeness(view, mention.from, question, weights);
    if (best === null || score > best.score) {
      best = { text, value: formatValue(mention.written), score, at: mention.from, tiedToQuestionVerb: true, measuredIn: span.measuredIn };
    }
  }
  return best;
}

const CODE_NAME_BEFORE = /([\p{L}_][\p{L}\p{N}_.:/-]*[\p{L}\p{N}_])\s+$/u;
const CODE_NAME_AFTER = /^\s+([\p{L}_][\p{L}\p{N}_.:/-]*[\p{L}\p{N}_])/u;
/** How far either side of the noun a code name is looked for, in characters. */
const CODE_NAME_REACH = 80;

/** Written as code: with an underscore, a dot, a colon or a slash inside, in camelCase, mixing letters and digits, or a lower-case word no dictionary knows ("zlib"). */
function looksLikeCodeName(name: string): boolean {
  return /[_.:/]|\p{Ll}\p{Lu}|\p{L}\p{N}|\p{N}\p{L}/u.test(name) || (/^\p{Ll}{2,}$/u.test(name) && !isEnglishWord(name));
}

/**
 * "Which module …", "which pragma …": the code name written next to the asked noun ("the zlib module", "PRAGMA
 * foreign_keys"), unless the question itself names it (then it is the subject, not the answer).
 */
function extractCodeNameOfFocus(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  const focus = question.focus;
  if (focus === null) return null;
  let best: ShortAnswer | null = null;
  view.tokens.forEach((token, index) => {
    if (token.term !== focus) return;
    const start = token.start - view.range.start;
    const end = token.end - view.range.start;
    const before = CODE_NAME_BEFORE.exec(view.text.slice(Math.max(0, start - CODE_NAME_REACH), start));
    const after = CODE_NAME_AFTER.exec(view.text.slice(end, end + CODE_NAME_REACH));
    const found = [
      before === null ? null : { name: before[1]!, offset: start - before[0].length },
      after === null ? null : { name: after[1]!, offset: end + after[0].length - after[1]!.length },
    ];
    for (const candidate of found) {
      if (candidate === null || !looksLikeCodeName(candidate.name)) continue;
      if (question.text.toLowerCase().includes(candidate.name.toLowerCase())) continue;
      const score = closeness(view, index, question, weights);
      if (best === null || score > best.score) {
        const at = view.tokens.findIndex((other) => other.start - view.range.start >= candidate.offset);
        best = { text: candidate.name, value: candidate.name.toLowerCase(), score, at: Math.max(0, at) };
      }
    }
  });
  return best;
}

/** "International Components for Unicode" for "What does ICU stand for?", when the sentence spells it out. */
function extractLongForm(view: SentenceView, question: Question): ShortAnswer | null {
  for (const abbreviation of question.abbreviations) {
    const longForm = longFormOf(abbreviation, view.text);
    if (longForm === null) continue;
    const offset = view.range.start + view.text.indexOf(longForm);
    return { text: longForm, value: longForm.toLowerCase(), score: 1, at: Math.max(0, view.tokens.findIndex((token) => token.start >= offset)) };
  }
  return null;
}

/** "two weeks after", "three days ago": a number that dates something rather than measuring it. */
function isTimeOffset(view: SentenceView, mention: NumberMention): boolean {
  return TIME_UNITS.test(view.tokens[mention.to]?.raw ?? '') && /^(after|before|ago|earlier|later)$/i.test(view.tokens[mention.to + 1]?.raw ?? '');
}

/** A measure: the number with the word naming it before ("magnitude 6.4") or its unit after ("2 km"). */
function measureAnswer(view: SentenceView, mention: NumberMention, questionForms: Set<string>, tied: boolean): CountAnswer {
  const before = view.tokens[mention.from - 1];
  const after = view.tokens[mention.to];
  const from = before !== undefined && questionForms.has(before.term) && !hasPunctuationBetween(view, mention.from - 1, mention.from) ? mention.from - 1 : mention.from;
  const to = after !== undefined && UNIT.test(after.raw) && !hasPunctuationBetween(view, mention.to - 1, mention.to) ? mention.to : mention.to - 1;
  return { text: sliceTokens(view, from, to), value: formatValue(mention.value), score: 1.5, at: mention.from, tiedToQuestionVerb: tied };
}

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

/**
 * Whether the clause around a number holds a question word: up to four words before it and three after
 * its noun, never across punctuation; "fired a record 550 drones and 11 missiles" ties 11 to "fired" too.
 */
function clauseHoldsPredicate(view: SentenceView, mention: NumberMention, lastToken: number, predicate: (termIndex: number) => boolean): boolean {
  const hitAt = new Set<number>();
  view.hits.forEach((positions, termIndex) => {
    if (predicate(termIndex)) for (const position of positions) hitAt.add(position);
  });
  for (let index = lastToken + 1; index <= lastToken + 3 && index < view.tokens.length; index++) {
    if (hasPunctuationBetween(view, index - 1, index)) break;
    if (hitAt.has(index)) return true;
  }
  let reach = 4;
  for (let index = mention.from - 1; index >= 0 && reach > 0; index--, reach--) {
    if (hasPunctuationBetween(view, index, index + 1)) return false;
    if (hitAt.has(index)) return true;
    const raw = view.tokens[index]!.raw.toLowerCase();
    if (CONJUNCTIONS.has(raw)) {
      // Coordinated counts share their verb: step over "550 drones and".
      if (!/^\d|^\p{L}+$/u.test(view.tokens[index - 2]?.raw ?? '') || findNumbers(view.tokens.slice(index - 2, index - 1)).length === 0) return false;
      reach += 3;
    }
  }
  return false;
}

/** The question's common words other than the counted noun: its verb and qualifiers ("launch", "overnight"). */
function isPredicate(question: Question): (termIndex: number) => boolean {
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

function matchesFocus(term: string, focus: string): boolean {
  return term === focus || (focus.length >= 5 && term.startsWith(focus));
}

const PREPOSITIONS = new Set(['in', 'of', 'from', 'to', 'with', 'by', 'for', 'at', 'on', 'into', 'across', 'over', 'among', 'between', 'including', 'excluding', 'besides']);
const COUNT_LEAD_INS = new Set(['record', 'total', 'least', 'estimated', 'another', 'further', 'nearly', 'almost', 'around', 'roughly', 'approximately', 'than', 'additional']);

/** "had downed 268 drones": the number is the object of a verb the question does not ask about. */
function governedByOtherVerb(view: SentenceView, mention: NumberMention, questionForms: Set<string>): boolean {
  for (let index = mention.from - 1; index >= Math.max(0, mention.from - 4); index--) {
    const token = view.tokens[index]!;
    const lower = token.raw.toLowerCase();
    if (CONJUNCTIONS.has(lower)) return false;
    // "reported in at least five …": the number belongs to the preposition, not the verb before it.
    if (PREPOSITIONS.has(lower) && !(lower === 'at' && /^(least|most)$/i.test(view.tokens[index + 1]?.raw ?? ''))) return false;
    const compound = view.text[token.start - view.range.start - 1] === '-';
    if (token.term === '' || COUNT_LEAD_INS.has(token.raw.toLowerCase()) || compound) continue;
    if (hasPunctuationBetween(view, index, index + 1)) return false;
    const looksLikeVerb = /^\p{Ll}.*(ed|ing)$/u.test(token.raw);
    return looksLikeVerb && !questionForms.has(token.term);
  }
  return false;
}

/** "72 of the 550 drones": the total (550) when `mention` (72) counts part of it. */
function partitiveOf(view: SentenceView, mention: NumberMention, mentions: NumberMention[], focus: string): NumberMention | undefined {
  if (view.tokens[mention.to]?.raw.toLowerCase() !== 'of') return undefined;
  const total = mentions.find((other) => other.from > mention.to && other.from <= mention.to + 4);
  return total !== undefined && quantifiedNoun(view, total, focus) !== -1 ? total : undefined;
}

/** Words a number may stand before without counting another noun: "26 others", "72 managed", "23 were". */
function countsOtherNoun(view: SentenceView, mention: NumberMention, focus: string | null): boolean {
  const next = view.tokens[mention.to];
  if (next === undefined || next.term === '' || hasPunctuationBetween(view, mention.to - 1, mention.to)) return false;
  if (next.term === focus || GENERIC_FOCUS.has(next.term)) return false;
  const word = next.raw.toLowerCase();
  if (/^\d/.test(word) || /(ed|ing)$/.test(word) || LOOSE_COUNTED.has(word)) return false;
  return /^\p{Ll}/u.test(next.raw);
}

const LOOSE_COUNTED = new Set(['others', 'more', 'people', 'persons', 'percent', 'per', 'times', 'total', 'in', 'at']);

function nounAfter(view: SentenceView, mention: NumberMention): number {
  const next = view.tokens[mention.to];
  return next !== undefined && next.term !== '' && !CONJUNCTIONS.has(next.raw.toLowerCase()) && !/(ed|ing)$/.test(next.raw) && !hasPunctuationBetween(view, mention.to - 1, mention.to)
    ? mention.to
    : mention.to - 1;
}

/** Index of the focus noun this number quantifies (at most two modifiers between, no conjunction or other number), or -1. */
function quantifiedNoun(view: SentenceView, mention: NumberMention, focus: string): number {
  for (let index = mention.to; index < Math.min(view.tokens.length, mention.to + 3); index++) {
    const token = view.tokens[index]!;
    if (matchesFocus(token.term, focus)) return isCombinedTotal(view, index) ? -1 : index;
    if (CONJUNCTIONS.has(token.raw.toLowerCase()) || /^\d/.test(token.raw)) return -1;
    if (hasPunctuationBetween(view, index - 1, index)) return -1;
  }
  return -1;
}

function hasPunctuationBetween(view: SentenceView, left: number, right: number): boolean {
  const a = view.tokens[left];
  const b = view.tokens[right];
  if (a === undefined || b === undefined) return false;
  return /[,;:()–—]/.test(view.text.slice(a.end - view.range.start, b.start - view.range.start));
}

/** "a previous record of 537", "537 … last Saturday": a past marker within four tokens before the number. */
export function isPastMention(view: SentenceView, mention: NumberMention): boolean {
  for (let index = Math.max(0, mention.from - 4); index < mention.from; index++) {
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

function isDateOrYear(view: SentenceView, mention: NumberMention): boolean {
  const raw = view.tokens[mention.from]!.raw;
  const around = `${view.tokens[mention.from - 1]?.raw ?? ''} ${view.tokens[mention.to]?.raw ?? ''}`.toLowerCase();
  if (MONTH_WORD.test(around)) return true;
  return /^(1[89]|20)\d\d$/.test(raw) && !/^\d/.test(view.tokens[mention.to]?.raw ?? 'x');
}

const DURATION = new RegExp(
  String.raw`\b(?:(?:more than|less than|over|under|about|around|nearly|almost|at least|roughly|some|up to)\s+)?` +
    String.raw`(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few)` +
    String.raw`(?:[\s-]+(?:and a half|half))?\s*[\s-]\s*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b`,
  'gi',
);

function extractDuration(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(view, DURATION, question, weights);
}

const TIME = new RegExp(
  [
    String.raw`\b\d{4}-\d{2}-\d{2}\b`,
    String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b`,
    String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS})(?:\s+\d{4})?\b`,
    String.raw`\b(?:in\s+)?(?:${MONTHS})\s+\d{4}\b`,
    String.raw`\b(?:on\s+)?(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b`,
    String.raw`\b(?:in\s+)?(?:1[89]|20)\d\d\b`,
    String.raw`\b(?:yesterday|today|tonight|overnight|last (?:week|month|year|night))\b`,
  ].join('|'),
  'gi',
);

/** A version: dotted numbers ("3.7", "v12.7.0", "2.39"), "v12", "12+", or a number right after "version" or "release". */
const VERSION = /\bv?\d+(?:\.\d+){1,3}\b\+?|\bv\d+\b|\b\d+\+(?![\d+])|(?<=\b(?:version|release)\s)\d+\b/gi;

/** Every version `text` states, as short answers' values are written. */
export function versionsIn(text: string): string[] {
  return [...text.matchAll(VERSION)].map((match) => match[0].toLowerCase());
}

/** "2.5 pct", "$1.5": a share or a sum, not a version. */
function isShareOrSum(view: SentenceView, start: number, end: number): boolean {
  return /^\s*(?:%|pct\b|percent\b)/iu.test(view.text.slice(end)) || currencySignBefore(view.text, start) !== undefined;
}

/** A whole span that is a date or time ("Friday", "March 1990") names a time, never a person or a place. */
const WHOLE_TIME = new RegExp(`^(?:${TIME.source})$`, 'i');

function extractTime(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(view, TIME, question, weights, isDateline);
}

/**
 * "SAN FRANCISCO, March 22 - Brazil's attempt …": a news dateline dates the report, not what it reports, so it answers
 * no "when".
 */
function isDateline(view: SentenceView, start: number, end: number): boolean {
  return start <= DATELINE_REACH && /,\s*$/.test(view.text.slice(0, start)) && /^\s*[-–—]\s/.test(view.text.slice(end));
}

/** How far into a sentence a dateline's date can sit ("SANTA BARBARA, Calif., April 17 - …"). */
const DATELINE_REACH = 48;

/** The match of `pattern` closest to the sentence's hits of question terms. */
function bestPatternMatch(
  view: SentenceView,
  pattern: RegExp,
  question: Question,
  weights: TermWeights,
  isExcluded: (view: SentenceView, start: number, end: number) => boolean = () => false,
): ShortAnswer | null {
  let best: ShortAnswer | null = null;
  for (const match of view.text.matchAll(pattern)) {
    if (isExcluded(view, match.index, match.index + match[0].length)) continue;
    const offset = view.range.start + match.index;
    const tokenIndex = view.tokens.findIndex((token) => token.end > offset);
    const score = closeness(view, tokenIndex, question, weights);
    if (best === null || score > best.score) {
      best = { text: match[0], value: match[0].toLowerCase().replace(/\s+/g, ' '), score, at: tokenIndex };
    }
  }
  return best;
}

/** Σ weight / (1 + distance) over the question terms present in the sentence. */
function closeness(view: SentenceView, tokenIndex: number, question: Question, weights: TermWeights): number {
  let score = 0;
  for (let termIndex = 0; termIndex < question.terms.length; termIndex++) {
    const distance = distanceToTerm(view, tokenIndex, termIndex);
    if (Number.isFinite(distance)) score += (weights[termIndex] ?? 0) / (1 + distance);
  }
  return score;
}

const TITLES = new Set(
  `president prime minister foreign secretary general chancellor governor mayor senator spokesman spokesperson
  spokeswoman chief head director minister's king queen prince princess pope dr mr mrs ms sir lord lady judge
  ambassador commander colonel lieutenant sergeant captain professor acting deputy vice former`
    .split(/\s+/)
    .filter(Boolean),
);
const PLACE_NOUNS = /^(region|city|town|village|district|province|oblast|county|state|country|capital|island|republic|area)$/i;
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'from', 'across', 'into', 'to', 'outside', 'inside', 'around']);

interface NameSpan {
  from: number;
  to: number;
}

/** Capitalised runs of words ("Vitali Klitschko", "Ukrzaliznytsia"), minus leading titles and question words. */
function nameSpans(view: SentenceView, question: Question): NameSpan[] {
  const questionTerms = new Set(question.terms.flatMap((term) => term.forms));
  const spans: NameSpan[] = [];
  let index = 0;
  while (index < view.tokens.length) {
    if (!isCapitalised(view, index)) {
      index += 1;
      continue;
    }
    let to = index;
    while (to + 1 < view.tokens.length && isCapitalised(view, to + 1) && !hasPunctuationBetween(view, to, to + 1)) to += 1;
    let from = index;
    while (from <= to && (TITLES.has(view.tokens[from]!.raw.toLowerCase()) || nameKindOf(view.tokens[from]!.raw) === 'title' || questionTerms.has(view.tokens[from]!.term) || view.tokens[from]!.term === '')) {
      from += 1;
    }
    if (from <= to && !questionTerms.has(view.tokens[to]!.term)) spans.push({ from, to });
    index = to + 1;
  }
  return spans;
}

/** A name the lexicon knows counts this much more than an unknown capitalised word. */
const KNOWN_NAME_EVIDENCE = 2;

/** The kinds of name the lexicon gives the span's words. */
function spanKinds(view: SentenceView, span: NameSpan): Set<NameKind> {
  const kinds = new Set<NameKind>();
  for (let index = span.from; index <= span.to; index++) {
    const kind = nameKindOf(view.tokens[index]!.raw.replace(/[’']s$/u, ''));
    if (kind !== undefined) kinds.add(kind);
  }
  return kinds;
}

function isCapitalised(view: SentenceView, index: number): boolean {
  const raw = view.tokens[index]!.raw;
  if (!/^\p{Lu}/u.test(raw)) return false;
  // A capital that only marks the start of the sentence is no name, unless the word is a name elsewhere too.
  if (index === 0 && view.tokens[0]!.term === '') return false;
  return true;
}

function extractName(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon): ShortAnswer | null {
  let best: ShortAnswer | null = null;
  for (const span of nameSpans(view, question)) {
    // A one-word name found all over the corpus is its subject, not an answer.
    if (span.from === span.to && isCommon(view.tokens[span.from]!.term)) continue;
    const first = view.tokens[span.from]!;
    const words = span.to - span.from + 1;
    const text = sliceTokens(view, span.from, span.to);
    if (WHOLE_TIME.test(text)) continue;
    let score = Math.max(closeness(view, span.from, question, weights), closeness(view, span.to, question, weights));
    const isAcronym = /^\p{Lu}{2,}$/u.test(text);
    const kinds = spanKinds(view, span);
    const isDemonym = words === 1 && kinds.has('demonym');
    // One letter names nothing: it is an initial alone, or a piece of "I/O".
    if (/^\p{L}\.?$/u.test(text)) continue;
    // People and places are not named with underscores, digits, slashes or inner dots ("SQLITE_SOURCE_ID", "X11",
    // "Meta/Reintegrate", "sqlite3.exe"): that is code.
    if ((question.kind === 'person' || question.kind === 'place') && /[_\d/\\]|\.\p{L}/u.test(text)) continue;
    if (question.kind === 'person') {
      // A capitalised common word the lexicon knows as no name ("Windows", "Chapter", "SQUASH") is no one.
      if (words === 1 && kinds.size === 0 && isEnglishWord(text)) continue;
      // "Who" asks for a person or an organisation: never a place, a people or a month.
      if (kinds.size > 0 && [...kinds].every((kind) => kind === 'place' || kind === 'demonym' || kind === 'time')) continue;
      if (kinds.has('person') || nameKindOf(view.tokens[span.from - 1]?.raw ?? '') === 'title') score *= KNOWN_NAME_EVIDENCE;
      if (words >= 2) score *= 1.6;
      if (isAcronym || isDemonym) score *= 0.3;
    } else if (question.kind === 'place') {
      if (kinds.has('place')) score *= KNOWN_NAME_EVIDENCE;
      else if (kinds.has('person') || kinds.has('organization')) score *= 0.5;
      const before = view.tokens[span.from - 1]?.raw.toLowerCase() ?? '';
      const after = view.tokens[span.to + 1]?.raw ?? '';
      if (PLACE_NOUNS.test(after)) score *= 2;
      else if (PLACE_PREPOSITIONS.has(before) || /[’']s$/.test(view.tokens[span.to]!.raw)) score *= 1.3;
      if (isAcronym) score *= 0.5;
    }
    // A lone capitalised first word is usually just the start of the sentence ("Define how …"), unless possessive.
    if (span.from === 0 && words === 1 && !/[’']s$/.test(first.raw)) continue;
    if (best === null || score > best.score) {
      const after = view.tokens[span.to + 1];
      const withNoun = question.kind === 'place' && after !== undefined && PLACE_NOUNS.test(after.raw) ? sliceTokens(view, span.from, span.to + 1) : text;
      const clean = withNoun.replace(/[’']s\b/g, (match, offset: number) => (offset + match.length === withNoun.length ? '' : match));
      best = { text: clean, value: clean.toLowerCase(), score, at: span.from };
    }
  }
  return best;
}
