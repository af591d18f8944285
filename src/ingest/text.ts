/**
 * Plain-text reader: every non-blank line is a block; front matter is set aside. Four line shapes that mark where an
 * entry or section starts become headings, so passages begin there and carry what they are about: a glossary headword
 * (`:hacker:`, the Jargon File's form), a printed dictionary's ("ABASEMENT, n."), an underlined heading (a line over
 * `====`, `----` or another reStructuredText adornment) and a definition list's term (a short line over the more
 * indented lines that describe it: reStructuredText's "``port``" over "    Port to listen on.", a manual's "-v,
 * --verbose" over its description, a dictionary's headword over its entry). A line in capitals heads a section when it
 * stands alone, or over the indented paragraphs of a manual page ("DESCRIPTION"). A long run of short label lines (a
 * table of contents, an index of entries) is set aside: it is not prose.
 */
import type { TextRange } from '../model.js';
import type { Block, SourceDocument } from './document.js';
import { continuesLine, DEFINITION_TERM_LEVEL, lineRanges, trimRange } from './document.js';
import { readFrontMatter } from './frontmatter.js';
import { withoutInlineMarkup } from '../text/inline-markup.js';

/** A headword between colons (":bit rot:"); one with a tab inside is a command and its description (Vim's ":cd[!]⇥⇥Print the …:"). */
const GLOSSARY_HEADWORD = /^:([^:\s][^:\t]{0,79}):(?=\s|$)/u;
/**
 * A printed dictionary's headword in capitals and its part of speech, opening the entry's first line ("ABASEMENT, n.  A
 * decent and customary …", "ACCUSE, v.t. To affirm …"; the lexicographers' abbreviations, not "e.g."): the part of
 * speech's period ends no sentence.
 */
const DICTIONARY_HEADWORD = /^(\p{Lu}[\p{Lu}\p{N}'’ -]*\p{Lu}),\s+(?:(?:n|v|vb|adj|adv|pron|prep|conj|interj|pl|pp|p|t|i|tr|intr)\.\s?){1,3}(?=\s|$)/u;
/** A line of one of reStructuredText's adornment characters; `=` underlines the top level, `-` the next, others those below. */
const UNDERLINE = /^([=\-~^"'`:.*+#_<>])\1*$/u;
/** A term is a name or a short phrase ("``ui.timeout``", "-p, --port PORT"), not a line of prose. */
const MAX_TERM_LENGTH = 80;
/** Names of one term, one a line, each of a few words. */
const MAX_TERM_LINES = 4;
const MAX_NAME_WORDS = 4;
/** A line that ends a sentence or a clause, or labels what follows ("Parameters:"), or opens a list item, names no term. */
const NOT_A_TERM = /[.!?,;:]$|[.!?]\s|^(?:[-*+•]|\d{1,3}[.)]|\p{L}[.)])\s/u;
/** An underlined heading is indented three columns at most. */
const MAX_HEADING_INDENT = 3;
/** A table of contents: at least this many label lines in a row. */
const MIN_LABEL_RUN = 8;
const MAX_LABEL_LENGTH = 60;

export function readPlainText(text: string): SourceDocument {
  const front = readFrontMatter(text);
  const start = front?.range.end ?? 0;
  const lines = lineRanges(text, start);
  const blocks: Block[] = [];
  const rules: TextRange[] = [];
  const anchors: TextRange[] = [];
  let textSeen = false;
  const capitals = lines.map((_, index) => capitalsLine(text, lines, index));
  const sectionsInCapitals = headsSectionsInCapitals(text, lines, capitals);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = text.slice(line.start, line.end);
    // A rule across the page ("=====…") parts sections: the line after it is the next section's heading.
    if (SECTION_RULE.test(content)) {
      rules.push(line);
      const heading = lines[i + 1] === undefined ? null : helpHeading(text, lines[i + 1]!, 1);
      if (heading !== null) {
        blocks.push(heading);
        i++;
      }
      continue;
    }
    const anchored = anchoredBlock(text, lines, i);
    if (anchored === 'anchor') {
      anchors.push(line);
      continue;
    }
    if (anchored !== null) {
      blocks.push(anchored);
      continue;
    }
    const header = tableHeader(text, lines, i);
    if (header !== null) {
      blocks.push(header);
      rules.push(lines[i + 1]!);
      i++;
      continue;
    }
    const hanging = hangingTerm(text, lines, i) ?? termBeforeSpacedColon(text, lines, i);
    if (hanging !== null) {
      blocks.push(...hanging);
      continue;
    }
    const headword = GLOSSARY_HEADWORD.exec(content);
    if (headword) {
      // A headword line that ends its paragraph is the entry's label (":bogon: /boh'gon/, n."); one whose paragraph
      // goes on starts the entry itself after the marker (":frob: v. To manipulate or adjust, to tweak. One …").
      const rest = endsParagraph(text, line, lines[i + 1]) ? null : trimRange(text, line.start + headword[0].length, line.end);
      blocks.push({ start: line.start, end: rest ? line.start + headword[0].length : line.end, kind: 'heading', level: 2, title: headword[1]!.trim() });
      if (rest) blocks.push({ ...rest, kind: 'text' });
      continue;
    }
    const entry = DICTIONARY_HEADWORD.exec(content);
    if (entry && (i === 0 || endsParagraph(text, lines[i - 1]!, line))) {
      const rest = trimRange(text, line.start + entry[0].length, line.end);
      blocks.push({ start: line.start, end: line.start + entry[0].trimEnd().length, kind: 'heading', level: DEFINITION_TERM_LEVEL, title: entry[1]!, term: true, governsUntil: paragraphEnd(text, lines, i) });
      if (rest) blocks.push({ ...rest, kind: 'text' });
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && isUnderline(text, line.start, line.end, next.start, next.end)) {
      const marker = text.charAt(next.start);
      blocks.push({ start: line.start, end: next.end, kind: 'heading', level: marker === '=' ? 1 : marker === '-' ? 2 : 3, title: titleOf(content) });
      i++;
      continue;
    }
    // Before any text, a line in capitals is the document's headline, which the boilerplate pass reads as such.
    textSeen ||= blocks.some((block) => block.kind === 'text');
    const capitalsHeading = textSeen && (capitals[i] === 'alone' || (capitals[i] === 'over indented text' && sectionsInCapitals));
    // A section's heading directly over its text is no term; alone in its paragraph, over an entry indented after a blank
    // line, a line in capitals is a dictionary's headword ("ASCII⏎⏎   <character> …").
    const lastTermLine = capitalsHeading && !endsParagraph(text, line, lines[i + 1]) ? -1 : definitionTermEnd(text, lines, i);
    if (lastTermLine !== -1) {
      const title = lines.slice(i, lastTermLine + 1).map((termLine) => titleOf(text.slice(termLine.start, termLine.end))).join(', ');
      blocks.push({ start: line.start, end: lines[lastTermLine]!.end, kind: 'heading', level: DEFINITION_TERM_LEVEL, title, term: true, governsUntil: descriptionEnd(text, lines, lastTermLine) });
      i = lastTermLine;
      continue;
    }
    if (capitalsHeading) {
      blocks.push({ ...line, kind: 'heading', level: 2, title: titleOf(content) });
      continue;
    }
    blocks.push({ ...line, kind: 'text' });
  }
  const labels = labelRuns(text, blocks);
  return {
    format: 'text',
    text,
    blocks: blocks.filter((block) => !labels.has(block)),
    removed: [
      ...(front ? [{ range: front.range, reason: 'front matter' }] : []),
      ...rules.map((range) => ({ range, reason: 'section rule' })),
      ...anchors.map((range) => ({ range, reason: 'help tags' })),
      ...[...labels].map((block) => ({ range: { start: block.start, end: block.end }, reason: 'table of contents' })),
    ],
    stated: front?.stated ?? {},
    warnings: front?.warnings ?? [],
  };
}

/** A line of `=` or `-` alone, as wide as a page's text, between sections (Vim's help, many READMEs). */
const SECTION_RULE = /^([=-])\1{39,}$/u;
/**
 * A help file's tags (`*undolevels*`, `*:delete*`): anchors that links (`|undolevels|`) jump to, written alone on the
 * line above an entry or at the right of its first line, after a tab or two spaces; never spaces or stars inside.
 */
const TAG = String.raw`\*[^\s*|]+\*`;
const TAGS_ONLY = new RegExp(String.raw`^(?:${TAG}\s*)+$`, 'u');
const TRAILING_TAGS = new RegExp(String.raw`(?:\t|\s{2,})\s*((?:${TAG}\s*)+)$`, 'u');
const LEADING_TAG = new RegExp(String.raw`^(${TAG})\s+(\S.*)$`, 'u');
const SECTION_NUMBER = /^\d{1,3}(?:\.\d{1,3})*\.?\s+/u;
const TAG_NAME = /\*([^\s*|]+)\*/gu;

/**
 * A heading of Vim's help format: a line with a tag at its start (`*01.1*⇥Two manuals`) or its tags at the right
 * (`1. Deleting text⇥⇥*deleting*`), whose words name a section rather than say something. Null for any other line.
 */
function helpHeading(text: string, line: TextRange, level: number): Block | null {
  const content = text.slice(line.start, line.end);
  const leading = LEADING_TAG.exec(content);
  const trailing = TRAILING_TAGS.exec(content);
  const words = leading !== null ? leading[2]!.replace(TRAILING_TAGS, '') : trailing !== null ? content.slice(0, trailing.index) : null;
  if (words === null) return null;
  // A section's number opens its title as a list item's would: "1. Deleting text", "4.2 Substitute".
  const named = words.trim().replace(SECTION_NUMBER, '');
  const title = named !== '' && isTermLine(named) ? titleOf(words.trim()) : leading !== null ? tagNames(leading[1]!) : null;
  return title === null || title === '' ? null : { ...line, kind: 'heading', level, title };
}

function tagNames(tags: string): string {
  return [...tags.matchAll(TAG_NAME)].map((match) => match[1]!).join(', ');
}

/**
 * Vim's help format marks where an entry starts with its tags: alone on the line above it (`*'undolevels'* *'ul'*` over
 * "'undolevels' 'ul'⇥number⇥(default 100, …)" and its indented description), they name the entry; at the right of a
 * title line (`INACTIVE BUFFERS⇥*inactive-buffer*`), the line is a heading. Tags are no prose: no quote starts with
 * them, as one starts with a definition list's term. A line of prose that ends with tags keeps its words as text, the
 * tags left out. Null for a line with no tags.
 */
function anchoredBlock(text: string, lines: readonly TextRange[], index: number): Block | 'anchor' | null {
  const line = lines[index]!;
  const content = text.slice(line.start, line.end);
  if (TAGS_ONLY.test(content)) return 'anchor';
  const opensParagraph = index === 0 || endsParagraph(text, lines[index - 1]!, line);
  const heading = opensParagraph && indentOf(text, line.start) <= MAX_HEADING_INDENT ? helpHeading(text, line, index === 0 ? 1 : 2) : null;
  const next = lines[index + 1];
  // Its paragraph goes on: the line is the first of an entry ("{Visual}["x]x or⇥*v_x*"), not a heading.
  if (heading !== null && !(index > 0 && next !== undefined && !endsParagraph(text, line, next))) return heading;
  const trailing = TRAILING_TAGS.exec(content);
  if (trailing === null) return null;
  const words = trimRange(text, line.start, line.start + trailing.index);
  return words === null ? null : { ...words, kind: 'text' };
}

/** A heading in capitals: words of letters, no sentence's end ("JUMPING AROUND", "DESCRIPTION"). */
const CAPITALS_HEADING = /^\p{Lu}[\p{Lu}\p{N}'’-]*(?:[ \t]+[\p{Lu}\p{N}'’&/-]+)*$/u;
const MIN_CAPITALS_HEADING_LETTERS = 4;

/**
 * The document heads sections with capitals over indented text, as a manual page does ("DESCRIPTION⏎       The
 * postmap(1) command …"): one such line stands over indented paragraphs. A list of headwords in capitals, each over a
 * one-paragraph entry, heads none ("CITED⏎       Copyright In Transmitted Electronic Documents").
 */
function headsSectionsInCapitals(text: string, lines: readonly TextRange[], capitals: readonly CapitalsLine[]): boolean {
  return capitals.some((shape, index) => shape === 'over indented text' && PARAGRAPH_BREAK.test(text.slice(lines[index]!.end, descriptionEnd(text, lines, index))));
}

const PARAGRAPH_BREAK = /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)/u;

type CapitalsLine = 'alone' | 'over indented text' | null;

/** A short line in capitals at the margin that opens its paragraph, and what follows it: a blank line or indented text. */
function capitalsLine(text: string, lines: readonly TextRange[], index: number): CapitalsLine {
  const line = lines[index]!;
  const content = text.slice(line.start, line.end);
  if (content.length > MAX_LABEL_LENGTH || !CAPITALS_HEADING.test(content) || (content.match(/\p{Lu}/gu)?.length ?? 0) < MIN_CAPITALS_HEADING_LETTERS) return null;
  const indent = indentOf(text, line.start);
  if (indent > MAX_HEADING_INDENT || (index > 0 && !endsParagraph(text, lines[index - 1]!, line))) return null;
  const next = lines[index + 1];
  if (endsParagraph(text, line, next)) return 'alone';
  return indentOf(text, next!.start) > indent ? 'over indented text' : null;
}

/** A term and its description on one line, a tab or three spaces apart: "Neovim⇥A Vim clone.", "-v   Be verbose.". */
const TERM_BEFORE_GAP = /^(\S(?:[^\t]*?\S)?)(?:\t+| {3,})(?=\S)/u;
const MAX_HANGING_TERM_LENGTH = 40;

/**
 * A term at the margin with its description beside it: the description's next lines indented under it (a hanging
 * indent, as manuals and Vim's help list programs, commands and options: "Neovim⇥A Vim clone.  Forked the Vim source
 * in 2014 …", "'undolevels' 'ul'⇥number⇥(default 100, …)"), or an option in a list in two columns, its description at
 * the column of the row above or below ("  --in-place, -i        Edit files in place", a program's help). The term heads
 * its description; null for other lines.
 */
function hangingTerm(text: string, lines: readonly TextRange[], index: number): Block[] | null {
  const line = lines[index]!;
  const indent = indentOf(text, line.start);
  const split = indent > MAX_HEADING_INDENT ? null : termBeside(text, line);
  if (split === null) return null;
  const previous = lines[index - 1];
  const next = lines[index + 1];
  const opensEntry = previous === undefined || endsParagraph(text, previous, line) || indentOf(text, previous.start) > indent || TAGS_ONLY.test(text.slice(previous.start, previous.end));
  const hangs = opensEntry && next !== undefined && !endsParagraph(text, line, next) && indentOf(text, next.start) > indent;
  // Only options are read so ("-v, --verbose   …"): a word beside a description in a column of names ("buffer⇥Returns
  // the buffer …", a method of a list) names no entry of the document's own.
  const inColumns = OPTION.test(split.term) && [previous, next].some((other) => {
    if (other === undefined || indentOf(text, other.start) !== indent) return false;
    if (endsParagraph(text, other === previous ? other : line, other === previous ? line : other)) return false;
    return termBeside(text, other)?.column === split.column;
  });
  if (!hangs && !inColumns) return null;
  const governsUntil = descriptionEnd(text, lines, index);
  return [
    { start: line.start, end: line.start + split.term.length, kind: 'heading', level: DEFINITION_TERM_LEVEL, title: titleOf(split.term), term: true, governsUntil },
    { ...split.description, kind: 'text' },
  ];
}

const OPTION = /^--?[\p{L}\p{N}]/u;

/** "  -c : only performs a check …": a term, a colon set apart by spaces, and its description. */
const TERM_BEFORE_SPACED_COLON = /^(\S(?:.*?\S)?)\s+:\s+(?=\S)/u;

/**
 * A term and its description a spaced colon apart, opening its paragraph (an option list as HAProxy's management guide
 * writes it: "-c : only performs a check of the configuration files and exits before trying⏎    to bind."): the term
 * heads its description, up to the end of the lines indented under it or of its paragraph. Null for other lines.
 */
function termBeforeSpacedColon(text: string, lines: readonly TextRange[], index: number): Block[] | null {
  const line = lines[index]!;
  const previous = lines[index - 1];
  if (previous !== undefined && !endsParagraph(text, previous, line)) return null;
  const indent = indentOf(text, line.start);
  if (indent > MAX_HEADING_INDENT) return null;
  const content = text.slice(line.start, line.end);
  const split = TERM_BEFORE_SPACED_COLON.exec(content);
  const term = split?.[1];
  if (split === null || term === undefined || term.length > MAX_HANGING_TERM_LENGTH || term.split(/\s+/u).length > MAX_NAME_WORDS || !isTermLine(term)) return null;
  const description = trimRange(text, line.start + split[0].length, line.end);
  if (description === null) return null;
  const next = lines[index + 1];
  const hangs = next !== undefined && !endsParagraph(text, line, next) && indentOf(text, next.start) > indent;
  const governsUntil = hangs ? descriptionEnd(text, lines, index) : paragraphEnd(text, lines, index);
  return [
    // The colon is the term's: quoted with its description, the term reads as the page writes it ("-c : only performs …").
    { start: line.start, end: line.start + split[0].trimEnd().length, kind: 'heading', level: DEFINITION_TERM_LEVEL, title: titleOf(term), term: true, governsUntil },
    { ...description, kind: 'text' },
  ];
}

/** The term and the description a tab or three spaces after it on `line`, and the column the description starts at. */
function termBeside(text: string, line: TextRange): { term: string; description: TextRange; column: number } | null {
  const gap = TERM_BEFORE_GAP.exec(text.slice(line.start, line.end));
  const term = gap?.[1];
  if (gap === null || term === undefined || term.length > MAX_HANGING_TERM_LENGTH || term.split(/\s+/u).length > MAX_NAME_WORDS || !isTermLine(term)) return null;
  const description = trimRange(text, line.start + gap[0].length, line.end);
  return description === null ? null : { term, description, column: indentOf(text, description.start) };
}

/** A heading's words as a reader sees them: reStructuredText's ``literal`` and `interpreted` text without their marks. */
function titleOf(line: string): string {
  return withoutInlineMarkup(line).replace(/\s+/gu, ' ');
}

/**
 * The index of the last line of a definition list entry's term that starts at `lines[index]`, or -1: the term opens its
 * paragraph, is short and no sentence, and the next line is indented further (the description, after a blank line or
 * not, as a dictionary's: FOLDOC's "heisenbug⏎⏎   <jargon> A bug …"). A term may be written as a few such lines, one
 * name a line ("Administrative Domain⏎AD⏎⏎   <networking> …", "image⏎picture").
 */
function definitionTermEnd(text: string, lines: readonly TextRange[], index: number): number {
  const previous = lines[index - 1];
  if (previous !== undefined && !endsParagraph(text, previous, lines[index])) return -1;
  const indent = indentOf(text, lines[index]!.start);
  for (let last = index; last < index + MAX_TERM_LINES && last + 1 < lines.length; last++) {
    const line = lines[last]!;
    const content = text.slice(line.start, line.end);
    if (!isTermLine(content) || indentOf(text, line.start) !== indent) return -1;
    // Names one a line, not the wrapped lines of a sentence that leads into an indented example.
    if (last > index && content.trim().split(/\s+/u).length > MAX_NAME_WORDS) return -1;
    const next = lines[last + 1]!;
    // After a blank line, an indented block is a description only below a headword at the margin, as a dictionary's is.
    if (indentOf(text, next.start) > indent) return endsParagraph(text, line, next) && indent > 0 ? -1 : last;
    if (endsParagraph(text, line, next)) return -1;
  }
  return -1;
}

function isTermLine(content: string): boolean {
  return content.length <= MAX_TERM_LENGTH && !NOT_A_TERM.test(content) && /[\p{L}\p{N}]/u.test(content);
}

/** The end of the last line indented further than the term at `termIndex`: its description, blank lines within it included. */
function descriptionEnd(text: string, lines: readonly TextRange[], termIndex: number): number {
  const indent = indentOf(text, lines[termIndex]!.start);
  if (termIndex + 1 >= lines.length) return lines[termIndex]!.end;
  let last = termIndex + 1;
  while (last + 1 < lines.length && indentOf(text, lines[last + 1]!.start) > indent) last++;
  return lines[last]!.end;
}

/** The end of the paragraph that `lines[index]` is in. */
function paragraphEnd(text: string, lines: readonly TextRange[], index: number): number {
  let last = index;
  while (last + 1 < lines.length && !endsParagraph(text, lines[last]!, lines[last + 1])) last++;
  return lines[last]!.end;
}

/** The columns of white space before `start` on its line (a tab to the next multiple of eight). */
function indentOf(text: string, start: number): number {
  let column = 0;
  for (let at = text.lastIndexOf('\n', start - 1) + 1; at < start; at++) column = text.charAt(at) === '\t' ? column - (column % 8) + 8 : column + 1;
  return column;
}

/** No line follows `line` in its paragraph: a blank line or the end of the text comes first. */
function endsParagraph(text: string, line: TextRange, next: TextRange | undefined): boolean {
  return next === undefined || (text.slice(line.end, next.start).match(/\r\n|\n|\r/gu)?.length ?? 0) >= 2;
}

/**
 * Blocks in runs of `MIN_LABEL_RUN` or more consecutive short lines that are not sentences (nor headings, nor the
 * wrapped lines of a paragraph: "typically by asking the user to perform some kind of {image").
 */
function labelRuns(text: string, blocks: Block[]): Set<Block> {
  const inRuns = new Set<Block>();
  let run: Block[] = [];
  let introduced = false;
  const close = (): void => {
    if (run.length >= MIN_LABEL_RUN && !introduced) for (const block of run) inRuns.add(block);
    run = [];
  };
  for (const [index, block] of blocks.entries()) {
    const previous = blocks[index - 1];
    if (block.kind === 'text' && isLabel(text.slice(block.start, block.end)) && !(previous !== undefined && continuesLine(text, previous, block))) {
      // A list that a sentence announces ("There are ten types of registers:") is what the sentence says, not contents.
      if (run.length === 0) introduced = announcedInParagraph(text, blocks, index);
      run.push(block);
    } else close();
  }
  close();
  return inRuns;
}

/** The line under a table's header row: dashes, with bars or pluses where the columns part ("------+------"). */
const TABLE_RULE = /^[ \t]*[-=:]+(?:[ \t]*[|+][ \t]*[-=:]+)+[ \t]*[|+]?[ \t]*$/u;

/**
 * A table's header row, over its rule ("uid | name | description" over "----+------+----"): it heads the rows below
 * it, as an HTML table's header names each row's cells, so "64001 | mysql | mysql-server" is read as a uid's row.
 */
function tableHeader(text: string, lines: readonly TextRange[], index: number): Block | null {
  const line = lines[index]!;
  const rule = lines[index + 1];
  const content = text.slice(line.start, line.end);
  if (rule === undefined || !TABLE_ROW.test(content) || endsParagraph(text, line, rule) || !TABLE_RULE.test(text.slice(rule.start, rule.end))) return null;
  let last = index + 1;
  while (last + 1 < lines.length && !endsParagraph(text, lines[last]!, lines[last + 1]) && TABLE_ROW.test(text.slice(lines[last + 1]!.start, lines[last + 1]!.end))) last++;
  const title = content.split('|').map((cell) => cell.trim()).filter((cell) => cell !== '').join(' ');
  return { ...line, kind: 'heading', level: DEFINITION_TERM_LEVEL, title, governsUntil: lines[last]!.end };
}

/** A table's row: cells between bars ("64001 | mysql | mysql-server"), which states its own thing. */
const TABLE_ROW = /\S[ \t]*\|[ \t]*\S/u;

/** Whether a line of the paragraph before block `index` announces a list ("There are ten types of registers:"). */
function announcedInParagraph(text: string, blocks: readonly Block[], index: number): boolean {
  for (let k = index - 1; k >= 0 && !/\n[ \t]*\n/u.test(text.slice(blocks[k]!.end, blocks[k + 1]!.start)); k--) {
    const block = blocks[k]!;
    if (block.kind !== 'text') return false;
    if (INTRODUCES_LIST.test(text.slice(block.start, block.end))) return true;
  }
  return false;
}

/** A clause of prose (four words or more, not a label's "Table of contents:") ending in a colon: it announces what follows. */
const INTRODUCES_LIST = /^[ \t]*\p{L}\S*(?:[ \t]+\S+){3,}:$/u;

function isLabel(line: string): boolean {
  return line.length <= MAX_LABEL_LENGTH && !/[.!?,;:"”)]$/u.test(line) && !TABLE_ROW.test(line);
}

/** A line of `=` or `-` directly below a short line, about as long as it: that line's underline. */
function isUnderline(text: string, titleStart: number, titleEnd: number, start: number, end: number): boolean {
  const underline = text.slice(start, end);
  // Indented four columns or more, the lines are a block of their own (a table's header and rule), as in Markdown.
  if (underline.length < 3 || !UNDERLINE.test(underline) || indentOf(text, start) > MAX_HEADING_INDENT) return false;
  const lineBreaks = text.slice(titleEnd, start).match(/\r\n|\n|\r/gu)?.length ?? 0;
  if (lineBreaks !== 1) return false;
  const titleLength = titleEnd - titleStart;
  return titleLength <= 100 && Math.abs(underline.length - titleLength) <= Math.max(3, titleLength * 0.3);
}
