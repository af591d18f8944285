/**
 * Where a text spells out an abbreviation: "International Components for Unicode (ICU)", "REPL (Read-Eval-Print-Loop)",
 * or a quoted phrase whose initials spell it ("PEBKAC: “Problem Exists Between Keyboard And Chair”").
 * The long form is found as Schwartz and Hearst's algorithm finds it ("A simple algorithm for identifying abbreviation
 * definitions in biomedical text", 2003): the abbreviation's letters matched right to left inside the words next to
 * its parentheses, its first letter at the start of a word.
 */

import { withoutInlineMarkup } from './inline-markup.js';
import { STOPWORDS } from './terms.js';

/** The text writes the short form in parentheses ("Access Control Lists (ACLs)"): where a long form is most often given. A quick test, before `longFormOf`. */
export function writesInParentheses(shortForm: string, text: string): boolean {
  return text.search(patternsOf(shortForm).inParentheses) !== -1;
}

/**
 * The long form `text` gives for `shortForm` (case-insensitive), or null when it gives none. Text is read as a rendered
 * page shows it: "[Levenshtein distance](https://…) (LD)" spells out LD.
 */
export function longFormOf(shortForm: string, markedUp: string): string | null {
  const text = withoutInlineMarkup(markedUp);
  const { letters, written, whole, inParentheses, beforeParentheses, statedFor, initialsRun } = patternsOf(shortForm);
  if (letters.length < 2 || letters.length > 10) return null;
  const maxWords = Math.min(letters.length + 5, letters.length * 2);
  // Most texts do not write the short form at all, and then neither "long form (SF)" nor "SF (long form)" can be there.
  if (written.test(text)) {
    // "long form (SF)" or "long form (SF, …)"
    for (const match of text.matchAll(inParentheses)) {
      const before = text.slice(0, match.index).trimEnd();
      const words = before.split(/\s+/u).slice(-maxWords).join(' ');
      const found = bestLongForm(letters, words);
      if (found !== null && !whole.test(found)) return found;
    }
    // "SF (long form)", "SPICE (the Simple Protocol for …)"; not "lxde (task-lxde-desktop)": a long form does not hold the short form itself.
    for (const match of text.matchAll(beforeParentheses)) {
      const inside = match[1]!.trim().replace(LEADING_ARTICLE, '');
      if (inside.split(/\s+/u).length > maxWords) continue;
      const found = bestLongForm(letters, inside);
      if (found !== null && found.length === inside.length && !whole.test(found)) return found;
    }
    // "SF stands for …", "SF is short for …", "(SF being an acronym for …)": the words after, one for each letter, or
    // a quoted phrase that holds its letters in order ("buildd is the abbreviation of “build daemon”").
    for (const match of text.matchAll(statedFor)) {
      const after = text.slice(match.index + match[0].length);
      const found = initialsFrom(letters, after) ?? capitalsFrom(letters, after) ?? quotedSpelling(letters, after);
      if (found !== null) return found;
    }
  }
  // "zsh/zle The Zsh Line Editor", "ZLE (-Z) Use the zsh line editor": unbracketed, only words next to it, one word a letter.
  if (letters.length >= MIN_APPOSED_LETTERS && initialsRun?.test(text) === true) {
    const found = initialsNear(letters, text, whole);
    if (found !== null) return found;
  }
  // "[Abbrev., “Problem Exists Between Keyboard And Chair”]": a quoted phrase that spells it out whole.
  for (const match of text.matchAll(QUOTED)) {
    const inside = match[1]!.trim();
    if (inside.split(/\s+/u).length > maxWords) continue;
    const found = bestLongForm(letters, inside);
    if (found !== null && found.length === inside.length && (startsEachWord(letters, inside) || capitalsSpell(letters, inside))) return found;
  }
  return null;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CLAUSE_MARK = /[,;:.!?()]/u;
const LEADING_ARTICLE = /^(?:the|an?)\s+/iu;
/** Unbracketed long forms are trusted for abbreviations of three letters or more: two initials meet by chance. */
const MIN_APPOSED_LETTERS = 3;
/** How many words away from the short form an unbracketed long form may start or end. */
const APPOSED_REACH = 3;
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const LEADING_NON_WORD = /^[^\p{L}\p{N}]+/u;
const QUOTED = /[“"‘]([^“”"‘’]{3,120})[”"’]/gu;

/**
 * Consecutive words, one for each letter of the short form and starting with it, that begin within a few words after
 * the short form or end within a few words before it; neither the first nor the last is a stopword.
 */
function initialsNear(letters: string, text: string, shortForm: RegExp): string | null {
  const written = /^\p{L}+$/u.test(letters) ? shortForm.exec(text) : null;
  if (written === null) return null;
  const initials = letters.toLowerCase();
  const shortAt = written.index;
  const shortEnd = written.index + written[0].length;
  const words = wordsAround(text, shortAt, shortEnd, APPOSED_REACH + initials.length);
  const after = words.findIndex((word) => word.start >= shortEnd);
  const before = words.findLastIndex((word) => word.end <= shortAt);
  const starts = [
    ...(after < 0 ? [] : Array.from({ length: APPOSED_REACH + 1 }, (_, offset) => after + offset)),
    ...(before < 0 ? [] : Array.from({ length: APPOSED_REACH + 1 }, (_, offset) => before - offset - initials.length + 1)),
  ];
  for (const start of starts) {
    const run = words.slice(start, start + initials.length);
    if (start < 0 || run.length !== initials.length) continue;
    if (run.some((word, index) => word.word.charAt(0).toLowerCase() !== initials[index] || word.word.length < 2)) continue;
    if (STOPWORDS.has(run[0]!.word.toLowerCase()) || STOPWORDS.has(run.at(-1)!.word.toLowerCase())) continue;
    // A name is one phrase: no clause's punctuation parts its words ("HSTS hosts, so that subsequent …" spells nothing).
    if (run.some((word, index) => index > 0 && CLAUSE_MARK.test(text.slice(run[index - 1]!.end, word.start)))) continue;
    const found = text.slice(run[0]!.start, run.at(-1)!.end);
    if (found.toLowerCase() !== initials && !shortForm.test(found)) return found;
  }
  return null;
}

/** Superset of what initialsNear accepts: each word at least two characters, any characters between words. */
function initialsRunPattern(letters: string): RegExp | null {
  if (!/^\p{L}+$/u.test(letters)) return null;
  const words = [...letters].map((letter) => `${letter}[\\p{L}\\p{N}'’]`);
  return new RegExp(`(?<![\\p{L}\\p{N}])${words.join(`[\\p{L}\\p{N}'’]*[^\\p{L}\\p{N}]+`)}`, 'iu');
}

interface Word {
  word: string;
  start: number;
  end: number;
}

const WORD_SCAN = new RegExp(WORD.source, 'gu');

/**
 * The words of `text` as WORD finds them in the whole text, from at least `count` before `from` (or the first) to
 * `count` after `to` (or the last): a long passage is not split into words for the few around its short form.
 */
function wordsAround(text: string, from: number, to: number, count: number): Word[] {
  // A scan may start after a space: no word runs across one, so the words found from there are the whole text's.
  let start = from;
  for (let spaces = 0; start > 0 && spaces <= count; ) {
    start -= 1;
    if (isSpace(text.charCodeAt(start - 1)) && !isSpace(text.charCodeAt(start))) spaces += 1;
  }
  const words: Word[] = [];
  let before = 0;
  let after = 0;
  WORD_SCAN.lastIndex = start;
  for (let match = WORD_SCAN.exec(text); match !== null && after < count; match = WORD_SCAN.exec(text)) {
    const word = { word: match[0], start: match.index, end: match.index + match[0].length };
    words.push(word);
    if (word.end <= from) before += 1;
    if (word.start >= to) after += 1;
  }
  // Fewer words found before than asked (runs of marks between the spaces): the whole text's words from its start.
  return before < count && start > 0 ? wordsAround(text, from, to, Number.POSITIVE_INFINITY) : words;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0d;
}

interface ShortFormPatterns {
  /** The short form's letters and digits. */
  letters: string;
  /** The short form anywhere, as the two patterns below match it. */
  written: RegExp;
  /** The short form as a word of its own, not inside another ("DIRC" in "dircache"). */
  whole: RegExp;
  /** "(SF)", "(SF, …": the short form after its long form. */
  inParentheses: RegExp;
  /** "SF (…)": the short form before its long form. */
  beforeParentheses: RegExp;
  /** "SF stands for ", "SF is an acronym for ", "SF, short for ": the short form and the words that say its long form follows. */
  statedFor: RegExp;
  /**
   * Words in a row that start with the short form's letters in order, anywhere in the text (null when its letters are
   * not all letters): a text without such a run has no unbracketed long form, and this one pattern rejects it faster
   * than reading the words around the short form.
   */
  initialsRun: RegExp | null;
}

/** A question's abbreviation is looked for in every candidate sentence: its patterns are made once (bounded). */
const shortFormPatterns = new Map<string, ShortFormPatterns>();
const MAX_CACHED_SHORT_FORMS = 1_000;

function patternsOf(shortForm: string): ShortFormPatterns {
  let patterns = shortFormPatterns.get(shortForm);
  if (patterns === undefined) {
    const escaped = shortForm.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    patterns = {
      letters: shortForm.replace(/[^\p{L}\p{N}]/gu, ''),
      written: new RegExp(escaped, 'iu'),
      whole: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'iu'),
      inParentheses: new RegExp(`\\(\\s*${escaped}s?\\s*[),;]`, 'giu'),
      beforeParentheses: new RegExp(`(?<![\\p{L}\\p{N}])${escaped}\\s*\\(([^()]{3,120})\\)`, 'giu'),
      statedFor: new RegExp(
        `(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])[\\s,]*(?:(?:is|being|was|as)\\s+)?(?:(?:an?|the)\\s+)?(?:acronym|abbreviation|initialism|short|stands)\\s+(?:for|of)\\s+`,
        'giu',
      ),
      initialsRun: initialsRunPattern(shortForm.replace(/[^\p{L}\p{N}]/gu, '')),
    };
    if (shortFormPatterns.size < MAX_CACHED_SHORT_FORMS) shortFormPatterns.set(shortForm, patterns);
  }
  return patterns;
}

/** The first `count` words of `text` (a hyphen parts words too), without the punctuation after them; undefined when it has fewer. */
function leadingWords(text: string, count: number): string | undefined {
  return new RegExp(`^\\s*(?:[^\\s-]+[\\s-]+){${count - 1}}[^\\s-]+`, 'u').exec(text)?.[0].trim().replace(/[^\p{L}\p{N}]+$/u, '');
}

/** The first words of `text`, one for each letter and starting with it ("Custom Debian Derivative", "Right-Hand Side Black List"). */
function initialsFrom(letters: string, text: string): string | null {
  const phrase = leadingWords(text, letters.length);
  return phrase !== undefined && startsEachWord(letters, phrase) ? phrase : null;
}

/**
 * The first words of `text`, fewer than the letters, whose capitals spell them and the first of which starts with the
 * first ("cif stands for Call InterFace").
 */
function capitalsFrom(letters: string, text: string): string | null {
  for (let words = 2; words < letters.length; words++) {
    const phrase = leadingWords(text, words);
    if (phrase === undefined) return null;
    if (phrase.charAt(0).toLowerCase() === letters.charAt(0).toLowerCase() && capitalsSpell(letters, phrase)) return phrase;
  }
  return null;
}

/** A quoted phrase opening `text` that starts with the first letter and holds the others in order, in two words or more. */
function quotedSpelling(letters: string, text: string): string | null {
  const phrase = QUOTED_OPENING.exec(text)?.[1]?.trim();
  if (phrase === undefined || phrase.length <= letters.length || !/\s/u.test(phrase)) return null;
  const lower = phrase.toLowerCase();
  let at = 0;
  for (const letter of letters.toLowerCase()) {
    at = lower.indexOf(letter, at) + 1;
    if (at === 0) return null;
  }
  return lower.startsWith(letters.charAt(0).toLowerCase()) ? phrase : null;
}

const QUOTED_OPENING = /^[“"‘]([^“”"‘’]{3,120})[”"’]/u;

/** A phrase is the abbreviation's long form by its words' initials or its capitals ("International Monetary Fund" for IMF). */
export function spellsOut(shortForm: string, phrase: string): boolean {
  const letters = shortForm.replace(/[^\p{L}\p{N}]/gu, '');
  return letters.length >= 2 && (startsEachWord(letters, phrase) || capitalsSpell(letters, phrase));
}

/** A quoted phrase names the abbreviation only when its words' initials spell it ("Problem Exists Between …" → PEB…). */
function startsEachWord(letters: string, phrase: string): boolean {
  const initials = phrase.split(/[\s-]+/u).map((word) => word.replace(LEADING_NON_WORD, '').charAt(0).toLowerCase()).join('');
  return initials === letters.toLowerCase();
}

/** …or when its capitals do, written inside words to mark them ("Bourne-Again SHell" → BASH). */
function capitalsSpell(letters: string, phrase: string): boolean {
  return phrase.replace(/[^\p{Lu}\p{N}]/gu, '') === letters.toUpperCase();
}

/** Schwartz and Hearst's match: each letter of the short form, from the last, found further left in the candidate. */
function bestLongForm(letters: string, candidate: string): string | null {
  const short = letters.toLowerCase();
  const long = candidate.toLowerCase();
  let longIndex = long.length - 1;
  for (let shortIndex = short.length - 1; shortIndex >= 0; shortIndex--) {
    const char = short[shortIndex]!;
    while (
      longIndex >= 0 &&
      (long[longIndex] !== char || (shortIndex === 0 && longIndex > 0 && LETTER_OR_DIGIT.test(long[longIndex - 1]!)))
    ) {
      longIndex -= 1;
    }
    if (longIndex < 0) return null;
    longIndex -= 1;
  }
  const start = candidate.lastIndexOf(' ', longIndex) + 1;
  const found = candidate.slice(start).replace(LEADING_NON_WORD, '');
  // The long form must be longer than the abbreviation itself, in more than one word or a hyphenated compound, and its
  // words' initials must spell at least half of the abbreviation: "Python module search path (PYTHONPATH)" only repeats
  // two of the words the short form is made of.
  return found.length > letters.length && /[\s-]/u.test(found) && initialsSpelled(short, found) * 2 >= short.length ? found : null;
}

/** How many letters of `short` the initials of `phrase`'s words spell, in order ("JavaScript Object Notation": j, o, n of "json"). */
function initialsSpelled(short: string, phrase: string): number {
  let spelled = 0;
  let from = 0;
  for (const word of phrase.toLowerCase().split(/[\s-]+/u)) {
    const at = short.indexOf(word.replace(LEADING_NON_WORD, '').charAt(0), from);
    if (at < 0 || word === '') continue;
    spelled += 1;
    from = at + 1;
  }
  return spelled;
}
