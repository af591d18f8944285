import { execFile } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_FILE, FeedbackStore } from '../../src/feedback/store.js';

const run = promisify(execFile);

describe('FeedbackStore', () => {
  let dir: string;
  const warnings: string[] = [];
  const warn = { warn: (message: string) => warnings.push(message) };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'quoth-feedback-'));
    warnings.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const asked = (answerId: string, question = 'How many drones?') => ({
    answerId,
    question,
    status: 'no_answer' as const,
    sources: [],
    guildId: '100000000000000001',
    channelId: '100000000000000002',
  });

  it('creates the data folder and reads back what it stored', async () => {
    const store = await FeedbackStore.open(join(dir, 'nested', 'data'));
    await store.recordAnswer(asked('1'));
    expect(await store.rate('1', '7', 'down')).toBe('new');
    expect(await store.rate('1', '7', 'down')).toBe('same');
    expect(await store.rate('1', '7', 'up')).toBe('changed');
    expect(await store.claimShare('1', '7')).toEqual({ first: true });
    await store.close();
    const reopened = await FeedbackStore.open(join(dir, 'nested', 'data'));
    expect(reopened.ledger.tally('1')).toEqual({ up: 1, down: 0, not_asked: 0 });
    expect(reopened.ledger.answer('1')?.question).toBe('How many drones?');
    expect(await reopened.claimShare('1', '8')).toMatchObject({ first: false, by: { userId: '7' } });
    await reopened.close();
  });

  it('skips unreadable and torn lines with a warning naming them, keeps them, and writes the next record on a fresh line', async () => {
    const store = await FeedbackStore.open(dir);
    await store.recordAnswer(asked('1'));
    await store.rate('1', '7', 'down');
    await store.close();
    const file = join(dir, FEEDBACK_FILE);
    appendFileSync(file, 'not json at all\n{"v":1,"kind":"rated","answerId":"1"}\n{"v":1,"kind":"rated","at":"2026-');
    const damaged = readFileSync(file, 'utf8');

    const reopened = await FeedbackStore.open(dir, { warnings: warn });
    expect(reopened.unreadableLines).toEqual([3, 4, 5]);
    expect(warnings).toEqual([`${file}: 3 unreadable lines skipped (line 3, 4, 5); they stay in the file`]);
    expect(reopened.ledger.tally('1')).toEqual({ up: 0, down: 1, not_asked: 0 });
    await reopened.rate('1', '8', 'down');
    await reopened.close();

    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(damaged)).toBe(true);
    const third = await FeedbackStore.open(dir);
    expect(third.ledger.tally('1')).toEqual({ up: 0, down: 2, not_asked: 0 });
    expect(third.unreadableLines).toEqual([3, 4, 5]);
    await third.close();
  });

  it('keeps every record of many concurrent writes in one process', async () => {
    const store = await FeedbackStore.open(dir);
    await Promise.all(Array.from({ length: 200 }, (_, index) => store.rate(String(index), '7', 'up')));
    await store.close();
    const lines = readFileSync(join(dir, FEEDBACK_FILE), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(200);
    const reopened = await FeedbackStore.open(dir);
    expect(reopened.unreadableLines).toEqual([]);
    await reopened.close();
  });

  it('keeps every record when two processes append to the same file at once', async () => {
    const script = join(dir, 'writer.mts');
    writeFileSync(
      script,
      `import { FeedbackStore } from ${JSON.stringify(new URL('../../src/feedback/store.ts', import.meta.url).pathname)};
const store = await FeedbackStore.open(process.argv[2]);
const question = 'q'.repeat(900);
await Promise.all(Array.from({ length: 300 }, (_, i) => store.recordAnswer({ answerId: process.argv[3] + i, question, status: 'no_answer', sources: [], guildId: null, channelId: null })));
await store.close();`,
    );
    const tsx = new URL('../../node_modules/.bin/tsx', import.meta.url).pathname;
    await Promise.all([run(tsx, [script, dir, '1000']), run(tsx, [script, dir, '2000'])]);
    const store = await FeedbackStore.open(dir);
    expect(store.unreadableLines).toEqual([]);
    expect(store.ledger.answersSince('1970-01-01T00:00:00.000Z', null)).toHaveLength(600);
    await store.close();
  });

  it('counts nothing that could not be written, and says which file', async () => {
    const store = await FeedbackStore.open(dir);
    await store.rate('1', '7', 'up');
    await store.close();
    await expect(store.rate('1', '8', 'down')).rejects.toThrow(`Quoth: could not write to ${join(dir, FEEDBACK_FILE)}`);
    await expect(store.claimShare('1', '8')).rejects.toThrow('Quoth: could not write to');
    expect(store.ledger.tally('1')).toEqual({ up: 1, down: 0, not_asked: 0 });
    expect(store.ledger.sharedBy('1')).toBeUndefined();
  });

  it('lets only one of many simultaneous share clicks win', async () => {
    const store = await FeedbackStore.open(dir);
    const claims = await Promise.all(['7', '8', '9'].map((user) => store.claimShare('1', user)));
    expect(claims.filter((claim) => claim.first)).toHaveLength(1);
    expect(claims.filter((claim) => !claim.first)).toEqual([expect.objectContaining({ by: expect.objectContaining({ userId: '7' }) }), expect.objectContaining({ by: expect.objectContaining({ userId: '7' }) })]);
    await store.close();
  });

  it('says which file it cannot open', async () => {
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    await expect(FeedbackStore.open(join(blocker, 'data'))).rejects.toThrow(`Quoth: cannot create the data folder ${join(blocker, 'data')}`);
  });
});
