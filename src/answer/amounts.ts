/** Amounts and measures: sums with their sign, scale and unit, shares, sizes, figures per unit. */
import { headingKey, ownHeading } from './entries.js';
import { clauseHoldsPredicate, closeness, currencySignBefore, figuresFor, hasPunctuationBetween, isDateOrYear, isNamedBy, isPastMention, isTimeOffset, matchesFocus, quantifiedNoun, rangeStartBefore, shareMarkAt } from './mentions.js';
import { formatValue, isNumberWord, type NumberMention } from './numbers.js';
import { ASKS_SHARE, ASKS_SUM, DEFAULT_TERM, questionForms, type Question, valueCueTerms } from './question.js';
import { joinedByHyphen, type SentenceView, sliceTokens, textBetween } from './sentence.js';
import type { CountAnswer, TermWeights } from './short-answer.js';
import { isEnglishWord } from '../text/english.js';
import { tokenize } from '../text/terms.js';
import { isPluralNoun, mayBeNoun } from '../text/wordnet.js';

const UNIT = /^(km|kilomet(re|er)s?|miles?|met(re|er)s?|m|cm|mm|feet|foot|ft|inch(es)?|kg|kilograms?|grams?|g|tonnes?|tons?|pounds?|lbs?|percent|per|degrees?|°c|°f|celsius|fahrenheit|mph|kph|knots?|dollars?|euros?|yen|years?|months?|days?|hours?|minutes?|seconds?|points?|storeys?|stories|floors?|acres?|hectares?|litres?|liters?|gallons?|bytes?|kb|mb|gb|tb)$/i;

/**
 * A measure ("how deep", "what was the magnitude"): the number within a few words of the measure's own word
 * ("at a depth of 2 km", "magnitude 6.4"). Without the measure word in the sentence there is no answer, so
 * "how deep" never picks up the magnitude.
 */
export function extractMeasure(view: SentenceView, question: Question): CountAnswer | null {
  const measure = question.terms.findIndex((term) => question.focus !== null && term.forms.includes(question.focus));
  if (measure === -1) return null;
  // A measure word joined into a compound ("high-level", "long-term") measures nothing there.
  const measured = view.hits[measure]!.filter((position) => !inHyphenatedCompound(view, position));
  if (measured.length === 0) return null;
  let best: { mention: NumberMention; distance: number } | null = null;
  for (const mention of figuresFor(view, question)) {
    if (isDateOrYear(view, mention) || isPastMention(view, mention) !== question.asksAboutPast || isTimeOffset(view, mention)) continue;
    if (countsMeasured(view, mention, question.focus!, measured)) continue;
    const distance = Math.min(...measured.map((position) => Math.abs(position - mention.from)));
    if (distance <= 4 && (best === null || distance < best.distance)) best = { mention, distance };
  }
  return best === null ? null : measureAnswer(view, best.mention, questionForms(question), true);
}

/**
 * The number counts things the measure's word names, written as a plural ("Two pointer values are equal …", "a table of
 * 4-byte integer values"): how many there are, not what one of them measures ("magnitude 6.4", "a 6.4 magnitude quake").
 */
function countsMeasured(view: SentenceView, mention: NumberMention, focus: string, measured: readonly number[]): boolean {
  const counted = quantifiedNoun(view, mention, focus);
  return measured.includes(counted) && isPluralNoun(view.tokens[counted]!.raw);
}

/** "from 10 to …": the number follows "from" (by a word at most) and "to" follows it (by its unit at most). */
function startsFromTo(view: SentenceView, mention: NumberMention): boolean {
  const word = (index: number): string => view.tokens[index]?.raw.toLowerCase() ?? '';
  const fromBefore = word(mention.from - 1) === 'from' || word(mention.from - 2) === 'from';
  return fromBefore && (word(mention.to) === 'to' || word(mention.to + 1) === 'to');
}

/**
 * A number written in words and joined by a hyphen to the word after it, not a unit: a compound that modifies a noun
 * ("a fancy three-way merge", "two-phase commit", "one-time fee"), which states no value of a setting.
 */
function spelledCompoundModifier(view: SentenceView, mention: NumberMention): boolean {
  const next = view.tokens[mention.to];
  return STARTS_WITH_LETTER.test(view.tokens[mention.from]!.raw) && joinedByHyphen(view, mention.to - 1) && next !== undefined && !UNIT.test(next.raw);
}

/** Whether the word at `position` is joined to the next or the previous one by a hyphen ("high-level", "long-term"). */
function inHyphenatedCompound(view: SentenceView, position: number): boolean {
  return joinedByHyphen(view, position) || joinedByHyphen(view, position - 1);
}

/** A measure: the number with the word naming it before ("magnitude 6.4") or its unit after ("2 km"). */
function measureAnswer(view: SentenceView, mention: NumberMention, forms: ReadonlySet<string>, tied: boolean): CountAnswer {
  const before = view.tokens[mention.from - 1];
  const after = view.tokens[mention.to];
  const from = before !== undefined && forms.has(before.term) && !hasPunctuationBetween(view, mention.from - 1, mention.from) ? mention.from - 1 : mention.from;
  const to = after !== undefined && UNIT.test(after.raw) && !hasPunctuationBetween(view, mention.to - 1, mention.to) ? mention.to : mention.to - 1;
  return { text: sliceTokens(view, from, to), value: formatValue(mention.value), score: 1.5, at: mention.from, tiedToQuestionVerb: tied };
}

/** Written after a number, these make it a share: "46.2 pct", "83 percent". */
const SHARE_WORD = /^(percent|pct|percentage|per\s?cent)$/i;

const STARTS_WITH_LETTER = /^\p{L}/u;

/** Units of `UNIT` that are money. */
const CURRENCY_UNIT = /^(dollars?|euros?|yen|pounds?)$/i;

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

/**
 * A word after a number that may be what it counts or measures: a noun ("threads", "bytes") or a word no English
 * dictionary lists (an abbreviation: "mln", "dlrs", "pct"). "port 9999 via a systemd socket" counts no "via".
 */
function mayBeUnit(word: string): boolean {
  return mayBeNoun(word) || !isEnglishWord(word);
}

/** Between a number and its unit: nothing, space or a hyphen ("64KB", "10 MB", "5-day"); not "1.5*$message_size_limit". */
const UNIT_GAP = /^[\s-]*$/u;

/** A number with its currency sign, scale and unit as written: "$4.5 billion", "120 mln dlrs", "46.2 pct", "16%". */
function amountSpan(view: SentenceView, mention: NumberMention): AmountSpan {
  const first = view.tokens[rangeStartBefore(view, mention)]!;
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
    if (unit !== undefined && unit.term !== '' && STARTS_WITH_LETTER.test(unit.raw) && !isNumberWord(unit.raw) && mayBeUnit(unit.raw) && UNIT_GAP.test(textBetween(view, mention.to - 1, mention.to))) {
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
  return amountIn(view, question, weights, question.kind === 'value');
}

/**
 * A setting's value asked in other words ("how many threads … by default?", "the default limit on how deep …"): a
 * number stated of the question's value word ("The default value is 6700."), whatever noun
 * or measure the question counts it in. Null when the question names no value word or no number is stated of it.
 */
export function extractStatedValue(view: SentenceView, question: Question, weights: TermWeights): CountAnswer | null {
  if (!valueCueTerms(question).some((termIndex) => view.hits[termIndex]!.length > 0)) return null;
  const value = amountIn(view, question, weights, true);
  return value?.tiedToQuestionVerb === true ? value : null;
}

function amountIn(view: SentenceView, question: Question, weights: TermWeights, asksSetting: boolean): CountAnswer | null {
  const asksShare = ASKS_SHARE.test(question.text);
  const asksSum = !asksShare && ASKS_SUM.test(question.text);
  const { rateUnit } = question;
  const tiedTo = asksSetting ? cueOf(question) : ANY_TERM;
  let best: CountAnswer | null = null;
  for (const mention of figuresFor(view, question)) {
    if (isDateOrYear(view, mention) || isPastMention(view, mention) !== question.asksAboutPast || isTimeOffset(view, mention)) continue;
    const span = amountSpan(view, mention);
    if (asksShare && !span.isShare) continue;
    if (asksSum && (span.isShare || span.isMeasure)) continue;
    // "how many processes …" counts things: "33%" is a share of something, no count of them.
    if (question.kind === 'count' && span.isShare) continue;
    if (rateUnit !== null && !statedPer(view, mention, rateUnit)) continue;
    // "raised the default from 10 to …", "from 0 to 100": where a change or a range starts is no setting's value.
    if (asksSetting && startsFromTo(view, mention)) continue;
    if (asksSetting && spelledCompoundModifier(view, mention)) continue;
    // "two of Texaco's offers" counts some of a set: no sum, share or size, unless marked as one ("2.5 billion of its debt").
    if (!span.isMarked && !asksSetting && /^of$/i.test(view.tokens[mention.to]?.raw ?? '')) continue;
    const score = closeness(view, mention.from, question, weights) * (span.isMarked ? MARKED_AMOUNT : 1);
    const tied = clauseHoldsPredicate(view, mention, span.last, tiedTo);
    // A setting's value stated of the asked word beats any other number of the sentence ("… from 30 to 62, though the default value remains at 10").
    const beats = best === null || (asksSetting && tied !== best.tiedToQuestionVerb ? tied : score > best.score);
    if (beats) best = { text: span.text, value: formatValue(mention.written), score, at: mention.from, tiedToQuestionVerb: tied, measuredIn: span.measuredIn };
  }
  return best;
}

/**
 * A setting's value is stated of the word the question asks it by: "set to 10 by default" for "… by default?", not
 * "cannot be increased above 125". A question that names no such word ties the value to any of its words.
 */
function cueOf(question: Question): (termIndex: number) => boolean {
  const cues = valueCueTerms(question);
  return cues.length === 0 ? ANY_TERM : (termIndex) => cues.includes(termIndex);
}

/** "2.5 pct", "$1.5": a share or a sum, not a version. */
export function isShareOrSum(view: SentenceView, start: number, end: number): boolean {
  return shareMarkAt(view.text, end) || currencySignBefore(view.text, start) !== undefined;
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
  let inEntryOfFocus: boolean | undefined;
  let best: CountAnswer | null = null;
  for (const mention of figuresFor(view, question)) {
    // The number the noun names ("port 8000", "version 3.7") as well as the one that counts it ("a 46.1 pct stake"); in
    // the noun's own entry, the value it takes unless set ("``port`` Port to listen on. (default: 8000)").
    const namedAfterFocus = isNamedBy(view, mention, focus);
    const namedByFocus = namedAfterFocus || (statedAsDefault(view, mention) && (inEntryOfFocus ??= entryDefines(view.passage.heading, focus)));
    if (isDateOrYear(view, mention) || (!namedByFocus && quantifiedNoun(view, mention, focus) === -1)) continue;
    const span = amountSpan(view, mention);
    // A bare number of them ("three experimental tools") counts them; it does not say which one is asked for.
    if (!namedByFocus && !span.isMarked && !span.isMeasure) continue;
    const text = namedAfterFocus ? sliceTokens(view, mention.from - 1, mention.to - 1) : span.text;
    const score = closeness(view, mention.from, question, weights);
    if (best === null || score > best.score) {
      best = { text, value: formatValue(mention.written), score, at: mention.from, tiedToQuestionVerb: true, measuredIn: span.measuredIn };
    }
  }
  return best;
}

/** The section's own heading (the last of "web › port") is the focus noun alone: the entry of a setting of that name. */
function entryDefines(heading: string, focus: string): boolean {
  const terms = tokenize(headingKey(ownHeading(heading))).filter((token) => token.term !== '');
  return terms.length === 1 && matchesFocus(terms[0]!.term, focus);
}

/** "(default: 8000)", "defaults to 8000": the word default just before the number, a small word at most between. */
function statedAsDefault(view: SentenceView, mention: NumberMention): boolean {
  const before = view.tokens[mention.from - 1];
  if (before === undefined) return false;
  if (before.term === DEFAULT_TERM) return true;
  return before.term === '' && view.tokens[mention.from - 2]?.term === DEFAULT_TERM;
}
