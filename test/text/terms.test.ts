import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTerms, termOf, tokenize } from '../../src/text/terms.js';

describe('terms', () => {
  it('drops stopwords and question words', () => {
    expect(contentTerms('How many of the drones did they launch?')).toEqual(['drone', 'launch']);
  });

  it('folds British spellings, possessives, irregular verbs and plurals onto one term', () => {
    expect(termOf('defences')).toBe(termOf('defenses'));
    expect(termOf('Ukraine’s')).toBe(termOf('Ukraine'));
    expect(termOf('wrote')).toBe(termOf('write'));
    expect(termOf('people')).toBe(termOf('person'));
    expect(termOf('injured')).toBe(termOf('injuring'));
  });

  it('keeps numbers whole, without thousands separators', () => {
    expect(contentTerms('1,000 detainees and 2.5 million')).toEqual(['1000', 'detaine', '2.5', 'million']);
  });

  it('reads an initialism written with stops as the initialism', () => {
    expect(contentTerms('U.S. destroyers and the U.K.')).toEqual(contentTerms('US destroyers and the UK'));
    expect(tokenize('U.S.-made').map((token) => token.raw)).toEqual(['U.S', 'made']);
    expect(contentTerms('os.path.join and sys.argv')).toEqual(['os', 'path', 'join', 'sy', 'argv']);
    expect(contentTerms('Python 3.11.2')).toEqual(['python', '3.11.2']);
  });

  it('reports exact offsets', () => {
    const text = 'Air raid alerts — for eight hours';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.raw);
  });
});

describe('tokenize reads words as its pattern does', () => {
  const WORD = /(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}])|[\p{L}\p{M}\p{N}]+(?:['’][\p{L}]+)*(?:[.,]\d+)*/gu;
  const text = fc
    .array(
      fc.oneof(
        fc.constantFrom('a', 'Z', 'word', '7', '42', "'", '’', '.', ',', ' ', '\n', '-', 'é', 'e\u0301', '٣', '½', '中文', '🦀', '“', '”', "it's", 'v3.11', '1,000.5', "'s2", 'U.S.', 'e.g.'),
        fc.string({ unit: 'binary', maxLength: 4 }),
      ),
      { maxLength: 40 },
    )
    .map((parts) => parts.join(''));

  it('gives every match of the word pattern, with its offsets', () => {
    fc.assert(
      fc.property(text, fc.nat(1000), (sample, offset) => {
        const expected = [...sample.matchAll(WORD)].map((match) => ({ raw: match[0], start: offset + match.index }));
        expect(tokenize(sample, offset).map(({ raw, start }) => ({ raw, start }))).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });
});
