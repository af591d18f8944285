/** The edge of ingestion: walks the seeds folder, reads and hashes files, and hands bytes to the pure core. */
import { createHash } from 'node:crypto';
import type { Dirent } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Article, SkippedFile } from '../model.js';
import { formatOf, readArticle } from './article.js';
import { SeedsFolderError } from './errors.js';

export interface LoadOptions {
  /** Called after each file with how many of the readable-looking files are done. */
  onProgress?(done: number, total: number): void;
}

/** A file that was indexed but whose metadata needed attention (for example bad front matter). */
export interface IngestWarning {
  path: string;
  message: string;
}

export interface LoadResult {
  /** In path order. */
  articles: Article[];
  skipped: SkippedFile[];
  warnings: IngestWarning[];
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

function describe(error: unknown): string {
  const code = errorCode(error);
  return code ?? (error instanceof Error ? error.message : String(error));
}

const byName = (a: Dirent, b: Dirent): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Relative paths (with `/`) of the `.txt`, `.md` and `.html` files under `root`, in sorted order. Hidden
 * files and folders are left out; folders that cannot be listed are reported as skipped.
 */
async function listFiles(root: string, skipped: SkippedFile[], display: (rel: string) => string): Promise<string[]> {
  const found: string[] = [];
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
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Linked files are read; linked folders are not followed, so a link cycle cannot loop.
        const target = await stat(path.join(root, child)).catch(() => null);
        isFile = target?.isFile() ?? false;
        isDirectory = false;
      }
      if (isDirectory) await visit(child);
      else if (isFile && formatOf(entry.name)) found.push(child);
    }
  };
  await visit('');
  return found;
}

/**
 * Reads every `.txt`, `.md`, `.html` and `.htm` file under `seedsDir`, recursively and in sorted order.
 * A file that cannot be used is skipped with a reason and the others are still read. Throws
 * `SeedsFolderError` only when the folder is missing, not a folder, or holds no such file.
 * Yields to the event loop between files, so a running bot keeps answering during a reindex.
 */
export async function loadSeeds(seedsDir: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { root, display, files, skipped } = await listSeeds(seedsDir);

  const articles: Article[] = [];
  const warnings: IngestWarning[] = [];
  for (const [i, rel] of files.entries()) {
    const shown = display(rel);
    let bytes: Uint8Array | null = null;
    try {
      bytes = await readFile(path.join(root, rel));
    } catch (error) {
      skipped.push({ path: shown, reason: `unreadable (${describe(error)})` });
    }
    if (bytes) {
      const sha256 = sha256Of(bytes);
      try {
        const result = readArticle(rel, shown, bytes, sha256);
        if (result.ok) {
          articles.push(result.article);
          for (const message of result.warnings) warnings.push({ path: shown, message });
        } else {
          skipped.push({ ...result.skipped, sha256 });
        }
      } catch (error) {
        // A reader bug must not stop the other files from being indexed.
        skipped.push({ path: shown, reason: `could not be parsed (${describe(error)})`, sha256 });
      }
    }
    options.onProgress?.(i + 1, files.length);
    await nextTurn();
  }
  return { articles, skipped, warnings };
}

/**
 * The content hash of every file `loadSeeds` would read, by its displayed path, without parsing any:
 * enough to tell whether a saved index still matches the folder. Throws like `loadSeeds`.
 */
export async function hashSeeds(seedsDir: string): Promise<Map<string, string>> {
  const { root, display, files } = await listSeeds(seedsDir);
  const hashes = new Map<string, string>();
  for (const rel of files) {
    const bytes = await readFile(path.join(root, rel)).catch(() => null);
    if (bytes !== null) hashes.set(display(rel), sha256Of(bytes));
  }
  return hashes;
}

function sha256Of(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

async function listSeeds(seedsDir: string): Promise<{ root: string; display: (rel: string) => string; files: string[]; skipped: SkippedFile[] }> {
  const root = path.resolve(seedsDir);
  const info = await stat(root).catch((error: unknown) => {
    throw new SeedsFolderError(errorCode(error) === 'ENOENT' ? 'not_found' : 'unreadable', root, { cause: error });
  });
  if (!info.isDirectory()) throw new SeedsFolderError('not_a_folder', root);

  const given = seedsDir.split(path.sep).join('/');
  const display = (rel: string): string => path.posix.join(given, rel);
  const skipped: SkippedFile[] = [];
  const files = await listFiles(root, skipped, display).catch((error: unknown) => {
    throw new SeedsFolderError('unreadable', root, { cause: error });
  });
  if (files.length === 0) throw new SeedsFolderError('empty', root);
  return { root, display, files, skipped };
}
