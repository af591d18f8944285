/**
 * Plain-text reader: every non-blank line is a block; front matter is set aside. Two line shapes that mark where an
 * entry or section starts become headings, so passages begin there and carry what they are about:
 * a glossary headword (`:hacker: n.`, the Jargon File's form) and an underlined heading (a line over `====` or `----`).
 */
import type { Block, SourceDocument } from './document.js';
import { lineRanges } from './document.js';
import { readFrontMatter } from './frontmatter.js';

const GLOSSARY_HEADWORD = /^:([^:\s][^:]{0,79}):(?=\s|$)/u;
const UNDERLINE = /^(=+|-+)$/u;

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
      blocks.push({ ...line, kind: 'heading', level: 2, title: headword[1]!.trim() });
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
  return {
    format: 'text',
    text,
    blocks,
    removed: front ? [{ range: front.range, reason: 'front matter' }] : [],
    stated: front?.stated ?? {},
    warnings: front?.warnings ?? [],
  };
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
