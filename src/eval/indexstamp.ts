/**
 * A saved index is reused while the corpus's files keep their hashes; but when the code that builds indexes
 * changes (ingest, passages, search, text), an index saved by the old code would be measured as if it were the
 * new one. The stamp is a hash of that code, kept beside each corpus's index; a different stamp forces a rebuild.
 * The edge: reads the source files and the stamp.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What `openLibrary` runs to build an index, relative to the repository (the answer engine is not in it). */
const INDEXING_CODE = ['src/ingest', 'src/search', 'src/text', 'src/indexing', 'src/passages.ts', 'src/model.ts', 'src/library.ts'];

/** sha256 over the paths and contents of the indexing code's `.ts` files, in sorted order. */
export async function indexingCodeStamp(repoRoot: string): Promise<string> {
  const files = (await Promise.all(INDEXING_CODE.map((entry) => typeScriptFiles(path.join(repoRoot, entry))))).flat().sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${path.relative(repoRoot, file)}\0`).update(await readFile(file)).update('\0');
  return hash.digest('hex');
}

async function typeScriptFiles(entry: string): Promise<string[]> {
  if (entry.endsWith('.ts')) return [entry];
  const names = await readdir(entry, { recursive: true }).catch(() => []);
  return names.filter((name) => name.endsWith('.ts')).map((name) => path.join(entry, name));
}

const stampFile = (indexDir: string): string => `${indexDir}.code-sha256`;

export async function savedStamp(indexDir: string): Promise<string | null> {
  return readFile(stampFile(indexDir), 'utf8').then((text) => text.trim(), () => null);
}

export async function saveStamp(indexDir: string, stamp: string): Promise<void> {
  await mkdir(path.dirname(indexDir), { recursive: true });
  await writeFile(stampFile(indexDir), `${stamp}\n`);
}
