import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { INDEX_OPTIONS, type PassageDocument } from '../../src/search/options.js';
import { spellingIndex, spellingIndexAsync, spellingIndexData } from '../../src/search/spellingindex.js';
import { countTerms, FIELDS, mergeTables, narrowest } from '../../src/search/termtable.js';
import { tokenize } from '../../src/text/terms.js';
import { assemble, type Corpus } from '../../src/search/corpus.js';
import { seedCorpus } from '../helpers.js';

/** A corpus of the same parts, with no spelling index made yet. */
const corpusOf = (corpus: Corpus): Corpus => assemble({ ...corpus });

describe('the term table', () => {
  it('counts each term by field, with field lengths', () => {
    const table = countTerms([
      { text: 'Drones hit Kyiv. Drones hit Lviv.', heading: 'Kyiv', title: 'Attack' },
      { text: 'The mayor of Kyiv spoke.', heading: '', title: 'Attack' },
    ]);
    const postings = (term: string): [number, number, number, number][] => {
      const at = table.terms.indexOf(term);
      const rows: [number, number, number, number][] = [];
      for (let i = table.offsets[at]!; i < table.offsets[at + 1]!; i++) rows.push([table.ids[i]!, table.counts.text[i]!, table.counts.heading[i]!, table.counts.title[i]!]);
      return rows;
    };
    expect(table.terms).toEqual([...table.terms].sort());
    expect(postings('drone')).toEqual([[0, 2, 0, 0]]);
    expect(postings('kyiv')).toEqual([
      [0, 1, 1, 0],
      [1, 1, 0, 0],
    ]);
    expect(postings('attack')).toEqual([
      [0, 0, 0, 1],
      [1, 0, 0, 1],
    ]);
    expect([...table.lengths.text]).toEqual([6, 3]);
    // Distinct words as written, stopwords included ("The", "of"): MiniSearch's field length.
    expect([...table.words.text]).toEqual([4, 5]);
    expect([...table.words.heading]).toEqual([1, 0]);
  });

  it('counts passage by passage exactly what counting each passage on its own and grouping by term gives (property)', () => {
    const words = ['Kyiv', 'kyiv', 'drones', 'drone', 'the', 'of', 'mayor', 'Mayor', 'spoke', 'hit', 'Lviv', 'café', '1,000'];
    const field = (most: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...words), { maxLength: most }).map((list) => list.join(' '));
    fc.assert(
      fc.property(fc.array(fc.record({ text: field(300), heading: field(4), title: field(3) }), { maxLength: 12 }), (passages) => {
        const table = countTerms(passages);
        // Reference: every passage's terms by field, then per term the passages holding it, ids ascending.
        const perPassage = passages.map((passage) =>
          FIELDS.map((name) => tokenize(passage[name]).filter((token) => token.term !== '').map((token) => token.term)),
        );
        const terms = [...new Set(perPassage.flat(2))].sort();
        expect(table.terms).toEqual(terms);
        const rows = terms.flatMap((term) =>
          perPassage.flatMap((fields, id) => {
            const counts = fields.map((list) => list.filter((found) => found === term).length);
            return counts.some((count) => count > 0) ? [[id, ...counts]] : [];
          }),
        );
        expect([...table.ids].map((id, at) => [id, table.counts.text[at], table.counts.heading[at], table.counts.title[at]])).toEqual(rows);
        expect([...table.lengths.text]).toEqual(perPassage.map((fields) => fields[0]!.length));
        expect([...table.lengths.title]).toEqual(perPassage.map((fields) => fields[2]!.length));
        expect([...table.words.heading]).toEqual(passages.map((passage) => new Set(tokenize(passage.heading).map((token) => token.raw)).size));
        expect(table.counts.text).toBeInstanceOf(narrowest(Uint32Array.from(table.counts.text)).constructor);
      }),
    );
  });

  it('merges a previous table (some passages gone) with newly counted ones into what counting them all gives (property)', () => {
    const words = ['Kyiv', 'kyiv', 'drones', 'the', 'mayor', 'spoke', 'hit', 'Lviv', 'café', 'zeppelin'];
    const field = (most: number): fc.Arbitrary<string> => fc.array(fc.constantFrom(...words), { maxLength: most }).map((list) => list.join(' '));
    const passage = fc.record({ text: field(300), heading: field(3), title: field(2) });
    // Each passage of the result: kept from the previous table (and which one) or new.
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 10 }), fc.array(fc.boolean(), { maxLength: 10 }), fc.array(fc.tuple(fc.nat(12), passage), { maxLength: 6 }), (before, kept, inserts) => {
        const survivors = before.flatMap((fields, id) => (kept[id] ?? true ? [{ fields, previousId: id }] : []));
        const after: { fields: (typeof before)[number]; previousId: number }[] = [...survivors];
        for (const [at, fields] of inserts) after.splice(Math.min(at, after.length), 0, { fields, previousId: -1 });
        const keep = new Int32Array(before.length).fill(-1);
        after.forEach((entry, id) => {
          if (entry.previousId >= 0) keep[entry.previousId] = id;
        });
        const addedIds = Int32Array.from(after.flatMap((entry, id) => (entry.previousId < 0 ? [id] : [])));
        const added = countTerms(after.filter((entry) => entry.previousId < 0).map((entry) => entry.fields));
        expect(mergeTables(countTerms(before), keep, added, addedIds, after.length)).toEqual(countTerms(after.map((entry) => entry.fields)));
      }),
    );
  });

  it('keeps counts in the narrowest array that holds them', () => {
    expect(narrowest(Uint32Array.of(1, 255))).toBeInstanceOf(Uint8Array);
    expect(narrowest(Uint32Array.of(1, 256))).toBeInstanceOf(Uint16Array);
    expect(narrowest(Uint32Array.of(70_000))).toBeInstanceOf(Uint32Array);
    const table = countTerms([{ text: 'word '.repeat(300), heading: '', title: '' }]);
    expect(table.counts.text).toBeInstanceOf(Uint16Array);
    expect(table.counts.text[0]).toBe(300);
  });

  it('gives a spelling index of the vocabulary, whose fuzzy search finds the terms MiniSearch over the passages finds', async () => {
    const corpus = await seedCorpus();
    const search = new MiniSearch<PassageDocument>(INDEX_OPTIONS);
    search.addAll(corpus.passages.map(({ id, text, heading }) => ({ id, text, heading })));
    const made = spellingIndexData(corpus.table);
    // One document per term of a text or a heading, holding no passage: the vocabulary MiniSearch holds, sorted.
    expect(made.index.map(([term]) => term)).toEqual([...new Map(search.toJSON().index).keys()].sort());
    expect(made.documentCount).toBe(made.index.length);
    expect(made.index.every(([, fields]) => Object.values(fields).every((postings) => Object.keys(postings).length === 1))).toBe(true);
    for (const word of ['klitchko', 'drnoes', 'kiyv', 'rusia', 'misile']) {
      const terms = (index: MiniSearch<PassageDocument>): string[] => [...new Set(index.search(word, { fuzzy: 2, prefix: false }).flatMap((result) => result.terms))].sort();
      expect(terms(corpus.search)).toEqual(terms(search));
      expect(terms(corpus.search).length).toBeGreaterThan(0);
    }
  });

  it('makes the same spelling index a little at a time, and a corpus keeps the one it prepared', async () => {
    const corpus = await seedCorpus();
    const made = await spellingIndexAsync(corpus.table, () => Promise.resolve());
    expect(made.toJSON()).toEqual(spellingIndex(corpus.table).toJSON());
    const fresh = corpusOf(corpus);
    await fresh.prepareSearch(() => Promise.resolve());
    expect(fresh.search).toBe(fresh.search);
    expect(fresh.search.toJSON()).toEqual(made.toJSON());
  });
});
