/** Near-duplicate sentences: the same statement in (nearly) the same words, e.g. one wire story in several outlets. */
import type { Token } from '../text/terms.js';

/** Share of the shorter sentence's content terms found in the longer one for the two to say the same thing. */
const CONTAINMENT = 0.8;
const JACCARD = 0.6;

export function contentSet(tokens: Token[]): Set<string> {
  const set = new Set<string>();
  for (const token of tokens) if (token.term !== '') set.add(token.term);
  return set;
}

export function sameStatement(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const term of small) if (large.has(term)) shared += 1;
  const jaccard = shared / (small.size + large.size - shared);
  if (jaccard >= JACCARD) return true;
  // A shortened copy ("Ukraine said Russia fired a record 550 drones and 11 missiles.") of a longer sentence.
  return small.size >= 5 && shared / small.size >= CONTAINMENT && small.size / large.size >= 0.4;
}
