/**
 * Text a corpus holds twice is indexed once, found by content, not by file name:
 * - a format copy: the same page in two formats (Sphinx's `_sources/x.rst.txt` beside `x.html`, `x.md` beside
 *   `x.html`) — only the more structured one (HTML, then Markdown, then plain text) is indexed;
 * - an aggregate page that repeats many others (Node's `all.html`: it holds most of the passages of at least
 *   `AGGREGATE_SOURCES` other sources): its passages found word for word in another source are not indexed again
 *   (what it alone says stays).
 * - a site's template: a passage found word for word in more than half of the corpus's sources (a tagline or a
 *   notice every page repeats) is chrome, not an article's text, and is not indexed at all.
 * Copies in the same format (one wire story in several outlets) stay: they are what "also reported by" counts.
 */
import type { Passage } from '../model.js';
import { FORMAT_STRUCTURE, type SourceFormat } from '../ingest/document.js';
import type { CopyPair } from './copies.js';

/** An aggregate holds at least this share of the passages… */
const AGGREGATE_SHARE = 0.5;
/** …of at least this many other sources. */
const AGGREGATE_SOURCES = 3;

/** Template text is held by more than this share of the sources… */
const TEMPLATE_SHARE = 0.5;
/** …and by more sources than a story has copies in a small folder. */
const TEMPLATE_MIN_SOURCES = 4;

/** Article index → index of the article it is a less structured copy of. */
export function formatCopies(formats: readonly (SourceFormat | null)[], pairs: readonly CopyPair[]): Map<number, number> {
  const copies = new Map<number, number>();
  for (const { a, b } of pairs) {
    const formatA = formats[a];
    const formatB = formats[b];
    if (formatA === null || formatB === null || formatA === undefined || formatB === undefined || formatA === formatB) continue;
    const [weaker, stronger] = FORMAT_STRUCTURE[formatA] < FORMAT_STRUCTURE[formatB] ? [a, b] : [b, a];
    if (!copies.has(weaker) && !copies.has(stronger)) copies.set(weaker, stronger);
  }
  return copies;
}

/**
 * Ids of the passages not to index: those of aggregate sources that other sources already hold word for word, and
 * the template text most sources repeat.
 */
export function repeatedPassages(passages: readonly Passage[]): Set<number> {
  const holders = new Map<string, Set<string>>();
  // Each passage's sources, by its text (white space folded, case ignored): computed once per passage.
  const holdersOf: Set<string>[] = [];
  const sizes = new Map<string, number>();
  // Per source, the texts it holds (each as the set of its holders).
  const textsOf = new Map<string, Set<Set<string>>>();
  for (const passage of passages) {
    const key = passage.text.replace(/\s+/gu, ' ').toLowerCase();
    let sources = holders.get(key);
    if (sources === undefined) holders.set(key, (sources = new Set()));
    sources.add(passage.sourceId);
    holdersOf.push(sources);
    sizes.set(passage.sourceId, (sizes.get(passage.sourceId) ?? 0) + 1);
    let texts = textsOf.get(passage.sourceId);
    if (texts === undefined) textsOf.set(passage.sourceId, (texts = new Set()));
    texts.add(sources);
  }
  // One source at a time, how many passages of each other source it also holds (by text), then forgotten: a text
  // held by thousands of sources (the nav line of every page of a site, in twelve copies of the site) makes that
  // table quadratic in its holders, too large to keep for every source at once.
  const aggregates = new Set<string>();
  for (const [holder, texts] of textsOf) {
    const shared = new Map<string, number>();
    for (const sources of texts) {
      if (sources.size < 2) continue;
      for (const other of sources) if (other !== holder) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    let contained = 0;
    for (const [other, count] of shared) if (count >= sizes.get(other)! * AGGREGATE_SHARE) contained += 1;
    if (contained >= AGGREGATE_SOURCES) aggregates.add(holder);
  }
  const dropped = new Set<number>();
  passages.forEach((passage, index) => {
    const sources = holdersOf[index]!;
    if (sources.size > sizes.size * TEMPLATE_SHARE && sources.size >= TEMPLATE_MIN_SOURCES) dropped.add(passage.id);
    else if (aggregates.has(passage.sourceId) && [...sources].some((id) => id !== passage.sourceId && !aggregates.has(id))) dropped.add(passage.id);
  });
  return dropped;
}
