import { afterEach, describe, expect, it } from 'vitest';
import { AnswerThread } from '../../src/answering/answer-thread.js';
import { openLibrary } from '../../src/library.js';
import type { AskOutcome, IndexInfo, Quoth, ReindexReport } from '../../src/service.js';
import { tempSeeds } from '../discord/engine.js';

const QUESTIONS = ['Who is the mayor of Kyiv?', 'How many missiles were fired?', 'how many poeple were killed?', 'What is the capital of France?'];
const silent = { info: () => {}, warn: () => {} };

/** The real library, counting the questions answered on this (the main) thread. */
class CountingQuoth implements Quoth {
  askedHere = 0;
  constructor(readonly inner: Quoth) {}
  ask(question: string): AskOutcome {
    this.askedHere += 1;
    return this.inner.ask(question);
  }
  info(): IndexInfo {
    return this.inner.info();
  }
  reindex(): Promise<ReindexReport> {
    return this.inner.reindex();
  }
  saved(): Promise<void> {
    return this.inner.saved();
  }
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  for (const started = Date.now(); !condition(); await new Promise((resolve) => setTimeout(resolve, 20))) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
  }
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('AnswerThread', () => {
  it('answers in the thread exactly as the library does, follows a reindex, and answers here once stopped', async () => {
    const seeds = tempSeeds();
    cleanups.push(() => seeds.cleanup());
    const library = new CountingQuoth(await openLibrary({ seedsDir: seeds.seedsDir, indexDir: seeds.indexDir }));
    const thread = new AnswerThread(library, seeds.indexDir, silent);
    cleanups.push(() => thread.stop());
    await until(() => thread.heldIndex === library.info().builtAt, 'the thread to load the index');

    const inThread = await Promise.all(QUESTIONS.map((question) => thread.ask(question)));
    expect(library.askedHere).toBe(0);
    expect(inThread).toEqual(QUESTIONS.map((question) => library.inner.ask(question)));

    seeds.write('harbour-festival.txt', 'Harbour festival draws record crowd\n\n2025-07-12\n\nThe harbour festival drew forty-two thousand visitors on Saturday, the organisers said.');
    const report = await library.reindex();
    const newQuestion = 'How many visitors did the harbour festival draw?';
    // The first question after the swap is already answered from the new index (the thread loads it first).
    const afterReindex = await thread.ask(newQuestion);
    expect(thread.heldIndex).toBe(report.builtAt);
    expect(afterReindex).toEqual(library.inner.ask(newQuestion));
    expect(afterReindex.ok && afterReindex.answer.quotes[0]?.text).toMatch(/forty-two thousand/);
    expect(library.askedHere).toBe(0);

    await thread.stop();
    expect(thread.heldIndex).toBeNull();
    expect(await thread.ask(QUESTIONS[0] ?? '')).toEqual(library.inner.ask(QUESTIONS[0] ?? ''));
    expect(library.askedHere).toBe(1);
  });

  it('answers on the main thread when the saved index cannot be read', async () => {
    const seeds = tempSeeds();
    cleanups.push(() => seeds.cleanup());
    const library = new CountingQuoth(await openLibrary({ seedsDir: seeds.seedsDir, indexDir: seeds.indexDir }));
    const warnings: string[] = [];
    const thread = new AnswerThread(library, `${seeds.indexDir}-missing`, { info: () => {}, warn: (message) => warnings.push(message) });
    cleanups.push(() => thread.stop());
    await until(() => warnings.length > 0, 'the thread to report the missing index');
    expect(warnings[0]).toContain('could not load the saved index');
    expect(await thread.ask(QUESTIONS[0] ?? '')).toEqual(library.inner.ask(QUESTIONS[0] ?? ''));
    expect(library.askedHere).toBe(1);
    expect(thread.heldIndex).toBeNull();
  });
});
