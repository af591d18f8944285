/** Plain-text reader: every non-blank line is a block; front matter is set aside. */
import type { SourceDocument } from './document.js';
import { lineRanges } from './document.js';
import { readFrontMatter } from './frontmatter.js';

export function readPlainText(text: string): SourceDocument {
  const front = readFrontMatter(text);
  const start = front?.range.end ?? 0;
  return {
    format: 'text',
    text,
    blocks: lineRanges(text, start).map((r) => ({ ...r, kind: 'text' as const })),
    removed: front ? [{ range: front.range, reason: 'front matter' }] : [],
    stated: front?.stated ?? {},
    warnings: front?.warnings ?? [],
  };
}
