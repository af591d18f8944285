/** Plain data shared by every layer. No I/O, no library types. */

/** Where a quote comes from, as the answer contract names it. */
export interface SourceRef {
  /** Path under the seeds folder without its extension, with `/` separators: `guide/install`. */
  id: string;
  title: string | null;
  /** Path as the user gave it, e.g. `seeds/guide/install.md`. */
  path: string;
  /** ISO date `YYYY-MM-DD`, or null when unknown. Never invented. */
  published: string | null;
  outlet: string | null;
  url: string | null;
}

/** Half-open character range `[start, end)` into an article's `text`. */
export interface TextRange {
  start: number;
  end: number;
}

/** Why a stretch of a file was not indexed, for the indexer's report and the tests. */
export interface Removal {
  range: TextRange;
  reason: string;
}

/** One readable source file after ingestion. */
export interface Article {
  source: SourceRef;
  /**
   * The text quotes are cut from. For `.txt` and `.md` it is the file's own text (after front matter is
   * recognised, offsets still count from the start of the file); for `.html` it is the page's extracted text.
   */
  text: string;
  /** The article body: ordered, non-overlapping ranges of `text` left after boilerplate removal. */
  body: TextRange[];
  /**
   * Section headings (documentation pages), with the range of `text` each one governs. `term`: where the words of a
   * heading that is a defined term are (a `<dt>`), so its definition can be quoted with it. `leftOutAfter`: the page
   * shows something between the heading and its text that `text` leaves out (a permalink's `¶`), so no quote joins them.
   */
  headings: { title: string; range: TextRange; term?: TextRange; leftOutAfter?: true }[];
  /** Code blocks (`<pre>`, fenced or indented Markdown code), when the format marks them: examples, not prose. */
  code?: TextRange[];
  removed: Removal[];
  /** sha256 of the file's bytes, hex. */
  sha256: string;
}

/** A file the indexer could not use; indexing goes on without it. */
export interface SkippedFile {
  path: string;
  reason: string;
  /** Hash of the bytes when the file could be read, so an unchanged skipped file does not make the index stale. */
  sha256?: string;
}

/**
 * A file's size and last modification time (nanoseconds since the epoch, in decimal: more than a double holds), taken
 * when it was last hashed: while both stay the same, the file is taken to hold the same bytes without reading it.
 */
export interface FileStamp {
  size: number;
  mtimeNs: string;
}

/** A few consecutive sentences of one article; the unit of retrieval. */
export interface Passage {
  /** Dense, 0-based, unique within one index. */
  id: number;
  sourceId: string;
  /** Range of the article's `text`. `text === article.text.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  /** Sentence ranges, absolute offsets into the article's `text`. */
  sentences: TextRange[];
  /** Nearest section heading, for documentation pages; empty for news. */
  heading: string;
  /** Cut from a code block: an example or its output, not prose. */
  code?: true;
}

export interface Quote {
  /** Verbatim slice of the source's text. */
  text: string;
  source: SourceRef;
  /** Other sources that state the same thing in (nearly) the same words. */
  alsoIn: SourceRef[];
  /** How many independent sources state it (copies of one story count once). */
  corroboration: number;
  /** Ids of every source that states it: the quote's own, its near-copies, and sources giving the same short answer. */
  supportedBy: string[];
  /** Offsets of `text` in the source's text. */
  start: number;
  end: number;
  /**
   * The heading the quote stands under ("keyseq-timeout", "Redirection"), for a reader to see what it speaks of; null
   * when the source has no headings or the quote opens with its heading's words.
   */
  section: string | null;
}

export interface ConflictValue {
  value: string;
  /** Source ids stating this value. */
  sources: string[];
  /** The same sources, described, in the same order. */
  refs: SourceRef[];
  /** One verbatim sentence stating it, for display. */
  quote: { text: string; sourceId: string };
}

/** Sources that give different values for the same figure. */
export interface Conflict {
  about: string;
  values: ConflictValue[];
}

export type AnswerStatus = 'answered' | 'no_answer';

/** The answer contract of `../shared/eval/README.md`, plus display extras. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  /** Short answer (a number, a name, a date, a place) when one can be extracted. */
  answer: string | null;
  /** Best first, 1–3 when answered, empty otherwise. */
  quotes: Quote[];
  conflicts: Conflict[];
  /** When status is `no_answer`: the closest passages, shown as related reading, never as an answer. */
  related: Quote[];
  /** How many sources are indexed, for "reported by 4 of 5 sources". */
  sourceCount: number;
  /** The question as it was read when a misspelt word was corrected ("how many people were killed?"), else null. */
  didYouMean: string | null;
}

/** What `/sources` and `npm run sources` list. */
export interface SourceSummary {
  source: SourceRef;
  passages: number;
}
