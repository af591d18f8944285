/** One candidate sentence seen against one question: its tokens and where the question's terms occur in it. */
import type { Passage, TextRange } from '../model.js';
import { tokenize, type Token } from '../text/terms.js';
import { findNumbers, type NumberMention } from './numbers.js';
import { unlikeProse } from '../text/prose.js';
import type { Question } from './question.js';

export interface SentenceView {
  passage: Passage;
  range: TextRange;
  /** Verbatim text of the sentence. */
  text: string;
  tokens: Token[];
  /** For each question term (by index), the token indexes where it occurs. */
  hits: number[][];
  /** How unlike a prose sentence it is, 0–1 (`unlikeProse`). */
  unlikeProse: number;
}

/** Every sentence of a passage seen against a question. */
export function viewSentences(passage: Passage, question: Question): SentenceView[] {
  const sentences = sentencesOf(passage);
  return passage.sentences.map((range, index) => viewSentence(passage, range, sentences[index]!, question));
}

function viewSentence(passage: Passage, range: TextRange, sentence: SentenceText, question: Question): SentenceView {
  const { exact, prefixes, names } = formsOf(question);
  const hits: number[][] = question.terms.map(() => []);
  const tokens = sentence.tokens;
  for (let index = 0; index < tokens.length; index++) {
    const term = tokens[index]!.term;
    if (term === '') continue;
    const exactTerms = exact.get(term);
    if (exactTerms !== undefined) for (const termIndex of exactTerms) hits[termIndex]!.push(index);
    // Only a longer word can start with a prefix other than itself, and only a word one or two letters shorter than a
    // name's form can be its shorter relative: the lengths and first letters are compared before the words are.
    for (let at = 0; at < prefixes.length; at++) {
      const [prefix, termIndex] = prefixes[at]!;
      if (term.length > prefix.length && term.charCodeAt(0) === prefix.charCodeAt(0) && term.startsWith(prefix) && !exactTerms?.includes(termIndex)) hits[termIndex]!.push(index);
    }
    // A name's shorter relative: "German" for "Germany", "Poland" for "Polandʼs" forms.
    if (term.length < 5) continue;
    for (let at = 0; at < names.length; at++) {
      const [form, termIndex] = names[at]!;
      const longer = form.length - term.length;
      if (longer >= 1 && longer <= 2 && form.charCodeAt(0) === term.charCodeAt(0) && form.startsWith(term) && !hits[termIndex]!.includes(index)) hits[termIndex]!.push(index);
    }
  }
  return { passage, range, text: sentence.text, tokens, hits, unlikeProse: sentence.unlikeProse };
}

/** A sentence as its passage holds it, the same whatever the question: its verbatim text, its words, how unlike prose. */
interface SentenceText {
  text: string;
  tokens: Token[];
  unlikeProse: number;
}

/**
 * The sentences of the passages read most recently, split into words once: questions on one topic reach the same
 * passages again. Bounded; the passage read longest ago is dropped first.
 */
const readPassages = new Map<Passage, SentenceText[]>();
const MAX_READ_PASSAGES = 2_000;

function sentencesOf(passage: Passage): SentenceText[] {
  let sentences = readPassages.get(passage);
  if (sentences === undefined) {
    sentences = passage.sentences.map((range) => {
      const text = passage.text.slice(range.start - passage.start, range.end - passage.start);
      return { text, tokens: tokenize(text, range.start), unlikeProse: unlikeProse(text) };
    });
    if (readPassages.size >= MAX_READ_PASSAGES) readPassages.delete(readPassages.keys().next().value!);
  } else {
    readPassages.delete(passage);
  }
  readPassages.set(passage, sentences);
  return sentences;
}

interface FormLookup {
  /** Form → indexes of the question terms it belongs to. */
  exact: Map<string, number[]>;
  /** Forms long enough to match longer words by prefix ("ukrain" → "ukrainian"), with their term index. */
  prefixes: [string, number][];
  /** Forms of names, which also match a slightly shorter word they start with ("germani" ← "german"). */
  names: [string, number][];
}

const lookups = new WeakMap<Question, FormLookup>();

function formsOf(question: Question): FormLookup {
  let lookup = lookups.get(question);
  if (lookup === undefined) {
    lookup = { exact: new Map(), prefixes: [], names: [] };
    question.terms.forEach((term, termIndex) => {
      for (const form of new Set(term.forms)) {
        const list = lookup!.exact.get(form);
        if (list === undefined) lookup!.exact.set(form, [termIndex]);
        else list.push(termIndex);
        if (form.length >= 6) lookup!.prefixes.push([form, termIndex]);
        if (term.isName) lookup!.names.push([form, termIndex]);
      }
    });
    lookups.set(question, lookup);
  }
  return lookup;
}

/** Token distance from `index` to the nearest hit of any term selected by `which`. Infinity when none. */
export function distanceToTerms(view: SentenceView, index: number, which: (termIndex: number) => boolean): number {
  let best = Infinity;
  view.hits.forEach((positions, termIndex) => {
    if (!which(termIndex)) return;
    for (const position of positions) best = Math.min(best, Math.abs(position - index));
  });
  return best;
}

/** Token distance from `index` to the nearest hit of one term. Infinity when none. */
export function distanceToTerm(view: SentenceView, index: number, termIndex: number): number {
  let best = Infinity;
  for (const position of view.hits[termIndex] ?? []) best = Math.min(best, Math.abs(position - index));
  return best;
}

/** The text between two tokens of the sentence (exclusive): white space, punctuation, the glue of an identifier. */
export function textBetween(view: SentenceView, left: number, right: number): string {
  return view.text.slice(view.tokens[left]!.end - view.range.start, view.tokens[right]!.start - view.range.start);
}

/** Two neighbouring tokens written as one hyphenated word: "high-level", "VT100-like". */
export function joinedByHyphen(view: SentenceView, left: number): boolean {
  return view.tokens[left] !== undefined && view.tokens[left + 1] !== undefined && textBetween(view, left, left + 1) === '-';
}

/** Verbatim text between two tokens (inclusive), within the sentence. */
export function sliceTokens(view: SentenceView, from: number, toInclusive: number): string {
  const start = view.tokens[from]!.start - view.range.start;
  const end = view.tokens[toInclusive]!.end - view.range.start;
  return view.text.slice(start, end);
}

const LETTERS_ONLY = /^\p{L}+$/u;
const WORD_OR_HYPHEN = /[\p{L}\p{N}-]/u;
const OPENS_CALL = /[\p{L}\p{N}_]\($/u;

/**
 * The numbers of a sentence that are quantities: not the digits of a name joined to it by a hyphen ("SHA-1",
 * "PDP-10", "UTF-8") or glued to it in parentheses ("git-merge(1)"), nor a part of an identifier or a date written
 * with hyphens. (`findNumbers` leaves out the pronoun "one": "One can specify …", "no one", "which one".)
 */
export function numbersIn(view: SentenceView): readonly NumberMention[] {
  let numbers = quantities.get(view.tokens);
  if (numbers === undefined) {
    numbers = quantitiesIn(view);
    quantities.set(view.tokens, numbers);
  }
  return numbers;
}

/**
 * Each sentence's quantities, found once: ranking, short answers and conflicts all read them, question after question.
 * Keyed by the sentence's tokens, which every view of it shares.
 */
const quantities = new WeakMap<Token[], readonly NumberMention[]>();

function quantitiesIn(view: SentenceView): NumberMention[] {
  return findNumbers(view.tokens).filter((mention) => {
    const first = view.tokens[mention.from]!;
    const before = view.tokens[mention.from - 1];
    const glued = view.text.slice(Math.max(0, first.start - view.range.start - 2), first.start - view.range.start);
    if (before !== undefined && LETTERS_ONLY.test(before.raw) && before.end + 1 === first.start && glued.endsWith('-')) return false;
    if (isInHyphenatedCode(view.text, first.start - view.range.start)) return false;
    // An argument glued to a name is part of it: a man page's section ("git-merge(1)"), a call ("f(2)").
    return !(before !== undefined && before.end + 1 === first.start && OPENS_CALL.test(glued));
  });
}

/** Three or more digit groups joined by hyphens are an identifier or a date ("R-07343-35026-38447", "555-0142-77"), not quantities; two are a range ("23-26"). */
function isInHyphenatedCode(text: string, offset: number): boolean {
  let start = offset;
  while (start > 0 && WORD_OR_HYPHEN.test(text.charAt(start - 1))) start -= 1;
  let end = offset;
  while (end < text.length && WORD_OR_HYPHEN.test(text.charAt(end))) end += 1;
  return text.slice(start, end).split('-').filter((part) => /\d/.test(part)).length >= 3;
}

