import { describe, expect, it } from 'vitest';
import type { CorpusReport } from '../../src/eval/outcome.js';
import { corpusRows, kindRows, renderSuiteTables } from '../../src/eval/table.js';
import { tally, tallyByKind } from '../../src/eval/tally.js';
import { outcome } from './outcomes.js';

const news = [
  outcome({ corpus: 'news', kind: 'count', quoth: 'right', baseline: 'right', retrievalRank: 1, conflictOk: true }),
  outcome({ corpus: 'news', kind: 'count', quoth: 'wrong', retrievalRank: 9, conflictOk: false }),
  outcome({ corpus: 'news', kind: 'who', quoth: 'abstained', retrievalRank: null }),
  outcome({ corpus: 'news', kind: 'offtopic', answerable: false, quoth: 'abstained' }),
  outcome({ corpus: 'news', kind: 'offtopic', answerable: false, quoth: 'wrong', baseline: 'abstained' }),
];
const docs = [
  outcome({ corpus: 'docs', kind: 'count', quoth: 'right', retrievalRank: 3 }),
  outcome({ corpus: 'docs', quoth: 'right', verbatim: false, retrievalRank: 2 }),
];

describe('tally', () => {
  it('counts right answers, right abstentions, wrong answers, verbatim, conflicts and retrieval', () => {
    expect(tally(news)).toEqual({
      cases: 5,
      answerable: 3,
      answerableRight: 1,
      unanswerable: 2,
      abstainedRight: 1,
      // answered but wrong, and answered where it should have abstained; abstaining on an answerable case is not a wrong answer
      wrongAnswers: 2,
      verbatim: 5,
      conflictCases: 2,
      conflictsRight: 1,
      retrievalCases: 3,
      retrievedAt5: 1,
      baselineAnswerableRight: 1,
      baselineAbstainedRight: 1,
    });
  });

  it('does not count an answer whose quote is not verbatim as right', () => {
    expect(tally(docs)).toMatchObject({ answerableRight: 1, verbatim: 1, wrongAnswers: 1 });
  });

  it('groups by kind, in alphabetical order', () => {
    const byKind = tallyByKind([...news, ...docs]);
    expect(byKind.map(({ kind }) => kind)).toEqual(['count', 'offtopic', 'other', 'who']);
    expect(byKind[0]!.tally).toMatchObject({ cases: 3, answerable: 3, answerableRight: 2, retrievedAt5: 2 });
  });
});

describe('the suite tables', () => {
  const reports: CorpusReport[] = [
    { corpus: 'news', ok: true, folder: '/news', outcomes: news, seconds: 1 },
    { corpus: 'docs', ok: true, folder: '/docs', outcomes: docs, seconds: 1 },
    { corpus: 'broken', ok: false, error: 'folder not found: /nowhere' },
  ];

  it('has a row per corpus and kind, a total per corpus, and one over all corpora', () => {
    const rows = corpusRows(reports);
    expect(rows.map((row) => row.labels.join('/'))).toEqual([
      'news/count', '/offtopic', '/who', '/all',
      'docs/count', '/other', '/all',
      'broken/all',
      'all corpora/all',
    ]);
    expect(rows.at(-1)!.tally).toMatchObject({ cases: 7, answerableRight: 2 });
    expect(rows[7]!.tally).toBe('not evaluated: folder not found: /nowhere');
  });

  it('aggregates each kind over all corpora', () => {
    const rows = kindRows(reports);
    expect(rows.map((row) => row.labels[0])).toEqual(['count', 'offtopic', 'other', 'who', 'all']);
    expect(rows[0]!.tally).toMatchObject({ cases: 3, answerableRight: 2 });
  });

  it('prints n/N cells, – where a column does not apply, and the note of a corpus that did not run', () => {
    const text = renderSuiteTables(reports);
    expect(text).toMatch(/^news\s+count\s+1\/2\s+–\s+1\s+2\/2\s+1\/2\s+1\/2\s+1\/2\s+–$/mu);
    expect(text).toMatch(/^broken\s+all\s+not evaluated: folder not found: \/nowhere$/mu);
    expect(text).toMatch(/^all corpora\s+all\s+2\/5\s+1\/2\s+3\s+6\/7\s+1\/2\s+3\/5\s+1\/5\s+1\/2$/mu);
    expect(text.split('\n').at(-1)).toMatch(/^all\s+2\/5/u);
  });
});
