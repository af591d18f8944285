import { describe, expect, it } from 'vitest';
import { answerQuestion, candidateSentences, termWeights } from '../../src/answer/answer.js';
import { findConflicts } from '../../src/answer/conflicts.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { RANKING } from '../../src/answer/ranking-weights.js';
import { corpusOf, plainArticle, seedCorpus } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const wire = 'Officials said 12 people were injured when the ferry struck the pier on Sunday. The ferry carried 300 passengers.';

describe('near-duplicates and corroboration', () => {
  it('collapses syndicated copies into one quote, also reported by the others', async () => {
    const corpus = await corpusOf([
      plainArticle('outlet-a', wire, { outlet: 'A' }),
      plainArticle('outlet-b', `${wire} Divers inspected the hull.`, { outlet: 'B' }),
      plainArticle('outlet-c', 'The harbour master said 12 people were hurt after the ferry hit the pier.', { outlet: 'C' }),
    ]);
    const answer = answerQuestion(corpus, 'How many people were injured when the ferry struck the pier?');
    const first = answer.quotes[0]!;
    expect(first.text).toContain('12 people were injured');
    expect([first.source.id, ...first.alsoIn.map((source) => source.id)].sort()).toEqual(['outlet-a', 'outlet-b']);
    expect(answer.quotes.filter((quote) => quote.text.includes('12 people were injured'))).toHaveLength(1);
    // Three outlets state it, but A and B carry one wire story: two independent sources.
    expect(first.supportedBy.sort()).toEqual(['outlet-a', 'outlet-b', 'outlet-c']);
    expect(first.corroboration).toBe(2);
  });
});

describe('conflicts', () => {
  it('shows sources that give different figures for the same thing side by side', async () => {
    const corpus = await corpusOf([
      plainArticle('one', 'Rescuers said 12 people were injured in the ferry crash.'),
      plainArticle('two', 'Police said 15 people were injured in the ferry crash on Sunday.'),
      plainArticle('three', 'At least 12 people were injured in the crash, the ferry company said.'),
    ]);
    const answer = answerQuestion(corpus, 'How many people were injured in the ferry crash?');
    expect(answer.conflicts).toHaveLength(1);
    const values = answer.conflicts[0]!.values;
    expect(values.map((value) => value.value)).toEqual(['12', '15']);
    expect(values[0]!.sources.sort()).toEqual(['one', 'three']);
    expect(values[1]!.sources).toEqual(['two']);
    expect(values[1]!.quote.text).toBe('Police said 15 people were injured in the ferry crash on Sunday.');
  });

  it('does not read a manual’s default beside the example value it explains as sources that disagree', async () => {
    const entry = (example: string): string =>
      ['# Readline variables', '', '## keyseq-timeout', '', `Specifies how long Readline waits for a key. The default value is 500. ${example}`, ''].join('\n');
    const corpus = await corpusOf([
      articleFrom('reference.md', entry('The value is in milliseconds, so a value of 1000 means that Readline will wait one second.')),
      articleFrom('manpage.md', entry('The value is in milliseconds: a value of 1000 means that Readline will wait one second.')),
    ]);
    const answer = answerQuestion(corpus, 'what is the default value of keyseq-timeout?');
    expect(answer.answer).toBe('500');
    expect(answer.conflicts).toEqual([]);
  });

  it('in a manual, counts a figure against the answer only when its sentence would answer the question too', async () => {
    const corpus = await corpusOf([
      articleFrom('server.md', '# Gadget server\n\n## Listening\n\nThe gadget server listens on port 8080 by default.\n'),
      articleFrom('mail.md', '# Mail relay\n\n## Ports\n\nThe relay listens for mail on port 25 by default.\n'),
    ]);
    const question = analyzeQuestion('which port does the gadget server listen on by default?');
    const ranked = candidateSentences(corpus, question.text);
    const [best, relay] = [ranked.find((sentence) => sentence.short?.value === '8080')!, ranked.find((sentence) => sentence.short?.value === '25')!];
    const conflictsWhenRelayScores = (score: number) =>
      findConflicts(corpus, question, termWeights(corpus, question), [best, { ...relay, score }], best, RANKING.threshold).map((conflict) => conflict.values.map((value) => value.value));
    // A page about another program states its own port: it would not answer, so it does not disagree.
    expect(conflictsWhenRelayScores(RANKING.threshold - 0.1)).toEqual([]);
    expect(conflictsWhenRelayScores(RANKING.threshold + 0.1)).toEqual([['8080', '25']]);
  });

  it('does not report agreeing sources as a conflict', async () => {
    const corpus = await corpusOf([
      plainArticle('one', 'The ferry carried 300 passengers when it struck the pier.'),
      plainArticle('two', 'All 300 passengers on the ferry were evacuated.'),
    ]);
    expect(answerQuestion(corpus, 'How many passengers did the ferry carry?').conflicts).toEqual([]);
  });

  it('does not mistake different things that share a noun for a disagreement', async () => {
    const corpus = await corpusOf([
      plainArticle('one', 'The city launched 40 buses on Monday and retired 12 buses that were too old.'),
      plainArticle('two', 'Officials launched 40 buses this week.'),
    ]);
    const answer = answerQuestion(corpus, 'How many buses were launched?');
    expect(answer.answer).toBe('40 buses');
    expect(answer.conflicts).toEqual([]);
  });

  it('reports the seeds’ 23 vs 26 injured and 550 vs 539 drones', async () => {
    const corpus = await seedCorpus();
    const injured = answerQuestion(corpus, 'How many people were injured in Kyiv?').conflicts[0]!;
    expect(injured.values.map((value) => value.value)).toEqual(['23', '26']);
    expect(injured.values[1]!.sources).toEqual(['001_f1b6b5ba79f4232f']);
    const drones = answerQuestion(corpus, 'How many drones did Russia launch at Ukraine overnight?').conflicts[0]!;
    expect(drones.values.map((value) => value.value)).toEqual(['550', '539']);
    expect(drones.values[1]!.sources).toEqual(['002_ed0d13cddf14b3e3']);
  });

  it('keeps the seeds’ figures for an earlier attack out of today’s counts', async () => {
    const corpus = await seedCorpus();
    expect(answerQuestion(corpus, 'How many missiles were fired?').conflicts).toEqual([]);
    const previous = answerQuestion(corpus, 'What was the previous record number of drones launched in one night?');
    expect(previous.answer).toContain('537');
    expect(previous.conflicts).toEqual([]);
  });

  it('recognises the seed article republished by another outlet as one story', async () => {
    const corpus = await seedCorpus();
    const story = (id: string): string | undefined => corpus.sourceById.get(id)?.story;
    expect(story('003_8ae3a1aae92a0510')).toBe(story('000_53f91090952606e1'));
    expect(new Set(corpus.sources.map((source) => source.story)).size).toBe(4);
  });
});
