import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentIds, sameStatement } from '../../src/answer/duplicates.js';
import type { Token } from '../../src/text/terms.js';

/** The rule on sets of terms, without the early exit for sets too unequal in size. */
function sameStatementInFull(a: Set<string>, b: Set<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return false;
  let shared = 0;
  for (const term of small) if (large.has(term)) shared += 1;
  if (shared / (small.size + large.size - shared) >= 0.6) return true;
  return small.size >= 5 && shared / small.size >= 0.8 && small.size / large.size >= 0.4;
}

/** A sentence's tokens: terms drawn from a small vocabulary (so that sentences share some), repeats and stopwords. */
const tokens = fc.array(fc.integer({ min: 0, max: 40 }).map((n): Token => ({ term: n === 0 ? '' : `t${n % 37}`, raw: '', start: 0, end: 0 })), { maxLength: 40 });
const termSet = (list: Token[]): Set<string> => new Set(list.map((token) => token.term).filter((term) => term !== ''));

describe('near-duplicate statements', () => {
  it('numbered terms and the size check give the verdict of sets of terms', () => {
    fc.assert(
      fc.property(tokens, tokens, (a, b) => {
        const ids = new Map<string, number>();
        expect(sameStatement(contentIds(a, ids), contentIds(b, ids))).toBe(sameStatementInFull(termSet(a), termSet(b)));
      }),
      { numRuns: 5000 },
    );
  });
});
