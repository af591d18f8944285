import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { buildImpacts, FIELD_BOOSTS, impactsOf, passagesHoldingAll, postingIds, scoreImpacts, topPassages } from '../../src/search/impacts.js';
import { FIELDS } from '../../src/search/termtable.js';
import { termOf } from '../../src/text/terms.js';
import { seedCorpus } from '../helpers.js';

const WORDS = ['drone', 'missile', 'kyiv', 'mayor', 'ferry', 'bridge', 'harbour', 'rain', 'record', 'night'];

describe('the impact index', () => {
  it('scores each posting as BM25+ over the three fields, posting by posting, gives (to the bit)', async () => {
    const { table } = await seedCorpus();
    const average = Object.fromEntries(FIELDS.map((field) => [field, [...table.lengths[field]].reduce((sum, length) => sum + length, 0) / Math.max(1, table.size) || 1]));
    const expected = new Float32Array(table.ids.length);
    for (let term = 0; term < table.terms.length; term++) {
      const documents = table.offsets[term + 1]! - table.offsets[term]!;
      const idf = Math.log(1 + (table.size - documents + 0.5) / (documents + 0.5));
      for (let at = table.offsets[term]!; at < table.offsets[term + 1]!; at++) {
        let score = 0;
        for (const field of FIELDS) {
          const count = table.counts[field][at]!;
          if (count === 0) continue;
          const norm = 1.2 * (1 - 0.7 + (0.7 * table.lengths[field][table.ids[at]!]!) / average[field]!);
          score = score + FIELD_BOOSTS[field] * idf * (0.5 + (count * 2.2) / (count + norm));
        }
        expected[at] = score;
      }
    }
    expect(scoreImpacts(table).scores).toEqual(expected);
  });

  it('finds the passages holding every one of some terms, as intersecting their postings does', async () => {
    const { impacts } = await seedCorpus();
    const terms = ['drones', 'Kyiv', 'attack'].map((word) => termOf(word)!);
    const expected = [...postingIds(impacts, terms[0]!)].filter((id) => terms.every((term) => postingIds(impacts, term).includes(id)));
    expect(expected.length).toBeGreaterThan(0);
    expect(passagesHoldingAll(impacts, terms)).toEqual(expected);
    expect(passagesHoldingAll(impacts, [...terms, 'zzzq'])).toEqual([]);
    expect(passagesHoldingAll(impacts, [])).toEqual([]);
  });

  it('scores a term on its first use only, to the same scores as scoring every posting up front', async () => {
    const { table } = await seedCorpus();
    const eager = scoreImpacts(table);
    const lazy = impactsOf(table);
    expect(lazy.scored.every((flag) => flag === 0)).toBe(true);
    const [first, second] = [...lazy.terms.keys()].slice(0, 2) as [string, string];
    expect(topPassages(lazy, [[first], [second]], 10)).toEqual(topPassages(eager, [[first], [second]], 10));
    expect([...lazy.scored].filter((flag) => flag === 1)).toHaveLength(2);
    for (const term of [first, second]) {
      const at = lazy.terms.get(term)!;
      const postings = [lazy.offsets[at]!, lazy.offsets[at + 1]!] as const;
      expect(lazy.scores.subarray(...postings)).toEqual(eager.scores.subarray(...postings));
    }
    for (const term of lazy.terms.keys()) expect(topPassages(lazy, [[term]], 5)).toEqual(topPassages(eager, [[term]], 5));
  });

  it('ranks exactly as summing every posting and sorting would (property)', () => {
    const passage = fc.record({
      text: fc.array(fc.constantFrom(...WORDS), { maxLength: 12 }).map((words) => words.join(' ')),
      heading: fc.array(fc.constantFrom(...WORDS), { maxLength: 2 }).map((words) => words.join(' ')),
      title: fc.constant(''),
    });
    fc.assert(
      fc.property(fc.array(passage, { minLength: 1, maxLength: 40 }), fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 }), (passages, query) => {
        const index = buildImpacts(passages);
        const groups = query.map((word) => [termOf(word)!]);
        const expected: { id: number; score: number }[] = [];
        passages.forEach((_, id) => {
          let score = 0;
          let matched = 0;
          for (const [form] of groups as [string][]) {
            const at = index.terms.get(form);
            if (at === undefined) continue;
            let hit = false;
            for (let i = index.offsets[at]!; i < index.offsets[at + 1]!; i++) {
              if (index.ids[i] === id) {
                score += index.scores[i]!;
                hit = true;
              }
            }
            if (hit) matched += 1;
          }
          if (matched > 0) expected.push({ id, score: score * matched });
        });
        expected.sort((a, b) => b.score - a.score || a.id - b.id);
        const actual = topPassages(index, groups, 5);
        expect(actual.map((hit) => hit.id)).toEqual(expected.slice(0, 5).map((hit) => hit.id));
        // Scratch space is reset: asking again gives the same.
        expect(topPassages(index, groups, 5)).toEqual(actual);
      }),
    );
  });
});

describe('names misspelt in the question', () => {
  it('reads a name one edit from an indexed one as that name', async () => {
    const answer = answerQuestion(await seedCorpus(), 'What did Klitchko say about hospitals?');
    expect(answer.quotes[0]?.text).toContain('Vitali Klitschko');
  });
});
