/** How a source is named to people, shared by every renderer. */
import type { Quote, SourceRef } from '../model.js';

/** A quote as shown: each run of white space (a hard-wrapped line's break and indent) one space. */
export function asShown(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** "Kyiv hit by barrage… — Capital News, 2025-07-04"; falls back to the id when the title is unknown. */
export function describeSource(source: SourceRef): string {
  const details = [source.outlet, source.published].filter((part): part is string => part !== null);
  return details.length > 0 ? `${source.title ?? source.id} — ${details.join(', ')}` : (source.title ?? source.id);
}

/** Short name for lists: outlet, else title, else id. */
export function shortSourceName(source: SourceRef): string {
  return source.outlet?.trim() || source.title?.trim() || source.id;
}

/** A source's own name: its title, else its id. */
export function sourceName(source: SourceRef): string {
  return source.title?.trim() || source.id;
}

/**
 * Short names for a list of sources, each its own name where the list holds another of the same short name: the
 * pages of one site share its outlet ("Internet Systems Consortium; Internet Systems Consortium").
 */
export function distinctShortNames(sources: readonly SourceRef[]): string[] {
  const short = sources.map(shortSourceName);
  return sources.map((source, index) => (short.indexOf(short[index]!) !== short.lastIndexOf(short[index]!) ? sourceName(source) : short[index]!));
}

/**
 * "reported by 4 of 5 sources (3 independent)": how many sources state a quote, and how many of those
 * are not copies of one another. Never claims more sources than are indexed.
 */
export function corroborationText(quote: Quote, sourceCount: number): string {
  if (sourceCount <= 1) return 'reported by the only indexed source';
  const reported = Math.max(1, quote.supportedBy.length, quote.corroboration);
  const independent = Math.max(1, quote.corroboration);
  const copies = independent < reported ? ` (${independent} independent)` : '';
  return `reported by ${reported} of ${Math.max(reported, sourceCount)} sources${copies}`;
}
