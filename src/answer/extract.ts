/** Short answers: the span of a sentence that holds what the question asks for (a count, a name, a place…), by kind of question. */
import { extractAmount, extractMeasure, extractQuantifiedFocus, extractStatedValue, isShareOrSum } from './amounts.js';
import { extractCount } from './counts.js';
import { hasPunctuationBetween, isDayOfMonth } from './mentions.js';
import { findNumbers, formatValue, ordinalAt } from './numbers.js';
import type { Passage } from '../model.js';
import { extractCodeNameOfFocus, extractLongForm, extractName } from './name-answers.js';
import { type AnswerKind, asksDefault, DEFAULT_TERM, type Question, questionForms, VALUE_WORDS, writesDefault } from './question.js';
import { contentTerms, tokenize } from '../text/terms.js';
import { isOnlyAdverb, mayBeIngForm, mayBeVerb } from '../text/wordnet.js';
import { numbersIn, type SentenceView } from './sentence.js';
import type { IsCommon, ShortAnswer, TermWeights } from './short-answer.js';
import { bestPatternMatch, extractDuration, extractFrequency, extractOccasion, extractOrigin, extractPath, extractProductRelease, extractTime, VERSION } from './spans.js';

const neverCommon: IsCommon = () => false;

/** "How many seconds …" counts time: a duration answers it ("cached for 8s"). */
const TIME_UNIT_TERMS: ReadonlySet<string> = new Set(['second', 'minute', 'hour', 'day', 'week', 'month', 'year'].map((unit) => tokenize(unit)[0]!.term));

/** "Which file …", "what directory …": a path names one ("~/.config/fish/fish_variables", "/var/lib/lxd"). */
const PATH_FOCUS_TERMS: ReadonlySet<string> = new Set(['file', 'directory', 'folder', 'path'].map((noun) => tokenize(noun)[0]!.term));

const BOUND_TERMS: ReadonlySet<string> = new Set(VALUE_WORDS.map((word) => tokenize(word)[0]!.term).filter((term) => term !== DEFAULT_TERM));

/**
 * The question asks a default and the sentence states a bound instead ("The maximum value for this is 500." for "what
 * is the default value of --num-callers?"): its figure is another setting's, not the one asked.
 */
function statesOtherBound(view: SentenceView, question: Question): boolean {
  if (!writesDefault(question)) return false;
  let statesBound = false;
  for (const token of view.tokens) {
    if (token.term === DEFAULT_TERM) return false;
    if (BOUND_TERMS.has(token.term)) statesBound = true;
  }
  return statesBound;
}

const FIGURE_KINDS: ReadonlySet<AnswerKind> = new Set(['count', 'quantity', 'duration']);

/**
 * "By default, how many changes can I undo?" asks the figure a default sets: one a sentence gives without saying it is
 * the default ("If we now undo one change …") is another. The passage's heading may say it ("TIMEOUT › Default").
 */
function figureOfNoDefault(view: SentenceView, question: Question): boolean {
  if (!FIGURE_KINDS.has(question.kind) || !writesDefault(question)) return false;
  return !view.tokens.some((token) => token.term === DEFAULT_TERM) && !contentTerms(view.passage.heading).includes(DEFAULT_TERM);
}

/** The places the question proper's ordinals ask ("the very first conference" → 1), read once per question. */
const askedOrdinals = new WeakMap<Question, ReadonlySet<number>>();

/**
 * "Where did the first conference take place?" is not answered by a sentence of "the fourth conference": a sentence
 * that gives places in a series, none of them the one asked, tells of another.
 */
function statesOtherOrdinal(view: SentenceView, question: Question): boolean {
  let asked = askedOrdinals.get(question);
  if (asked === undefined) {
    const proper = question.terms.filter((term) => !term.isContext).map((term) => term.raw.toLowerCase());
    asked = new Set(tokenize(proper.join(' ')).flatMap((_, index, tokens) => ordinalAt(tokens, index) ?? []));
    askedOrdinals.set(question, asked);
  }
  if (asked.size === 0) return false;
  let statesOther = false;
  for (const [index] of view.tokens.entries()) {
    const place = ordinalAt(view.tokens, index);
    if (place === null) continue;
    if (asked.has(place)) return false;
    statesOther = true;
  }
  return statesOther;
}

export function extractAnswer(view: SentenceView, question: Question, weights: TermWeights, isCommon: IsCommon = neverCommon): ShortAnswer | null {
  if (statesOtherBound(view, question) || figureOfNoDefault(view, question) || statesOtherOrdinal(view, question) || !writesNamedNumbers(view, question) || namesAnotherNumber(view, question)) return null;
  switch (question.kind) {
    case 'count':
      return (
        extractCount(view, question) ??
        extractStatedValue(view, question, weights) ??
        (question.focus !== null && TIME_UNIT_TERMS.has(question.focus) ? extractDuration(view, question, weights) : null)
      );
    case 'amount':
      return extractAmount(view, question, weights);
    case 'value':
      return extractAmount(view, question, weights) ?? extractStatedDefault(view, question);
    case 'quantity':
      return extractMeasure(view, question) ?? extractStatedValue(view, question, weights);
    case 'duration':
      return extractDuration(view, question, weights) ?? extractStatedValue(view, question, weights);
    case 'frequency':
      // A setting asked how often it acts is answered by the interval it is set to ("queue_run_delay (default: 300s)").
      return extractFrequency(view, question, weights) ?? statedInterval(view, question);
    case 'time':
      if (!writesQuestionNumbers(view, question)) return null;
      return extractTime(view, question, weights) ?? (question.asksDate ? null : extractOccasion(view, question, weights));
    case 'version':
      return bestPatternMatch(view, VERSION, question, weights, (sentence, start, end) => isShareOrSum(sentence, start, end) || writtenByQuestion(sentence.text.slice(start, end), question)) ??
        extractProductRelease(view, question, weights);
    case 'entity':
      return (
        (question.focus !== null && PATH_FOCUS_TERMS.has(question.focus) ? extractPath(view, question, weights) : null) ??
        extractQuantifiedFocus(view, question, weights) ??
        extractCodeNameOfFocus(view, question, weights) ??
        nameOfFocus(view, question, extractName(view, question, weights, isCommon))
      );
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

/** The numbers a text writes as `formatValue` spells them: all of them, and those that are no day of a month. */
interface WrittenNumbers {
  all: ReadonlySet<string>;
  notDays: ReadonlySet<string>;
}

/** A number the question proper writes, as `formatValue` spells it. */
interface AskedNumber {
  number: string;
  /** Written beside a month's name: a day of it. */
  isDay: boolean;
  /** Written after the word it numbers, quantifying nothing after it: "debian 7", "node 18", "error 404". */
  namesSomething: boolean;
  /** The term of the word it numbers, when it names something or follows a capitalised name ("BIND 9 first …"). */
  numbered: string | null;
}

/** The numbers each passage writes, and those each question proper writes, read once. */
const passageNumbers = new WeakMap<Passage, WrittenNumbers>();
const askedNumbers = new WeakMap<Question, readonly AskedNumber[]>();

function numbersWritten(text: string): WrittenNumbers {
  const tokens = tokenize(text);
  const mentions = findNumbers(tokens);
  return {
    all: new Set(mentions.map((mention) => formatValue(mention.written))),
    notDays: new Set(mentions.filter((mention) => !isDayOfMonth(tokens, mention)).map((mention) => formatValue(mention.written))),
  };
}

/**
 * The numbers a question writes name which one it asks about ("when does node 18 reach end-of-life?", "… vim 9.0"): a
 * passage that writes none of them, in its text or heading, tells the time of another. A day of a month is no such
 * number: "12 August 2017" does not write the 12 of "debian 12", unless the question asks of a day itself.
 */
function writesQuestionNumbers(view: SentenceView, question: Question, asked: readonly AskedNumber[] = numbersAskedBy(question)): boolean {
  if (asked.length === 0) return true;
  let written = passageNumbers.get(view.passage);
  if (written === undefined) {
    written = numbersWritten(`${view.passage.heading}\n${view.passage.text}`);
    passageNumbers.set(view.passage, written);
  }
  return asked.some(({ number, isDay }) => (isDay ? written.all : written.notDays).has(number));
}

/**
 * "How many developers worked on debian 11?" counts those of Debian 11: a passage that never writes the 11 counts
 * those of another release or of none. Only numbers written in digits that name something ("node 18", "debian 11"),
 * not those that count ("the 550 drones"). Asked of other things, a version may be the one the whole corpus documents
 * ("the default pickle protocol in python 3.11"), which its passages need not write.
 */
function writesNamedNumbers(view: SentenceView, question: Question): boolean {
  if (question.kind !== 'count') return true;
  const named = numbersAskedBy(question).filter((asked) => asked.namesSomething);
  return named.length === 0 || writesQuestionNumbers(view, question, named);
}

/**
 * "When was BIND 9 first released?" asks the time of BIND 9: a sentence that writes the name with another number, and
 * never the one asked ("… released the first production-ready version of BIND version 8 in May 1997"), dates another
 * one. The name and its number may stand a word apart ("BIND version 8", "Debian release 11"). Asked of other things,
 * such a sentence may still answer: "the default protocol is 4, first introduced in Python 3.4" for Python 3.11's.
 */
function namesAnotherNumber(view: SentenceView, question: Question): boolean {
  if (question.kind !== 'time') return false;
  const named = numbersAskedBy(question).filter((asked) => asked.numbered !== null);
  if (named.length === 0) return false;
  const { tokens } = view;
  const mentions = numbersIn(view);
  const written = new Set(mentions.map((mention) => formatValue(mention.written)));
  return named.some(
    ({ number, numbered }) =>
      !written.has(number) &&
      mentions.some(({ from }) => tokens[from - 1]?.term === numbered || (tokens[from - 2]?.term === numbered && !/^\d/u.test(tokens[from - 1]!.raw))),
  );
}

/** The numbers of the question proper: "… it's still 0. When does libffi fill in the size?" asks of no 0. */
function numbersAskedBy(question: Question): readonly AskedNumber[] {
  let asked = askedNumbers.get(question);
  if (asked === undefined) {
    const proper = new Set(question.terms.filter((term) => !term.isContext).map((term) => term.raw));
    const tokens = tokenize(question.text);
    asked = findNumbers(tokens).flatMap((mention) => {
      const number = formatValue(mention.written);
      if (mention.to - mention.from !== 1 || !proper.has(tokens[mention.from]!.raw) || !question.numbers.has(number)) return [];
      const before = tokens[mention.from - 1];
      const after = tokens[mention.to];
      const afterWord = /^\d/u.test(tokens[mention.from]!.raw) && before !== undefined && before.term !== '';
      const namesSomething = afterWord && !/^\d/u.test(before.raw) && (after === undefined || after.term === '');
      const numbered = namesSomething || (afterWord && /^\p{Lu}/u.test(before.raw)) ? before!.term : null;
      return [{ number, isDay: isDayOfMonth(tokens, mention), namesSomething, numbered }];
    });
    askedNumbers.set(question, asked);
  }
  return asked;
}

/**
 * A version the question itself writes is its subject, never its answer: "I'm about to ship 4.6 … what version number
 * should I give the preview?" is not answered by "4.6" in "if you are about to release version 4.6 …, call it 4.5.90".
 */
function writtenByQuestion(version: string, question: Question): boolean {
  const bare = version.replace(/^[vV]|\+$/gu, '');
  return question.numbers.has(/^\d+(?:\.\d+)?$/u.test(bare) ? formatValue(Number(bare)) : bare);
}

/**
 * What a default is said to be when it is no figure: "The default level is WARNING", "defaults to `less`", "Default:
 * GNOME" answer "… by default?". The word, name or code span after the statement; null when a function word follows.
 */
function extractStatedDefault(view: SentenceView, question: Question): ShortAnswer | null {
  if (!asksDefault(question)) return null;
  const stated = STATED_DEFAULT.exec(view.text);
  const written = stated?.[2]?.replace(TRAILING_MARKS, '');
  if (stated === null || written === undefined || written === '' || opensPhrase(written)) return null;
  // "The default level is WARNING" states the level asked of; "the default handler is stored in …" another thing's;
  // "The default value is English" the value of what its entry's heading names ("OUTPUT_LANGUAGE"), all of which must be
  // asked ("show-mode-in-prompt" is not asked by "what is the continuation prompt by default?").
  const asked = questionForms(question);
  const of = contentTerms(stated[1] ?? '');
  if (of.some((term) => term !== VALUE_TERM && !asked.has(term))) return null;
  if (of.includes(VALUE_TERM) && !asked.has(VALUE_TERM)) {
    const entry = contentTerms(view.passage.heading);
    if (entry.length === 0 || entry.some((term) => !asked.has(term))) return null;
  }
  // Tokens hold offsets into the article; the match's are into the sentence.
  const start = view.range.start + stated.index + stated[0].length - stated[2]!.length;
  const at = view.tokens.findIndex((token) => token.start >= start);
  return { text: written, value: written.replace(/^[`"']|[`"']$/gu, '').toLowerCase(), score: 1, at: at === -1 ? view.tokens.length : at };
}

/** The sentence states what a default is ("The default level is WARNING", "defaults to `less`", "Default: GNOME"). */
export function statesDefault(view: SentenceView, question: Question): boolean {
  return extractStatedDefault(view, question) !== null;
}

/**
 * A setting asked how often it acts is answered by the interval it defaults to ("queue_run_delay (default: 300s)",
 * "(default: 300 seconds; …)"): a stated default that is a span of time, not any value ("It defaults to ‘~/Mail’").
 */
function statedInterval(view: SentenceView, question: Question): ShortAnswer | null {
  const stated = extractStatedDefault(view, question);
  if (stated === null) return null;
  if (INTERVAL_WRITTEN.test(stated.text)) return stated;
  const after = view.tokens[stated.at + 1];
  return BARE_NUMBER.test(stated.text) && after !== undefined && INTERVAL_UNIT.test(after.raw) ? stated : null;
}

const INTERVAL_WRITTEN = /^\d[\d.,]*(?:ms|[smhdw])$/iu;
const BARE_NUMBER = /^\d[\d.,]*$/u;
const INTERVAL_UNIT = /^(?:milliseconds?|seconds?|secs?|minutes?|mins?|hours?|days?|weeks?)$/iu;

/**
 * "default is X", "default level is X", "defaults to X", "default: X", "The default value is: NO": group 1 is what it
 * is the default of, group 2 X.
 */
const STATED_DEFAULT = /\bdefault(?:s?\s+to|\s+((?:[\w-]+\s+){0,3}?)(?:is|are|was|were):?|\s*[:=])\s+(`[^`]+`|"[^"]+"|[^\s,;()]+)/iu;
const VALUE_TERM = tokenize('value')[0]!.term;
const IN_CAPITALS = /^\p{Lu}{2,}$/u;
const TRAILING_MARKS = /[.,;:!?)\]]+$/u;
/**
 * A stopword, an adverb or a verb's participle opens a phrase ("is the …", "is usually …", "is used", "is stored in …",
 * "defaults to running commands in parallel": a behaviour, not a value) rather than naming a value. Code and quoted
 * text name one.
 */
function opensPhrase(word: string): boolean {
  // Code, quoted text and a word in capitals ("The default value is: NO") name a value.
  if (/^[`"']/u.test(word) || IN_CAPITALS.test(word)) return false;
  const lower = word.toLowerCase();
  return (
    (tokenize(word)[0]?.term ?? '') === '' ||
    isOnlyAdverb(lower) ||
    (/ed$/u.test(lower) && (mayBeVerb(lower.slice(0, -1)) || mayBeVerb(lower.slice(0, -2)))) ||
    // Written in capitals, an -ing word is a name ("The default level is WARNING").
    (/^\p{Ll}+$/u.test(word) && mayBeIngForm(lower))
  );
}

/**
 * A name answers "which <noun> …" when the sentence or its heading writes the noun ("which company …", or its
 * modifier: "Ukraine's national railway operator" for "which railway company"), states the default asked ("The default
 * is ‘%J %U …’" for "what format does … use unless I set my own?"), or the name stands right by a word the question
 * asks with, no punctuation between ("written in C#" for "which language is the client written in?"). Elsewhere a name is only a capitalised
 * word: "QUIC limitations: soft-stop is not supported." names no signal.
 */
function nameOfFocus(view: SentenceView, question: Question, name: ShortAnswer | null): ShortAnswer | null {
  if (name === null || question.focus === null) return name;
  const heading = contentTerms(view.passage.heading);
  const writes = (term: string): boolean => heading.includes(term) || view.tokens.some((token) => token.term === term);
  if ([question.focus, ...question.focusModifiers].some(writes) || (asksDefault(question) && writes(DEFAULT_TERM))) return name;
  const end = name.at + tokenize(name.text).length - 1;
  const tied = (at: number): boolean =>
    (at < name.at ? name.at - at <= NAME_REACH && !hasPunctuationBetween(view, at, name.at) : at > end && at - end <= NAME_REACH && !hasPunctuationBetween(view, end, at));
  const byAskedWord = view.hits.some((positions, termIndex) => !question.terms[termIndex]!.isContext && positions.some(tied));
  return byAskedWord ? name : null;
}

/** How many tokens from a word the question asks with a name may stand and still be tied to it: "written in C#". */
const NAME_REACH = 2;
