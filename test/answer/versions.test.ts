import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const notes = [
  'Package entry points',
  '',
  'The "exports" field was added in version 12.7.0 as an alternative to "main".',
  '',
  'Conditional entry points are supported in Node.js 14+ only.',
  '',
  'Roughly 2.5 pct of packages set it, and a licence costs $1.50.',
  '',
  'Dictionary order became part of the language in release 3.7, so every implementation keeps insertion order.',
  '',
].join('\n');

describe('version questions', () => {
  it('reads "which … version" and "since which … version" as asking for a version', () => {
    expect(analyzeQuestion('which node version first supports the "exports" field?').kind).toBe('version');
    expect(analyzeQuestion('since which python version is dict ordering guaranteed?').kind).toBe('version');
    expect(analyzeQuestion('In what Node version did N-API first show up?').kind).toBe('version');
    expect(analyzeQuestion('which module parses arguments?').kind).toBe('entity');
  });

  it('answers with the version number, not a share or a sum', async () => {
    const corpus = await corpusOf([articleFrom('notes.txt', notes)]);
    expect(answerQuestion(corpus, 'which version added the "exports" field?').answer).toBe('12.7.0');
    expect(answerQuestion(corpus, 'since which release is dictionary order kept?').answer).toBe('3.7');
    expect(answerQuestion(corpus, 'which node version supports conditional entry points?').answer).toBe('14+');
    expect(answerQuestion(corpus, 'which version of packages set the licence cost?').answer ?? '').not.toMatch(/2\.5|1\.50/u);
  });
});
