import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COPY_SIGNATURE_HASHES, copyPairsAmong, copySignature, type CopyPair, type CopySignature } from '../../src/search/copies.js';

const BANDS = 64;
const ROWS = COPY_SIGNATURE_HASHES / BANDS;
const EMPTY = 0xffffffff;

/** Copy detection as first written: every pair met in a band bucket remembered as a string, compared once. */
function everyPairRemembered(signatures: readonly CopySignature[], compare: (a: number, b: number) => number): CopyPair[] {
  const pairs: CopyPair[] = [];
  const compared = new Set<string>();
  for (let band = 0; band < BANDS; band++) {
    const buckets = new Map<string, number[]>();
    signatures.forEach((sig, index) => {
      const rows = sig.hashes.subarray(band * ROWS, band * ROWS + ROWS);
      if (sig.size === 0 || rows.every((value) => value === EMPTY)) return;
      const key = rows.join(',');
      buckets.set(key, [...(buckets.get(key) ?? []), index]);
    });
    for (const bucket of buckets.values()) {
      for (let i = 0; i < bucket.length; i++) {
        for (let j = i + 1; j < bucket.length; j++) {
          const [a, b] = [bucket[i]!, bucket[j]!];
          if (compared.has(`${a}:${b}`)) continue;
          compared.add(`${a}:${b}`);
          const containment = compare(a, b);
          if (containment >= 0.25) pairs.push({ a, b, containment });
        }
      }
    }
  }
  return pairs;
}

describe('copy detection', () => {
  it('finds the pairs a comparison of every pair met would find, in the same order, with many copies of each article (property)', () => {
    const words = ['bridge', 'reopened', 'monday', 'after', 'eight', 'months', 'repairs', 'mayor', 'said', 'traffic', 'river', 'city'];
    const body = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 40 }).map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(body, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(5), { maxLength: 20 }), (bodies, picks) => {
        // Some articles repeated word for word (the same signature), interleaved with the others.
        const texts = [...bodies, ...picks.map((pick) => bodies[pick % bodies.length]!)];
        const signatures = texts.map(copySignature);
        const found = copyPairsAmong(signatures);
        // Two articles that share a bucket, alone: the pair's containment, whatever the order logic does.
        const containment = (a: number, b: number): number => copyPairsAmong([signatures[a]!, signatures[b]!])[0]?.containment ?? 0;
        expect(found).toEqual(everyPairRemembered(signatures, containment));
        // Word-for-word copies of a non-empty article are always found.
        texts.forEach((text, a) =>
          texts.forEach((other, b) => {
            if (a < b && text === other && signatures[a]!.size > 0) expect(found.some((pair) => pair.a === a && pair.b === b)).toBe(true);
          }),
        );
      }),
    );
  });
});
