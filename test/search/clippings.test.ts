import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { clippedFrom, poissonTail } from '../../src/search/clippings.js';
import { corpusOf, plainArticle } from '../helpers.js';

/** Filler articles about other things, so that the words below are rare enough for their co-occurrence to be evidence. */
const FILLER = Array.from({ length: 150 }, (_, index) =>
  plainArticle(`filler-${index}`, `Note ${index} covers the weather of day ${index}, with rain in the north and sun in the south.`),
);

const TOOLS = [
  plainArticle('bare', 'A bare repository has no working tree. People call such a repo a bare repo, and push to it.'),
  plainArticle('clone', 'Cloning a repository copies every branch. The cloned repo keeps a link to its origin.'),
  plainArticle('init', 'The init command creates an empty repository; the new repo has no commits yet.'),
  plainArticle('fetch', 'Fetching updates the remote branches of a repository. Run it in any repo with a remote.'),
  plainArticle('hooks', 'Hooks are scripts a repository runs on events; every repo has a hooks directory.'),
  plainArticle('gc', 'Garbage collection packs the objects of a repository to save space.'),
  plainArticle('rename', 'The renameLimit setting caps how many files rename detection looks at. Rename detection is slow.'),
  plainArticle('limit', 'Rename detection stops early when renameLimit is reached; renameLimit defaults to 1000.'),
  plainArticle('report', 'A report lists the reported problems of every run.'),
];

describe('clipped words mined from the corpus', () => {
  it('tests co-occurrences against independence with the Poisson upper tail', () => {
    expect(poissonTail(2, 1)).toBeCloseTo(1 - Math.exp(-1) * 2, 10);
    expect(poissonTail(3, 0.5)).toBeCloseTo(1 - Math.exp(-0.5) * (1 + 0.5 + 0.125), 10);
    expect(poissonTail(400, 100)).toBeLessThan(1e-50);
    // Only an excess of co-occurrences is evidence.
    expect(poissonTail(2, 5)).toBe(1);
  });

  it('reads a word as the English word it clips when the corpus writes both in the same passages far beyond chance', async () => {
    const corpus = await corpusOf([...TOOLS, ...FILLER]);
    expect(clippedFrom(corpus.impacts, 'repo')).toBe('repositori');
    expect(clippedFrom(corpus.impacts, 'repos')).toBe('repositori');
    // "rename" starts the identifier "renameLimit", which is no English word; "report" shares no passage with "rep…".
    expect(clippedFrom(corpus.impacts, 'rename')).toBeNull();
    expect(clippedFrom(corpus.impacts, 'report')).toBeNull();
    // A word that starts no English word the corpus writes more often.
    expect(clippedFrom(corpus.impacts, 'day')).toBeNull();
  });

  it('answers with the full word a clipping stands for, but not when the question writes it as code', async () => {
    const corpus = await corpusOf([...TOOLS, ...FILLER]);
    const answer = answerQuestion(corpus, 'what is a bare repo?');
    expect(answer.quotes[0]?.text).toMatch(/^A bare repository has no working tree\./);
    const asCode = answerQuestion(corpus, 'what does repo() return?');
    expect(asCode.quotes.map((quote) => quote.text).join(' ')).not.toContain('repository');
  });
});
