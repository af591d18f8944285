/**
 * Spelling correction of question words against the corpus's own vocabulary: a word no passage holds is read as
 * the closest indexed term (optimal string alignment distance, so a swap of two letters is one edit), the most
 * frequent one among equally close terms. Short words are left alone: one edit turns them into other words; so are
 * real English words (an-array-of-english-words, ~275,000 words and their inflections): "mayor" in a corpus that
 * never names one is an unknown word, not a typo of "major". A name (written with a capital inside the question) is
 * read only as another name: "Redis" is no typo of "relies". A clipped word ("repo") also reads as the word the corpus
 * clips it from (search/clippings.ts), and a contraction without its apostrophe ("dont") as the stopword it is.
 */
import { englishWordList, isEnglishWord } from '../text/english.js';
import type { Corpus } from '../search/corpus.js';
import { clippedFrom } from '../search/clippings.js';
import { documentFrequency, topPassages } from '../search/impacts.js';
import { SPELLING_OPTIONS } from '../search/options.js';
import { computeTerm, STOPWORDS } from '../text/terms.js';
import { isOnlyAdverb } from '../text/wordnet.js';
import { opensSentence, type Question, type QuestionTerm, VALUE_WORDS } from './question.js';

const MIN_LENGTH = 4;
const LETTERS_ONLY = /^\p{L}+$/u;
/** Terms this long may be two edits away; shorter ones one. */
const TWO_EDITS_FROM = 7;
/** What a swap of two neighbouring letters costs in Levenshtein distance, which MiniSearch's fuzzy search counts. */
const SWAP_AS_EDITS = 2;

export interface Correction {
  /** The word as the question wrote it. */
  written: string;
  /** The indexed term it is read as. */
  term: string;
  /** The word to show in "Did you mean …": the English word it was matched to, or null (then a word of the corpus). */
  word: string | null;
}


/**
 * Per corpus, the English words whose term it holds, by first letter and length: the pool a typo is matched
 * against, built once on the first correction (a few hundred milliseconds), then a few hundred words a lookup.
 */
const spellable = new WeakMap<Corpus, Map<string, { word: string; term: string }[]>>();

function spellableWords(corpus: Corpus): Map<string, { word: string; term: string }[]> {
  let byShape = spellable.get(corpus);
  if (byShape === undefined) {
    byShape = new Map();
    for (const word of englishWordList()) {
      const term = computeTerm(word);
      if (term === '' || documentFrequency(corpus.impacts, term) === 0) continue;
      const key = `${word.charAt(0)}${word.length}`;
      const list = byShape.get(key);
      if (list === undefined) byShape.set(key, [{ word, term }]);
      else list.push({ word, term });
    }
    spellable.set(corpus, byShape);
  }
  return byShape;
}

/** Per corpus, the terms of the English words it holds. */
const englishTerms = new WeakMap<Corpus, ReadonlySet<string>>();

function englishTermsOf(corpus: Corpus): ReadonlySet<string> {
  let terms = englishTerms.get(corpus);
  if (terms === undefined) {
    terms = new Set([...spellableWords(corpus).values()].flatMap((words) => words.map(({ term }) => term)));
    englishTerms.set(corpus, terms);
  }
  return terms;
}

export function correctSpelling(corpus: Corpus, question: Question): { question: Question; corrections: Correction[] } {
  const corrections: Correction[] = [];
  /** For each term of the question, where it (or the words it was split into) now stands. */
  const moved: number[][] = [];
  const terms: QuestionTerm[] = [];
  /** Each term as read before correction, with its full form when it is a clipping (no correction: the focus stays). */
  const asWritten: QuestionTerm[] = [];
  for (const written of question.terms) {
    const term = withFullForm(corpus, question.text, written);
    asWritten.push(term);
    const read = readTerm(corpus, term, question.text);
    if (read.correction !== null) corrections.push(read.correction);
    moved.push(read.terms.map((_, offset) => terms.length + offset));
    terms.push(...read.terms);
  }
  if (corrections.length === 0 && terms.every((term, termIndex) => term === question.terms[termIndex])) return { question, corrections };
  // "how many poeple …" counts people: the focus follows its word's correction.
  /** Where a term now stands when it is still one term, else -1. */
  const movedTo = (termIndex: number): number => (termIndex >= 0 && moved[termIndex]!.length === 1 ? moved[termIndex]![0]! : -1);
  const focusIndex = question.terms.findIndex((term) => term.forms[0] === question.focus);
  const focusMoved = terms[movedTo(focusIndex)];
  const focus = focusMoved !== undefined && focusMoved !== asWritten[focusIndex] ? focusMoved.forms.at(-1)! : question.focus;
  const topic = question.topic.flatMap((termIndex) => moved[termIndex]!);
  const askedThing = movedTo(question.askedThing);
  return { question: { ...question, terms, focus, topic, askedThing }, corrections };
}

/**
 * A clipped word ("repo", "dirs") also reads as the word the corpus clips it from ("repository", "directories"), unless
 * the question writes it as code ("str()", "$var", "os.env"): then it is a name.
 */
function withFullForm(corpus: Corpus, text: string, term: QuestionTerm): QuestionTerm {
  if (writtenAsCode(text, term.raw) || typedInCapitals(text, term.raw)) return term;
  const full = clippedFrom(corpus.impacts, term.raw.toLowerCase());
  return full === null || term.forms.includes(full) ? term : { ...term, forms: [...term.forms, full] };
}

const IN_CAPITALS = /^\p{Lu}[\p{Lu}\p{N}_]+$/u;

/**
 * "JMAP", "TTL", "HISTSIZE": a word typed in capitals, in a question that is not, is an acronym or a name as its asker
 * knows it, not a slip of the keyboard: the corpus not writing it is evidence it does not speak of it.
 */
function typedInCapitals(text: string, raw: string): boolean {
  return IN_CAPITALS.test(raw) && /\p{Ll}/u.test(text);
}

const CODE_BEFORE = /[$.@/_-]$/u;
const CODE_AFTER = /^[(._/[-]/u;

/** Every place the question writes the word, it is glued to code punctuation. */
function writtenAsCode(text: string, raw: string): boolean {
  let seen = false;
  for (let at = text.indexOf(raw); at >= 0; at = text.indexOf(raw, at + 1)) {
    seen = true;
    if (!CODE_BEFORE.test(text.slice(0, at)) && !CODE_AFTER.test(text.slice(at + raw.length))) return false;
  }
  return seen;
}

/** A question word as the corpus can read it: as written, corrected, or split into the two words of an identifier. */
function readTerm(corpus: Corpus, term: QuestionTerm, text: string): { terms: QuestionTerm[]; correction: Correction | null } {
  const unchanged = { terms: [term], correction: null };
  if (term.forms.some((form) => documentFrequency(corpus.impacts, form) > 0) || typedInCapitals(text, term.raw)) return unchanged;
  const form = term.forms[0]!;
  const english = isEnglishWord(term.raw);
  // An English word ("dry") or a name written as code (".ts") is no contraction.
  const contracted = english || writtenAsCode(text, term.raw) ? null : fullFormOfContraction(corpus, term.raw.toLowerCase());
  if (contracted !== null) return { terms: [{ ...term, forms: [...term.forms, contracted.term] }], correction: { written: term.raw, term: contracted.term, word: contracted.word } };
  if (form.length < MIN_LENGTH || /\d/u.test(form) || english) return unchanged;
  // The same letters, written as the corpus joins them, beat any correction.
  const split = splitIdentifier(corpus, term);
  if (split !== null) return split;
  const written = term.raw.toLowerCase();
  const allowed = written.length >= TWO_EDITS_FROM ? 2 : 1;
  let best = null as { term: string; word: string | null; distance: number; frequency: number } | null;
  const consider = (candidate: string, distance: number, word: string | null): void => {
    const frequency = documentFrequency(corpus.impacts, candidate);
    if (frequency === 0 || distance > allowed) return;
    if (best === null || distance < best.distance || (distance === best.distance && frequency > best.frequency)) best = { term: candidate, word, distance, frequency };
  };
  // A name ("the Redis server") mistyped is another name, not a common word ("relies"): the corpus not writing it is
  // evidence it does not speak of it. A word the name begins with, or that begins with it, is its relative ("German"
  // of "Germany").
  const commonTerms = term.isName ? englishTermsOf(corpus) : null;
  // Terms of the corpus a few edits from the written term ("klitchko" → "klitschko"). MiniSearch counts a swap of two
  // letters as two edits, so a short word none is found for is looked up again two edits away and kept only within one
  // swap ("stldib" → "stdlib"); that lookup costs several times the first, so only then.
  const seen = new Set<string>();
  const lookUp = (reach: number): void => {
    for (const result of corpus.search.search(form, { ...SPELLING_OPTIONS, fuzzy: reach, maxFuzzy: reach })) {
      for (const match of result.terms) {
        if (match === form || seen.has(match)) continue;
        if (commonTerms?.has(match) === true && !match.startsWith(form) && !form.startsWith(match)) continue;
        seen.add(match);
        consider(match, editDistance(form, match), null);
      }
    }
  };
  lookUp(allowed);
  if (best === null && allowed < SWAP_AS_EDITS) lookUp(SWAP_AS_EDITS);
  // …and English words a few edits from the written word, read as the corpus reads them ("poeple" → "people" → "person").
  if (commonTerms === null) {
    const pool = spellableWords(corpus);
    for (let length = written.length - allowed; length <= written.length + allowed; length++) {
      for (const candidate of pool.get(`${written.charAt(0)}${length}`) ?? []) consider(candidate.term, editDistance(written, candidate.word, allowed), candidate.word);
    }
  }
  const found = best as { term: string; word: string | null } | null;
  if (found === null) return unchanged;
  return { terms: [{ ...term, forms: [...term.forms, found.term] }], correction: { written: term.raw, term: found.term, word: found.word } };
}

const SHORT_WORD = 3;

/** The word in small letters, or null when it holds more than letters or capitals past its first (a name: "GitHub"). */
function typedWord(raw: string): string | null {
  const written = raw.toLowerCase();
  return LETTERS_ONLY.test(written) && !/\p{Lu}/u.test(raw.slice(1)) ? written : null;
}

function sameLetters(a: string, b: string): boolean {
  return a.length === b.length && [...a].sort().join('') === [...b].sort().join('');
}

const STOPWORDS_WRITTEN = [...STOPWORDS].filter((word) => LETTERS_ONLY.test(word));

/**
 * A word that is no English word and that no passage holds, one edit from a stopword ("befor", "shoud", "teh"): read
 * as that stopword, the commonest words being the likeliest meant, so it asks nothing of its own. Of several, the
 * longest: a dropped letter is the commonest slip ("happend"). A word with capitals past its first letter is a name.
 */
function stopwordMistyped(raw: string): string | null {
  const written = typedWord(raw);
  if (written === null) return null;
  // Three letters or fewer, only a swap ("teh", "adn"): one changed letter makes another short word ("uid" is no "did").
  // A slip keeps a word's first letter, as the English words a typo is matched against do: "turing" is no "during".
  const near = STOPWORDS_WRITTEN.filter(
    (word) => word.charAt(0) === written.charAt(0) && isOneEditFrom(written, word) && (written.length > SHORT_WORD || sameLetters(written, word)),
  );
  return near.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * A word one edit from exactly one English word that WordNet knows only as an adverb ("actualy", "acutally" →
 * "actually", "originaly" → "originally"). A word with capitals past its first letter is a name.
 */
function adverbMistyped(raw: string): string | null {
  const written = typedWord(raw);
  if (written === null || written.length < MIN_LENGTH) return null;
  const adverbs = [...oneEditAway(written)].filter((word) => isEnglishWord(word) && isOnlyAdverb(word));
  return adverbs.length === 1 ? adverbs[0]! : null;
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one edit from `word`: a letter dropped, added, changed, or two neighbours swapped. */
function oneEditAway(word: string): Set<string> {
  const edits = new Set<string>();
  for (let at = 0; at <= word.length; at++) {
    const before = word.slice(0, at);
    const after = word.slice(at);
    if (after.length > 0) edits.add(before + after.slice(1));
    if (after.length > 1) edits.add(before + after.charAt(1) + after.charAt(0) + after.slice(2));
    for (const letter of ALPHABET) {
      edits.add(before + letter + after);
      if (after.length > 0) edits.add(before + letter + after.slice(1));
    }
  }
  edits.delete(word);
  return edits;
}

/** A word written without vowels ("ppl", "msg", "pkg"): a contraction, not a typo. */
const CONTRACTION = /^[b-df-hj-np-tv-z]{2,5}$/u;
/** The shortest word a contraction may leave only one letter out of. */
const MIN_ONE_LETTER_CONTRACTED = 5;
/** The longest word a contraction is looked for among. */
const MAX_CONTRACTED_LENGTH = 14;

/**
 * The English word the corpus writes that a word written without vowels contracts ("ppl" → "people", "pkg" →
 * "package"): a contraction keeps a word's first letter and its last consonant, and consonants of the word between
 * them, in order. Of those, the one that leaves out the fewest letters, and of those the one whose term the corpus
 * holds in most passages, written there as such (a word that only shares its term, "personate" for "person", is not);
 * null when none.
 */
function fullFormOfContraction(corpus: Corpus, written: string): { term: string; word: string } | null {
  if (!CONTRACTION.test(written)) return null;
  const pool = spellableWords(corpus);
  const candidates: { term: string; word: string; frequency: number }[] = [];
  // A contraction saves letters: two or more, or one of a word of five letters or more ("stnd" → "stand", "ts" no "tis").
  const shortest = written.length + 1 >= MIN_ONE_LETTER_CONTRACTED ? written.length + 1 : written.length + 2;
  for (let length = shortest; length <= MAX_CONTRACTED_LENGTH; length++) {
    for (const candidate of pool.get(`${written.charAt(0)}${length}`) ?? []) {
      if (contracts(written, candidate.word)) candidates.push({ ...candidate, frequency: documentFrequency(corpus.impacts, candidate.term) });
    }
  }
  // The fewest letters left out first ("stnd" → "stand", not "sustained"), then the commonest.
  candidates.sort((a, b) => a.word.length - b.word.length || b.frequency - a.frequency);
  return candidates.find((candidate) => writesWord(corpus, candidate.term, candidate.word)) ?? null;
}

/** Passages of a term looked at for a word written as such. */
const WRITTEN_EVIDENCE_PASSAGES = 20;

/** Whether a passage of `term` writes `word` itself. */
function writesWord(corpus: Corpus, term: string, word: string): boolean {
  return topPassagesWrite(corpus, [[term]], new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu'), WRITTEN_EVIDENCE_PASSAGES);
}

/** Whether one of the `limit` passages that best match `terms` (each a list of forms) holds text that `written` matches. */
export function topPassagesWrite(corpus: Corpus, terms: string[][], written: RegExp, limit: number): boolean {
  return topPassages(corpus.impacts, terms, limit).some((hit) => written.test(corpus.passages[hit.id]?.text ?? ''));
}

/** Whether `contraction` is `word`'s first letter and consonants of it in order, ending with its last consonant. */
function contracts(contraction: string, word: string): boolean {
  const consonants = word.replace(/[aeiou]/gu, '');
  if (!/^\p{Ll}+$/u.test(word) || consonants.at(-1) !== contraction.at(-1)) return false;
  let at = 1;
  for (let k = 1; k < contraction.length; k++) {
    at = consonants.indexOf(contraction.charAt(k), at) + 1;
    if (at === 0) return false;
  }
  return at === consonants.length;
}

/** Passages looked at for the two words of a split written together. */
const SPLIT_EVIDENCE_PASSAGES = 20;

/**
 * A word written run together ("autocd", "ksharrays") that the corpus writes as two joined words ("AUTO_CD",
 * "KSH_ARRAYS", "auto-cd"): read as those two words, when some passage writes them joined. Of several splits, the one
 * whose rarer word is most common.
 */
function splitIdentifier(corpus: Corpus, term: QuestionTerm): { terms: QuestionTerm[]; correction: Correction } | null {
  const written = term.raw.toLowerCase();
  if (!LETTERS_ONLY.test(written)) return null;
  let best: { left: string; right: string; leftTerm: string; rightTerm: string; frequency: number } | null = null;
  for (let cut = 2; cut <= written.length - 2; cut++) {
    const left = written.slice(0, cut);
    const right = written.slice(cut);
    const leftTerm = computeTerm(left);
    const rightTerm = computeTerm(right);
    if (leftTerm === '' || rightTerm === '') continue;
    const frequency = Math.min(documentFrequency(corpus.impacts, leftTerm), documentFrequency(corpus.impacts, rightTerm));
    if (frequency > 0 && (best === null || frequency > best.frequency) && writtenJoined(corpus, left, right, leftTerm, rightTerm)) {
      best = { left, right, leftTerm, rightTerm, frequency };
    }
  }
  if (best === null) return null;
  const rawAt = (from: number, to: number): string => term.raw.slice(from, to);
  return {
    terms: [
      { ...term, forms: [best.leftTerm], raw: rawAt(0, best.left.length) },
      { ...term, forms: [best.rightTerm], raw: rawAt(best.left.length, written.length) },
    ],
    correction: { written: term.raw, term: `${best.leftTerm} ${best.rightTerm}`, word: `${best.left}_${best.right}` },
  };
}

function writtenJoined(corpus: Corpus, left: string, right: string, leftTerm: string, rightTerm: string): boolean {
  const joined = new RegExp(`(?<![\\p{L}\\p{N}])${left}[_-]${right}(?![\\p{L}\\p{N}])`, 'iu');
  return topPassagesWrite(corpus, [[leftTerm], [rightTerm]], joined, SPLIT_EVIDENCE_PASSAGES);
}

/**
 * The closed class of words that say what kind of answer is asked for: the question words, and the words the kinds
 * of question are recognised by ("the default port", "the maximum number of …", "which version …").
 */
const QUESTION_WORDS = ['what', 'which', 'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'many', 'much'];
const KIND_WORDS: readonly string[] = [...VALUE_WORDS, 'number', 'version', 'release', 'abbreviation', 'acronym'];
/** The stopwords written with an apostrophe ("don't", "who's"), by their letters alone ("dont", "whos"). */
const CONTRACTIONS: ReadonlyMap<string, string> = new Map(
  [...STOPWORDS].filter((word) => word.includes("'")).map((word) => [word.replace("'", ''), word]),
);
/** From this length a kind word may also have lost or gained a letter ("nuber", "maxium", "defaultt"). */
const ANY_EDIT_FROM = 4;

/**
 * A question word or kind word mistyped ("how mnay drones …", "waht is …", "whre did …", "by defualt") is read as the
 * word it is one edit from, when it is no English word and only one such word is that close ("hwo" could be "how" or
 * "who"). Words of three letters must keep their length (a substitution or a swap): one inserted or dropped letter
 * turns them into other words.
 */
export function correctQuestionWords(text: string, corpusWrites: (word: string) => boolean = () => true): { text: string; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const corrected = text.replace(/\p{L}+/gu, (written: string, offset: number) => {
    const lower = written.toLowerCase();
    if (lower.length < 2 || QUESTION_WORDS.includes(lower) || KIND_WORDS.includes(lower)) return written;
    // "doesn't", "Redis's": letters before an apostrophe are part of a word the apostrophe joins, not a word of their own.
    if (APOSTROPHE_THEN_LETTER.test(text.slice(offset + written.length, offset + written.length + 2))) return written;
    // "whos the mayor", "i dont set anything": a contraction without its apostrophe, read as written with it (no typo to
    // point out). "cant" and "wont" are words of their own.
    const contraction = CONTRACTIONS.get(lower);
    if (contraction !== undefined) return isEnglishWord(lower) ? written : contraction;
    // "There's some binary …" is no "where's": a stopword, one of the commonest words, is written as meant.
    if (lower.length < 3 || STOPWORDS.has(lower)) return written;
    const near = [...QUESTION_WORDS, ...KIND_WORDS].filter((word) => isOneEditFrom(lower, word));
    // The word list loads only for the rare word this close to a question word. A rare English word the corpus never
    // writes, where a question word stands ("wich city was hit?", "wat is …"), is that question word mistyped.
    if (near.length === 1 && (!isEnglishWord(lower) || (opensSentence(text, offset) && !corpusWrites(lower)))) {
      corrections.push({ written, term: '', word: near[0]! });
      return near[0]!;
    }
    // A mistyped stopword ("befor", "teh number of …") or adverb ("actualy", "orignally"), read before the question
    // is, so that its kind is read too, and the adverb is not read as part of what is asked.
    if (corpusWrites(lower) || isEnglishWord(lower)) return written;
    const meant = stopwordMistyped(written) ?? adverbMistyped(written);
    if (meant === null) return written;
    corrections.push({ written, term: '', word: meant });
    return meant;
  });
  return { text: corrected, corrections };
}

const APOSTROPHE_THEN_LETTER = /^['’]\p{L}/u;

function isOneEditFrom(written: string, word: string): boolean {
  const sameLength = written.length === word.length;
  if (!sameLength && (Math.min(written.length, word.length) < ANY_EDIT_FROM || Math.abs(written.length - word.length) > 1)) return false;
  return editDistance(written, word, 1) === 1;
}

/**
 * Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one.
 * With `limit`, stops early and returns `limit + 1` once the distance must exceed it.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Infinity;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (Math.min(rowMin, d[i * cols]!) > limit) return limit + 1;
  }
  return d[rows * cols - 1]!;
}
