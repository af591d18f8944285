import { describe, expect, it } from 'vitest';
import { analyzeQuestion } from '../../src/answer/question.js';
import { correctSpelling, editDistance } from '../../src/answer/spelling.js';
import { corpusOf, plainArticle } from '../helpers.js';

describe('spelling correction against the corpus vocabulary', () => {
  it('counts a swap of two neighbouring letters as one edit', () => {
    expect(editDistance('cahce', 'cache')).toBe(1);
    expect(editDistance('genrate', 'generate')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('reads a misspelt word as the closest indexed term, and leaves real words and known terms alone', async () => {
    const corpus = await corpusOf([
      plainArticle('a', 'Vitali Klitschko said the cache keeps recent results. The major release ships today.'),
    ]);
    const { question, corrections } = correctSpelling(corpus, analyzeQuestion('did Klitchko clear the cahce for the mayor?'));
    expect(corrections.map((correction) => [correction.written, correction.term])).toEqual([
      ['Klitchko', 'klitschko'],
      ['cahce', 'cach'],
    ]);
    // "mayor" is an English word the corpus does not use: unknown, not a typo of "major".
    expect(question.terms.find((term) => term.raw === 'mayor')?.forms).toEqual(['mayor']);
  });
});
