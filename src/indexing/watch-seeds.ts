/**
 * `--watch` and `WATCH_SEEDS=true`: reindexes when files in the seeds folder change. Each changed file is logged once
 * per batch; a batch is reindexed once no change has come for a quiet period; a change during a reindex is
 * reindexed after it (never lost, never run twice at once); answers keep coming from the previous index meanwhile.
 */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import type { Log } from '../library.js';
import type { ReindexReport } from '../service.js';
import { ChangeBatcher, realTimers, type Timers } from './change-batcher.js';

/** Quiet time after the last change before reindexing. */
export const WATCH_QUIET_MS = 500;

/** The files a reindex reads: `.txt`, `.md`, `.html`, `.htm`, not hidden, not in a hidden folder. */
export function isSeedFile(relativePath: string): boolean {
  const parts = relativePath.split(/[\\/]/);
  if (parts.some((part) => part.startsWith('.'))) return false;
  return /\.(txt|md|html?)$/i.test(relativePath);
}

export interface SeedsWatch {
  /** Resolves when no reindex is running or due (tests, and a clean stop). */
  idle(): Promise<void>;
  close(): void;
}

export interface WatchOptions {
  seedsDir: string;
  log: Log;
  /** The reindex to run (the library's, or the sharding manager's, which switches every shard). */
  reindex(): Promise<ReindexReport>;
  quietMs?: number;
  timers?: Timers;
}

export function watchSeeds(options: WatchOptions): SeedsWatch {
  const { log } = options;
  let running: Promise<void> | null = null;
  let due = false;
  const run = (): void => {
    if (running) {
      due = true;
      return;
    }
    running = options
      .reindex()
      .then(
        () => undefined,
        (error: unknown) => log.warn(`Reindex after a change in the seeds folder failed (${(error as Error).message}); the previous index is still answering`),
      )
      .finally(() => {
        running = null;
        if (due) {
          due = false;
          run();
        }
      });
  };
  const batcher = new ChangeBatcher(options.quietMs ?? WATCH_QUIET_MS, run, options.timers ?? realTimers);
  const watcher: FSWatcher = watch(options.seedsDir, { recursive: true }, (event, filename) => {
    if (filename === null || !isSeedFile(filename)) return;
    const file = filename.split(path.sep).join('/');
    if (batcher.add(file)) log.info(`Seeds: ${file} ${event === 'rename' ? 'added, moved or removed' : 'changed'}; reindexing once changes settle`);
  });
  watcher.on('error', (error) => log.warn(`Stopped watching ${options.seedsDir}: ${error.message}`));
  log.info(`Watching ${options.seedsDir} for changes`);
  return {
    idle: async () => {
      while (running) await running;
    },
    close: () => {
      batcher.close();
      watcher.close();
    },
  };
}
