/** Article → passages: a few consecutive sentences each, with exact offsets into the article's text. */
import type { Article, Passage, TextRange } from './model.js';
import { isBareChangeNote } from './text/change-notes.js';
import { pastEnumerator, splitSentences } from './text/sentences.js';

export interface PassageOptions {
  /** A passage closes once it holds this many characters… */
  maxChars: number;
  /** …or this many sentences. */
  maxSentences: number;
}

export const DEFAULT_PASSAGE_OPTIONS: PassageOptions = { maxChars: 600, maxSentences: 4 };

/**
 * Cuts the article body into passages. A passage never spans removed boilerplate or a heading change,
 * so `text.slice(start, end)` is always clean article prose.
 */
export function toPassages(article: Article, firstId: number, options: PassageOptions = DEFAULT_PASSAGE_OPTIONS): Passage[] {
  const passages: Passage[] = [];
  let open: { sentences: TextRange[]; heading: string; code: boolean } | null = null;

  const close = (): void => {
    if (open === null || open.sentences.length === 0) return;
    const start = open.sentences[0]!.start;
    const end = open.sentences[open.sentences.length - 1]!.end;
    passages.push({
      id: firstId + passages.length,
      sourceId: article.source.id,
      start,
      end,
      text: article.text.slice(start, end),
      sentences: open.sentences,
      heading: open.heading,
      ...(open.code ? { code: true as const } : {}),
    });
    open = null;
  };

  const termsBefore = termStartsBefore(article);
  const headingsBefore = headingStartsBefore(article);
  const headingNameOf = headingNames(article);
  const innermostAt = innermostHeadings(article);
  for (const block of joinAdjacent(article.text, article.body, article.code ?? [])) {
    close();
    for (const split of splitSentences(article.text, block)) {
      const sentence = withHeadingOfChangeNote(article.text, withTermsBefore(split, termsBefore), headingsBefore);
      const innermost = innermostAt(split.start);
      const heading = innermost === undefined ? '' : headingNameOf.get(innermost)!;
      if (open !== null) {
        const length = sentence.end - open.sentences[0]!.start;
        if (open.heading !== heading || open.sentences.length >= options.maxSentences || length > options.maxChars) close();
      }
      open ??= { sentences: [], heading, code: block.code };
      open.sentences.push(sentence);
    }
  }
  close();
  return passages;
}

/**
 * Where the words of each defined term start (a `<dt>`), by where the first text after them
 * starts: the definition's first sentence is quoted with the term it defines ("octopus To merge more than two
 * branches."), as the page shows them.
 */
function termStartsBefore(article: Article): Map<number, number> {
  const starts = new Map<number, number>();
  for (const heading of article.headings) {
    if (heading.term === undefined) continue;
    let next = heading.term.end;
    while (next < article.text.length && /\s/u.test(article.text.charAt(next))) next++;
    // A numbered item's first sentence starts at its number, or past it when the number ends no sentence of its own.
    starts.set(next, heading.term.start);
    starts.set(pastEnumerator(article.text, next), heading.term.start);
  }
  return starts;
}

/** Where each heading's words start, by where the first text after them starts, for headings the page shows next to that text. */
function headingStartsBefore(article: Article): Map<number, number> {
  const starts = new Map<number, number>();
  for (const { title, range, leftOutAfter } of article.headings) {
    // A quote joins them only when the page shows nothing else between them.
    if (leftOutAfter) continue;
    // The words may follow the heading's markup on its line ("## Configuration").
    const lineEnd = article.text.indexOf('\n', range.start);
    const offset = title === '' ? -1 : article.text.slice(range.start, lineEnd === -1 ? undefined : lineEnd).indexOf(title);
    if (offset === -1) continue;
    const at = range.start + offset;
    let next = at + title.length;
    while (next < article.text.length && /\s/u.test(article.text.charAt(next))) next++;
    starts.set(next, at);
  }
  return starts;
}

/**
 * A change note that opens a section and says nothing but its version ("New in version 3.14.") dates the section's
 * subject: it is quoted with the heading that names it ("FetchContent_MakeAvailable New in version 3.14."), as the
 * page shows them.
 */
function withHeadingOfChangeNote(text: string, sentence: TextRange, headingsBefore: ReadonlyMap<number, number>): TextRange {
  const heading = headingsBefore.get(sentence.start);
  if (heading === undefined || !isBareChangeNote(text.slice(sentence.start, sentence.end))) return sentence;
  return { start: heading, end: sentence.end };
}

/** A sentence that starts right after a defined term, or after several in a row ("-m", "--move"), begins with them. */
function withTermsBefore(sentence: TextRange, termsBefore: ReadonlyMap<number, number>): TextRange {
  let start = sentence.start;
  for (let term = termsBefore.get(start); term !== undefined; term = termsBefore.get(start)) start = term;
  return start === sentence.start ? sentence : { start, end: sentence.end };
}

/** Body ranges separated only by white space are one stretch, of prose or of code: a code block is never joined to prose. */
function joinAdjacent(text: string, ranges: TextRange[], code: readonly TextRange[]): (TextRange & { code: boolean })[] {
  const joined: (TextRange & { code: boolean })[] = [];
  let next = 0;
  for (const range of ranges) {
    // Both lists are in text order: skip the code blocks that end before this range.
    while (next < code.length && code[next]!.end <= range.start) next++;
    const isCode = next < code.length && code[next]!.start < range.end;
    const last = joined[joined.length - 1];
    if (last !== undefined && last.code === isCode && text.slice(last.end, range.start).trim() === '') last.end = range.end;
    else joined.push({ ...range, code: isCode });
  }
  return joined;
}

type Heading = Article['headings'][number];

/**
 * The innermost heading over each offset, asked in increasing order: the heading over it that starts last (the first
 * of the article's headings among those that start there). One pass over the headings for all of a page's sentences,
 * where a scan of every heading per sentence took a dictionary of 12,000 headwords most of a minute.
 */
function innermostHeadings(article: Article): (offset: number) => Heading | undefined {
  const order = new Map(article.headings.map((heading, index) => [heading, index]));
  const byStart = [...article.headings].sort((one, other) => one.range.start - other.range.start || order.get(other)! - order.get(one)!);
  let next = 0;
  let open: Heading[] = [];
  let last = -Infinity;
  return (offset) => {
    if (offset < last) {
      next = 0;
      open = [];
    }
    last = offset;
    while (next < byStart.length && byStart[next]!.range.start <= offset) open.push(byStart[next++]!);
    while (open.length > 0 && open.at(-1)!.range.end <= offset) open.pop();
    return open.at(-1);
  };
}

/**
 * Each heading's name in passages. A title the page gives several sections ("Default" under each setting, "Example"
 * under each command) says which only with its parent's: "TIMEOUT › Default"; and when that pair repeats too (every
 * manual page of a book of them has "Options › -p port"), with as many more ancestors as make it one:
 * "rndc-confgen › Options › -p port". One pass over the headings in order, sections holding their subsections.
 */
function headingNames(article: Article): Map<Heading, string> {
  const chains = new Map<Heading, string[]>();
  const seen = new Set<string>();
  const repeated = new Set<string>();
  let open: Heading[] = [];
  const inOrder = [...article.headings].sort((one, other) => one.range.start - other.range.start || other.range.end - one.range.end);
  for (const heading of inOrder) {
    open = [...open.filter((outer) => heading.range.start < outer.range.end), heading];
    // The heading's title and its ancestors', innermost first.
    const chain = open.map((each) => each.title).reverse();
    chains.set(heading, chain);
    for (let depth = 1; depth <= chain.length; depth++) {
      const key = pathKey(chain, depth);
      if (seen.has(key)) repeated.add(key);
      seen.add(key);
    }
  }
  const names = new Map<Heading, string>();
  for (const [heading, chain] of chains) {
    let named = 1;
    while (named < chain.length && repeated.has(pathKey(chain, named))) named++;
    names.set(heading, chain.slice(0, named).reverse().join(' › '));
  }
  return names;
}

function pathKey(titles: readonly string[], depth: number): string {
  return titles.slice(0, depth).join('\u0000');
}
