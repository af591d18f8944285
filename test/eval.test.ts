import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../src/answer/answer.js';
import { collapseSpace, parseCases, scoreCase, totals } from '../src/eval/score.js';
import { REPO_ROOT, seedCorpus } from './helpers.js';

describe('the dev evaluation on the seeds', async () => {
  const cases = parseCases(await readFile(path.join(REPO_ROOT, 'test/fixtures/seeds-dev.jsonl'), 'utf8'));
  const corpus = await seedCorpus();
  const texts = new Map<string, string>();
  for (const { source } of corpus.sources) texts.set(source.id, collapseSpace(await readFile(path.resolve(REPO_ROOT, source.path), 'utf8')));

  const results = cases.map((testCase) => scoreCase(testCase, answerQuestion(corpus, testCase.question), (id) => texts.get(id)));

  it.each(cases.map((testCase, index) => [testCase.id, index] as const))('passes %s', (_id, index) => {
    expect(results[index]!.problems).toEqual([]);
  });

  it('quotes every source verbatim', () => {
    const sum = totals(cases, results);
    expect(sum.quotesVerbatim).toBe(sum.casesVerbatim);
  });
});

describe('scoreCase', () => {
  it('fails a quote that is not verbatim in its source', async () => {
    const corpus = await seedCorpus();
    const answer = answerQuestion(corpus, 'Who is the mayor of Kyiv?');
    const altered = { ...answer, quotes: answer.quotes.map((quote) => ({ ...quote, text: quote.text.replace('mayor', 'Mayor') })) };
    const [testCase] = parseCases('{"id":"m","question":"Who is the mayor of Kyiv?","answerable":true,"expect":["Klitschko"],"sources":["002_ed0d13cddf14b3e3"]}');
    const result = scoreCase(testCase!, altered, () => 'According to Kyiv mayor Vitali Klitschko, 14 people were hospitalised.');
    expect(result.verbatim).toBe(false);
    expect(result.pass).toBe(false);
  });

  it('names the line of a malformed case file', () => {
    expect(() => parseCases('{"id":"a","question":"q"}\nnot json')).toThrow('line 2 is not JSON');
  });
});
