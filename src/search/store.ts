/**
 * The edge of the index: saves the encoded corpus (envelope.ts) durably (temp file, fsync, rename, fsync of the
 * folder) behind a SHA-256 checksum, and reads it back only when the checksum holds.
 *
 * The file: the magic `QUOTHIX\n`, the SHA-256 (64 hex digits) of every byte after it, then the header's length and
 * the compressed columns' length (two little-endian uint32), the header (JSON), the columns (deflate-compressed:
 * small numbers, they shrink to a third) and the passages' text (UTF-8, stored as it is: it is most of the file,
 * compresses about 3:1 at best and would cost more to inflate at each start than it saves in reading).
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync, inflateRaw, inflateRawSync, type ZlibOptions } from 'node:zlib';
import type { Corpus } from './corpus.js';
import { columnsByteLength, decodeCorpus, encodeCorpus, IndexFormatError, readHeader, type DecodeOptions, type EncodedCorpus, type IndexHeader } from './envelope.js';

export const INDEX_FILE = 'index.quoth';
/** The file name of the JSON index of earlier versions, removed once a new index is saved beside it. */
const FORMER_INDEX_FILE = 'index.json';

/**
 * Why a saved index is not used: `missing` (there is none yet) is routine; `unusable` (damaged, edited, unreadable,
 * another schema) deserves a warning.
 */
export type SavedIndex = { ok: true; corpus: Corpus } | { ok: false; kind: 'missing' | 'unusable'; reason: string };

const MAGIC = Buffer.from('QUOTHIX\n', 'latin1');
const DIGEST_LENGTH = 64;
/** The checksum covers every byte from here to the end of the file. */
const BODY_START = MAGIC.length + DIGEST_LENGTH;
const LENGTHS = 8;

/** `index.quoth.<pid>.<ms>.tmp` (or `index.json.…` of earlier versions): a save in progress, or left by a process that died while saving. */
const TEMPORARY_FILE = /^index\.(?:quoth|json)\.(\d+)\.\d+\.tmp$/;

/** Temporary files this process is writing right now (never swept). */
const writing = new Set<string>();

export function saveCorpus(indexDir: string, corpus: Corpus): Promise<string> {
  return saveEncoded(indexDir, encodeCorpus(corpus));
}

/**
 * Saves a corpus already encoded (the index worker encodes once, saves, then hands the same columns over). The
 * columns are compressed and the file written in the thread pool: the calling thread goes on meanwhile, but for
 * hashing the file's parts (the index worker's thread, which has nothing else to do).
 */
export async function saveEncoded(indexDir: string, encoded: EncodedCorpus): Promise<string> {
  await mkdir(indexDir, { recursive: true });
  await removeLeftoverTemporaries(indexDir);
  const target = path.join(indexDir, INDEX_FILE);
  const temporary = `${target}.${process.pid}.${Date.now()}.tmp`;
  writing.add(temporary);
  try {
    await writeDurably(temporary, await frameInThreadPool(encoded));
    await rename(temporary, target);
    await syncFolder(indexDir);
    await rm(path.join(indexDir, FORMER_INDEX_FILE), { force: true });
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    writing.delete(temporary);
  }
  return target;
}

/** The file's bytes, as parts written one after the other (the text is not copied). */
export function frame(encoded: EncodedCorpus): Buffer[] {
  return framed(bodyParts(encoded, deflateRawSync(encoded.columns, COLUMNS_DEFLATE)));
}

function framed(body: Buffer[]): Buffer[] {
  const digest = createHash('sha256');
  for (const part of body) digest.update(part);
  return [MAGIC, Buffer.from(digest.digest('hex'), 'latin1'), ...body];
}

// Level 2: at 110k passages a third of the time of the default level 6 (0.19 s, not 0.62 s), for 0.5 MB more in a 31 MB file.
const COLUMNS_DEFLATE = { level: 2 };
const deflateInThreadPool = promisify(deflateRaw);
const inflateInThreadPool = promisify<Buffer, ZlibOptions, Buffer>(inflateRaw);

/**
 * The same bytes as `frame`, the columns compressed in libuv's thread pool rather than on this thread. The parts are
 * hashed one after the other here (about 20 ms for 30 MB), not joined into one buffer for WebCrypto: joining them
 * took four times that, in memory the size of the index touched for the first time.
 */
async function frameInThreadPool(encoded: EncodedCorpus): Promise<Buffer[]> {
  return framed(bodyParts(encoded, await deflateInThreadPool(encoded.columns, COLUMNS_DEFLATE)));
}

/** What the checksum covers: the lengths, the header, the compressed columns and the text. */
function bodyParts(encoded: EncodedCorpus, columns: Buffer): Buffer[] {
  const header = Buffer.from(JSON.stringify(encoded.header), 'utf8');
  const lengths = Buffer.alloc(LENGTHS);
  lengths.writeUInt32LE(header.length, 0);
  lengths.writeUInt32LE(columns.length, 4);
  return [lengths, header, columns, Buffer.from(encoded.text.buffer, encoded.text.byteOffset, encoded.text.byteLength)];
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
 * Removes `index.quoth.<pid>.<ms>.tmp` files left by saves that died (kill -9, power loss): those whose process is
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
export async function loadSavedCorpus(indexDir: string, options: DecodeOptions = {}): Promise<SavedIndex> {
  const file = path.join(indexDir, INDEX_FILE);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, kind: 'missing', reason: `no saved index at ${file}` };
    return unusable(`cannot read ${file} (${code ?? 'error'})`);
  }
  // The columns are inflated in the thread pool while this thread works out the checksum; a file that fails it is
  // reported as damaged, whatever inflating it made of it.
  const inflated = unframeInThreadPool(bytes).catch((error: unknown) => {
    if (error instanceof IndexFormatError) return error;
    throw error;
  });
  const damage = checksumProblem(bytes);
  const encoded = await inflated;
  if (damage !== null) return unusable(`${file} ${damage}`);
  try {
    if (encoded instanceof IndexFormatError) throw encoded;
    return { ok: true, corpus: decodeCorpus(encoded, options) };
  } catch (error) {
    if (error instanceof IndexFormatError) return unusable(`${file}: ${error.message}`);
    throw error;
  }
}

/** Room past the columns' size in the buffer they are inflated into, so that zlib never starts a second one to end the stream. */
const INFLATE_SLACK = 1024;
/** zlib's smallest chunk. */
const MIN_CHUNK = 64;

/** The parts of a file's body: its header read, its columns still compressed. */
interface Frame {
  header: IndexHeader;
  compressed: Buffer;
  text: Buffer;
  /** The columns' size once inflated, as the header lists them. */
  size: number;
}

function readFrame(bytes: Buffer): Frame {
  if (bytes.length < BODY_START + LENGTHS) throw new IndexFormatError('the file is too short to hold an index');
  const headerLength = bytes.readUInt32LE(BODY_START);
  const columnsLength = bytes.readUInt32LE(BODY_START + 4);
  const headerStart = BODY_START + LENGTHS;
  const textStart = headerStart + headerLength + columnsLength;
  if (textStart > bytes.length) throw new IndexFormatError(`the header and columns (${headerLength} + ${columnsLength} bytes) run past the end of the file`);
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8', headerStart, headerStart + headerLength));
  } catch {
    throw new IndexFormatError('its header is not valid JSON');
  }
  const header = readHeader(json);
  return { header, compressed: bytes.subarray(headerStart + headerLength, textStart), text: bytes.subarray(textStart), size: columnsByteLength(header) };
}

/**
 * Inflated into one buffer of the size the header lists (zlib's default 16 kB chunks, joined at the end, took two
 * fifths of the inflating at 83k passages), and no larger: a damaged stream cannot make it allocate more.
 */
function inflateOptions(frame: Frame): ZlibOptions {
  return { chunkSize: Math.max(frame.size + INFLATE_SLACK, MIN_CHUNK), maxOutputLength: Math.max(frame.size, 1) };
}

function cannotInflate(error: unknown): IndexFormatError {
  return new IndexFormatError(`its columns cannot be inflated (${(error as Error).message})`);
}

/** The encoded corpus of a file whose checksum holds. Throws IndexFormatError when its parts do not fit. */
export function unframe(bytes: Buffer): EncodedCorpus {
  const frame = readFrame(bytes);
  try {
    return { header: frame.header, columns: inflateRawSync(frame.compressed, inflateOptions(frame)), text: frame.text };
  } catch (error) {
    throw cannotInflate(error);
  }
}

/** `unframe`, the columns inflated in the thread pool. Rejects with IndexFormatError when its parts do not fit. */
async function unframeInThreadPool(bytes: Buffer): Promise<EncodedCorpus> {
  const frame = readFrame(bytes);
  const columns = await inflateInThreadPool(frame.compressed, inflateOptions(frame)).catch((error: unknown) => {
    throw cannotInflate(error);
  });
  return { header: frame.header, columns, text: frame.text };
}

function unusable(reason: string): SavedIndex {
  return { ok: false, kind: 'unusable', reason };
}

/** What is wrong with the file's checksum, or null when the bytes are exactly those written. */
function checksumProblem(bytes: Buffer): string | null {
  if (bytes.length === 0) return 'is empty (a save was interrupted)';
  if (bytes.length < BODY_START || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return 'is not a Quoth index (damaged, or written by an older Quoth)';
  const recorded = bytes.toString('latin1', MAGIC.length, BODY_START);
  if (!/^[0-9a-f]{64}$/.test(recorded)) return 'carries no checksum (damaged)';
  const actual = createHash('sha256').update(bytes.subarray(BODY_START)).digest('hex');
  if (actual !== recorded) return `fails its checksum (sha256 ${actual.slice(0, 12)}…, recorded ${recorded.slice(0, 12)}…): the file was damaged or edited after it was written`;
  return null;
}
