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

  it('reports exact offsets', () => {
    const text = 'Air raid alerts — for eight hours';
    for (const token of tokenize(text)) expect(text.slice(token.start, token.end)).toBe(token.raw);
  });
});
