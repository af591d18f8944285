import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChangeBatcher } from '../../src/indexing/change-batcher.js';
import { isSeedFile, watchSeeds } from '../../src/indexing/watch-seeds.js';
import { ControlledQuoth, tempSeeds } from '../discord/engine.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('ChangeBatcher', () => {
  it('hands over one sorted batch once no change has come for the quiet period', () => {
    vi.useFakeTimers();
    const batches: string[][] = [];
    const batcher = new ChangeBatcher(500, (paths) => batches.push(paths));
    expect(batcher.add('b.md')).toBe(true);
    vi.advanceTimersByTime(400);
    expect(batcher.add('a.txt')).toBe(true);
    expect(batcher.add('b.md')).toBe(false);
    vi.advanceTimersByTime(400);
    expect(batches).toEqual([]);
    vi.advanceTimersByTime(100);
    expect(batches).toEqual([['a.txt', 'b.md']]);
    expect(batcher.add('b.md')).toBe(true);
    batcher.close();
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1);
  });
});

describe('isSeedFile', () => {
  it('takes the files a reindex reads, not hidden ones or editor leftovers', () => {
    expect(['a.txt', 'guide/install.md', 'page.html', 'old.HTM'].map(isSeedFile)).toEqual([true, true, true, true]);
    expect(['.a.txt.swp', 'notes.txt~', '.git/HEAD', '.drafts/x.md', 'image.png'].map(isSeedFile)).toEqual([false, false, false, false, false]);
  });
});

describe('watchSeeds', () => {
  it('reindexes once changes settle, logs each changed file once, and reindexes again after a change made during a reindex', async () => {
    const seeds = tempSeeds();
    try {
      const quoth = await ControlledQuoth.open(seeds);
      const lines: string[] = [];
      const watching = watchSeeds({ seedsDir: seeds.seedsDir, log: { info: (line) => lines.push(line), warn: (line) => lines.push(line) }, reindex: () => quoth.reindex(), quietMs: 150 });
      try {
        const release = quoth.holdReindex();
        seeds.write('festival.txt', 'Harbour festival\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors.');
        seeds.write('festival.txt', 'Harbour festival draws record crowd\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors.');
        await vi.waitFor(() => expect(quoth.reindexCalls).toBe(1), { timeout: 10_000 });
        // While that reindex is held, another file arrives: it must be indexed by a second reindex.
        seeds.write('parade.txt', 'Harbour parade\n\n2025-07-13\n\nThe parade had sixty floats.');
        await new Promise((resolve) => setTimeout(resolve, 400));
        release();
        await vi.waitFor(() => expect(quoth.reindexCalls).toBe(2), { timeout: 10_000 });
        await watching.idle();
        expect(quoth.info().sources.map((summary) => summary.source.id)).toEqual(expect.arrayContaining(['festival', 'parade']));
        expect(lines.filter((line) => line.startsWith('Seeds: festival.txt'))).toHaveLength(1);
        expect(lines.filter((line) => line.startsWith('Seeds: parade.txt'))).toHaveLength(1);
      } finally {
        watching.close();
        // A reindex answers before its index is saved: the folder is removed once it is.
        await quoth.saved();
      }
    } finally {
      seeds.cleanup();
    }
  });
});
