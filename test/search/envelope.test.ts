import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { fromEnvelope, IndexFormatError, SCHEMA_VERSION, toEnvelope } from '../../src/search/envelope.js';
import { INDEX_FILE, loadSavedCorpus, saveCorpus } from '../../src/search/store.js';
import { seedCorpus } from '../helpers.js';

const QUESTIONS = ['How many drones did Russia launch at Ukraine overnight?', 'Who is the mayor of Kyiv?', 'What is the capital of France?'];

describe('the saved index', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'quoth-index-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('answers the same after save and reload', async () => {
    const corpus = await seedCorpus();
    await saveCorpus(dir, corpus);
    const loaded = await loadSavedCorpus(dir);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    for (const question of QUESTIONS) expect(answerQuestion(loaded.corpus, question)).toEqual(answerQuestion(corpus, question));
  });

  it('leaves no temporary file behind', async () => {
    await saveCorpus(dir, await seedCorpus());
    const { readdir } = await import('node:fs/promises');
    expect(await readdir(dir)).toEqual([INDEX_FILE]);
  });

  it('reports a missing, truncated or foreign file as a reason to rebuild', async () => {
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, reason: expect.stringContaining('no saved index') });
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const json = await readFile(file, 'utf8');
    await writeFile(file, json.slice(0, json.length / 2));
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, reason: expect.stringContaining('not valid JSON') });
    await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION - 1 }));
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, reason: expect.stringContaining(`expected ${SCHEMA_VERSION}`) });
  });

  it('names the malformed field of a damaged envelope', async () => {
    const envelope = toEnvelope(await seedCorpus());
    expect(() => fromEnvelope({ ...envelope, passages: [[0, 'x']] })).toThrow(IndexFormatError);
    expect(() => fromEnvelope({ ...envelope, passages: [] })).toThrow(/index holds \d+ passages, envelope lists 0/);
  });
});
