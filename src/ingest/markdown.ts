/**
 * Markdown reader. Headings (`#` lines and setext underlines) become heading blocks, fenced code a code
 * block, list items item blocks, everything else paragraphs. Inline markup stays in the text as written.
 */
import type { Removal } from '../model.js';
import type { Block, SourceDocument } from './document.js';
import { trimRange } from './document.js';
import { readFrontMatter } from './frontmatter.js';

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
const BLANK = /^[ \t]*$/u;

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

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as Line;
    const fence = FENCE_OPEN.exec(line.content);
    if (fence) {
      flush();
      const marker = fence[1] ?? '```';
      const closing = new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`, 'u');
      let j = i + 1;
      while (j < lines.length && !closing.test((lines[j] as Line).content)) j++;
      const last = lines[Math.min(j, lines.length - 1)] as Line;
      push(line.start, last.end, { kind: 'code' });
      i = j;
      continue;
    }
    const atx = ATX.exec(line.content);
    if (atx) {
      flush();
      const title = (atx[2] ?? '').trim();
      if (title) push(line.start, line.end, { kind: 'heading', level: (atx[1] ?? '#').length, title });
      else removed.push({ range: { start: line.start, end: line.end }, reason: 'empty heading' });
      continue;
    }
    const setext = SETEXT.exec(line.content);
    if (setext && para.length > 0 && paraKind === 'text') {
      const first = para[0] as Line;
      const title = text.slice(first.start, (para[para.length - 1] as Line).end).trim().replace(/\s+/gu, ' ');
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
    if (LIST_ITEM.test(line.content)) {
      flush();
      paraKind = 'item';
    } else if (para.length === 0) {
      paraKind = 'text';
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
