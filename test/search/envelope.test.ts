import { mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { decodeCorpus, encodedFormOf, encodeCorpus, IndexFormatError, readColumns, readHeader, SCHEMA_VERSION, type EncodedCorpus } from '../../src/search/envelope.js';
import { frame, INDEX_FILE, loadSavedCorpus, removeLeftoverTemporaries, saveCorpus, unframe } from '../../src/search/store.js';
import { corpusOf, seedCorpus } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

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
    expect(loaded.corpus.passages).toEqual(corpus.passages);
    expect(loaded.corpus.sources).toEqual(corpus.sources);
    expect(loaded.corpus.skipped).toEqual(corpus.skipped);
    expect(loaded.corpus.table).toEqual(corpus.table);
    expect(loaded.corpus.impacts).toEqual(corpus.impacts);
    expect(loaded.corpus.search.toJSON()).toEqual(corpus.search.toJSON());
  });

  it('keeps which passages were cut from code blocks', async () => {
    const corpus = await corpusOf([articleFrom('guide.md', '# Guide\n\nRun the tool once.\n\n```\ntool --once\n```\n')]);
    const decoded = decodeCorpus(encodeCorpus(corpus));
    expect(decoded.passages.map((passage) => passage.code ?? false)).toEqual([false, true]);
    expect(decoded.passages).toEqual(corpus.passages);
  });

  it('reads back headings and terms in any script, characters of four bytes too, and bytes that are no UTF-8 as one string each', async () => {
    const corpus = await corpusOf([
      articleFrom('fuss.md', '# Fußball in Łódź\n\nDer Fußball rollt durch Łódź.\n\n## Noten 𝄞 und Café\n\nDie Noten 𝄞 klingen im Café.\n'),
      articleFrom('plain.md', '# Plain\n\nPlain words only.\n'),
    ]);
    const encoded = encodeCorpus(corpus);
    const decoded = decodeCorpus(structuredClone(encoded));
    expect(decoded.passages.map((passage) => passage.heading)).toEqual(corpus.passages.map((passage) => passage.heading));
    expect(decoded.table.terms).toEqual(corpus.table.terms);
    // A byte that starts no character, in the first heading: that heading decodes with a replacement character, the others as written.
    const headingText = readColumns(encoded.header, encoded.columns).get('headingText') as Uint8Array;
    headingText[0] = 0xff;
    const headings = decodeCorpus(encoded, { check: false }).passages.map((passage) => passage.heading);
    expect(headings.filter((heading) => heading.includes('\uFFFD'))).toHaveLength(headings.filter((heading) => heading === headings[0]).length);
    expect(headings.filter((heading) => !heading.includes('\uFFFD'))).toEqual(corpus.passages.map((passage) => passage.heading).filter((heading) => heading !== corpus.passages[0]!.heading));
  });

  it('gives a decoded index back in its encoded form, to hand to another thread, without disturbing it', async () => {
    const corpus = await seedCorpus();
    const encoded = encodeCorpus(corpus);
    const decoded = decodeCorpus(structuredClone(encoded));
    expect(encodedFormOf(corpus)).toBeUndefined();
    const handed = encodedFormOf(decoded);
    expect(handed).toEqual(encoded);
    // A copy: decoding it (which turns its postings into ids in place) leaves the index it came from as it was.
    const again = decodeCorpus(handed!);
    expect(again.table).toEqual(corpus.table);
    expect(decoded.table).toEqual(corpus.table);
    expect(encodedFormOf(again)).toEqual(encoded);
    for (const question of QUESTIONS) expect(answerQuestion(again, question)).toEqual(answerQuestion(corpus, question));
  });

  it('encodes into shared memory that threads decode without writing to it (the index worker saves and builds on what it sent)', async () => {
    const corpus = await seedCorpus();
    const plain = encodeCorpus(corpus);
    const shared = encodeCorpus(corpus, { shared: true });
    expect(shared.columns.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(shared.text.buffer).toBeInstanceOf(SharedArrayBuffer);
    const bytesOf = (bytes: Uint8Array): Buffer => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    expect(bytesOf(shared.columns).equals(bytesOf(plain.columns))).toBe(true);
    expect(bytesOf(shared.text).equals(bytesOf(plain.text))).toBe(true);
    // As the main thread decodes it (postings restored from their gaps) and as the worker holds it (its own table).
    const answering = decodeCorpus(shared, { check: false });
    const held = decodeCorpus(shared, { score: false, check: false, table: corpus.table });
    expect(bytesOf(shared.columns).equals(bytesOf(plain.columns))).toBe(true);
    expect(answering.table).toEqual(corpus.table);
    expect(held.table).toEqual(corpus.table);
    for (const question of QUESTIONS) expect(answerQuestion(answering, question)).toEqual(answerQuestion(corpus, question));
    // Handed to a new worker later, it is still the encoding it was.
    const handed = encodedFormOf(answering)!;
    expect(bytesOf(handed.columns).equals(bytesOf(plain.columns))).toBe(true);
    expect(decodeCorpus(handed).table).toEqual(corpus.table);
  });

  it('replaces the JSON index of earlier versions when it saves', async () => {
    await writeFile(path.join(dir, 'index.json'), '{"sha256":"0",');
    await saveCorpus(dir, await seedCorpus());
    expect(await readdir(dir)).toEqual([INDEX_FILE]);
  });

  it('leaves no temporary file behind', async () => {
    await saveCorpus(dir, await seedCorpus());
    expect(await readdir(dir)).toEqual([INDEX_FILE]);
  });

  it('reports a missing, truncated or foreign file as a reason to rebuild', async () => {
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'missing', reason: expect.stringContaining('no saved index') });
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const bytes = await readFile(file);
    await writeFile(file, bytes.subarray(0, bytes.length / 2));
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('fails its checksum') });
    await writeFile(file, '');
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('is empty') });
    await writeFile(file, JSON.stringify({ schemaVersion: SCHEMA_VERSION - 1 }));
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('is not a Quoth index') });
  });

  it('says which schema version it found and which it expects, even when they print alike', () => {
    const found = (json: unknown): string => {
      try {
        readHeader(json);
      } catch (error) {
        return (error as Error).message;
      }
      return 'accepted';
    };
    expect(found({ schemaVersion: SCHEMA_VERSION - 1 })).toBe(`schema version ${SCHEMA_VERSION - 1}, expected schema version ${SCHEMA_VERSION}`);
    expect(found({ schemaVersion: String(SCHEMA_VERSION) })).toBe(`schema version "${SCHEMA_VERSION}" (a string, not a number), expected schema version ${SCHEMA_VERSION}`);
    expect(found({})).toBe(`no schema version, expected schema version ${SCHEMA_VERSION}`);
    expect(found(null)).toBe(`no schema version, expected schema version ${SCHEMA_VERSION}`);
    expect(found({ schemaVersion: SCHEMA_VERSION })).toMatch(/^malformed index header at builtAt/);
  });

  it('detects a flipped byte anywhere in the file, and never loads it', async () => {
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const original = await readFile(file);
    // Every 997th byte, and the first and last ones: the magic, the checksum, the header, the columns and the text.
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

  it('rejects an index whose passage text was edited, even with the same length', async () => {
    await saveCorpus(dir, await seedCorpus());
    const file = path.join(dir, INDEX_FILE);
    const bytes = await readFile(file);
    // The text comes last in the file: an 'e' near the end is a letter of a passage.
    const at = bytes.lastIndexOf('e'.charCodeAt(0));
    bytes[at] = 'x'.charCodeAt(0);
    await writeFile(file, bytes);
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringMatching(/fails its checksum .*damaged or edited/) });
  });

  it('rejects passages whose offsets cannot describe their text, whatever the checksum says', async () => {
    const corpus = await seedCorpus();
    const edited = (change: (columns: Map<string, Int32Array>, encoded: EncodedCorpus) => void): EncodedCorpus => {
      const encoded = encodeCorpus(corpus);
      change(readColumns(encoded.header, encoded.columns) as Map<string, Int32Array>, encoded);
      return encoded;
    };
    const set = (name: string, at: number, value: (old: number) => number) => (columns: Map<string, Int32Array>) => {
      const column = columns.get(name)!;
      column[at] = value(column[at]!);
    };
    expect(() => decodeCorpus(edited(set('passageEnd', 3, (end) => end + 1)))).toThrow(/passage 3 of .*: text of \d+ characters for the range/);
    expect(() => decodeCorpus(edited(set('passageSource', 3, () => 999)))).toThrow(/passage 3 names source #999/);
    expect(() => decodeCorpus(edited(set('sentenceBounds', 1, () => 1e6)))).toThrow(/passage 0 of .*: sentence offset 1000000 outside/);
    const secondPosting = (columns: Map<string, Int32Array>): number => {
      const offsets = columns.get('postingOffsets')!;
      const term = offsets.findIndex((offset, at) => offsets[at + 1]! - offset >= 2);
      return offsets[term]! + 1;
    };
    expect(() => decodeCorpus(edited((columns) => (columns.get('postingGaps')![secondPosting(columns)] = 0)))).toThrow(/postings of .* out of order/);
    expect(() => decodeCorpus(edited((_, encoded) => (encoded.header.sources[0]!.passages += 1)))).toThrow(/lists \d+ passages, the index holds \d+/);
    expect(() => decodeCorpus(edited((_, encoded) => (encoded.header.columns = encoded.header.columns.slice(1))))).toThrow(IndexFormatError);
    expect(() => decodeCorpus(edited((_, encoded) => (encoded.header.counts.passages -= 1)))).toThrow(/column passageSource holds \d+ values, expected/);
  });

  it('refuses columns that inflate past the size their header lists, without inflating them further', async () => {
    const encoded = encodeCorpus(await seedCorpus());
    const columns = encoded.header.columns;
    // A header that lists less than the columns hold (its checksum holds: the file was written so).
    encoded.header.columns = columns.map((column) => (column.name === 'passageSource' ? { ...column, length: 0 } : column));
    const file = path.join(dir, INDEX_FILE);
    await writeFile(file, Buffer.concat(frame(encoded)));
    const bytes = await readFile(file);
    expect(() => unframe(bytes)).toThrow(/its columns cannot be inflated/);
    expect(await loadSavedCorpus(dir)).toEqual({ ok: false, kind: 'unusable', reason: expect.stringContaining('its columns cannot be inflated') });
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
    const dead = 'index.quoth.4194305.1700000000000.tmp';
    const ownLeftover = `index.json.${process.pid}.1700000000000.tmp`;
    const alive = `index.quoth.${process.ppid}.1700000000000.tmp`;
    for (const name of [dead, ownLeftover, alive, 'notes.tmp']) await writeFile(path.join(dir, name), '{"half":');
    expect((await removeLeftoverTemporaries(dir)).sort()).toEqual([dead, ownLeftover].sort());
    await writeFile(path.join(dir, dead), '{"half":');
    await saveCorpus(dir, await seedCorpus());
    expect((await readdir(dir)).sort()).toEqual([INDEX_FILE, alive, 'notes.tmp'].sort());
  });
});

