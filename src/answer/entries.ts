/**
 * Entries: a section whose heading names a thing, or a page whose title does ("VACUUM", "os.path — Common pathname
 * manipulations"). A definition question is answered by the opening of the entry for its subject, which need not
 * repeat the subject's words often enough to be retrieved by them.
 */
import type { Corpus } from '../search/corpus.js';
import { passageHeadingsOf } from '../search/envelope.js';
import { contentSet } from './duplicates.js';
import { tokenize } from '../text/terms.js';
import type { SentenceView } from './sentence.js';

/** A section number before a heading's words: "7.13. ", "1.6.2. ", "3.1.3 ", "4. " (not a year: "2018 World Cup"). */
const SECTION_NUMBER = /^\d+(?:\.\d+)+\.?\s+|^\d+\.\s+/u;

/** A heading or title without its section number: "7.13. The nonlocal statement" is about "The nonlocal statement". */
export function withoutSectionNumber(heading: string): string {
  return heading.replace(SECTION_NUMBER, '');
}

/** A passage's own heading, the last of its path ("Options › --fresh" → "--fresh"). */
export function ownHeading(heading: string): string {
  return heading.split(' › ').at(-1) ?? '';
}

/**
 * What a heading or title names, without its section number, its permalink mark, a signature's parameters (the
 * brackets that end it: "os.path.join(path, *paths)"), a synopsis's placeholders ("timeout client <timeout>", "\param
 * '['dir']' <parameter-name> { parameter description }"), a manual section ("postscreen(8)") or a description after a
 * dash, bar or colon ("os.path — Common pathname manipulations", "File system | Node.js"). Words after a bracket are
 * the heading's own: "postscreen(8) TLS configuration" names postscreen's TLS configuration, not postscreen.
 */
export function headingKey(heading: string): string {
  return heading
    .replace(/[#¶§\s]+$/u, '')
    .replace(/^[\d.]+\s+/u, '')
    .replace(/(?<=[\p{L}\p{N}_])\(\d\p{L}*\)/gu, '')
    .replace(SYNOPSIS_ARGUMENTS, '')
    .replace(/(?:\s*\((?:[^()]|\([^()]*\))*\))+\s*$/su, '')
    .replace(/(?<=\S)\s+[—–|-]\s.*$|(?<=\S):\s.*$/su, '')
    .trim();
}

/**
 * The placeholders a synopsis ends with, each in angle brackets or braces, or in square brackets written as such
 * ("'['dir']'"). Square brackets alone stay: "zprof [ -c ]" names the command with its option.
 */
const SYNOPSIS_ARGUMENTS = /(?<=\S)(?:\s+(?:<[^<>]*>|'\['[^[\]]*'\]'|\{[^{}]*\}))+\s*$/su;

/** How many opening passages of an entry page are looked at. */
const OPENING_PASSAGES = 4;
/** At most this many pages are taken as the subject's entry (the subject's words may title several). */
const MAX_ENTRY_PAGES = 5;

interface TitleIndex {
  /** Term of a title's key → indexes (into `corpus.sources`) of the sources whose title key holds it. */
  byTerm: Map<string, number[]>;
  keys: ReadonlySet<string>[];
  /** The first term of each source's title key ('' for none): "apcupsd" of "APCUPSD User Manual". */
  leading: string[];
  /** Index of each source's first passage (−1 when it has none). */
  firstPassage: number[];
}

const titleIndexes = new WeakMap<Corpus, TitleIndex>();

function titleIndexOf(corpus: Corpus): TitleIndex {
  let index = titleIndexes.get(corpus);
  if (index !== undefined) return index;
  const byTerm = new Map<string, number[]>();
  const leading: string[] = [];
  const keys = corpus.sources.map((indexed, sourceIndex) => {
    const tokens = tokenize(headingKey(indexed.source.title ?? ''));
    leading.push(tokens.find((token) => token.term !== '')?.term ?? '');
    const key = contentSet(tokens);
    for (const term of key) {
      let list = byTerm.get(term);
      if (list === undefined) byTerm.set(term, (list = []));
      list.push(sourceIndex);
    }
    return key;
  });
  const position = new Map(corpus.sources.map((indexed, sourceIndex) => [indexed.source.id, sourceIndex]));
  const firstPassage = corpus.sources.map(() => -1);
  const columns = passageHeadingsOf(corpus);
  if (columns !== undefined) {
    // A loaded index: read from its columns, no passage made (the source's place by its id, as below).
    const placeOf = corpus.sources.map((indexed) => position.get(indexed.source.id)!);
    columns.sources.forEach((source, id) => {
      const sourceIndex = placeOf[source]!;
      if (firstPassage[sourceIndex] === -1) firstPassage[sourceIndex] = id;
    });
  } else {
    for (const passage of corpus.passages) {
      const sourceIndex = position.get(passage.sourceId);
      if (sourceIndex !== undefined && firstPassage[sourceIndex] === -1) firstPassage[sourceIndex] = passage.id;
    }
  }
  index = { byTerm, keys, leading, firstPassage };
  titleIndexes.set(corpus, index);
  return index;
}

/** Some page's title names the term ("daemon" of "git-daemon(1)"): the corpus has a page of its own for it. */
export function titlesTerm(corpus: Corpus, term: string): boolean {
  return titleIndexOf(corpus).byTerm.has(term);
}

/**
 * Ids of the opening passages of the pages whose title names the subject and nothing else (every term of the title's
 * key is one of the subject's forms), or, for a subject of one word, opens with it ("APCUPSD User Manual" for
 * "apcupsd"): a manual's opening says what its subject is. `subject` holds one list of forms per subject term.
 */
export function entryPageOpenings(corpus: Corpus, subject: readonly (readonly string[])[]): number[] {
  const index = titleIndexOf(corpus);
  const forms = new Set(subject.flat());
  const pages = new Set<number>();
  for (const form of forms) for (const sourceIndex of index.byTerm.get(form) ?? []) pages.add(sourceIndex);
  const ids: number[] = [];
  let taken = 0;
  for (const sourceIndex of pages) {
    if (taken >= MAX_ENTRY_PAGES) break;
    if (!namesOnly(index.keys[sourceIndex]!, forms) && !(subject.length === 1 && forms.has(index.leading[sourceIndex]!))) continue;
    const first = index.firstPassage[sourceIndex]!;
    if (first < 0) continue;
    taken += 1;
    for (let id = first; id < first + OPENING_PASSAGES && corpus.passages[id]?.sourceId === corpus.sources[sourceIndex]!.source.id; id++) ids.push(id);
  }
  return ids;
}

/** Every term of a heading's or title's key is one of the subject's forms: it names the subject and nothing else. */
export function namesOnly(key: ReadonlySet<string>, subjectForms: ReadonlySet<string>): boolean {
  for (const term of key) if (!subjectForms.has(term)) return false;
  return true;
}

/**
 * "zprof See The zsh/zprof Module.", "See {bit rot}.", "MRO See method resolution order.": a sentence that only sends
 * the reader to another entry (after the entry's own term, if the sentence starts with it). The entry's name, or null.
 */
export function crossReferenceTarget(sentence: string): string | null {
  const match = CROSS_REFERENCE.exec(sentence.trim());
  if (match === null) return null;
  const target = match[1]!;
  const braced = /^\{([^}]+)\}/u.exec(target);
  const name = (braced?.[1] ?? target).replace(/^["“‘']|["”’']$/gu, '').trim();
  return name === '' ? null : name;
}

/**
 * An optional term (no more than three words), "See" or "See also" with its capital (a reference, not "you should see
 * …"), and the name referred to, to the sentence's end.
 */
const CROSS_REFERENCE = /^(?:\S+(?:\s+\S+){0,2}\s+)?See(?:\s+also)?\s+(\{[^}]+\}|[^.;{}]{1,80}?)\s*[.;]?$/u;

/**
 * "To use this tool, you must specify --tool=massif …", "If you need more, you can …", "One must …":
 * a sentence that tells the reader what to do (its subject is the reader, after an optional leading clause) opens no
 * definition, whatever its place in the entry.
 */
export function addressesReader(sentence: string): boolean {
  return READER_AS_SUBJECT.test(sentence.trimStart());
}

const READER_AS_SUBJECT =
  /^(?:(?:to|if|when|whenever|once|before|after|unless|for|in)\b[^.;:!?]{0,160}?,\s*)?(?:you\b|one\s+(?:must|should|needs?|has\s+to|can|may|will|could|might|would)\b)/iu;

const sectionStarts = new WeakMap<Corpus, Map<string, number>>();
const sectionTermKeys = new WeakMap<Corpus, Set<string>>();

/** Some section is headed by these words, each read as one of its forms (terms), and nothing else. */
export function headsSection(corpus: Corpus, words: readonly (readonly string[])[]): boolean {
  let termKeys = sectionTermKeys.get(corpus);
  if (termKeys === undefined) {
    termKeys = new Set();
    // A heading may give several names of one entry ("thrash, thrashing", "-p, --port"); each heads it.
    for (const key of sectionStartsOf(corpus).keys()) for (const name of /[()[\]]/u.test(key) ? [key] : [key, ...key.split(/,\s+/u)]) termKeys.add(termKey(name));
    sectionTermKeys.set(corpus, termKeys);
  }
  let keys = [''];
  for (const forms of words) keys = keys.flatMap((key) => forms.map((form) => (key === '' ? form : `${key} ${form}`)));
  return keys.some((key) => termKeys.has(key));
}

function termKey(name: string): string {
  return tokenize(name)
    .flatMap((token) => (token.term === '' ? [] : [token.term]))
    .join(' ');
}

/** The first passage of the section (or page) headed `name`, matched without case, section number or a leading "The". */
export function sectionTitled(corpus: Corpus, name: string): number | undefined {
  return sectionStartsOf(corpus).get(sectionKey(name));
}

/** Each section's key (`sectionKey`) → its first passage, read once per corpus. */
function sectionStartsOf(corpus: Corpus): Map<string, number> {
  let starts = sectionStarts.get(corpus);
  if (starts === undefined) {
    starts = new Map();
    const found = starts;
    /** A section starts where a heading is met that the passage before (of the same source) does not have. */
    const sectionAt = (id: number, sourceId: string, heading: string, previousSourceId: string | undefined, previousHeading: string): void => {
      if (heading !== '' && (previousSourceId !== sourceId || previousHeading !== heading)) {
        const key = sectionKey(headingKey(heading));
        if (!found.has(key)) found.set(key, id);
      }
    };
    const columns = passageHeadingsOf(corpus);
    if (columns !== undefined) {
      // A loaded index: read from its columns, no passage made.
      const { sources, headings, names } = columns;
      const sourceIds = corpus.sources.map((indexed) => indexed.source.id);
      for (let id = 0; id < sources.length; id++) {
        const previousSourceId = id === 0 ? undefined : sourceIds[sources[id - 1]!]!;
        sectionAt(id, sourceIds[sources[id]!]!, names[headings[id]!]!, previousSourceId, id === 0 ? '' : names[headings[id - 1]!]!);
      }
    } else {
      let previous: { sourceId: string; heading: string } | undefined;
      for (const passage of corpus.passages) {
        sectionAt(passage.id, passage.sourceId, passage.heading, previous?.sourceId, previous?.heading ?? '');
        previous = passage;
      }
    }
    sectionStarts.set(corpus, starts);
  }
  return starts;
}

function sectionKey(name: string): string {
  return name.toLowerCase().replace(/\s+/gu, ' ').replace(/^the /u, '').trim();
}

/** Words that name the term a sentence defines: "also known as a changeset", "a process called a daemon". */
const TERM_INTRODUCERS: readonly (readonly string[])[] = [['known', 'as'], ['referred', 'to', 'as'], ['called'], ['termed'], ['dubbed']];
const ARTICLES = new Set(['a', 'an', 'the']);
const OPENING_QUOTES = new Set(["'", '‘', '"', '“']);
const CLOSING_QUOTES = new Set(["'", '’', '"', '”']);
/** "we call …" names; "it is called at start-up" does not. */
const CALL = /^call$/iu;
const NAMERS = /^(?:we|they|you|i|people)$/iu;
const COPULAS = new Set(['is', 'are', 'means', 'refers']);
const BE = new Set(['is', 'are']);
/** Punctuation that glues a word into a longer name: a dot, a slash, an underscore or a hyphen, then more of it. */
const GLUE = /^[./_-][\p{L}\p{N}<]/u;
/** The same glue before a word: only the last three characters are read (a letter may be two UTF-16 units). */
const GLUE_BEFORE = /[\p{L}\p{N}>][./_=-]$/u;
/** Words that open the noun phrase a definition says its subject is. */
const DETERMINERS = new Set(['a', 'an', 'the', 'one']);
/** "of a column", "of the server process": the words an "of" phrase may take before the verb. */
const MAX_OF_PHRASE = 4;

/**
 * Whether a sentence introduces the subject a definition question asks about, as a text names a term where it
 * defines it: in quotation marks ("Three related files (a “triplet”) …"), right after words that name a term ("the
 * smallest batch of changes that belong together, also known as a changeset"), as the name that closes a sentence
 * in which someone calls something so ("we call the directory it was found in the invocation directory"), or as the
 * subject that opens a sentence saying what it is ("The type affinity of a column is the recommended type …"). With
 * `quotedCounts` false, quotation marks alone do not: past the opening of the term's own entry they mark talk about the word.
 */
export function introducesTopic(view: SentenceView, topic: readonly number[], quotedCounts = true): boolean {
  if (topic.length === 0) return false;
  const hits = topic.map((termIndex) => view.hits[termIndex] ?? []);
  if (hits.some((positions) => positions.length === 0)) return false;
  const inTopic = new Set(hits.flat());
  const { tokens, text } = view;
  const offset = view.range.start;
  for (const start of inTopic) {
    if (inTopic.has(start - 1)) continue;
    let end = start;
    while (inTopic.has(end + 1)) end += 1;
    if (!hits.every((positions) => positions.some((at) => at >= start && at <= end))) continue;
    const before = text[tokens[start]!.start - offset - 1];
    const after = text[tokens[end]!.end - offset];
    // A part of a longer name ("massif.out.<pid>", "--tool=helgrind") is not the subject named.
    if (GLUE.test(text.slice(tokens[end]!.end - offset, tokens[end]!.end - offset + 2)) || GLUE_BEFORE.test(text.slice(Math.max(0, tokens[start]!.start - offset - 3), tokens[start]!.start - offset))) continue;
    if (quotedCounts && before !== undefined && after !== undefined && OPENING_QUOTES.has(before) && CLOSING_QUOTES.has(after)) return true;
    const lead = start - 1 >= 0 && ARTICLES.has(tokens[start - 1]!.raw.toLowerCase()) ? start - 2 : start - 1;
    if (TERM_INTRODUCERS.some((words) => words.every((word, index) => tokens[lead - words.length + 1 + index]?.raw.toLowerCase() === word))) return true;
    if (lead < 0 && opensCopula(view, end + 1)) return true;
    if (end === tokens.length - 1 && tokens.slice(1, lead).some((token, index) => CALL.test(token.raw) && NAMERS.test(tokens[index]!.raw))) return true;
  }
  return false;
}

/** "is …" or "of a column is …" from token `at` on: the subject that opens the sentence is said to be something. */
function opensCopula(view: SentenceView, at: number): boolean {
  const { tokens } = view;
  const word = (index: number): string => tokens[index]?.raw.toLowerCase() ?? '';
  // "is" says what the subject is when a noun phrase follows ("is a heap profiler"), not a state ("is aware of …").
  const says = (index: number): boolean => COPULAS.has(word(index)) && (!BE.has(word(index)) || DETERMINERS.has(word(index + 1)));
  if (says(at)) return true;
  if (word(at) !== 'of') return false;
  for (let index = at + 1; index <= at + MAX_OF_PHRASE && index < tokens.length; index++) {
    if (/[,;:()]/u.test(view.text.slice(tokens[index - 1]!.end - view.range.start, tokens[index]!.start - view.range.start))) return false;
    if (says(index)) return true;
  }
  return false;
}
