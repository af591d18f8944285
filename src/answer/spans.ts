/** Answers that are a pattern of the text: a duration, a date or time, a version, a file's path. */
import { closeness, MONTHS } from './mentions.js';
import { questionForms, type Question } from './question.js';
import type { SentenceView } from './sentence.js';
import type { ShortAnswer, TermWeights } from './short-answer.js';
import { contentTerms, tokenize } from '../text/terms.js';

const DURATION = new RegExp(
  String.raw`\b(?:(?:more than|less than|over|under|about|around|nearly|almost|at least|roughly|some|up to)\s+)?` +
    String.raw`(?:(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|several|a few)` +
    String.raw`(?:[\s-]+(?:and a half|half))?\s*[\s-]\s*(?:seconds?|minutes?|hours?|days?|nights?|weeks?|months?|years?|decades?)\b` +
    // Written the compact way of configuration values, "8s", "1min", "500ms", "2h"; not a decade ("1990s", "the 80s", "'80s").
    String.raw`|(?<!['’\w.])(?!(?:1[5-9]|20)\d0s\b)(?<!\bthe\s+(?=\d0s\b))\d+(?:\.\d+)?(?:ms|secs?|s|mins?|m|hrs?|h|d)\b)`,
  'gi',
);

export function extractDuration(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(view, DURATION, question, weights);
}

const TIME_UNIT = String.raw`(?:seconds?|minutes?|hours?|days?|nights?|weeks?|fortnights?|months?|years?)`;
const SMALL_NUMBER = String.raw`(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|sixty)`;

/** How often: "every hour", "every 5 minutes", "each day", "once a week", "twice per day", "3 times a year", "daily". */
const FREQUENCY = new RegExp(
  [
    String.raw`\b(?:every|each)\s+(?:other\s+|few\s+|${SMALL_NUMBER}\s+)?${TIME_UNIT}\b`,
    String.raw`\b(?:once|twice|thrice|${SMALL_NUMBER}\s+times)\s+(?:a|an|per|each|every)\s+${TIME_UNIT}\b`,
    String.raw`\b(?:hourly|daily|nightly|weekly|fortnightly|monthly|quarterly|yearly|annually)\b`,
  ].join('|'),
  'gi',
);

/**
 * A frequency the question writes itself ("how often does cron run the daily jobs?") is its subject, not its answer;
 * after a determiner, "daily" names a kind of thing ("the daily script"), not how often.
 */
export function extractFrequency(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  const asked = new Set(question.terms.map((term) => term.forms[0]));
  return bestPatternMatch(
    view,
    FREQUENCY,
    question,
    weights,
    (sentence, start, end) =>
      tokenize(sentence.text.slice(start, end)).every((token) => token.term === '' || asked.has(token.term)) || AFTER_DETERMINER.test(sentence.text.slice(0, start)),
  );
}

const AFTER_DETERMINER = /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|my)\s+$/iu;

/** Times that name a day: a date, a weekday, "yesterday". */
const DAYS = [
  String.raw`\b\d{4}-\d{2}-\d{2}\b`,
  String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?\b`,
  String.raw`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:${MONTHS})(?:\s+\d{4})?\b`,
  String.raw`\b(?:on\s+)?(?:last\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:\s+(?:morning|afternoon|evening|night))?\b`,
  String.raw`\b(?:yesterday|today|tonight|overnight)\b`,
];
const TIME = new RegExp(
  [
    ...DAYS.slice(0, 3),
    String.raw`\b(?:in\s+)?(?:${MONTHS})\s+\d{4}\b`,
    ...DAYS.slice(3),
    String.raw`\b(?:in\s+)?(?:1[89]|20)\d\d\b`,
    String.raw`\blast (?:week|month|year|night)\b`,
  ].join('|'),
  'gi',
);
const DAY = new RegExp(`^(?:${DAYS.join('|')})$`, 'iu');

/**
 * Where a word comes from: the phrase after "from", "named after" or "traced to" ("[From Swift's Gulliver's Travels via
 * …]", "This term derives from the last word of …"), to the end of its clause (an initial's stop ends none), when a
 * word follows soon that names something ("from there" or "from about 1930" names no source).
 */
const ORIGIN_MARKER = String.raw`(?:[Ff]rom|named after|traced to)\s+`;
const ORIGIN = new RegExp(String.raw`\b${ORIGIN_MARKER}(?:[^;:.\]\n]|(?<=(?:^|\P{L})\p{Lu})\.){3,}`, 'gu');
const LEADING_ORIGIN_MARKER = new RegExp(`^${ORIGIN_MARKER}`, 'u');

export function extractOrigin(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(view, ORIGIN, question, weights, (sentence, start, end) => !namesSource(sentence.text.slice(start, end)));
}

/** One of the first three words after the marker is a content word, not a number. */
function namesSource(phrase: string): boolean {
  const words = tokenize(phrase.replace(LEADING_ORIGIN_MARKER, '')).slice(0, 3);
  return words.some((token) => token.term !== '' && !/^\d/u.test(token.raw));
}

/**
 * A version: dotted numbers ("3.7", "v12.7.0", "2.39") with a pre-release's label and number ("1.3.8pre1", "3.7.0a1",
 * "1.0.0-rc2"), "v12", "12+", or a number right after "version" or "release". "V8" or "V2" in capitals, with no dot,
 * names an engine or a rocket, not a version.
 */
export const VERSION = /\b[vV]?\d+(?:\.\d+){1,3}(?:[-~]?[a-z]+\d+)?\b\+?|\bv\d+\b|\b\d+\+(?![\d+])|(?<=\b(?:[Vv]ersion|VERSION|[Rr]elease|RELEASE)\s)\d+\b/g;

/**
 * A release named by its product and a whole number, as "Debian 8 Jessie" or "Python 3" name one: the number right
 * after a capitalised name the question names ("which Debian release …"). Four digits are a year, not a release.
 */
export function extractProductRelease(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  const named = questionForms(question);
  let best: ShortAnswer | null = null;
  view.tokens.forEach((token, index) => {
    const next = view.tokens[index + 1];
    if (next === undefined || !RELEASE_NUMBER.test(next.raw) || !STARTS_UPPER_CASE.test(token.raw) || !named.has(token.term)) return;
    if (view.text.slice(token.end - view.range.start, next.start - view.range.start) !== ' ') return;
    const score = closeness(view, index + 1, question, weights);
    if (best === null || score > best.score) best = { text: `${token.raw} ${next.raw}`, value: next.raw, score, at: index };
  });
  return best;
}

const RELEASE_NUMBER = /^\d{1,3}$/u;
const STARTS_UPPER_CASE = /^\p{Lu}/u;

/** Every version `text` states, as short answers' values are written. */
export function versionsIn(text: string): string[] {
  return [...text.matchAll(VERSION)].map((match) => match[0].toLowerCase());
}

/** A whole span that is a date or time ("Friday", "March 1990") names a time, never a person or a place. */
export const WHOLE_TIME = new RegExp(`^(?:${TIME.source})$`, 'i');

/** A time of the sentence; a day when the question asks which day ("on what date …": a month or a year is no answer). */
export function extractTime(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(
    view,
    TIME,
    question,
    weights,
    (sentence, start, end) => isDateline(sentence, start, end) || isPartOfCode(sentence.text, start) || (question.asksDay && !DAY.test(sentence.text.slice(start, end))),
  );
}

/**
 * A year-like number joined to a number before it that is no year ("IEEE Standard 1003.1-1990", "ISO 8601:2004") is part
 * of a name or a code. After a year ("1991-1994") it ends a span of years.
 */
const JOINED_TO_NUMBER = /(?:^|[^\d])(\d+)[-.:/]$/u;
const YEAR_LIKE = /^(?:1[89]|20)\d\d$/u;

function isPartOfCode(text: string, start: number): boolean {
  const before = JOINED_TO_NUMBER.exec(text.slice(Math.max(0, start - 24), start));
  return before !== null && !YEAR_LIKE.test(before[1]!);
}

/**
 * An occasion, which answers "when does X run?" as a date answers "when did X happen?": a clause of time to the end of
 * its clause ("when an interactive login shell exits", "after their current request", "until it has been passed to
 * ffi_prep_cif") or a first, every or each time ("on first boot", "on every request").
 */
const OCCASION_WORD = String.raw`(?:[^\s.,;:!?()[\]]|\.(?=\w))+`;
const OCCASION = new RegExp(
  [
    // A clause: two words or more, so a subject and its verb ("When set, …" is a condition, not an occasion).
    String.raw`\b(?:whenever|when|after|before|until|as soon as|every time|each time|the first time)\s+${OCCASION_WORD}(?:\s+${OCCASION_WORD}){1,14}`,
    String.raw`\b(?:on|at|during|upon|with)\s+(?:the\s+|its\s+|their\s+)?(?:first|every|each|next|initial)\s+[\p{L}-]+`,
  ].join('|'),
  'giu',
);

/**
 * An occasion for a "when" that asks no date. One that only says again what the question says ("When the shell exits,
 * …" for "when does the shell exit?") is its subject, not its answer.
 */
export function extractOccasion(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  const asked = questionForms(question);
  return bestPatternMatch(view, OCCASION, question, weights, (sentence, start, end) =>
    contentTerms(sentence.text.slice(start, end)).every((term) => asked.has(term)),
  );
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

/**
 * A run of the text without white space, quotation marks, brackets or commas, and without the stop after it: a path, if
 * it is one. A placeholder in angle brackets is part of it ("~/.config/<app>/settings", "${BINARY_DIR}/<name>-src").
 */
const UNBROKEN = /(?:[^\s"'`‘’“”()<>[\],;]|<[\p{L}\p{N}_-]+>)*(?:[^\s"'`‘’“”()<>[\],;.:!?]|<[\p{L}\p{N}_-]+>)/gu;

/**
 * A file or folder path, where software keeps something: "~/.aptitude/config", "/usr/local", ".hg/merge",
 * "${CMAKE_BINARY_DIR}/_deps", "logs/error_log". Not words paired with a slash ("and/or", "I/O", "TCP/IP", "HTTP/2"), a
 * figure ("24/7") or an address with a scheme ("https://…"), nor a path the question writes itself.
 */
export function extractPath(view: SentenceView, question: Question, weights: TermWeights): ShortAnswer | null {
  return bestPatternMatch(view, UNBROKEN, question, weights, (_, start, end) => {
    const path = view.text.slice(start, end);
    return !isPath(path) || question.text.includes(path);
  });
}

function isPath(text: string): boolean {
  if (!text.includes('/') || text.includes('://') || !/\p{L}/u.test(text)) return false;
  const parts = text.split('/');
  // "U.S./Canada" pairs an abbreviation with a name.
  if (parts.some((part) => /^(?:\p{Lu}\.)+\p{Lu}?$/u.test(part))) return false;
  return /^[~./$]/u.test(text) || /[._$~]/u.test(text) || parts.length > 2;
}

/** The match of `pattern` closest to the sentence's hits of question terms. */
export function bestPatternMatch(
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
