/** The real engine over a temporary copy of the seeds, plus a thin test decorator to hold or break one call. */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLibrary } from '../../src/library.js';
import type { AskOutcome, IndexInfo, Quoth, ReindexReport } from '../../src/service.js';

export const SEEDS = new URL('../../seeds', import.meta.url).pathname;

/**
 * Local-news articles with nothing in common with the seeds, so the index holds more sources than one /sources page
 * shows. Plain text with a title line and a date, like the seeds.
 */
export const FILLERS: Record<string, string> = {
  'local-library-hours': 'Riverside library extends its opening hours\n\n2025-06-02\n\nThe Riverside public library will open until nine in the evening on weekdays from next month, the council said. Volunteers will staff the reading room on Saturdays.',
  'bakery-award': 'Family bakery wins regional bread prize\n\n2025-05-14\n\nA family bakery on Mill Street won the regional sourdough prize for the third year in a row. The owners said the recipe has not changed since 1987.',
  'marathon-route': 'City marathon route moves to the river path\n\n2025-04-20\n\nThis year the city marathon will follow the river path instead of the ring road. Organisers expect eight thousand runners.',
  'school-garden': 'Primary school opens a vegetable garden\n\n2025-03-11\n\nPupils at Oakfield primary school planted beans, carrots and sunflowers in a new garden behind the gym. Parents donated the tools.',
  'bridge-repairs': 'Old footbridge closed for repairs\n\n2025-02-27\n\nThe old footbridge over the canal will be closed for six weeks while engineers replace its wooden deck. A ferry will run at weekends.',
  'choir-concert': 'Community choir sells out spring concert\n\n2025-03-30\n\nThe community choir sold every ticket for its spring concert at the town hall. The programme includes folk songs and a new piece by a local composer.',
  'tram-timetable': 'New tram timetable starts on Monday\n\n2025-01-06\n\nTrams on line four will run every seven minutes at peak times under the new timetable. The last tram leaves the station at half past midnight.',
};

export interface TempSeeds {
  root: string;
  seedsDir: string;
  indexDir: string;
  write(name: string, text: string): void;
  remove(name: string): void;
  cleanup(): void;
}

/** A temporary folder holding a copy of the seeds (and, optionally, the filler articles). */
export function tempSeeds(options: { fillers?: boolean } = {}): TempSeeds {
  const root = mkdtempSync(join(tmpdir(), 'quoth-discord-'));
  const seedsDir = join(root, 'seeds');
  cpSync(SEEDS, seedsDir, { recursive: true });
  const write = (name: string, text: string): void => writeFileSync(join(seedsDir, name), text);
  if (options.fillers) for (const [name, text] of Object.entries(FILLERS)) write(`${name}.txt`, text);
  return {
    root,
    seedsDir,
    indexDir: join(root, 'index'),
    write,
    remove: (name) => rmSync(join(seedsDir, name)),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}

/**
 * The real `Library`, with two test controls: hold the next reindex until released (to ask during a rebuild), and
 * make the next `ask` throw (a fault inside a command). Everything else goes straight to the library.
 */
export class ControlledQuoth implements Quoth {
  private gate: Promise<void> | null = null;
  private askFailure: Error | null = null;
  private askDelayMs = 0;
  reindexCalls = 0;

  constructor(readonly inner: Quoth) {}

  static async open(seeds: TempSeeds): Promise<ControlledQuoth> {
    return new ControlledQuoth(await openLibrary({ seedsDir: seeds.seedsDir, indexDir: seeds.indexDir }));
  }

  /**
   * Every reindex asked for until the returned function is called waits for it, so that reindexes asked for together
   * reach the library together (one finished before the next arrives would start another).
   */
  holdReindex(): () => void {
    let open!: () => void;
    this.gate = new Promise<void>((resolve) => (open = resolve));
    return () => {
      this.gate = null;
      open();
    };
  }

  failNextAsk(error: Error): void {
    this.askFailure = error;
  }

  /** The next `ask` blocks the thread for `ms` before answering, as a slow synchronous engine would. */
  slowNextAsk(ms: number): void {
    this.askDelayMs = ms;
  }

  ask(question: string): AskOutcome {
    const failure = this.askFailure;
    if (failure) {
      this.askFailure = null;
      throw failure;
    }
    if (this.askDelayMs > 0) {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, this.askDelayMs);
      this.askDelayMs = 0;
    }
    return this.inner.ask(question);
  }

  info(): IndexInfo {
    return this.inner.info();
  }

  saved(): Promise<void> {
    return this.inner.saved();
  }

  async reindex(): Promise<ReindexReport> {
    this.reindexCalls += 1;
    if (this.gate) await this.gate;
    return this.inner.reindex();
  }
}
