/** Builders for tests: articles from plain strings, and the real seeds as a corpus. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSeeds } from '../src/ingest/index.js';
import type { Article } from '../src/model.js';
import { buildCorpus, type Corpus } from '../src/search/corpus.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SEEDS_DIR = path.join(REPO_ROOT, 'seeds');

/** An article whose whole text is its body (no boilerplate), as a .txt file would give. */
export function plainArticle(id: string, text: string, meta: Partial<Article['source']> = {}): Article {
  return {
    source: { id, title: null, path: `seeds/${id}.txt`, published: null, outlet: null, url: null, ...meta },
    text,
    body: [{ start: 0, end: text.length }],
    headings: [],
    removed: [],
    sha256: `sha-${id}-${text.length}`,
  };
}

export function corpusOf(articles: Article[]): Promise<Corpus> {
  return buildCorpus(articles, [], '2026-01-01T00:00:00.000Z');
}

let seedsCorpus: Promise<Corpus> | undefined;

/** The five seed articles, ingested and indexed once per test file. */
export function seedCorpus(): Promise<Corpus> {
  seedsCorpus ??= loadSeeds(SEEDS_DIR).then(({ articles, skipped }) => buildCorpus(articles, skipped, '2026-01-01T00:00:00.000Z'));
  return seedsCorpus;
}
