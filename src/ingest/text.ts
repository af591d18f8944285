/**
 * Plain-text reader: every non-blank line is a block; front matter is set aside. Two line shapes that mark where an
 * entry or section starts become headings, so passages begin there and carry what they are about:
 * a glossary headword (`:hacker:`, the Jargon File's form) and an underlined heading (a line over `====` or `----`).
 * A long run of short label lines (a table of contents, an index of entries) is set aside: it is not prose.
 */
import type { TextRange } from '../model.js';
import type { Block, SourceDocument } from './document.js';
import { lineRanges, trimRange } from './document.js';
import { readFrontMatter } from './frontmatter.js';

const GLOSSARY_HEADWORD = /^:([^:\s][^:]{0,79}):(?=\s|$)/u;
const UNDERLINE = /^(=+|-+)$/u;
/** A table of contents: at least this many label lines in a row. */
const MIN_LABEL_RUN = 8;
const MAX_LABEL_LENGTH = 60;

export function readPlainText(text: string): SourceDocument {
  const front = readFrontMatter(text);
  const start = front?.range.end ?? 0;
  const lines = lineRanges(text, start);
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const content = text.slice(line.start, line.end);
    const headword = GLOSSARY_HEADWORD.exec(content);
    if (headword) {
      // A headword line that ends its paragraph is the entry's label (":bogon: /boh'gon/, n."); one whose paragraph
      // goes on starts the entry itself after the marker (":frob: v. To manipulate or adjust, to tweak. One …").
      const rest = endsParagraph(text, line, lines[i + 1]) ? null : trimRange(text, line.start + headword[0].length, line.end);
      blocks.push({ start: line.start, end: rest ? line.start + headword[0].length : line.end, kind: 'heading', level: 2, title: headword[1]!.trim() });
      if (rest) blocks.push({ ...rest, kind: 'text' });
      continue;
    }
    const next = lines[i + 1];
    if (next !== undefined && isUnderline(text, line.start, line.end, next.start, next.end)) {
      const marker = text.charAt(next.start);
      blocks.push({ start: line.start, end: next.end, kind: 'heading', level: marker === '=' ? 1 : 2, title: content.replace(/\s+/gu, ' ') });
      i++;
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
      ...[...labels].map((block) => ({ range: { start: block.start, end: block.end }, reason: 'table of contents' })),
    ],
    stated: front?.stated ?? {},
    warnings: front?.warnings ?? [],
  };
}

/** No line follows `line` in its paragraph: a blank line or the end of the text comes first. */
function endsParagraph(text: string, line: TextRange, next: TextRange | undefined): boolean {
  return next === undefined || (text.slice(line.end, next.start).match(/\r\n|\n|\r/gu)?.length ?? 0) >= 2;
}

/** Blocks in runs of `MIN_LABEL_RUN` or more consecutive short lines that are not sentences (nor headings). */
function labelRuns(text: string, blocks: Block[]): Set<Block> {
  const inRuns = new Set<Block>();
  let run: Block[] = [];
  const close = (): void => {
    if (run.length >= MIN_LABEL_RUN) for (const block of run) inRuns.add(block);
    run = [];
  };
  for (const block of blocks) {
    if (block.kind === 'text' && isLabel(text.slice(block.start, block.end))) run.push(block);
    else close();
  }
  close();
  return inRuns;
}

function isLabel(line: string): boolean {
  return line.length <= MAX_LABEL_LENGTH && !/[.!?,;:"”)]$/u.test(line);
}

/** A line of `=` or `-` directly below a short line, about as long as it: that line's underline. */
function isUnderline(text: string, titleStart: number, titleEnd: number, start: number, end: number): boolean {
  const underline = text.slice(start, end);
  if (underline.length < 3 || !UNDERLINE.test(underline)) return false;
  const lineBreaks = text.slice(titleEnd, start).match(/\r\n|\n|\r/gu)?.length ?? 0;
  if (lineBreaks !== 1) return false;
  const titleLength = titleEnd - titleStart;
  return titleLength <= 100 && Math.abs(underline.length - titleLength) <= Math.max(3, titleLength * 0.3);
}
