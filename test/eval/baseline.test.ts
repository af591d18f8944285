import { describe, expect, it } from 'vitest';
import { buildBaseline, naiveSentences } from '../../src/eval/baseline.js';
import { parseCases, scoreCase } from '../../src/eval/score.js';

describe('naiveSentences', () => {
  it('cuts blocks at blank lines and sentences after a full stop, collapsing white space', () => {
    expect(naiveSentences('Title line\n\nOne sentence here. Another\n  wrapped one! A question?\n\n\n“Quoted.” Next.')).toEqual([
      'Title line',
      'One sentence here.',
      'Another wrapped one!',
      'A question?',
      '“Quoted.”',
      'Next.',
    ]);
  });
});

describe('the baseline', () => {
  const baseline = buildBaseline([
    { id: 'cats', text: 'Cats sleep for most of the day. A cat purrs when content.' },
    { id: 'rivers', text: 'The Danube flows through ten countries.\n\nIt ends in the Black Sea.' },
  ]);

  it('answers with the first hit’s sentence and its source', () => {
    const answer = baseline.answer('Which countries does the Danube flow through?');
    expect(answer.status).toBe('answered');
    expect(answer.quotes[0]).toMatchObject({ text: 'The Danube flows through ten countries.', source: { id: 'rivers' } });
    expect(baseline.sentences).toBe(4);
  });

  it('says no answer when no sentence shares a word with the question', () => {
    expect(baseline.answer('zebra xylophone').status).toBe('no_answer');
  });

  it('is scored like Quoth', () => {
    const [answerable, unanswerable] = parseCases(
      [
        '{"id":"purr","question":"When does a cat purr?","expect":["content"],"sources":["cats"]}',
        '{"id":"none","question":"Why do cats sleep?","answerable":false}',
      ].join('\n'),
    );
    const texts = new Map([
      ['cats', 'Cats sleep for most of the day. A cat purrs when content.'],
      ['rivers', 'The Danube flows through ten countries. It ends in the Black Sea.'],
    ]);
    expect(scoreCase(answerable!, baseline.answer(answerable!.question), (id) => texts.get(id))).toMatchObject({ pass: true, verbatim: true });
    expect(scoreCase(unanswerable!, baseline.answer(unanswerable!.question), (id) => texts.get(id)).pass).toBe(false);
  });
});
