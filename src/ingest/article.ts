/** The pure core of ingestion: one file's bytes → an `Article`, or the reason it is skipped. No I/O. */
import type { Article, Removal, SkippedFile, TextRange } from '../model.js';
import type { BoilerplateOptions } from './boilerplate.js';
import { removeBoilerplate } from './boilerplate.js';
import { decodeText } from './decode.js';
import { FORMAT_STRUCTURE, isTermHeading, type Block, type SourceDocument, type SourceFormat } from './document.js';
import { readHtml } from './html.js';
import { readMarkdown } from './markdown.js';
import { cleanHeadline } from './metadata.js';
import { readPlainText } from './text.js';

export type ReadResult =
  | { ok: true; article: Article; warnings: string[] }
  | { ok: false; skipped: SkippedFile };

const FORMATS: Record<string, SourceFormat> = {
  txt: 'text',
  md: 'markdown',
  markdown: 'markdown',
  html: 'html',
  htm: 'html',
};

/** The format a file name's extension names, or null for files the indexer does not read. */
export function formatOf(fileName: string): SourceFormat | null {
  const m = /\.([^./\\]+)$/u.exec(fileName);
  const extension = m?.[1]?.toLowerCase();
  return extension !== undefined && Object.hasOwn(FORMATS, extension) ? (FORMATS[extension] ?? null) : null;
}

/** `guide/install.md` → `guide/install`. */
export function sourceIdOf(relativePath: string): string {
  return relativePath.replace(/\\/gu, '/').replace(/\.[^./]+$/u, '');
}

/**
 * Source ids for a folder's files: the path without its extension. Where several files would share one
 * (`guide.html` and its AsciiDoc source `guide.txt`), the one in the most structured format keeps it (`guide`) and
 * the others keep their extension (`guide.txt`), so a quote is never credited to the wrong file; when no single
 * file is the most structured (`dup.htm` and `dup.html`), they all keep their extension.
 */
export function uniqueSourceIds(relativePaths: readonly string[]): Map<string, string> {
  const claims = new Map<string, string[]>();
  for (const rel of relativePaths) {
    const id = sourceIdOf(rel);
    claims.set(id, [...(claims.get(id) ?? []), rel]);
  }
  const structure = (rel: string): number => {
    const format = formatOf(rel);
    return format === null ? 0 : FORMAT_STRUCTURE[format];
  };
  const ids = new Map<string, string>();
  for (const [id, claimants] of claims) {
    const best = Math.max(...claimants.map(structure));
    const leaders = claimants.filter((rel) => structure(rel) === best);
    for (const rel of claimants) ids.set(rel, claimants.length === 1 || (leaders.length === 1 && leaders[0] === rel) ? id : rel.replace(/\\/gu, '/'));
  }
  return new Map(relativePaths.map((rel) => [rel, ids.get(rel)!]));
}

const OPTIONS: Record<SourceFormat, (doc: SourceDocument) => BoilerplateOptions> = {
  // Short lines after the last sentence end a news story (video titles, related links); in a document with headings
  // they are entries and examples ("(default: 4)", "Some sample queries:").
  text: (doc) => ({ dateMarker: true, phrases: true, headline: true, trailing: !hasHeadings(doc) }),
  // Markdown prose is kept whole; only its headings and front matter are set aside.
  markdown: (doc) => ({
    dateMarker: false,
    phrases: false,
    headline: !hasHeadings(doc),
    trailing: false,
  }),
  // HTML chrome is mostly dropped by element; the phrase rules catch what sits in plain paragraphs.
  html: () => ({ dateMarker: false, phrases: true, headline: false, trailing: false }),
};

function hasHeadings(doc: SourceDocument): boolean {
  return doc.blocks.some((block) => block.kind === 'heading');
}

function readDocument(format: SourceFormat, text: string): SourceDocument {
  switch (format) {
    case 'text':
      return readPlainText(text);
    case 'markdown':
      return readMarkdown(text);
    case 'html':
      return readHtml(text);
  }
}

/**
 * Each heading governs the text from its start to the next heading of the same or a higher level, a term at most to its
 * description's end. A term inside a description is a subentry ("DESCRIPTION" over "-c config_dir"): it ends no term.
 */
function headingRanges(text: string, blocks: Block[]): Article['headings'] {
  const headings = blocks.filter((b) => b.kind === 'heading');
  const end = text.trimEnd().length;
  return headings.map((h, i) => {
    const next = headings.slice(i + 1).find((n) => (n.level ?? 1) <= (h.level ?? 1) && !(isTermHeading(n) && h.governsUntil !== undefined && n.start < h.governsUntil));
    let stop = Math.min(next ? next.start : end, h.governsUntil ?? end);
    while (stop > h.start && /\s/u.test(text.charAt(stop - 1))) stop--;
    const heading = { title: h.title ?? text.slice(h.start, h.end), range: { start: h.start, end: stop }, ...(h.leftOutAfter ? { leftOutAfter: true as const } : {}) };
    return h.term ? { ...heading, term: { start: h.start, end: h.end } } : heading;
  });
}

function byStart(a: { range: TextRange }, b: { range: TextRange }): number {
  return a.range.start - b.range.start;
}

/** Nine letters in ten are link text: a generated index, contents page or site map, whose text quotes nothing. */
const LINK_INDEX_SHARE = 0.9;

/**
 * Reads one file. `relativePath` is its path under the seeds folder (`guide/install.md`), `displayPath`
 * the path shown to users (`seeds/guide/install.md`), `sha256` the hex digest of `bytes`.
 */
export function readArticle(
  relativePath: string,
  displayPath: string,
  bytes: Uint8Array,
  sha256: string,
  id: string = sourceIdOf(relativePath),
): ReadResult {
  const skip = (reason: string): ReadResult => ({ ok: false, skipped: { path: displayPath, reason } });
  const format = formatOf(relativePath);
  if (!format) return skip('not a .txt, .md or .html file');
  const decoded = decodeText(bytes, { html: format === 'html' });
  if (!decoded.ok) return skip(decoded.reason);

  const doc = readDocument(format, decoded.text);
  if (doc.blocks.length === 0) {
    if (format === 'html') return skip('no text in the page');
    const setAside = [...new Set(doc.removed.map((removal) => removal.reason))];
    const onlyFrontMatter = setAside.every((reason) => reason === 'front matter');
    return skip(onlyFrontMatter ? 'no text besides front matter' : `no text a reader would see, only: ${setAside.join(', ')}`);
  }
  if ((doc.linkedShare ?? 0) >= LINK_INDEX_SHARE) return skip('a page of links (an index, a contents page or a site map), not an article');
  const cleaned = removeBoilerplate(doc.text, doc.blocks, OPTIONS[format](doc));
  if (cleaned.body.length === 0) return skip('no article text left after removing boilerplate');

  const firstH1 = doc.blocks.find((b) => b.kind === 'heading' && b.level === 1)?.title;
  const guessedTitle = cleaned.headline ? cleanHeadline(cleaned.headline) : (firstH1 ?? null);
  const removed: Removal[] = [...doc.removed, ...cleaned.removed].sort(byStart);
  const article: Article = {
    source: {
      id,
      title: doc.stated.title ?? guessedTitle,
      path: displayPath,
      published: doc.stated.published ?? cleaned.published,
      outlet: doc.stated.outlet ?? cleaned.outlet,
      url: doc.stated.url ?? null,
    },
    text: doc.text,
    body: cleaned.body,
    headings: headingRanges(doc.text, doc.blocks),
    code: doc.blocks.filter((block) => block.kind === 'code').map((block) => ({ start: block.start, end: block.end })),
    removed,
    sha256,
  };
  return { ok: true, article, warnings: decoded.readAs === undefined ? doc.warnings : [decoded.readAs, ...doc.warnings] };
}
