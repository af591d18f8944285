import { describe, expect, it } from 'vitest';
import type { ReindexReport } from '../../src/service.js';
import { ShardsNotSwitchedError } from '../../src/sharding/errors.js';
import { IndexOwner, type ShardSwitch } from '../../src/sharding/index-owner.js';
import { spawnDelayMs } from '../../src/sharding/manager.js';

function report(builtAt: string): ReindexReport {
  return { added: [], changed: [], removed: [], unchanged: 3, skipped: [], passages: 10, durationMs: 5, builtAt };
}

/** A library whose reindex resolves when told, counting the builds; its index is saved at once unless `saves` is given. */
function heldLibrary(saves?: (() => void)[]) {
  const builds: ((builtAt: string) => void)[] = [];
  return {
    builds,
    reindex: () => new Promise<ReindexReport>((resolve) => builds.push((builtAt) => resolve(report(builtAt)))),
    saved: () => (saves === undefined ? Promise.resolve() : new Promise<void>((resolve) => saves.push(resolve))),
  };
}

describe('IndexOwner', () => {
  it('runs one build and one announcement for every request made while they run', async () => {
    const library = heldLibrary();
    const announced: string[] = [];
    const owner = new IndexOwner(library, (builtAt) => {
      announced.push(builtAt);
      return Promise.resolve([0, 1].map((shardId): ShardSwitch => ({ shardId, problem: null })));
    });
    const first = owner.reindex();
    const second = owner.reindex();
    expect(library.builds).toHaveLength(1);
    library.builds[0]?.('2025-01-01T00:00:00.000Z');
    expect(await first).toEqual(await second);
    expect(announced).toEqual(['2025-01-01T00:00:00.000Z']);

    // A request after that one finished builds again.
    const third = owner.reindex();
    expect(library.builds).toHaveLength(2);
    library.builds[1]?.('2025-01-01T00:01:00.000Z');
    expect((await third).builtAt).toBe('2025-01-01T00:01:00.000Z');
  });

  it('tells the shards to load the new index only once it is saved', async () => {
    const saves: (() => void)[] = [];
    const library = heldLibrary(saves);
    const announced: string[] = [];
    const owner = new IndexOwner(library, (builtAt) => {
      announced.push(builtAt);
      return Promise.resolve([{ shardId: 0, problem: null }]);
    });
    const outcome = owner.reindex();
    library.builds[0]?.('2025-01-01T00:00:00.000Z');
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(announced).toEqual([]);
    saves[0]?.();
    expect((await outcome).builtAt).toBe('2025-01-01T00:00:00.000Z');
    expect(announced).toEqual(['2025-01-01T00:00:00.000Z']);
  });

  it('fails, naming the shards, when a shard could not switch to the new index', async () => {
    const library = heldLibrary();
    const owner = new IndexOwner(library, () =>
      Promise.resolve([
        { shardId: 0, problem: null },
        { shardId: 1, problem: 'no answer within 60 s' },
      ]),
    );
    const outcome = owner.reindex();
    library.builds[0]?.('2025-01-01T00:00:00.000Z');
    const error = await outcome.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ShardsNotSwitchedError);
    expect((error as ShardsNotSwitchedError).message).toContain('shard 1 did not switch to it (no answer within 60 s)');
    expect((error as ShardsNotSwitchedError).publicReason).toContain('shard 1 could not switch to it and still answers from the previous one');
  });
});

describe('spawnDelayMs', () => {
  it('keeps each identify bucket at one identify per 5.5 s', () => {
    expect(spawnDelayMs(1)).toBe(5500);
    expect(spawnDelayMs(16)).toBe(344);
    expect(spawnDelayMs(0)).toBe(5500);
  });
});
