/**
 * Which indexing code built a saved index. An index records what the files held (their hashes), not how they were cut:
 * after an upgrade that changes reading, cleaning or passage cutting, unchanged files would keep the passages the old
 * code cut, both when the saved index is loaded and when an incremental build reuses them. The stamp, a hash of the
 * code that reads files and builds the index, is kept beside the index; a different or missing one means a build from
 * scratch. The edge: reads this program's own files and the stamp.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** `src/` when run from source, `dist/src/` when compiled. */
const CODE_ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
/** What builds an index, under the code root (the answer engine is not in it). */
const INDEXING_CODE = ['ingest', 'search', 'text', 'indexing', `passages${EXTENSION}`, `model${EXTENSION}`];

export const INDEXER_FILE = 'index.quoth.indexer';

let stamp: Promise<string> | undefined;

/** sha256 over the paths and contents of the indexing code's files, in sorted order; computed once per process. */
export function indexingCodeStamp(): Promise<string> {
  stamp ??= (async () => {
    const files = (await Promise.all(INDEXING_CODE.map((entry) => codeFiles(path.join(CODE_ROOT, entry))))).flat().sort();
    const hash = createHash('sha256');
    for (const file of files) hash.update(`${path.relative(CODE_ROOT, file)}\0`).update(await readFile(file)).update('\0');
    return hash.digest('hex');
  })();
  return stamp;
}

async function codeFiles(entry: string): Promise<string[]> {
  if (entry.endsWith(EXTENSION)) return [entry];
  const names = await readdir(entry, { recursive: true }).catch(() => []);
  return names.filter((name) => name.endsWith(EXTENSION) && !name.endsWith(`.d${EXTENSION}`)).map((name) => path.join(entry, name));
}

/** The stamp saved beside the index in `indexDir`, or null when there is none. */
export async function savedIndexerStamp(indexDir: string): Promise<string | null> {
  return readFile(path.join(indexDir, INDEXER_FILE), 'utf8').then((text) => text.trim(), () => null);
}

/** Written after the index: a crash between the two, or a torn write, leaves a stamp that differs, costing a rebuild. */
export async function saveIndexerStamp(indexDir: string, value: string): Promise<void> {
  await writeFile(path.join(indexDir, INDEXER_FILE), `${value}\n`);
}
