/** The edge of the index: saves the envelope atomically (temp file + rename) and reads it back. */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from './corpus.js';
import { fromEnvelope, IndexFormatError, toEnvelope } from './envelope.js';

export const INDEX_FILE = 'index.json';

export type SavedIndex = { ok: true; corpus: Corpus } | { ok: false; reason: string };

export async function saveCorpus(indexDir: string, corpus: Corpus): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  const target = path.join(indexDir, INDEX_FILE);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  try {
    await writeFile(temporary, JSON.stringify(toEnvelope(corpus)));
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return target;
}

/** Reads the saved index. Never throws: a missing, unreadable or corrupt file is a reason to rebuild. */
export async function loadSavedCorpus(indexDir: string): Promise<SavedIndex> {
  const file = path.join(indexDir, INDEX_FILE);
  let json: string;
  try {
    json = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? `no saved index at ${file}` : `cannot read ${file} (${code ?? 'error'})` };
  }
  try {
    return { ok: true, corpus: fromEnvelope(JSON.parse(json)) };
  } catch (error) {
    if (error instanceof SyntaxError) return { ok: false, reason: `${file} is not valid JSON (corrupt or half-written)` };
    if (error instanceof IndexFormatError) return { ok: false, reason: `${file}: ${error.message}` };
    throw error;
  }
}
