import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTerms, termOf, tokenize, wordTerms } from '../../src/text/terms.js';

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

  it('reads a function word between a determiner and a content word as the name of a thing', () => {
    expect(contentTerms('What does the with statement do?')).toEqual(['with', 'statement']);
    expect(contentTerms('The if statement is used for conditional execution')).toEqual(['if', 'statement', 'us', 'condit', 'execut']);
    expect(contentTerms('what does the why command do?')).toEqual(['why', 'command']);
    expect(contentTerms('an in operator')).toEqual(['in', 'oper']);
    expect(contentTerms('the `while` loop and the "not" operator')).toEqual(['while', 'loop', 'not', 'oper']);
  });

  it('reads a function word quoted alone as the name of a thing', () => {
    expect(contentTerms('what does `with` do?')).toEqual(['with']);
    expect(contentTerms("is 'is' the same as “==”?")).toEqual(['is']);
    expect(contentTerms('he said "with love" and `if x`')).toEqual(['love', 'x']);
  });

  it('reads no name in a function word that follows no determiner, that a determiner may stand before, or joined by a hyphen', () => {
    expect(contentTerms('wrap the block with a statement')).toEqual(['wrap', 'block', 'statement']);
    expect(contentTerms('the same file, the most recent one, the only port, the very first')).toEqual(['file', 'recent', 'on', 'port', 'first']);
    expect(contentTerms('the in-memory database')).toEqual(['memori', 'databas']);
    expect(contentTerms('the with\nstatement')).toEqual(['statement']);
  });

  it('counts the terms a corpus holds as tokenize reads them (property)', () => {
    const piece = fc.constantFrom('the', 'The', 'a', 'An', 'with', 'if', 'in', 'why', 'same', 'statement', 'loop', 'x', ' ', '  ', '\n', '-', '`', '"', "'", '“', '”', '‘', '’', '.', '?');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const tokens = tokenize(text);
        expect(wordTerms(text, (raw) => termOf(raw) ?? '')).toEqual({ words: tokens.map((token) => token.raw), terms: tokens.map((token) => token.term) });
      }),
      { numRuns: 3000 },
    );
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
