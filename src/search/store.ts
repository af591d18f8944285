/**
 * The edge of the index: saves the envelope durably (temp file, fsync, rename, fsync of the folder) behind a
 * SHA-256 checksum, and reads it back only when the checksum holds.
 *
 * The file is JSON whose first member is the checksum of every byte after it:
 * `{"sha256":"<64 hex digits>",` + the envelope's JSON without its opening brace.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Corpus } from './corpus.js';
import { fromEnvelope, IndexFormatError, toEnvelope } from './envelope.js';

export const INDEX_FILE = 'index.json';

/**
 * Why a saved index is not used: `missing` (there is none yet) is routine; `unusable` (damaged, edited, unreadable,
 * another schema) deserves a warning.
 */
export type SavedIndex = { ok: true; corpus: Corpus } | { ok: false; kind: 'missing' | 'unusable'; reason: string };

const CHECKSUM_OPENING = '{"sha256":"';
const DIGEST_LENGTH = 64;
/** The checksum covers every byte from here to the end of the file. */
const BODY_START = CHECKSUM_OPENING.length + DIGEST_LENGTH + '",'.length;

/** `index.json.<pid>.<ms>.tmp`: a save in progress, or left by a process that died while saving. */
const TEMPORARY_FILE = /^index\.json\.(\d+)\.\d+\.tmp$/;

/** Temporary files this process is writing right now (never swept). */
const writing = new Set<string>();

export async function saveCorpus(indexDir: string, corpus: Corpus): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  await removeLeftoverTemporaries(indexDir);
  const target = path.join(indexDir, INDEX_FILE);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  writing.add(temporary);
  try {
    await writeDurably(temporary, frame(JSON.stringify(toEnvelope(corpus))));
    await rename(temporary, target);
    await syncFolder(indexDir);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    writing.delete(temporary);
  }
  return target;
}

/** The envelope's JSON with the checksum of its body as the first member, as two buffers (no copy of the body). */
function frame(envelopeJson: string): Buffer[] {
  const body = Buffer.from(envelopeJson.slice(1), 'utf8');
  return [Buffer.from(`${CHECKSUM_OPENING}${sha256Of(body)}",`, 'utf8'), body];
}

async function writeDurably(file: string, parts: Buffer[]): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    // writeFile writes all of a part (write may stop short), from the current position: the parts follow each other.
    for (const part of parts) await handle.writeFile(part);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename in the folder durable. Platforms that cannot sync a folder (Windows) are left as they are. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
  } catch (error) {
    if (process.platform === 'win32') return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'EISDIR' && code !== 'EPERM') throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Removes `index.json.<pid>.<ms>.tmp` files left by saves that died (kill -9, power loss): those whose process is
 * gone, and those of this process's id that it is not writing now (a restarted container often reuses its pid).
 * A save still running in another live process is left alone, so a CLI `index` and the bot can share a folder.
 * Returns the names removed; never throws.
 */
export async function removeLeftoverTemporaries(indexDir: string): Promise<string[]> {
  const names = await readdir(indexDir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const pid = Number(TEMPORARY_FILE.exec(name)?.[1] ?? NaN);
    if (Number.isNaN(pid)) continue;
    const file = path.join(indexDir, name);
    if (writing.has(file) || (pid !== process.pid && isAlive(pid))) continue;
    try {
      await rm(file, { force: true });
      removed.push(name);
    } catch {
      // Not ours to fight over: a later start tries again.
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Reads the saved index. Never throws: a missing, unreadable, damaged or foreign file is a reason to rebuild. */
export async function loadSavedCorpus(indexDir: string): Promise<SavedIndex> {
  const file = path.join(indexDir, INDEX_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', reason: `no saved index at ${file}` };
    return unusable(`cannot read ${file} (${code ?? 'error'})`);
  }
  const damage = checksumProblem(bytes);
  if (damage !== null) return unusable(`${file} ${damage}`);
  try {
    return { ok: true, corpus: fromEnvelope(JSON.parse(bytes.toString('utf8'))) };
  } catch (error) {
    if (error instanceof SyntaxError) return unusable(`${file} is not valid JSON (corrupt or half-written)`);
    if (error instanceof IndexFormatError) return unusable(`${file}: ${error.message}`);
    throw error;
  }
}

function unusable(reason: string): SavedIndex {
  return { ok: false, kind: 'unusable', reason };
}

/** What is wrong with the file's checksum, or null when the bytes are exactly those written. */
function checksumProblem(bytes: Buffer): string | null {
  const opening = bytes.subarray(0, BODY_START).toString('latin1');
  const recorded = /^\{"sha256":"([0-9a-f]{64})",$/.exec(opening)?.[1];
  if (recorded === undefined) {
    if (bytes.length === 0) return 'is empty (a save was interrupted)';
    return 'carries no checksum (damaged, or written by an older Quoth)';
  }
  const actual = sha256Of(bytes.subarray(BODY_START));
  if (actual !== recorded) return `fails its checksum (sha256 ${actual.slice(0, 12)}…, recorded ${recorded.slice(0, 12)}…): the file was damaged or edited after it was written`;
  return null;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
