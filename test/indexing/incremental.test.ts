import { cp, mkdtemp, readdir, readFile, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { buildIncrementally, knownHashIn, RACY_MARGIN_MS, readIncrementally, reusableIn, skippedAgainIn } from '../../src/indexing/incremental.js';
import { loadSeeds } from '../../src/ingest/index.js';
import { buildCorpus, type Corpus } from '../../src/search/corpus.js';
import { decodeCorpus, encodeCorpus, IndexFormatError, readColumns, type EncodedCorpus } from '../../src/search/envelope.js';
import { REPO_ROOT, SEEDS_DIR } from '../helpers.js';

const BUILT_AT = '2026-01-01T00:00:00.000Z';

const page = (topic: string): string =>
  `The ${topic} module provides functions for working with ${topic} data. ` +
  `Use ${topic}.open() to start a ${topic} session and ${topic}.close() to end it. ` +
  `The ${topic} module was added in version 3.${topic.length} of the library.`;

async function fullBuild(seeds: string): Promise<Corpus> {
  const { articles, skipped } = await loadSeeds(seeds);
  return buildCorpus(articles, skipped, BUILT_AT);
}

/** As the index is loaded from disk: columns decoded, passages made on demand. */
const saved = (corpus: Corpus): Corpus => decodeCorpus(encodeCorpus(corpus));

async function questions(): Promise<string[]> {
  const lines = (await readFile(path.join(REPO_ROOT, 'test/fixtures/seeds-dev.jsonl'), 'utf8')).split('\n').filter(Boolean);
  return [
    ...lines.map((line) => (JSON.parse(line) as { question: string }).question),
    'What does the dns module provide?',
    'When was the tls module added?',
    'How do I start a zeppelin session?',
    'What did Klitchko say?',
    'How many people were injured in Kyiv?',
    'What is the net module for?',
  ];
}

describe('an incremental build', () => {
  let dir: string;
  let seeds: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quoth-incremental-'));
    seeds = path.join(dir, 'seeds');
    await cp(SEEDS_DIR, seeds, { recursive: true });
    const topics = ['fs', 'net', 'dns', 'tls'];
    for (const topic of topics) await writeFile(path.join(seeds, `${topic}.md`), `# ${topic}\n\n${page(topic)}\n`);
    // An aggregate page: what the four pages say is not indexed again from it.
    const sections = topics.map((topic) => `## ${topic}\n\n${page(topic)}`);
    await writeFile(path.join(seeds, 'all.md'), `${['# All modules\n\nThis page gathers every module in one place for searching.', ...sections].join('\n\n')}\n`);
    await writeFile(path.join(seeds, 'guide.md'), '# Guide\n\nThe guide explains how to install the fs module on a laptop.\n');
    // Skipped for what they hold: no text besides front matter.
    await writeFile(path.join(seeds, 'draft.md'), '---\ntitle: Draft\n---\n');
    await writeFile(path.join(seeds, 'stub.md'), '---\ntitle: Stub\n---\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads only what changed and gives the index a full rebuild gives: passages, statistics, copies, answers', async () => {
    const first = saved(await fullBuild(seeds));
    expect(first.sources.find((indexed) => indexed.source.id === 'all')?.dropped).toBeGreaterThan(0);

    const seedFiles = first.sources.map((indexed) => path.basename(indexed.source.path)).filter((name) => /^00\d_/.test(name));
    await writeFile(path.join(seeds, seedFiles[1]!), `${await readFile(path.join(seeds, seedFiles[1]!), 'utf8')}\nAt least 41 people were injured in Kyiv, officials said later.\n`);
    await unlink(path.join(seeds, seedFiles[2]!));
    await writeFile(path.join(seeds, 'zeppelin.txt'), 'Use zeppelin.open() to start a zeppelin session over the harbour. The zeppelin module is new.');
    // A wire copy of an unchanged article: both now make one story.
    await writeFile(path.join(seeds, 'wire-copy.txt'), await readFile(path.join(seeds, seedFiles[0]!), 'utf8'));
    // The guide in a second, weaker format: left out as a copy (the Markdown guide keeps its id, the copy is 'guide.txt').
    await writeFile(path.join(seeds, 'guide.txt'), 'Guide\n\nThe guide explains how to install the fs module on a laptop.\n');
    await writeFile(path.join(seeds, 'net.md'), `# net\n\n${page('network')}\n`);
    await writeFile(path.join(seeds, 'draft.md'), '---\ntitle: Draft\n---\nThe draft now says that the tls module was added in version 3.9.\n');

    const loaded = await loadSeeds(seeds, { reuse: reusableIn(first), skipAgain: skippedAgainIn(first) });
    const incremental = buildIncrementally(first, loaded, BUILT_AT);
    const full = await fullBuild(seeds);

    // Read again: the changed seed, the new files, the changed net page. The aggregate page is reused although what
    // it repeats changed (the net page no longer says what its net section says): its left-out passages are kept.
    expect(loaded.reused.map((file) => path.basename(file.path)).sort()).toEqual(
      [seedFiles[0], seedFiles[3], seedFiles[4], 'all.md', 'dns.md', 'fs.md', 'guide.md', 'tls.md'].sort(),
    );
    expect(incremental.read).toBe(loaded.articles.length);
    // The stub, skipped for what it holds and unchanged, is skipped again unread; the changed draft is read.
    expect(loaded.articles.map((article) => path.basename(article.source.path))).toContain('draft.md');
    expect(loaded.skipped.map((file) => path.basename(file.path))).toContain('stub.md');
    const corpus = incremental.corpus;
    expect(corpus.sources).toEqual(full.sources);
    expect(corpus.skipped).toEqual(full.skipped);
    expect(corpus.signatures).toEqual(full.signatures);
    expect(corpus.passages).toEqual(full.passages);
    expect(corpus.repeated).toEqual(full.repeated);
    expect(corpus.table).toEqual(full.table);
    expect(corpus.impacts).toEqual(full.impacts);
    expect(corpus.search.toJSON()).toEqual(full.search.toJSON());
    expect(new Set(corpus.sources.map((indexed) => indexed.story)).size).toBeLessThan(corpus.sources.length);
    expect(corpus.skipped.map((file) => path.basename(file.path))).toContain('guide.txt');
    expect(corpus.sources.find((indexed) => indexed.source.id === 'all')?.dropped).toBe(3);
    expect(encodeCorpus(corpus)).toEqual(encodeCorpus(full));
    for (const question of await questions()) expect(answerQuestion(corpus, question), question).toEqual(answerQuestion(full, question));

    // A second incremental build on the saved first one: the net page says again what the aggregate page repeats.
    await writeFile(path.join(seeds, 'net.md'), `# net\n\n${page('net')}\n`);
    await unlink(path.join(seeds, 'wire-copy.txt'));
    const second = saved(corpus);
    const again = await loadSeeds(seeds, { reuse: reusableIn(second), skipAgain: skippedAgainIn(second) });
    // A copy left out for its weaker format, unchanged, is not read again: its copy signature is in the index.
    expect(again.articles.map((article) => path.basename(article.source.path))).toEqual(['net.md']);
    expect(again.reused.map((file) => path.basename(file.path))).toContain('guide.txt');
    const chained = buildIncrementally(second, again, BUILT_AT).corpus;
    const rebuilt = await fullBuild(seeds);
    expect(chained.sources.find((indexed) => indexed.source.id === 'all')?.dropped).toBe(4);
    expect(encodeCorpus(chained)).toEqual(encodeCorpus(rebuilt));
    expect(chained.impacts).toEqual(rebuilt.impacts);
    for (const question of await questions()) expect(answerQuestion(chained, question), question).toEqual(answerQuestion(rebuilt, question));
  });

  it('with nothing changed, reads no file (not the aggregate page, not the skipped ones) and gives the same index', async () => {
    const first = saved(await fullBuild(seeds));
    const loaded = await loadSeeds(seeds, { reuse: reusableIn(first), skipAgain: skippedAgainIn(first) });
    const { corpus } = buildIncrementally(first, loaded, BUILT_AT);
    expect(loaded.articles).toEqual([]);
    expect(loaded.skipped.map((file) => path.basename(file.path))).toEqual(['draft.md', 'stub.md']);
    expect(loaded.reused).toHaveLength(first.sources.length);
    // Skipped again without being parsed: the reason is the one the previous index gives.
    const marked = { ...first, skipped: first.skipped.map((file) => ({ ...file, reason: `before: ${file.reason}` })) };
    const again = await loadSeeds(seeds, { reuse: reusableIn(marked), skipAgain: skippedAgainIn(marked) });
    expect(again.skipped.map((file) => file.reason)).toEqual(first.skipped.map((file) => `before: ${file.reason}`));
    expect(first.repeated.map((entry) => entry.passage.sourceId)).toEqual(['all', 'all', 'all', 'all']);
    expect(encodeCorpus(corpus)).toEqual(encodeCorpus(first));
  });

  it('answers as a full rebuild, build after build, as pages become and stop being repeated elsewhere or copies of another', async () => {
    // As the index worker holds what it built: decoded from its own encoding, its term table taken as built.
    const held = (corpus: Corpus): Corpus => decodeCorpus(encodeCorpus(corpus), { score: false, check: false, table: corpus.table });
    const steps: [string, () => Promise<void>][] = [
      // The aggregate page now also gathers the guide: the guide's passage becomes repeated elsewhere, in a reused page.
      ['the guide becomes repeated', async () => writeFile(path.join(seeds, 'all.md'), `${(await readFile(path.join(seeds, 'all.md'), 'utf8')).trimEnd()}\n\n## Guide\n\nThe guide explains how to install the fs module on a laptop.\n`)],
      // The guide says something else: what the aggregate repeats of it is no longer repeated.
      ['the guide stops being repeated', () => writeFile(path.join(seeds, 'guide.md'), '# Guide\n\nThe guide explains how to remove the fs module from a server.\n')],
      // A weaker format of the guide, left out; then the guide says something else, and the copy, unchanged, is its own page.
      ['a weaker format of the guide', () => writeFile(path.join(seeds, 'guide.txt'), 'Guide\n\nThe guide explains how to remove the fs module from a server.\n')],
      ['the page a weaker format copied changes', () => writeFile(path.join(seeds, 'guide.md'), '# Guide\n\nThe guide lists the ports a server opens and why each one is needed.\n')],
      // A page that repeats another word for word: the two make one story; then a weaker format of it, left out.
      ['a page becomes a copy', () => writeFile(path.join(seeds, 'wire.md'), `# dns\n\n${page('dns')}\n`)],
      ['a weaker format of a page', () => writeFile(path.join(seeds, 'dns.txt'), `dns\n\n${page('dns')}\n`)],
      // The copy is edited apart from the page (the weaker format, unchanged, still copies a page), and the weaker format removed.
      ['the copy stops being one', () => writeFile(path.join(seeds, 'wire.md'), '# Wire\n\nThe wire service reported that the harbour reopened on Friday after the storm.\n')],
      ['the weaker format removed', () => unlink(path.join(seeds, 'dns.txt'))],
      // No new word: the terms are those of the index before.
      ['a page says again what it said', () => writeFile(path.join(seeds, 'wire.md'), `# dns\n\n${page('dns')}\n`)],
    ];
    let previous = held(await fullBuild(seeds));
    const stories = (corpus: Corpus): string[] => corpus.sources.map((indexed) => `${indexed.source.id}:${indexed.story}:${indexed.passages}+${indexed.dropped}`);
    const readsOf = new Map<string, string[][]>();
    for (const [step, change] of steps) {
      await change();
      const reads: string[][] = [];
      const { corpus: incremental } = await readIncrementally(previous, BUILT_AT, async (reuse) => {
        const loaded = await loadSeeds(seeds, { reuse, skipAgain: skippedAgainIn(previous) });
        reads.push(loaded.articles.map((article) => path.basename(article.source.path)));
        return { loaded };
      });
      readsOf.set(step, reads);
      const full = await fullBuild(seeds);
      expect(stories(incremental), step).toEqual(stories(full));
      expect(incremental.repeated, step).toEqual(full.repeated);
      expect(incremental.skipped, step).toEqual(full.skipped);
      expect(incremental.table, step).toEqual(full.table);
      expect(encodeCorpus(incremental), step).toEqual(encodeCorpus(full));
      for (const question of await questions()) expect(answerQuestion(incremental, question), `${step}: ${question}`).toEqual(answerQuestion(full, question));
      previous = held(incremental);
    }
    // The unchanged weaker format is taken unread while it copies a page, and read once it copies none.
    expect(readsOf.get('the copy stops being one')).toEqual([['wire.md']]);
    expect(readsOf.get('the page a weaker format copied changes')).toEqual([['guide.md'], ['guide.md', 'guide.txt']]);
    const guide = previous.sources.find((indexed) => indexed.source.id === 'guide');
    expect(guide?.passages).toBeGreaterThan(0);
    expect(new Set(previous.sources.filter((indexed) => ['dns', 'wire'].includes(indexed.source.id)).map((indexed) => indexed.story)).size).toBe(1);
  }, 120_000);

  it('rejects a saved index whose left-out passages do not fit their source', async () => {
    const corpus = await fullBuild(seeds);
    const edited = (name: string, at: number, value: number): EncodedCorpus => {
      const encoded = encodeCorpus(corpus);
      (readColumns(encoded.header, encoded.columns).get(name) as Int32Array)[at] = value;
      return encoded;
    };
    expect(() => decodeCorpus(edited('repeatedPosition', 1, 0))).toThrow(/repeated passage 1 of all is out of order/);
    expect(() => decodeCorpus(edited('repeatedEnd', 0, 1e6))).toThrow(/repeated passage 0 of all: text of \d+ characters for the range/);
    expect(() => decodeCorpus(edited('repeatedSource', 2, 0))).toThrow(IndexFormatError);
  });
});

describe('an incremental build trusting file stamps (size and modification time)', () => {
  let dir: string;
  let seeds: string;
  /** Well before BUILT_AT: outside the racy window. */
  const LONG_AGO = new Date('2025-06-01T00:00:00.000Z');
  const builtAtMs = Date.parse(BUILT_AT);

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quoth-stamps-'));
    seeds = path.join(dir, 'seeds');
    await cp(SEEDS_DIR, seeds, { recursive: true });
    await writeFile(path.join(seeds, 'ferry.txt'), 'The ferry carried 300 passengers across the bay on Monday.');
    await writeFile(path.join(seeds, 'stub.md'), '---\ntitle: Stub\n---\n');
    for (const name of await readdir(seeds)) await utimes(path.join(seeds, name), LONG_AGO, LONG_AGO);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  /** A full build saved with the stamps of the files it hashed, and loaded back, as the index worker does. */
  async function savedBuild(): Promise<Corpus> {
    const loaded = await loadSeeds(seeds);
    return decodeCorpus(encodeCorpus(await buildCorpus(loaded.articles, loaded.skipped, BUILT_AT), { fileStamps: loaded.stamps }));
  }

  const incrementally = (previous: Corpus): ReturnType<typeof loadSeeds> =>
    loadSeeds(seeds, { reuse: reusableIn(previous), skipAgain: skippedAgainIn(previous), knownHash: knownHashIn(previous) });

  it('reads no file whose size and modification time are those the index recorded, not even a skipped one', async () => {
    const previous = await savedBuild();
    expect(previous.fileStamps?.size).toBe(7);
    const loaded = await incrementally(previous);
    expect(loaded.hashed).toBe(0);
    expect(loaded.articles).toEqual([]);
    expect(loaded.reused).toHaveLength(6);
    expect(loaded.skipped.map((file) => path.basename(file.path))).toEqual(['stub.md']);
    expect(encodeCorpus(buildIncrementally(previous, loaded, BUILT_AT).corpus, { fileStamps: loaded.stamps })).toEqual(encodeCorpus(previous));

    // Other bytes of the same size behind the same stamp are taken for the bytes hashed: proof the file was not read.
    const ferry = path.join(seeds, 'ferry.txt');
    await writeFile(ferry, 'The ferry carried 900 passengers across the bay on Monday.');
    await utimes(ferry, LONG_AGO, LONG_AGO);
    const unread = await incrementally(previous);
    expect(unread.hashed).toBe(0);
    expect(unread.reused.map((file) => path.basename(file.path))).toContain('ferry.txt');
  });

  it('reads a file edited to the same size within the racy window before the build, and answers as a full rebuild', async () => {
    // Last modified a moment before the previous build started: a write in the same tick would leave the same stamp.
    const ferry = path.join(seeds, 'ferry.txt');
    const racy = new Date(builtAtMs - RACY_MARGIN_MS / 2);
    await utimes(ferry, racy, racy);
    const previous = await savedBuild();
    await writeFile(ferry, 'The ferry carried 900 passengers across the bay on Monday.');
    await utimes(ferry, racy, racy);
    expect(previous.fileStamps?.get(`${seeds.split(path.sep).join('/')}/ferry.txt`)).toMatchObject({ size: (await readFile(ferry)).length });

    const loaded = await incrementally(previous);
    expect(loaded.hashed).toBe(1);
    expect(loaded.articles.map((article) => path.basename(article.source.path))).toEqual(['ferry.txt']);
    const corpus = buildIncrementally(previous, loaded, BUILT_AT).corpus;
    const full = await fullBuild(seeds);
    expect(encodeCorpus(corpus)).toEqual(encodeCorpus(full));
    const question = 'How many passengers did the ferry carry?';
    expect(answerQuestion(corpus, question)).toEqual(answerQuestion(full, question));
    expect(answerQuestion(corpus, question).answer).toBe('900 passengers');
  });

  it('hashes a file touched but unchanged, keeps its passages unparsed, and records its new stamp', async () => {
    const previous = await savedBuild();
    const ferry = path.join(seeds, 'ferry.txt');
    const touched = new Date('2025-07-01T00:00:00.000Z');
    await utimes(ferry, touched, touched);
    const loaded = await incrementally(previous);
    expect(loaded.hashed).toBe(1);
    expect(loaded.articles).toEqual([]);
    expect(loaded.reused.map((file) => path.basename(file.path))).toContain('ferry.txt');
    const shown = `${seeds.split(path.sep).join('/')}/ferry.txt`;
    expect(loaded.stamps.get(shown)?.mtimeNs).toBe(String(BigInt(touched.getTime()) * 1_000_000n));

    const next = decodeCorpus(encodeCorpus(buildIncrementally(previous, loaded, BUILT_AT).corpus, { fileStamps: loaded.stamps }));
    expect((await incrementally(next)).hashed).toBe(0);
  });

  it('trusts no stamp of a file that is now of another size, or of an index with no stamps', async () => {
    const previous = await savedBuild();
    const known = knownHashIn(previous);
    const shown = `${seeds.split(path.sep).join('/')}/ferry.txt`;
    const stamp = previous.fileStamps!.get(shown)!;
    expect(known({ path: shown, stamp })).toBe(previous.sources.find((indexed) => indexed.source.path === shown)?.sha256);
    expect(known({ path: shown, stamp: { ...stamp, size: stamp.size + 1 } })).toBeUndefined();
    expect(known({ path: shown, stamp: { ...stamp, mtimeNs: String(BigInt(stamp.mtimeNs) + 1n) } })).toBeUndefined();
    expect(knownHashIn(await fullBuild(seeds))({ path: shown, stamp })).toBeUndefined();
  });
});
