import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { fromEnvelope, IndexFormatError, SCHEMA_VERSION, toEnvelope, type Envelope } from '../../src/search/envelope.js';
import { INDEX_FILE, loadSavedCorpus, removeLeftoverTemporaries, saveCorpus } from '../../src/search/store.js';
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
    expect(await readdir(dir)).toEqual([INDEX_FILE]);
  });

  it('reports a missing, truncated or foreign file as a reason to rebuild', async () => {
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'missing', reason: expect.stringContaining('no saved index') });
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const json = await readFile(file, 'utf8');
    await writeFile(file, json.slice(0, json.length / 2));
    expect(await loadSavedCorpus(dir)).toMatchObject({ ok: false, kind: 'unusable' });
    await writeFile(file, '');
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('is empty') });
    await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION - 1 }));
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('carries no checksum') });
  });

  it('says which schema version it found and which it expects, even when they print alike', () => {
    const found = (json: unknown): string => {
      try {
        fromEnvelope(json);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(found({ schemaVersion: SCHEMA_VERSION - 1 })).toBe(`schema version ${SCHEMA_VERSION - 1}, expected schema version ${SCHEMA_VERSION}`);
    expect(found({ schemaVersion: String(SCHEMA_VERSION) })).toBe(`schema version "${SCHEMA_VERSION}" (a string, not a number), expected schema version ${SCHEMA_VERSION}`);
    expect(found({})).toBe(`no schema version, expected schema version ${SCHEMA_VERSION}`);
    expect(found(null)).toBe(`no schema version, expected schema version ${SCHEMA_VERSION}`);
  });

  it('detects a flipped byte anywhere in the file, and never loads it', async () => {
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const original = await readFile(file);
    // Every 997th byte, and the first and last ones: the checksum, the structure, the passages' text and numbers.
    const positions = [0, original.length - 1];
    for (let at = 1; at < original.length - 1; at += 997) positions.push(at);
    for (const at of positions) {
      const damaged = Buffer.from(original);
      damaged[at] = damaged[at]! ^ (at % 2 === 0 ? 0x01 : 0x20);
      await writeFile(file, damaged);
      const loaded = await loadSavedCorpus(dir);
      expect(loaded, `byte ${at} of ${original.length} flipped`).toMatchObject({ ok: false, kind: 'unusable' });
    }
  });

  it('rejects an index whose passage text was edited, although it is still valid JSON', async () => {
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const envelope = JSON.parse(await readFile(file, 'utf8')) as { passages: [number, number, number, string, number[], string][] };
    const passage = envelope.passages[0]!;
    // Same length, so the offsets still agree: only the checksum can tell.
    passage[5] = passage[5].replace(/[a-z]/u, (letter) => (letter === 'x' ? 'y' : 'x'));
    await writeFile(file, JSON.stringify(envelope));
    const loaded = await loadSavedCorpus(dir);
    expect(loaded).toEqual({ ok: false, kind: 'unusable', reason: expect.stringMatching(/fails its checksum .*damaged or edited/) });
  });

  it('rejects passages whose offsets cannot describe their text, whatever the checksum says', async () => {
    const envelope = toEnvelope(await seedCorpus());
    const [sourceIndex, start, end, heading, offsets, text] = envelope.passages[3]!;
    const edited = (passage: Envelope['passages'][number]) => ({ ...envelope, passages: envelope.passages.map((p, i) => (i === 3 ? passage : p)) });
    expect(() => fromEnvelope(edited([sourceIndex, start, end, heading, offsets, `${text} and 99 more`]))).toThrow(/passage 3 of .*: text of \d+ characters for the range/);
    expect(() => fromEnvelope(edited([sourceIndex, start, end + 1, heading, offsets, text]))).toThrow(/passage 3 of .*: text of/);
    expect(() => fromEnvelope(edited([sourceIndex, start, end, heading, [0, text.length + 5], text]))).toThrow(/sentence offset \d+ outside/);
    const moved = { ...envelope, sources: envelope.sources.map((s, i) => (i === 0 ? { ...s, passages: s.passages + 1 } : s)) };
    expect(() => fromEnvelope(moved)).toThrow(/lists \d+ passages, the index holds \d+/);
  });

  it('syncs the file before the rename and the folder after it', async () => {
    const probe = await open(path.join(dir, 'probe'), 'w');
    const prototype = Object.getPrototypeOf(probe) as { sync(): Promise<void> };
    await probe.close();
    const sync = vi.spyOn(prototype, 'sync');
    try {
      await saveCorpus(dir, await seedCorpus());
      expect(sync).toHaveBeenCalledTimes(2);
    } finally {
      sync.mockRestore();
    }
  });

  it('removes temporary files left by saves that died, and keeps those of a live save', async () => {
    const dead = 'index.json.4194305.1700000000000.tmp';
    const ownLeftover = `index.json.${process.pid}.1700000000000.tmp`;
    const alive = `index.json.${process.ppid}.1700000000000.tmp`;
    for (const name of [dead, ownLeftover, alive, 'notes.tmp']) await writeFile(path.join(dir, name), '{"half":');
    expect((await removeLeftoverTemporaries(dir)).sort()).toEqual([dead, ownLeftover].sort());
    await writeFile(path.join(dir, dead), '{"half":');
    await saveCorpus(dir, await seedCorpus());
    expect((await readdir(dir)).sort()).toEqual([INDEX_FILE, alive, 'notes.tmp'].sort());
  });

  it('names the malformed field of a damaged envelope', async () => {
    const envelope = toEnvelope(await seedCorpus());
    expect(() => fromEnvelope({ ...envelope, passages: [[0, 'x']] })).toThrow(IndexFormatError);
    expect(() => fromEnvelope({ ...envelope, passages: [] })).toThrow(/index holds \d+ passages, envelope lists 0/);
  });
});
