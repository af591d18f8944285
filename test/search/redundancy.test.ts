import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Passage } from '../../src/model.js';
import { repeatedPassages, textKey } from '../../src/search/redundancy.js';
import { corpusOf, plainArticle } from '../helpers.js';

/** The rule as first written, with a Set per text and per source: what the numbered tables must give. */
function repeatedReference(passages: readonly Passage[]): Set<number> {
  const holders = new Map<string, Set<string>>();
  const holdersOf: Set<string>[] = [];
  const sizes = new Map<string, number>();
  const textsOf = new Map<string, Set<Set<string>>>();
  for (const passage of passages) {
    const key = passage.text.replace(/\s+/gu, ' ').toLowerCase();
    let sources = holders.get(key);
    if (sources === undefined) holders.set(key, (sources = new Set()));
    sources.add(passage.sourceId);
    holdersOf.push(sources);
    sizes.set(passage.sourceId, (sizes.get(passage.sourceId) ?? 0) + 1);
    let texts = textsOf.get(passage.sourceId);
    if (texts === undefined) textsOf.set(passage.sourceId, (texts = new Set()));
    texts.add(sources);
  }
  const aggregates = new Set<string>();
  for (const [holder, texts] of textsOf) {
    const shared = new Map<string, number>();
    for (const sources of texts) {
      if (sources.size < 2) continue;
      for (const other of sources) if (other !== holder) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    let contained = 0;
    for (const [other, count] of shared) if (count >= sizes.get(other)! * 0.5) contained += 1;
    if (contained >= 3) aggregates.add(holder);
  }
  const dropped = new Set<number>();
  passages.forEach((passage, index) => {
    const sources = holdersOf[index]!;
    if (sources.size > sizes.size * 0.5 && sources.size >= 4) dropped.add(passage.id);
    else if (aggregates.has(passage.sourceId) && [...sources].some((id) => id !== passage.sourceId && !aggregates.has(id))) dropped.add(passage.id);
  });
  return dropped;
}

const page = (topic: string): string =>
  `The ${topic} module provides tools for working with ${topic} data. Call ${topic}.open() to start a session. ` +
  `Each session keeps its own ${topic} state until it is closed. Errors raise ${topic}.Error with a message.`;

describe('text held twice is indexed once', () => {
  it('indexes a page given in two formats only in the more structured one, and says so', async () => {
    const corpus = await corpusOf([
      plainArticle('_sources/library/gzip.rst', page('gzip'), { path: 'docs/_sources/library/gzip.rst.txt' }),
      plainArticle('library/gzip', page('gzip'), { path: 'docs/library/gzip.html' }),
      plainArticle('library/zlib', page('zlib'), { path: 'docs/library/zlib.html' }),
    ]);
    expect(corpus.sources.map((indexed) => indexed.source.id)).toEqual(['library/gzip', 'library/zlib']);
    expect(corpus.skipped).toEqual([
      { path: 'docs/_sources/library/gzip.rst.txt', reason: 'same text as docs/library/gzip.html, indexed in that format', sha256: expect.any(String) },
    ]);
    expect(corpus.passages.map((passage) => passage.id)).toEqual(corpus.passages.map((_, index) => index));
  });

  it('keeps copies in the same format: one story in two outlets is two sources of one story', async () => {
    const corpus = await corpusOf([plainArticle('outlet-a', page('ferry')), plainArticle('outlet-b', page('ferry'))]);
    expect(corpus.sources.map((indexed) => [indexed.source.id, indexed.passages > 0, indexed.story])).toEqual([
      ['outlet-a', true, 'outlet-a'],
      ['outlet-b', true, 'outlet-a'],
    ]);
  });

  it('drops the repeated passages of a page that aggregates several others, and keeps what only it says', async () => {
    const topics = ['fs', 'net', 'dns', 'tls'];
    const own = 'This page gathers every module of the documentation in one place for searching.';
    // Sections stand apart as they do under their headings; only the prose is body.
    const all = [own, ...topics.map(page)].join('\n\n* * *\n\n');
    const aggregate = {
      ...plainArticle('all', all, { path: 'api/all.html' }),
      body: [own, ...topics.map(page)].map((text) => ({ start: all.indexOf(text), end: all.indexOf(text) + text.length })),
    };
    const pages = topics.map((topic) => plainArticle(topic, page(topic), { path: `api/${topic}.html` }));
    const corpus = await corpusOf([aggregate, ...pages]);
    const bySource = Object.fromEntries(corpus.sources.map((indexed) => [indexed.source.id, indexed.passages]));
    expect(bySource.all).toBe(1);
    for (const topic of topics) expect(bySource[topic]).toBeGreaterThan(0);
    expect(corpus.passages.filter((passage) => passage.sourceId === 'all').map((passage) => passage.text)).toEqual([own]);
  });

  it("does not index the template text most pages of a site repeat, and keeps each page's own text", async () => {
    const tagline = 'Small. Fast. Reliable. Choose any three.';
    const topics = ['vacuum', 'attach', 'pragma', 'upsert', 'returning'];
    const pages = topics.map((topic) => {
      const text = `${tagline}\n\n${page(topic)}`;
      return {
        ...plainArticle(topic, text, { path: `docs/${topic}.html` }),
        body: [
          { start: 0, end: tagline.length },
          { start: tagline.length + 2, end: text.length },
        ],
      };
    });
    const corpus = await corpusOf(pages);
    expect(corpus.passages.some((passage) => passage.text.includes('Choose any three'))).toBe(false);
    for (const topic of topics) expect(corpus.sources.find((indexed) => indexed.source.id === topic)?.passages).toBeGreaterThan(0);
  });

  it('keeps a story that a few outlets of a small folder carry word for word', async () => {
    const outlets = ['a', 'b', 'c'].map((name) => plainArticle(`outlet-${name}`, page('ferry')));
    const corpus = await corpusOf([...outlets, plainArticle('other-1', page('rail')), plainArticle('other-2', page('port'))]);
    for (const name of ['a', 'b', 'c']) expect(corpus.sources.find((indexed) => indexed.source.id === `outlet-${name}`)?.passages).toBeGreaterThan(0);
  });

  it('leaves out exactly the passages the rule names, whatever the order of sources and texts (property)', () => {
    const texts = ['Call open() first.', 'call  OPEN() first.', 'Call\topen()\n first.', 'The tagline.', 'The\u00a0tagline. ', 'A page of its own.', 'Errors raise Error.', 'Fin.'];
    const passage = fc.record({ source: fc.nat(7), text: fc.constantFrom(...texts) });
    fc.assert(
      fc.property(fc.array(passage, { maxLength: 60 }), fc.boolean(), (drawn, grouped) => {
        const ordered = grouped ? [...drawn].sort((a, b) => a.source - b.source) : drawn;
        const passages = ordered.map(({ source, text }, id): Passage => ({ id, sourceId: `s${source}`, start: 0, end: text.length, text, sentences: [], heading: '' }));
        expect(repeatedPassages(passages)).toEqual(repeatedReference(passages));
      }),
      { numRuns: 400 },
    );
  });
});

describe('textKey', () => {
  it('is the same for texts that differ only in white space and case, and differs otherwise', () => {
    expect(textKey('The  bridge\nreopened\ton Monday.')).toBe(textKey('the bridge reopened on monday.'));
    expect(textKey('The bridge reopened on Monday.')).not.toBe(textKey('The bridge reopened on Tuesday.'));
    expect(textKey('ab')).not.toBe(textKey('ba'));
    expect(Number.isSafeInteger(textKey('Ünïcödé — text'))).toBe(true);
    const keys = new Set(Array.from({ length: 20000 }, (_, n) => textKey(`passage number ${n} of the corpus`)));
    expect(keys.size).toBe(20000);
  });
});
