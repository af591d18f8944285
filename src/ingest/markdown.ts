/**
 * Markdown reader. Headings (`#` lines and setext underlines) become heading blocks, fenced code a code
 * block, list items and a table's rows item blocks, everything else paragraphs. Inline markup stays in the text as
 * written. What a rendered page does not show is set aside: HTML comments (`<!-- YAML added: v8.0.0 -->`), link
 * reference definitions (`[fs.readFile()]: #fsreadfile`), lines that are only HTML tags (`<a id="x"></a>`) and
 * MyST's targets (`(server-options)=`). A MyST directive's fence (```` ```{note} ````, `:::{tip}`, Docusaurus's
 * `:::note`) is markup around Markdown the page shows as prose, unless the directive shows code (`{code-block}`) or
 * no text of its own (`{toctree}`, `{include}`).
 */
import type { Removal } from '../model.js';
import type { Block, SourceDocument } from './document.js';
import { DEFINITION_TERM_LEVEL, trimRange } from './document.js';
import { readFrontMatter } from './frontmatter.js';
import { withoutInlineMarkup } from '../text/inline-markup.js';

interface Line {
  start: number;
  /** End of the line's content, before its line break. */
  end: number;
  content: string;
}

function splitLines(text: string, from: number): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/gu;
  re.lastIndex = from;
  let start = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    lines.push({ start, end: m.index, content: text.slice(start, m.index) });
    start = m.index + m[0].length;
  }
  if (start < text.length) lines.push({ start, end: text.length, content: text.slice(start) });
  return lines;
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/u;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/u;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/u;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/u;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+\S/u;
/** A list item's marker and the spaces after it: its length is where the item's content starts. */
const LIST_ITEM_CONTENT = /^ {0,3}(?:[-*+]|\d{1,9}[.)]) +(?=\S)/u;
const BLANK = /^[ \t]*$/u;
const COMMENT_OPEN = /^ {0,3}<!--/u;
const COMMENT_CLOSE = '-->';
/** CommonMark's link reference definition: a label, a colon and a destination; it cannot interrupt a paragraph. */
const LINK_DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/u;
/** A GitHub-flavoured table's delimiter row, under its header row: "| --- | :---: |". */
const TABLE_DELIMITER = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/u;
/** A MyST target, a label for cross-references: `(server-options-core)=`. */
const MYST_TARGET = /^ {0,3}\([\w.:-]+\)=[ \t]*$/u;
/** The opening of a MyST directive (```` ```{note} ````, `:::{tip}`) or a Docusaurus admonition (`:::note`). */
const DIRECTIVE_OPEN = /^ {0,3}(`{3,}|~{3,}|:{3,})[ \t]*(?:\{([\w-]+)\}|(?<=:)([\w-]+))(?:[ \t].*)?$/u;
/** A directive's options, on the lines after its opening: `:header-rows: 1`, `:maxdepth: 2`. */
const DIRECTIVE_OPTION = /^[ \t]*:[\w-]+:(?:[ \t]|$)/u;
/** Directives whose body is code or data, read as a code block is. */
const CODE_DIRECTIVES = new Set(['code', 'code-block', 'code-cell', 'sourcecode', 'literalinclude', 'parsed-literal', 'math', 'mermaid', 'graphviz', 'raw', 'eval-rst', 'csv-table']);
/** Directives whose body a page shows as no text of its own: a table of contents, an included file, an embedded video. */
const TEXTLESS_DIRECTIVES = new Set(['toctree', 'include', 'youtube', 'video', 'image', 'contents', 'index', 'highlight']);
const TAGS_ONLY = /^[ \t]*(?:<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>[ \t]*)+$/u;

/** A heading's words as a rendered page shows them: "### `fs.readFile(path)`" is titled "fs.readFile(path)". */
function plainTitle(markdown: string): string {
  return withoutInlineMarkup(markdown, { tags: true }).replace(/\s+/gu, ' ').trim();
}

/** The line that closes a fence opened by `marker` (```, ~~~ or :::, at least as long), up to three columns past `indent`. */
function closingFence(marker: string, indent: number): RegExp {
  const mark = marker[0] === '`' ? '`' : marker[0] === '~' ? '~' : ':';
  return new RegExp(`^ {0,${indent + 3}}${mark}{${marker.length},}[ \\t]*$`, 'u');
}

/** How many spaces open the line. */
function indentOf(line: string): number {
  return /^ */u.exec(line)![0].length;
}

/** The mark that opens a definition under its term: ": The name of your storage pool." */
const DEFINITION_MARK = /^ {0,3}:[ \t]+(?=\S)/u;

/** Where the description that starts on line `first` ends: at a blank line not followed by an indented one. */
function definitionEnd(lines: readonly Line[], first: number): number {
  let last = first;
  for (let i = first + 1; i < lines.length; i++) {
    const line = lines[i] as Line;
    if (!BLANK.test(line.content)) {
      if (i > last + 1 && !/^(?: {2,}|\t)/u.test(line.content)) break;
      last = i;
    } else if (i + 1 >= lines.length || !/^(?: {2,}|\t)\S/u.test((lines[i + 1] as Line).content)) break;
  }
  return (lines[last] as Line).end;
}

/** The cells of a table row: "| a | b |" and "a | b" have two. */
function cellCount(row: string): number {
  return row.trim().replace(/^\|/u, '').replace(/(?<!\\)\|$/u, '').split(/(?<!\\)\|/u).length;
}

export function readMarkdown(text: string): SourceDocument {
  const front = readFrontMatter(text);
  const removed: Removal[] = front ? [{ range: front.range, reason: 'front matter' }] : [];
  const blocks: Block[] = [];
  const lines = splitLines(text, front?.range.end ?? 0);

  /** Lines of the paragraph being gathered, not yet emitted. */
  let para: Line[] = [];
  let paraKind: 'text' | 'item' = 'text';
  const push = (start: number, end: number, block: Omit<Block, 'start' | 'end'>): void => {
    const range = trimRange(text, start, end);
    if (range) blocks.push({ ...range, ...block });
  };
  const flush = (): void => {
    const first = para[0];
    const last = para[para.length - 1];
    if (first && last) push(first.start, last.end, { kind: paraKind });
    para = [];
  };

  /** Where the content of the list item last opened starts (past its marker), while its lines may follow. */
  let itemIndent: number | null = null;
  /** Where open directives close, innermost last: their closing fences are markup, what they hold is read on. */
  const directiveCloses: number[] = [];
  const setAside = (from: Line, to: Line, reason: string): void => {
    const range = trimRange(text, from.start, to.end);
    if (range) removed.push({ range, reason });
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    // A code fence left open inside a directive may have run past the directive's end.
    while (directiveCloses.length > 0 && directiveCloses.at(-1)! < i) directiveCloses.pop();
    if (directiveCloses.at(-1) === i) {
      flush();
      directiveCloses.pop();
      setAside(line, line, 'markup');
      continue;
    }
    const directive = DIRECTIVE_OPEN.exec(line.content);
    const directiveName = (directive?.[2] ?? directive?.[3])?.toLowerCase();
    if (directive && directiveName !== undefined && !CODE_DIRECTIVES.has(directiveName)) {
      const marker = directive[1]!;
      const closing = closingFence(marker, 0);
      let close = i + 1;
      while (close < lines.length && !closing.test((lines[close] as Line).content)) close++;
      flush();
      if (close === lines.length && marker[0] === ':') {
        // A line of colons that nothing closes is no fence: it is read as text.
      } else if (TEXTLESS_DIRECTIVES.has(directiveName)) {
        setAside(line, lines[Math.min(close, lines.length - 1)] as Line, 'markup');
        i = close;
        continue;
      } else {
        let last = i;
        while (last + 1 < close && DIRECTIVE_OPTION.test((lines[last + 1] as Line).content)) last++;
        setAside(line, lines[last] as Line, 'markup');
        if (close < lines.length) directiveCloses.push(close);
        i = last;
        continue;
      }
    }
    // A list item's own lines are indented to its content: a fence there opens code as one at the margin does.
    const inItem = itemIndent !== null && indentOf(line.content) >= itemIndent ? itemIndent : 0;
    const fence = FENCE_OPEN.exec(line.content.slice(inItem));
    if (fence) {
      flush();
      const marker = fence[1] ?? '```';
      const closing = closingFence(marker, inItem);
      let j = i + 1;
      while (j < lines.length && !closing.test((lines[j] as Line).content)) j++;
      const last = lines[Math.min(j, lines.length - 1)] as Line;
      push(line.start, last.end, { kind: 'code' });
      i = j;
      continue;
    }
    if (COMMENT_OPEN.test(line.content)) {
      flush();
      // The comment runs to the end of the line that closes it (CommonMark's HTML block of kind 2).
      const close = text.indexOf(COMMENT_CLOSE, line.start + line.content.indexOf('<!--') + 4);
      let j = i;
      while (j + 1 < lines.length && (close === -1 || (lines[j] as Line).end < close + COMMENT_CLOSE.length)) j++;
      const range = trimRange(text, line.start, (lines[j] as Line).end);
      if (range) removed.push({ range, reason: 'comment' });
      i = j;
      continue;
    }
    const unshown =
      TAGS_ONLY.test(line.content) || MYST_TARGET.test(line.content) ? 'markup' : para.length === 0 && LINK_DEFINITION.test(line.content) ? 'link definition' : null;
    if (unshown !== null) {
      flush();
      setAside(line, line, unshown);
      continue;
    }
    // A table is a header row, a delimiter row and body rows: each row is an item, as an HTML table's row is.
    const header = para.length === 1 && paraKind === 'text' ? (para[0] as Line) : undefined;
    if (header !== undefined && line.content.includes('|') && TABLE_DELIMITER.test(line.content) && cellCount(line.content) === cellCount(header.content)) {
      para = [];
      push(header.start, header.end, { kind: 'item' });
      const range = trimRange(text, line.start, line.end);
      if (range) removed.push({ range, reason: 'table rule' });
      while (i + 1 < lines.length && (lines[i + 1] as Line).content.includes('|')) {
        i++;
        push((lines[i] as Line).start, (lines[i] as Line).end, { kind: 'item' });
      }
      continue;
    }
    const atx = ATX.exec(line.content);
    if (atx) {
      flush();
      itemIndent = null;
      const title = plainTitle(atx[2] ?? '');
      if (title) push(line.start, line.end, { kind: 'heading', level: (atx[1] ?? '#').length, title });
      else removed.push({ range: { start: line.start, end: line.end }, reason: 'empty heading' });
      continue;
    }
    const setext = SETEXT.exec(line.content);
    if (setext && para.length > 0 && paraKind === 'text') {
      const first = para[0] as Line;
      const title = plainTitle(text.slice(first.start, (para[para.length - 1] as Line).end));
      para = [];
      push(first.start, line.end, { kind: 'heading', level: setext[1]?.startsWith('=') ? 1 : 2, title });
      continue;
    }
    if (THEMATIC_BREAK.test(line.content)) {
      flush();
      const range = trimRange(text, line.start, line.end);
      if (range) removed.push({ range, reason: 'horizontal rule' });
      continue;
    }
    if (BLANK.test(line.content)) {
      flush();
      continue;
    }
    // A definition list (MyST, Pandoc, PHP Markdown Extra): a line of its own, then ": " and what it means. The
    // term heads its description as an HTML `<dt>` does; the colon is markup.
    const definition = DEFINITION_MARK.exec(line.content);
    const term = para.length === 1 && paraKind === 'text' ? (para[0] as Line) : undefined;
    if (definition !== null && term !== undefined) {
      push(term.start, term.end, { kind: 'heading', level: DEFINITION_TERM_LEVEL, title: plainTitle(term.content), term: true, governsUntil: definitionEnd(lines, i) });
      const mark = line.start + definition[0].length;
      setAside(line, { ...line, end: mark }, 'markup');
      para = [{ start: mark, end: line.end, content: line.content.slice(definition[0].length) }];
      paraKind = 'text';
      continue;
    }
    if (LIST_ITEM.test(line.content)) {
      flush();
      paraKind = 'item';
      itemIndent = LIST_ITEM_CONTENT.exec(line.content)?.[0].length ?? null;
    } else {
      if (para.length === 0) paraKind = 'text';
      // A line at the margin outside any item ends the list: its items' indentation no longer holds.
      if (itemIndent !== null && indentOf(line.content) < itemIndent && para.length === 0) itemIndent = null;
    }
    para.push(line);
  }
  flush();

  return {
    format: 'markdown',
    text,
    blocks,
    removed,
    stated: front?.stated ?? {},
    warnings: front?.warnings ?? [],
  };
}
