/** How a source is named to people, shared by every renderer. */
import type { SourceRef } from '../model.js';

/** "Kyiv hit by barrage… — Capital News, 2025-07-04"; falls back to the id when the title is unknown. */
export function describeSource(source: SourceRef): string {
  const details = [source.outlet, source.published].filter((part): part is string => part !== null);
  return details.length > 0 ? `${source.title ?? source.id} — ${details.join(', ')}` : (source.title ?? source.id);
}

/** Short name for lists: outlet, else title, else id. */
export function shortSourceName(source: SourceRef): string {
  return source.outlet ?? source.title ?? source.id;
}
