/** Shared helpers for the ingest tests. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Article, TextRange } from '../../src/model.js';
import { readArticle } from '../../src/ingest/index.js';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SEEDS = path.join(REPO, 'seeds');
export const FIXTURES = path.join(REPO, 'test/fixtures/ingest');

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a file through the pure core and fails the test if it is skipped. */
export function articleFrom(relativePath: string, bytes: Uint8Array | string): Article {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  const result = readArticle(relativePath, `seeds/${relativePath}`, data, sha256(data));
  if (!result.ok) throw new Error(`skipped ${relativePath}: ${result.skipped.reason}`);
  return result.article;
}

export function seed(name: string): Article {
  return articleFrom(`${name}.txt`, readFileSync(path.join(SEEDS, `${name}.txt`)));
}

export function fixture(name: string): Article {
  return articleFrom(name, readFileSync(path.join(FIXTURES, name)));
}

export function slices(article: Article, ranges: TextRange[] = article.body): string[] {
  return ranges.map((r) => article.text.slice(r.start, r.end));
}

/** The body's text, ranges joined by a newline. */
export function bodyText(article: Article): string {
  return slices(article).join('\n');
}

export function removedWith(article: Article, reason: string): string[] {
  return article.removed.filter((r) => r.reason === reason).map((r) => article.text.slice(r.range.start, r.range.end));
}

/** True when the passage occurs in the text and each of its characters lies inside one body range. */
export function inBody(article: Article, passage: string): boolean {
  let at = article.text.indexOf(passage);
  while (at !== -1) {
    const start = at;
    if (article.body.some((r) => r.start <= start && start + passage.length <= r.end)) return true;
    at = article.text.indexOf(passage, at + 1);
  }
  return false;
}

/** True when no character of any occurrence of the passage lies in a body range. */
export function notInBody(article: Article, passage: string): boolean {
  let at = article.text.indexOf(passage);
  if (at === -1) return true;
  while (at !== -1) {
    const start = at;
    if (article.body.some((r) => r.start < start + passage.length && start < r.end)) return false;
    at = article.text.indexOf(passage, at + 1);
  }
  return true;
}

/** The structural promises every article keeps, whatever its format. */
export function expectWellFormed(article: Article): void {
  const { text, body, removed, headings } = article;
  let previousEnd = 0;
  for (const r of body) {
    expect(r.start).toBeGreaterThanOrEqual(previousEnd);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.end).toBeLessThanOrEqual(text.length);
    const s = text.slice(r.start, r.end);
    expect(s.trim()).toBe(s);
    expect(s).toMatch(/[\p{L}\p{N}]/u);
    previousEnd = r.end;
  }
  let previousRemovalEnd = 0;
  for (const x of removed) {
    expect(x.range.start).toBeGreaterThanOrEqual(previousRemovalEnd);
    previousRemovalEnd = x.range.end;
    expect(x.range.end).toBeLessThanOrEqual(text.length);
    expect(x.range.end).toBeGreaterThan(x.range.start);
    expect(x.reason).not.toBe('');
    for (const r of body) expect(x.range.end <= r.start || r.end <= x.range.start).toBe(true);
  }
  // Every visible character is accounted for: it is either body or a recorded removal.
  const covered = new Uint8Array(text.length);
  for (const r of [...body, ...removed.map((x) => x.range)]) covered.fill(1, r.start, r.end);
  let lost = '';
  for (let i = 0; i < text.length; i++) if (covered[i] === 0 && !/\s/u.test(text.charAt(i))) lost += text.charAt(i);
  expect(lost).toBe('');
  for (const h of headings) {
    expect(h.title.trim()).not.toBe('');
    expect(h.range.end).toBeGreaterThan(h.range.start);
    expect(h.range.end).toBeLessThanOrEqual(text.length);
  }
}

/** The trimmed, non-blank lines of a text. */
export function linesOf(text: string): string[] {
  return text.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
}
