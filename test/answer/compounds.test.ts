import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { withCompounds } from '../../src/answer/compounds.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf, plainArticle } from '../helpers.js';

describe('two question words the corpus writes as one', () => {
  it('reads "timed out" as the "timeout" the corpus writes, and answers from its sentence', async () => {
    const corpus = await corpusOf([
      plainArticle('discovery', 'Test discovery\n\nThe discovery step lists the tests of each executable. If listing takes longer than the timeout, the build fails. The timeout is 5 seconds by default.'),
      plainArticle('clock', 'Time\n\nThe time shown in the log is the time of the server. Listing the tests prints the time each one took.'),
    ]);
    const question = 'the test executable timed out while listing tests. how long is that by default?';
    const read = withCompounds(corpus, analyzeQuestion(question));
    expect(read.terms.find((term) => term.raw === 'timed')?.forms).toContain('timeout');
    const answer = answerQuestion(corpus, question);
    expect(answer.answer).toBe('5 seconds');
    expect(answer.quotes[0]?.text).toContain('The timeout is 5 seconds');
  });

  it('joins two nouns ("file system") and a hyphenated pair ("re-run") the corpus writes as one word', async () => {
    const corpus = await corpusOf([
      plainArticle('a', 'The filesystem must be mounted first. You may need to rerun the configure step. A file lists the system packages.'),
    ]);
    const forms = (question: string): string[][] => withCompounds(corpus, analyzeQuestion(question)).terms.map((term) => term.forms);
    expect(forms('which file system is mounted?')).toEqual(expect.arrayContaining([expect.arrayContaining(['file', 'filesystem']), expect.arrayContaining(['system', 'filesystem'])]));
    expect(forms('do i have to re-run configure?').flat()).toContain('rerun');
  });

  it('joins no preposition or determiner, and no name that runs two words together', async () => {
    const corpus = await corpusOf([
      plainArticle('a', 'Global options come first. The sizeof operator is not used here. Each VirtualHost block configures one site; a virtual server hosts it.'),
    ]);
    const forms = (question: string): string[] => withCompounds(corpus, analyzeQuestion(question)).terms.flatMap((term) => term.forms);
    // "all" is a determiner here, "of" a preposition: "global" and "sizeof" are other words.
    expect(forms('can I glob all my files?')).not.toContain('global');
    expect(forms('what is the size of a block?')).not.toContain('sizeof');
    // The corpus writes "virtualhost" only as a name in capitals, never as a word.
    expect(forms('how does virtual host configuration work?')).not.toContain('virtualhost');
  });
});
