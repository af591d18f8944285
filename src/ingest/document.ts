/** The intermediate form every format reader produces, before boilerplate removal and metadata guessing. */
import type { Removal, TextRange } from '../model.js';

/**
 * What a block is, structurally. `text` is running prose (a line of a `.txt`, a paragraph of Markdown or
 * HTML), `item` a list item or table cell, `code` a preformatted block, `heading` a section heading.
 */
export type BlockKind = 'text' | 'item' | 'code' | 'heading';

/** Below h6: a definition list's term (a `<dt>`) governs only up to the next term or heading. */
export const DEFINITION_TERM_LEVEL = 7;

/** A term heading, whether or not it is quoted with its description (a `<dt>` with a permalink between them). */
export function isTermHeading(block: Block): boolean {
  return block.kind === 'heading' && block.level === DEFINITION_TERM_LEVEL;
}

/** A trimmed, non-empty stretch of `text`. Blocks are ordered and do not overlap. */
export interface Block {
  start: number;
  end: number;
  kind: BlockKind;
  /** Heading level 1–6, for `heading` blocks. */
  level?: number;
  /** The heading's own words without markup (`#`, `¶`), for `heading` blocks. */
  title?: string;
  /** A heading that is a term the text after it defines (a `<dt>`), not a section title. */
  term?: true;
  /** Visible text the reader left out (a heading's permalink `¶`) stands between this heading and the text after it. */
  leftOutAfter?: true;
  /** Where the text a term defines ends, when the format marks it (a plain-text description's indentation). */
  governsUntil?: number;
}

/** Metadata a file states explicitly (front matter, HTML `<meta>`), as opposed to what is guessed. */
export interface StatedMetadata {
  title?: string;
  published?: string;
  outlet?: string;
  url?: string;
}

export type SourceFormat = 'text' | 'markdown' | 'html';

/** How much structure a format keeps: the same page in two formats is indexed in the more structured one. */
export const FORMAT_STRUCTURE: Record<SourceFormat, number> = { html: 3, markdown: 2, text: 1 };

/** One file read by its format reader. */
export interface SourceDocument {
  format: SourceFormat;
  text: string;
  blocks: Block[];
  /** Stretches the reader already set aside (front matter). */
  removed: Removal[];
  stated: StatedMetadata;
  warnings: string[];
  /** Share of the page's visible letters that are link text (HTML only): near 1 for an index or a site map. */
  linkedShare?: number;
}

const WHITESPACE = /\s/u;

/** `range` shrunk until it starts and ends on non-white-space, or null when nothing is left. */
export function trimRange(text: string, start: number, end: number): TextRange | null {
  let s = start;
  let e = end;
  while (s < e && WHITESPACE.test(text.charAt(s))) s++;
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--;
  return s < e ? { start: s, end: e } : null;
}

/**
 * `next` is a wrapped line of the paragraph `previous` is in: only one line break between them, and it starts in lower
 * case ("… a human or a computer program,⏎typically by asking …").
 */
export function continuesLine(text: string, previous: TextRange, next: TextRange): boolean {
  return /^\p{Ll}/u.test(text.slice(next.start, next.end)) && /^[ \t]*(?:\r\n|\n|\r)[ \t]*$/u.test(text.slice(previous.end, next.start));
}

/** The trimmed, non-blank lines of `text[start, end)` as ranges (line breaks: `\n`, `\r\n`, `\r`). */
export function lineRanges(text: string, start = 0, end = text.length): TextRange[] {
  const lines: TextRange[] = [];
  let lineStart = start;
  for (let i = start; i <= end; i++) {
    const c = i < end ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      const range = trimRange(text, lineStart, i);
      if (range) lines.push(range);
      if (c === 13 && i + 1 < end && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
    }
  }
  return lines;
}
