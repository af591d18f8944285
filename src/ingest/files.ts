/** The edge of ingestion: walks the seeds folder, reads and hashes files, and hands bytes to the pure core. */
import { createHash } from 'node:crypto';
import type { BigIntStats, Dirent } from 'node:fs';
import { constants, lstatSync } from 'node:fs';
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article, FileStamp, SkippedFile } from '../model.js';
import { formatOf, readArticle, uniqueSourceIds } from './article.js';
import { SeedsFolderError } from './errors.js';

/** Files larger than this are skipped unless told otherwise (`MAX_FILE_MB`). */
export const DEFAULT_MAX_FILE_MB = 20;

const MEGABYTE = 1024 * 1024;

export interface LoadOptions {
  /** Called after each file with how many of the readable-looking files are done. */
  onProgress?(done: number, total: number): void;
  /** Larger files are skipped with a reason, without being read. Default `DEFAULT_MAX_FILE_MB` MB (MiB). */
  maxFileBytes?: number;
  /**
   * Whether a file the caller already holds (same displayed path, content hash and source id) can be left unparsed:
   * it is listed in `reused` instead of `articles` (an incremental reindex parses only what changed).
   */
  reuse?(file: { path: string; sha256: string; sourceId: string }): boolean;
  /**
   * Why a file was skipped before for what it holds, when the caller knows (same displayed path and content hash):
   * it is skipped again for that reason without being parsed. Undefined: read it.
   */
  skipAgain?(file: { path: string; sha256: string }): string | undefined;
  /**
   * The content hash a file held when it was last hashed, when its stamp (size, modification time) says it holds it
   * still: the file is then taken to hold those bytes and is not read, unless it has to be parsed. Undefined: read it.
   */
  knownHash?(file: { path: string; stamp: FileStamp }): string | undefined;
  /**
   * Receives each article as soon as it is read, in path order, instead of `articles` collecting them (it is then
   * left empty): a caller that keeps only what it needs of an article holds one at a time, not the whole folder.
   */
  onArticle?(article: Article): void;
  /**
   * Take the files' stats synchronously, one after the other: for a thread that answers nothing meanwhile (the index
   * worker), where a thousand synchronous stats take a few milliseconds and as many asked of the thread pool took
   * tens. Default false: the event loop gets a turn between stats.
   */
  syncStats?: boolean;
}

/** A file that was indexed but whose metadata needed attention (for example bad front matter). */
export interface IngestWarning {
  path: string;
  message: string;
}

export interface LoadResult {
  /** In path order; empty when `onArticle` received them. */
  articles: Article[];
  /** Articles read and parsed (whether collected in `articles` or handed to `onArticle`). */
  read: number;
  /** Files `reuse` accepted, in path order: hashed, not parsed. `before`: how many of the articles read come before it. */
  reused: { path: string; sha256: string; sourceId: string; before: number }[];
  skipped: SkippedFile[];
  warnings: IngestWarning[];
  /** The stamp of every file whose hash is known, by displayed path: taken just before it was read, or the one `knownHash` trusted. */
  stamps: Map<string, FileStamp>;
  /** Files read from disk and hashed; the others were unreadable, too large, or trusted through `knownHash`. */
  hashed: number;
  /** Throws `SeedsFolderError('vanished')` when the folder read has since been removed or replaced: check before saving. */
  assertFolderUnchanged(): Promise<void>;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  return code ?? (error instanceof Error ? error.message : String(error));
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** A file to read: its path under the seeds folder (with `/`) and the real path its bytes are read from. */
interface SeedFile {
  rel: string;
  real: string;
  /** Listed through a link to it. */
  linked: boolean;
}

/**
 * The `.txt`, `.md` and `.html` files under the seeds folder, in sorted order. Hidden files and folders are
 * left out. Only regular files whose real path lies inside the folder's real path are kept: a link that
 * leads out of the folder (or into a hidden file inside it) is skipped with a reason, so no file outside
 * the seeds folder can ever be quoted. Linked folders are not followed (no cycles, no second copy).
 */
async function listFiles(root: string, skipped: SkippedFile[], display: (rel: string) => string): Promise<SeedFile[]> {
  const found: SeedFile[] = [];
  const visit = async (rel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(path.join(root, rel), { withFileTypes: true });
    } catch (error) {
      if (rel === '') throw error;
      skipped.push({ path: display(rel), reason: `unreadable folder (${describe(error)})` });
      return;
    }
    for (const entry of entries.sort(byName)) {
      if (entry.name.startsWith('.')) continue;
      const child = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) await visit(child);
      else if (entry.isFile() && formatOf(entry.name)) found.push({ rel: child, real: path.join(root, child), linked: false });
      else if (entry.isSymbolicLink()) {
        const link = await followLink(root, child);
        if ('real' in link) {
          if (formatOf(entry.name)) found.push({ rel: child, real: link.real, linked: true });
        } else if (link.reason !== null && (formatOf(entry.name) || link.folder)) {
          // A link Quoth would not read wherever it led (a page's "_static/jquery.js") is not worth a warning.
          skipped.push({ path: display(child), reason: link.reason });
        }
      }
    }
  };
  await visit('');
  return readOnce(found);
}

/**
 * One entry per real file: a link to a file the folder also holds ("page.html" → "page.en.html") is the same source,
 * not a second one that would corroborate the first, and nothing was left unread, so it is not reported as skipped.
 * The file is kept under its own name; of several links to a file outside the listing (another extension), the first.
 */
function readOnce(found: SeedFile[]): SeedFile[] {
  const byReal = new Map<string, SeedFile>();
  for (const file of found) {
    const kept = byReal.get(file.real);
    if (kept === undefined || (kept.linked && !file.linked)) byReal.set(file.real, file);
  }
  const kept = new Set(byReal.values());
  return found.filter((file) => kept.has(file));
}

/**
 * Where a link in the seeds folder leads, or why it is not read (null: not a kind of file Quoth reads anyway) and
 * whether it leads to a folder. Its target is looked at (stat), never read, wherever it lies.
 */
async function followLink(root: string, rel: string): Promise<{ real: string } | { reason: string | null; folder: boolean }> {
  const real = await realpath(path.join(root, rel)).catch(() => null);
  if (real === null) return { reason: 'broken link', folder: false };
  const target = await stat(real).catch(() => null);
  const folder = target?.isDirectory() ?? false;
  const inside = path.relative(root, real);
  if (inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)) return { reason: 'link leads outside the seeds folder; not read', folder };
  if (inside.split(path.sep).some((part) => part.startsWith('.'))) return { reason: 'link leads to a hidden file; not read', folder };
  if (folder) return { reason: 'link to a folder; not followed', folder };
  if (!target?.isFile()) return { reason: null, folder };
  return { real };
}

/**
 * Reads a listed file without following a link at its last step, and only when it is a regular file:
 * a file swapped for a link (or a device, or a FIFO) after listing is not read.
 */
async function readSeedFile(file: SeedFile, maxBytes: number): Promise<{ bytes: Uint8Array; stamp: FileStamp }> {
  const handle = await open(file.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  try {
    const info = await handle.stat({ bigint: true });
    if (!info.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTREG' });
    // Taken before reading: a write during the read leaves a newer stamp than this one, so the file is read again next time.
    const stamp = stampOf(info);
    if (stamp.size > maxBytes) throw new FileTooLargeError(stamp.size, maxBytes);
    // One byte more than the size: a file that grew after the stat is noticed (and refused when now too large).
    const buffer = Buffer.allocUnsafe(stamp.size + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, length), stamp };
      length += bytesRead;
      if (length === buffer.length) break;
    }
    const bytes = Buffer.concat([buffer, await handle.readFile()]);
    if (bytes.length > maxBytes) throw new FileTooLargeError(bytes.length, maxBytes);
    return { bytes, stamp };
  } finally {
    await handle.close();
  }
}

function stampOf(info: BigIntStats): FileStamp {
  return { size: Number(info.size), mtimeNs: info.mtimeNs.toString() };
}

/** Stats asked ahead of the file being looked at (see `StatsAhead`). */
const STATS_AHEAD = 256;

/**
 * The files' stats (not following a link; null when it fails), each asked up to `STATS_AHEAD` files before it is
 * wanted: the thread pool answers several together rather than one round trip after another (at 1,000 files, most of
 * the time a reindex spent listing the unchanged ones).
 */
class StatsAhead {
  private readonly asked = new Map<number, Promise<BigIntStats | null>>();
  private next = 0;

  constructor(
    private readonly files: readonly SeedFile[],
    private readonly sync = false,
  ) {}

  /** The stat of file `index`; files are asked for in order. */
  of(index: number): Promise<BigIntStats | null> | BigIntStats | null {
    if (this.sync) {
      try {
        return lstatSync(this.files[index]!.real, { bigint: true, throwIfNoEntry: false }) ?? null;
      } catch {
        return null;
      }
    }
    for (const end = Math.min(this.files.length, index + STATS_AHEAD); this.next < end; this.next++) {
      this.asked.set(this.next, lstat(this.files[this.next]!.real, { bigint: true }).catch(() => null));
    }
    const stat = this.asked.get(index)!;
    this.asked.delete(index);
    return stat;
  }
}

/**
 * The hash `knownHash` vouches for, without reading the file (`info`: its stat): only for a regular
 * file (not one swapped for a link since it was listed) that is not now too large to read. Undefined: the file is to
 * be read.
 */
async function trustedHash(
  info: Promise<BigIntStats | null> | BigIntStats | null,
  shown: string,
  maxBytes: number,
  knownHash: NonNullable<LoadOptions['knownHash']>,
): Promise<{ sha256: string; stamp: FileStamp } | undefined> {
  const stat = await info;
  if (stat === null || !stat.isFile()) return undefined;
  const stamp = stampOf(stat);
  if (stamp.size > maxBytes) return undefined;
  const sha256 = knownHash({ path: shown, stamp });
  return sha256 === undefined ? undefined : { sha256, stamp };
}

class FileTooLargeError extends Error {
  override name = 'FileTooLargeError';

  constructor(size: number, maxBytes: number) {
    const megabytes = (bytes: number): string => `${(bytes / MEGABYTE).toFixed(1).replace(/\.0$/, '')} MB`;
    super(`${megabytes(size)}, larger than MAX_FILE_MB (${megabytes(maxBytes)}); not read`);
  }
}

/**
 * Reads every `.txt`, `.md`, `.html` and `.htm` file under `seedsDir`, recursively and in sorted order.
 * A file that cannot be used is skipped with a reason and the others are still read. Throws
 * `SeedsFolderError` only when the folder is missing, not a folder, holds no such file, or is removed (or replaced)
 * while it is read. A file larger than `maxFileBytes` is skipped after a stat, without being read.
 * Yields to the event loop between files, so a running bot keeps answering during a reindex.
 */
export async function loadSeeds(seedsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { display, files, skipped, folder } = await listSeeds(seedsDir);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_MB * MEGABYTE;

  const articles: Article[] = [];
  let read = 0;
  const take = options.onArticle ?? ((article: Article): void => void articles.push(article));
  const reused: LoadResult['reused'] = [];
  const warnings: IngestWarning[] = [];
  const stamps = new Map<string, FileStamp>();
  let hashed = 0;
  const ids = uniqueSourceIds(files.map((file) => file.rel));
  const stats = new StatsAhead(files, options.syncStats === true);
  for (const [i, file] of files.entries()) {
    const { rel } = file;
    const shown = display(rel);
    const sourceId = ids.get(rel);
    const trusted = options.knownHash === undefined ? undefined : await trustedHash(stats.of(i), shown, maxBytes, options.knownHash);
    const skippedUnread = trusted === undefined ? undefined : options.skipAgain?.({ path: shown, sha256: trusted.sha256 });
    if (trusted !== undefined && skippedUnread !== undefined) {
      stamps.set(shown, trusted.stamp);
      skipped.push({ path: shown, reason: skippedUnread, sha256: trusted.sha256 });
      options.onProgress?.(i + 1, files.length);
      continue;
    }
    if (trusted !== undefined && sourceId !== undefined && options.reuse?.({ path: shown, sha256: trusted.sha256, sourceId })) {
      stamps.set(shown, trusted.stamp);
      reused.push({ path: shown, sha256: trusted.sha256, sourceId, before: read });
      options.onProgress?.(i + 1, files.length);
      continue;
    }
    let bytes: Uint8Array | null = null;
    try {
      const contents = await readSeedFile(file, maxBytes);
      bytes = contents.bytes;
      stamps.set(shown, contents.stamp);
      hashed += 1;
    } catch (error) {
      skipped.push({ path: shown, reason: error instanceof FileTooLargeError ? error.message : `unreadable (${describe(error)})` });
    }
    const sha256 = bytes === null ? null : sha256Of(bytes);
    const skippedBefore = bytes !== null && sha256 !== null ? options.skipAgain?.({ path: shown, sha256 }) : undefined;
    if (skippedBefore !== undefined && sha256 !== null) {
      skipped.push({ path: shown, reason: skippedBefore, sha256 });
    } else if (bytes !== null && sha256 !== null && sourceId !== undefined && options.reuse?.({ path: shown, sha256, sourceId })) {
      reused.push({ path: shown, sha256, sourceId, before: read });
    } else if (bytes !== null && sha256 !== null) {
      let article: Article | null = null;
      try {
        const result = readArticle(rel, shown, bytes, sha256, ids.get(rel));
        if (result.ok) {
          article = result.article;
          for (const message of result.warnings) warnings.push({ path: shown, message });
        } else {
          skipped.push({ ...result.skipped, sha256 });
        }
      } catch (error) {
        // A reader bug must not stop the other files from being indexed.
        skipped.push({ path: shown, reason: `could not be parsed (${describe(error)})`, sha256 });
      }
      if (article !== null) {
        read += 1;
        take(article);
      }
    }
    options.onProgress?.(i + 1, files.length);
    await nextTurn();
  }
  await folder.assertStillThere();
  return { articles, read, reused, skipped, warnings, stamps, hashed, assertFolderUnchanged: folder.assertStillThere };
}

/**
 * The content hash of every file `loadSeeds` would read, by its displayed path, without parsing any:
 * enough to tell whether a saved index still matches the folder. Throws like `loadSeeds`.
 */
export async function hashSeeds(seedsDir: string, options: Pick<LoadOptions, 'maxFileBytes' | 'knownHash'> = {}): Promise<Map<string, string>> {
  const { display, files } = await listSeeds(seedsDir);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_MB * MEGABYTE;
  const hashes = new Map<string, string>();
  const stats = new StatsAhead(files);
  for (const [i, file] of files.entries()) {
    const shown = display(file.rel);
    const trusted = options.knownHash === undefined ? undefined : await trustedHash(stats.of(i), shown, maxBytes, options.knownHash);
    if (trusted !== undefined) {
      hashes.set(shown, trusted.sha256);
      continue;
    }
    const contents = await readSeedFile(file, maxBytes).catch(() => null);
    if (contents !== null) hashes.set(shown, sha256Of(contents.bytes));
  }
  return hashes;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

interface ListedSeeds {
  display: (rel: string) => string;
  files: SeedFile[];
  skipped: SkippedFile[];
  folder: { assertStillThere(): Promise<void> };
}

async function listSeeds(seedsDir: string): Promise<ListedSeeds> {
  const given = path.resolve(seedsDir);
  const info = await stat(given).catch((error: unknown) => {
    throw new SeedsFolderError(errorCode(error) === 'ENOENT' ? 'not_found' : 'unreadable', given, { cause: error });
  });
  if (!info.isDirectory()) throw new SeedsFolderError('not_a_folder', given);
  // Containment is judged on real paths, so a seeds folder reached through a link still works.
  const root = await realpath(given).catch((error: unknown) => {
    throw new SeedsFolderError('unreadable', given, { cause: error });
  });

  const shownRoot = seedsDir.split(path.sep).join('/');
  const display = (rel: string): string => path.posix.join(shownRoot, rel);
  const skipped: SkippedFile[] = [];
  const files = await listFiles(root, skipped, display).catch((error: unknown) => {
    throw new SeedsFolderError('unreadable', given, { cause: error });
  });
  if (files.length === 0) throw new SeedsFolderError('empty', given);
  // Files of a folder deleted (or swapped) while it is read fail one by one as "unreadable"; what was read is then
  // a fragment of nothing, and must not become an index.
  const assertStillThere = async (): Promise<void> => {
    const now = await stat(given).catch(() => null);
    if (now === null || !now.isDirectory() || now.ino !== info.ino || now.dev !== info.dev) throw new SeedsFolderError('vanished', given);
  };
  return { display, files, skipped, folder: { assertStillThere } };
}
