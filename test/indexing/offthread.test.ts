import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { buildOffThread } from '../../src/indexing/offthread.js';
import { SeedsFolderError } from '../../src/ingest/errors.js';
import { openLibraryWithReport } from '../../src/library.js';
import { SEEDS_DIR, seedCorpus } from '../helpers.js';
import { largeArticle } from '../../scripts/probe/large-article.js';

describe('building the index in a worker thread', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'quoth-offthread-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('gives the same corpus as a build on the main thread', async () => {
    const { corpus, saveError } = await buildOffThread({ seedsDir: SEEDS_DIR, indexDir: path.join(root, 'index'), builtAt: '2026-01-01T00:00:00.000Z' });
    const inProcess = await seedCorpus();
    expect(saveError).toBeNull();
    expect(corpus.passages).toEqual(inProcess.passages);
    expect(corpus.sources).toEqual(inProcess.sources);
    for (const question of ['Who is the mayor of Kyiv?', 'How many drones did Russia launch at Ukraine overnight?', 'What is the capital of France?']) {
      expect(answerQuestion(corpus, question)).toEqual(answerQuestion(inProcess, question));
    }
  });

  it('reports a missing seeds folder as the same typed error as in process', async () => {
    const missing = path.join(root, 'nowhere');
    const build = buildOffThread({ seedsDir: missing, indexDir: path.join(root, 'index'), builtAt: '2026-01-01T00:00:00.000Z' });
    await expect(build).rejects.toBeInstanceOf(SeedsFolderError);
    await expect(build).rejects.toThrow(`Quoth: seeds folder not found: ${missing}`);
  });

  it('never holds the event loop for long while a reindex reads, parses, indexes and saves a large article', async () => {
    const seedsDir = path.join(root, 'seeds');
    await cp(SEEDS_DIR, seedsDir, { recursive: true });
    const { library } = await openLibraryWithReport({ seedsDir, indexDir: path.join(root, 'index') });
    await writeFile(path.join(seedsDir, 'large.txt'), largeArticle(8 * 1024 * 1024));
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const report = await library.reindex();
    delay.disable();
    expect(report.passages).toBeGreaterThan(15_000);
    // On the main thread this build holds the loop for about a second (parsing alone ~1 s); measured in a worker
    // it stays under 100 ms on an idle machine. The bound leaves room for a loaded CI machine.
    expect(delay.max / 1e6).toBeLessThan(400);
  }, 120_000);
});
