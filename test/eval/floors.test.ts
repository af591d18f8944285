import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFloors, parseFloors } from '../../src/eval/floors.js';
import type { CorpusReport } from '../../src/eval/outcome.js';
import { outcome } from './outcomes.js';

const floors = parseFloors(
  JSON.stringify({
    about: 'counts of cases',
    corpora: {
      news: { answerableRight: 2, abstainedRight: 1 },
      docs: { answerableRight: 1, abstainedRight: 0 },
      broken: { answerableRight: 0, abstainedRight: 0 },
    },
  }),
  'floors.json',
);

const ran = (corpus: string, outcomes: ReturnType<typeof outcome>[]): CorpusReport => ({ corpus, ok: true, folder: `/${corpus}`, outcomes, seconds: 1 });

describe('checkFloors', () => {
  it('passes corpora at their floors', () => {
    const reports = [
      ran('news', [outcome({ quoth: 'right' }), outcome({ quoth: 'right' }), outcome({ answerable: false, quoth: 'abstained' })]),
      ran('docs', [outcome({ quoth: 'right' })]),
    ];
    expect(checkFloors(floors, reports)).toEqual([]);
  });

  it('names each corpus below its floor and the metric', () => {
    const reports = [ran('news', [outcome({ quoth: 'right' }), outcome({ quoth: 'wrong' }), outcome({ answerable: false, quoth: 'wrong' })])];
    expect(checkFloors(floors, reports)).toEqual([
      'news: answerable right 1/2 is below the floor of 2',
      'news: abstained right 0/1 is below the floor of 1',
    ]);
  });

  it('requires every quote verbatim, also in corpora without a floor', () => {
    const reports = [ran('extra', [outcome({ quoth: 'right', verbatim: false }), outcome({ quoth: 'right' })])];
    expect(checkFloors(floors, reports)).toEqual(['extra: quotes verbatim in 1/2 cases; every quote must be verbatim']);
  });

  it('fails a floored corpus that could not be evaluated, and skips floors of corpora left out of the run', () => {
    expect(checkFloors(floors, [{ corpus: 'broken', ok: false, error: 'apt-get install -y x failed' }])).toEqual([
      'broken: not evaluated (apt-get install -y x failed)',
    ]);
  });
});

describe('parseFloors', () => {
  it('names the file and the field of a bad floor', () => {
    expect(() => parseFloors('{"corpora":{"news":{"answerableRight":-1,"abstainedRight":0}}}', 'f.json')).toThrow(/^Quoth eval: f\.json: corpora\.news\.answerableRight: /u);
    expect(() => parseFloors('{"corpora":{"news":{"answerableRight":1}}}', 'f.json')).toThrow('corpora.news.abstainedRight');
    expect(() => parseFloors('{', 'f.json')).toThrow('Quoth eval: f.json: not JSON');
  });
});

describe("the repository's floor files", () => {
  const testDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const files = [
    'eval-floors.json',
    'heldout/floors.json',
    'heldout2/floors.json',
    'heldout3/floors.json',
    'heldout4/floors.json',
    'heldout5/floors.json',
    'heldout6/floors.json',
    'heldout7/floors.json',
    'heldout8/floors.json',
    'heldout9/floors.json',
    'heldout10/floors.json',
    'heldout11/floors.json',
    'heldout12/floors.json',
    'dev-nearmiss/floors.json',
    'dev-extra/floors.json',
  ];

  it.each(files)('%s parses, so that CI checks the floors instead of failing to read them', async (file) => {
    const floors = parseFloors(await readFile(path.join(testDir, file), 'utf8'), file);
    expect(Object.keys(floors.corpora).length).toBeGreaterThan(0);
  });
});
