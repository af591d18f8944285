import { rmSync } from 'node:fs';
import { cp, mkdir, mkdtemp, open, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library, openLibraryWithReport, type Log } from '../src/library.js';
import { INDEXER_FILE } from '../src/indexing/codestamp.js';
import type { Corpus } from '../src/search/corpus.js';
import { INDEX_FILE, loadSavedCorpus } from '../src/search/store.js';
import { SEEDS_DIR } from './helpers.js';

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (message) => lines.push(message), warn: (message) => lines.push(`warn: ${message}`) };
}

describe('Library', () => {
  let root: string;
  let seedsDir: string;
  let indexDir: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'quoth-library-'));
    seedsDir = path.join(root, 'seeds');
    indexDir = path.join(root, 'index-data');
    await cp(SEEDS_DIR, seedsDir, { recursive: true });
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('builds the index once, then loads it while it matches the seeds', async () => {
    const first = await openLibraryWithReport({ seedsDir, indexDir });
    expect(first.origin).toEqual({ loaded: false, reason: expect.stringContaining('no saved index') });
    // A rebuild asked for (`npm run index`) into an empty folder says so too, not that another version built it.
    const asked = await openLibraryWithReport({ seedsDir, indexDir: path.join(root, 'empty-index'), forceRebuild: true });
    expect(asked.origin).toEqual({ loaded: false, reason: expect.stringContaining('no saved index') });
    const second = await openLibraryWithReport({ seedsDir, indexDir });
    expect(second.origin).toEqual({ loaded: true });
    expect(second.library.info().passages).toBe(first.library.info().passages);
  });

  it('rebuilds with one log line saying why when a seed changed or the index is corrupt', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    await writeFile(path.join(seedsDir, '004_703cf49eaa2b6153.txt'), 'The ferry carried 300 passengers across the bay.');
    const log = recordingLog();
    const changed = await openLibraryWithReport({ seedsDir, indexDir, log });
    expect(changed.origin).toEqual({ loaded: false, reason: expect.stringContaining('004_703cf49eaa2b6153.txt changed') });
    expect(log.lines.filter((line) => line.startsWith('Building the index'))).toHaveLength(1);

    await writeFile(path.join(indexDir, INDEX_FILE), '{"schemaVersion":');
    const corrupt = await openLibraryWithReport({ seedsDir, indexDir });
    expect(corrupt.origin).toEqual({ loaded: false, reason: expect.stringContaining('is not a Quoth index') });
    expect(corrupt.library.ask('How many passengers did the ferry carry?')).toMatchObject({ ok: true, answer: { answer: '300 passengers' } });
  });

  it('gives up preparing the spelling index of the index a reindex replaces as soon as the reindex starts', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    const saved = await loadSavedCorpus(indexDir);
    if (!saved.ok) throw new Error(saved.reason);
    // An index whose spelling index takes forever to prepare, a pause at a time.
    let preparing: Promise<void> | undefined;
    const slow: Corpus = Object.assign(Object.create(saved.corpus) as Corpus, {
      prepareSearch: (pause: () => Promise<void>) =>
        (preparing = (async () => {
          for (;;) await pause();
        })()),
    });
    let givenUp = false;
    let givenUpWhileReading = false;
    const library = new Library(slow, { seedsDir, indexDir, onProgress: () => (givenUpWhileReading ||= givenUp) });
    void preparing?.catch(() => (givenUp = true));
    await writeFile(path.join(seedsDir, 'ferry.txt'), 'The ferry carried 300 passengers across the bay.');
    await library.reindex();
    // Given up as the reindex starts, not only once the new index answers.
    expect(givenUpWhileReading).toBe(true);
    expect(library.ask('How many passengers did the ferry carry?')).toMatchObject({ ok: true, answer: { answer: '300 passengers' } });
    await library.close();
  });

  it('skips empty and binary files with a warning naming them, and indexes the rest', async () => {
    await writeFile(path.join(seedsDir, 'empty.txt'), '');
    await writeFile(path.join(seedsDir, 'image.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const log = recordingLog();
    const { library } = await openLibraryWithReport({ seedsDir, indexDir, log });
    expect(library.info().sources).toHaveLength(5);
    expect(log.lines.some((line) => line.startsWith('warn:') && line.includes('empty.txt'))).toBe(true);
    expect(log.lines.some((line) => line.startsWith('warn:') && line.includes('image.txt'))).toBe(true);
    // Unchanged, still-skipped files do not make the saved index stale.
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
  });

  it('keeps answering from the old index during a reindex, joins concurrent ones, and reports what changed', async () => {
    const { library } = await openLibraryWithReport({ seedsDir, indexDir });
    await rm(path.join(seedsDir, '002_ed0d13cddf14b3e3.txt'));
    await writeFile(path.join(seedsDir, 'ferry.txt'), 'The ferry carried 300 passengers across the bay.');

    const running = library.reindex();
    expect(library.reindex()).toBe(running);
    // Still the old index: the removed article still answers.
    expect(library.ask('Who is the mayor of Kyiv?')).toMatchObject({ ok: true, answer: { answer: 'Vitali Klitschko' } });

    const report = await running;
    expect(report).toMatchObject({ added: ['ferry'], removed: ['002_ed0d13cddf14b3e3'], changed: [], unchanged: 4 });
    // Incremental: only the new file was read; the diff counts the passages that came and went.
    expect(report.filesRead).toBe(1);
    expect(report.passageChanges).toEqual({ added: 1, removed: expect.any(Number) });
    expect(report.passageChanges?.removed).toBeGreaterThan(0);
    // The new index: the only article naming the mayor is gone, so neither its answer nor its quotes are given.
    const after = library.ask('Who is the mayor of Kyiv?');
    if (!after.ok) throw new Error(after.error.message);
    expect(after.answer.answer).not.toBe('Vitali Klitschko');
    expect([...after.answer.quotes, ...after.answer.related].map((quote) => quote.source.id)).not.toContain('002_ed0d13cddf14b3e3');
    const another = library.reindex();
    expect(another).not.toBe(running);
    expect(await another).toMatchObject({ filesRead: 0, passageChanges: { added: 0, removed: 0 } });
    await library.close();
  });

  it('reads again only the files whose size or modification time changed, at a reindex and at a start', async () => {
    const { library } = await openLibraryWithReport({ seedsDir, indexDir });
    const longAgo = new Date('2025-06-01T00:00:00.000Z');
    const names = await readdir(seedsDir);
    for (const name of names) await utimes(path.join(seedsDir, name), longAgo, longAgo);
    // Every stamp changed (and the copies were written moments before the first build, in its racy window): all hashed, none parsed.
    expect(await library.reindex()).toMatchObject({ filesRead: 0, filesHashed: names.length });
    expect(await library.reindex()).toMatchObject({ filesRead: 0, filesHashed: 0 });
    await writeFile(path.join(seedsDir, '004_703cf49eaa2b6153.txt'), 'The ferry carried 300 passengers across the bay.');
    expect(await library.reindex()).toMatchObject({ filesRead: 1, filesHashed: 1, changed: ['004_703cf49eaa2b6153'] });
    expect(library.ask('How many passengers did the ferry carry?')).toMatchObject({ ok: true, answer: { answer: '300 passengers' } });
    // A reindex answers before its index is saved.
    await library.close();

    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
    // Not read at a start: other bytes of the same size behind the recorded stamp go unnoticed (as with Git and rsync).
    const unchangedStamp = path.join(seedsDir, '000_53f91090952606e1.txt');
    const text = await readFile(unchangedStamp, 'utf8');
    await writeFile(unchangedStamp, text.replace(/\d/, (digit) => String((Number(digit) + 1) % 10)));
    await utimes(unchangedStamp, longAgo, longAgo);
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
    // A newer modification time is seen.
    await utimes(unchangedStamp, new Date(), new Date());
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: false, reason: expect.stringContaining('000_53f91090952606e1.txt changed') });
  });

  it('reindexes from the index it holds, not the saved file', async () => {
    const { library } = await openLibraryWithReport({ seedsDir, indexDir });
    await rm(path.join(indexDir, INDEX_FILE));
    await writeFile(path.join(seedsDir, 'ferry.txt'), 'The ferry carried 300 passengers across the bay.');
    // Incremental although no index is saved: only the new file is parsed.
    expect(await library.reindex()).toMatchObject({ filesRead: 1, added: ['ferry'], unchanged: 5 });
    expect(library.ask('How many passengers did the ferry carry?')).toMatchObject({ ok: true, answer: { answer: '300 passengers' } });
    expect(library.ask('Who is the mayor of Kyiv?')).toMatchObject({ ok: true, answer: { answer: 'Vitali Klitschko' } });
    await library.saved();
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
  });

  it('answers from memory, with a warning, when the index folder cannot be written', async () => {
    await writeFile(path.join(root, 'not-a-folder'), 'x');
    const log = recordingLog();
    const { library } = await openLibraryWithReport({ seedsDir, indexDir: path.join(root, 'not-a-folder'), log });
    expect(log.lines.some((line) => line.startsWith('warn: Could not save the index'))).toBe(true);
    expect(library.ask('Who is the mayor of Kyiv?')).toMatchObject({ ok: true, answer: { answer: 'Vitali Klitschko' } });
  });

  it('keeps the old index serving when a reindex fails', async () => {
    const { library } = await openLibraryWithReport({ seedsDir, indexDir });
    await rm(seedsDir, { recursive: true });
    await expect(library.reindex()).rejects.toThrow(/seeds folder not found/);
    expect(library.ask('Who is the mayor of Kyiv?')).toMatchObject({ ok: true, answer: { answer: 'Vitali Klitschko' } });
  });

  it('warns (not only informs) why it rebuilds a damaged index, so the console shows the reason', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    const file = path.join(indexDir, INDEX_FILE);
    const bytes = await readFile(file);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = bytes[middle]! ^ 0x01;
    await writeFile(file, bytes);
    const log = recordingLog();
    const rebuilt = await openLibraryWithReport({ seedsDir, indexDir, log });
    expect(rebuilt.origin).toMatchObject({ loaded: false });
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: The saved index cannot be used: .*index\.quoth fails its checksum/));
  });

  it('answers from a valid saved index, with a warning, when the seeds folder is missing', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    await rm(seedsDir, { recursive: true });
    const log = recordingLog();
    const opened = await openLibraryWithReport({ seedsDir, indexDir, log });
    expect(opened.origin).toEqual({ loaded: true });
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: Quoth: seeds folder not found: .*; answering from the saved index built .*cannot be checked/));
    expect(opened.library.ask('Who is the mayor of Kyiv?')).toMatchObject({ ok: true, answer: { answer: 'Vitali Klitschko' } });
    // Without a saved index there is nothing to answer from.
    await rm(indexDir, { recursive: true });
    await expect(openLibraryWithReport({ seedsDir, indexDir })).rejects.toThrow(/seeds folder not found/);
  });

  it('reuses unchanged files on a rebuild, and reads every file again on a rebuild from scratch', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    const again = await openLibraryWithReport({ seedsDir, indexDir, forceRebuild: true });
    expect(again.removed.size).toBe(0);
    const fresh = await openLibraryWithReport({ seedsDir, indexDir, fromScratch: true });
    expect(fresh.origin).toEqual({ loaded: false, reason: 'a rebuild from scratch was asked for' });
    expect(fresh.removed.size).toBeGreaterThan(0);
    expect(fresh.library.info().passages).toBe(again.library.info().passages);
  });

  it('rebuilds from scratch, once, an index built by another version of Quoth', async () => {
    await openLibraryWithReport({ seedsDir, indexDir });
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
    await writeFile(path.join(indexDir, INDEXER_FILE), 'an older indexing code\n');
    const upgraded = await openLibraryWithReport({ seedsDir, indexDir });
    expect(upgraded.origin).toEqual({ loaded: false, reason: 'the saved index was built by another version of Quoth' });
    expect(upgraded.removed.size).toBeGreaterThan(0);
    expect((await openLibraryWithReport({ seedsDir, indexDir })).origin).toEqual({ loaded: true });
    // An index saved before the stamp existed is rebuilt the same way, and so is a rebuild asked for.
    await rm(path.join(indexDir, INDEXER_FILE));
    const asked = await openLibraryWithReport({ seedsDir, indexDir, forceRebuild: true });
    expect(asked.origin).toEqual({ loaded: false, reason: 'the saved index was built by another version of Quoth' });
    expect(asked.removed.size).toBeGreaterThan(0);
  });

  it('fails, and keeps the saved index, when the seeds folder is deleted while a build reads it', async () => {
    // Enough files that reading them outlasts the first progress message, even when unchanged files are only hashed.
    for (let i = 0; i < 300; i++) await writeFile(path.join(seedsDir, `note-${i}.txt`), `Note ${i}: the ferry left at ${i} o'clock.`);
    await openLibraryWithReport({ seedsDir, indexDir });
    const before = await readFile(path.join(indexDir, INDEX_FILE));
    const racing = openLibraryWithReport({
      seedsDir,
      indexDir,
      forceRebuild: true,
      onProgress: (done) => {
        if (done === 1) rmSync(seedsDir, { recursive: true });
      },
    });
    await expect(racing).rejects.toThrow(/seeds folder removed or replaced while it was being read/);
    expect(await readFile(path.join(indexDir, INDEX_FILE))).toEqual(before);
  });

  it('removes temporary files left by a crashed save when it starts', async () => {
    await mkdir(indexDir, { recursive: true });
    await writeFile(path.join(indexDir, 'index.json.4194305.1700000000000.tmp'), '{"half":');
    const log = recordingLog();
    await openLibraryWithReport({ seedsDir, indexDir, log });
    expect((await readdir(indexDir)).sort()).toEqual([INDEX_FILE, INDEXER_FILE]);
    expect(log.lines).toContainEqual(expect.stringMatching(/^Removed 1 temporary file\(s\) .*index\.json\.4194305\.1700000000000\.tmp/));
  });

  it('skips a file over the size limit with a warning naming it, without reading it', async () => {
    // A sparse 3 GB file: reading it whole would fail (or exhaust memory); a stat is enough to refuse it.
    const huge = await open(path.join(seedsDir, 'huge.txt'), 'w');
    await huge.truncate(3 * 1024 ** 3);
    await huge.close();
    await writeFile(path.join(seedsDir, 'small.txt'), 'The ferry carried 300 passengers across the bay.');
    const log = recordingLog();
    const { library } = await openLibraryWithReport({ seedsDir, indexDir, log, maxFileBytes: 20 * 1024 * 1024 });
    expect(log.lines).toContainEqual(expect.stringMatching(/^warn: Skipped .*huge\.txt: 3072 MB, larger than MAX_FILE_MB \(20 MB\); not read$/));
    expect(library.info().sources.map((entry) => entry.source.id)).toContain('small');
    // The skipped file does not make the saved index stale.
    expect((await openLibraryWithReport({ seedsDir, indexDir, maxFileBytes: 20 * 1024 * 1024 })).origin).toEqual({ loaded: true });
  });
});
