/**
 * Sentence boundaries with exact offsets. Rule-based, because quotes must be cut verbatim and
 * news text breaks the easy rules: abbreviations ("U.S. President"), initials, and quotations that
 * hold several sentences ("“Absolutely horrible … in Kyiv. One of the worst so far,” wrote Sybiha").
 */
import type { TextRange } from '../model.js';
import { nameKindOf } from './names.js';

const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof st sr jr gen col lt sgt capt cmdr adm gov sen rep rev hon pres vs etc e.g i.e cf al approx
  no nos vol fig figs ed eds inc ltd co corp dept est jan feb mar apr jun jul aug sep sept oct nov dec mt ft
  u.s u.k u.n e.u a.m p.m`
    .split(/\s+/)
    .filter(Boolean),
);

const OPENING_QUOTES = '“‘«';
const CLOSING_QUOTES = '”’»';
// A terminator, any closing quotes/brackets, then white space.
const BOUNDARY = /[.!?…]+["'”’»)\]]*(?=\s)/g;

/**
 * Splits `text[range]` into trimmed sentence ranges. Line breaks that end a line with punctuation, or blank lines,
 * always end a sentence; so does every line break of a "sentence" too long to be one (a list of links or figures
 * written line by line with no stops: a cross-reference page of 70,000 words).
 */
export function splitSentences(text: string, range: TextRange = { start: 0, end: text.length }): TextRange[] {
  const sentences: TextRange[] = [];
  for (const block of splitBlocks(text, range)) {
    const previous = sentences.at(-1);
    if (previous !== undefined && remarksOnLineAbove(text, previous, block)) {
      previous.end = block.end;
      continue;
    }
    for (const sentence of joinAsides(text, mergeOpenQuotations(text, splitBlock(text, block)))) {
      if (ENUMERATOR.test(text.slice(sentence.start, sentence.end))) continue;
      if (sentence.end - sentence.start > MAX_SENTENCE_LENGTH) splitLines(text, sentence, sentences);
      else sentences.push(sentence);
    }
  }
  return sentences;
}

/**
 * A list item's number ("1." of "1. Install the package.", a dictionary's numbered sense) says nothing of its own: it is
 * no sentence, so a defined term is quoted with the item's words after it, not with the number alone.
 */
const ENUMERATOR = /^\d{1,3}\.$/u;

/** Where the words of a list item that starts at `at` start, past its number and the space after it ("1. Install …"). */
export function pastEnumerator(text: string, at: number): number {
  const number = /^\d{1,3}\.\s+/u.exec(text.slice(at, at + 8));
  return number === null ? at : at + number[0].length;
}

/** A line that is wholly a bracketed remark with no sentence of its own ("(default: 2)") under the line it remarks on. */
function remarksOnLineAbove(text: string, previous: TextRange, block: TextRange): boolean {
  const written = text.slice(block.start, block.end);
  if (written.includes('\n') || !isRemarkWithoutSentence(written)) return false;
  return /^[ \t\r]*\n[ \t\r]*$/.test(text.slice(previous.end, block.start));
}

/** Characters past which a run of lines is no sentence: about three hundred words. */
const MAX_SENTENCE_LENGTH = 2000;

function splitLines(text: string, range: TextRange, into: TextRange[]): void {
  let lineStart = range.start;
  for (let index = text.indexOf('\n', range.start); index !== -1 && index < range.end; index = text.indexOf('\n', index + 1)) {
    pushTrimmed(text, lineStart, index, into);
    lineStart = index + 1;
  }
  pushTrimmed(text, lineStart, range.end, into);
}

/** A Markdown link or image that ends a line: "the [Friso](https://…)⏎chinese tokenization library" reads on past it. */
const MARKDOWN_LINK_END = /\]\([^()\s]*\)$/u;

/** Blank lines separate blocks; so does a single newline after terminal punctuation or before a list/heading line. */
function splitBlocks(text: string, range: TextRange): TextRange[] {
  const blocks: TextRange[] = [];
  let blockStart = range.start;
  let index = text.indexOf('\n', range.start);
  while (index !== -1 && index < range.end) {
    const before = text.slice(blockStart, index).trimEnd();
    const nextLine = text.slice(index + 1, Math.min(range.end, index + 6));
    const blankNext = /^[ \t\r]*(\n|$)/.test(text.slice(index + 1, range.end));
    const nextGoesOn = /^\s*\p{Ll}/u.test(nextLine);
    const hardBreak =
      blankNext ||
      (/[.!?:;…"'”’)\]]$/.test(before) && !(nextGoesOn && MARKDOWN_LINK_END.test(before))) ||
      /^\s*([-*+•]|\d+[.)]|#)\s/.test(nextLine) ||
      (before.length < 60 && !/[,\p{Ll}]$/u.test(before) && !nextGoesOn) ||
      isTableRowAbove(text, index, range.end);
    if (hardBreak) {
      pushTrimmed(text, blockStart, index, blocks);
      blockStart = index + 1;
    }
    index = text.indexOf('\n', index + 1);
  }
  pushTrimmed(text, blockStart, range.end, blocks);
  return blocks;
}

/**
 * The line ending at `index` and the next are rows of one table ("`core.bgp_asn` | string | global | …"): as many cell
 * bars in each, or both open with one (a row may leave out its last cells), so each row states its own thing even
 * when no stop ends it.
 */
function isTableRowAbove(text: string, index: number, end: number): boolean {
  const line = text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
  if (!line.includes('|')) return false;
  const nextEnd = text.indexOf('\n', index + 1);
  const next = text.slice(index + 1, nextEnd === -1 || nextEnd > end ? end : nextEnd);
  const bars = cellBars(line);
  return bars > 0 && (bars === cellBars(next) || (OPENS_ROW.test(line) && OPENS_ROW.test(next)));
}

const OPENS_ROW = /^[ \t]*\|/u;

/** Bars between a table row's cells: those not escaped and not in a code span. */
function cellBars(line: string): number {
  return line.replace(/`[^`]*`/gu, '').match(/(?<!\\)\|/gu)?.length ?? 0;
}

function splitBlock(text: string, block: TextRange): TextRange[] {
  const slice = text.slice(block.start, block.end);
  const parts: TextRange[] = [];
  let sentenceStart = 0;
  BOUNDARY.lastIndex = 0;
  for (let match = BOUNDARY.exec(slice); match !== null; match = BOUNDARY.exec(slice)) {
    const end = match.index + match[0].length;
    if (!isSentenceEnd(slice, match.index, end)) continue;
    pushTrimmed(text, block.start + sentenceStart, block.start + end, parts);
    sentenceStart = end;
  }
  pushTrimmed(text, block.start + sentenceStart, block.end, parts);
  return parts;
}

function isSentenceEnd(slice: string, terminatorIndex: number, end: number): boolean {
  const next = slice.slice(end).match(/^\s+(\S)/u)?.[1];
  if (next === undefined) return true;
  // Next sentence starts with a capital, digit or opening mark; a lower-case word continues this one.
  if (!/[\p{Lu}\p{N}"'“‘«([]/u.test(next)) return false;
  if (slice[terminatorIndex] !== '.') return true;
  const word = slice.slice(wordStart(slice, terminatorIndex), terminatorIndex);
  const lower = word.toLowerCase();
  if (ABBREVIATIONS.has(lower) || ABBREVIATIONS.has(lower.replace(/\.$/, ''))) return false;
  // Dotted abbreviations ("U.S.") and initials ("George W. Bush"), but not "posted on X. Then…".
  if (/^(\p{L}\.)+\p{L}$/u.test(word)) return false;
  if (/^\p{Lu}$/u.test(word)) {
    // "chairman J. Hugh Liedtke": an initial before a given or family name.
    const nextWord = slice.slice(end).match(/^\s+(\p{L}+)/u)?.[1];
    if (nextWord !== undefined && nameKindOf(nextWord) === 'person') return false;
    let previousEnd = terminatorIndex - 1;
    while (previousEnd > 0 && /\s/.test(slice[previousEnd - 1]!)) previousEnd -= 1;
    let start = previousEnd;
    while (start > 0 && !/\s/.test(slice[start - 1]!)) start -= 1;
    return previousEnd > start && !/^\p{Lu}/u.test(slice.slice(start, previousEnd));
  }
  return true;
}

/** Start of the run of letters and periods that ends at `end` (scanning back, so long blocks stay linear). */
function wordStart(slice: string, end: number): number {
  let start = end;
  while (start > 0 && /[\p{L}.]/u.test(slice[start - 1]!)) start -= 1;
  return start;
}

/** Past this many words a sentence reads as a long text, not one statement. */
export const LONG_SENTENCE_WORDS = 40;

/**
 * Joins a sentence that opens a quotation with the following ones until the quotation closes (at most 4 sentences): a
 * remark quoted whole ("“Absolutely horrible … One of the worst so far,” wrote Sybiha"). A quotation that runs longer
 * than a long sentence (an excerpt of an article, a paragraph in quotation marks) is left in its sentences.
 */
function mergeOpenQuotations(text: string, sentences: TextRange[]): TextRange[] {
  const merged: TextRange[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i]!;
    let last = i;
    while (last - i < 3 && last + 1 < sentences.length && quotationOpen(text.slice(first.start, sentences[last]!.end))) last += 1;
    if (last > i && wordCount(text.slice(first.start, sentences[last]!.end)) > LONG_SENTENCE_WORDS) last = i;
    merged.push({ start: first.start, end: sentences[last]!.end });
    i = last;
  }
  return merged;
}

function wordCount(written: string): number {
  return written.split(/\s+/u).filter((word) => word !== '').length;
}

/**
 * A sentence that is wholly a bracketed aside ("[from Heisenberg's Uncertainty Principle.]") joins the sentence after
 * it, which it introduces, or, closing its block, the sentence before it, which it remarks on ("Port to listen on.
 * (default: 8000)"): alone it says nothing a reader could quote. A sentence of its own in brackets closing a block
 * ("(Without a notice, the file is not free.)") stands alone.
 */
function joinAsides(text: string, sentences: TextRange[]): TextRange[] {
  const joined: TextRange[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    const next = sentences[i + 1];
    const previous = joined.at(-1);
    const written = text.slice(sentence.start, sentence.end);
    if (!isWholeAside(written)) joined.push(sentence);
    else if (next !== undefined) {
      joined.push({ start: sentence.start, end: next.end });
      i += 1;
    } else if (previous !== undefined && isRemarkWithoutSentence(written)) previous.end = sentence.end;
    else joined.push(sentence);
  }
  return joined;
}

const SENTENCE_IN_BRACKETS = /[.!?…]["'”’]?[)\]]$/u;

/** Wholly in brackets, with no sentence's ending inside: "(default: 8000)", not "(Without a notice, it is not free.)". */
function isRemarkWithoutSentence(written: string): boolean {
  return isWholeAside(written) && !SENTENCE_IN_BRACKETS.test(written);
}

function isWholeAside(sentence: string): boolean {
  const close = sentence.startsWith('[') ? ']' : sentence.startsWith('(') ? ')' : null;
  if (close === null || !sentence.endsWith(close)) return false;
  let depth = 0;
  for (let i = 0; i < sentence.length; i++) {
    if (sentence[i] === sentence[0]) depth += 1;
    else if (sentence[i] === close) depth -= 1;
    if (depth === 0 && i < sentence.length - 1) return false;
  }
  return true;
}

function quotationOpen(sentence: string): boolean {
  let curly = 0;
  let straight = 0;
  for (const char of sentence) {
    if (OPENING_QUOTES.includes(char) && char !== '‘') curly += 1;
    else if (CLOSING_QUOTES.includes(char) && char !== '’') curly -= 1;
    else if (char === '"') straight += 1;
  }
  return curly > 0 || straight % 2 === 1;
}

function pushTrimmed(text: string, start: number, end: number, into: TextRange[]): void {
  while (start < end && /\s/.test(text[start]!)) start += 1;
  while (end > start && /\s/.test(text[end - 1]!)) end -= 1;
  if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) into.push({ start, end });
}
