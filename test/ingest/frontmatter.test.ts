import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/index.js';
import { articleFrom, expectWellFormed, removedWith, slices } from './helpers.js';

const STATED = `---
title: Bridge reopens
url: https://news.example.com/bridge
published: 2024-03-18
outlet: The Daily Example
tags: [local, transport]
---
date 2020-01-01 Harbour bridge reopens after eight months of repairs

The Harbour Bridge reopened to traffic on Monday.

Follow Other Outlet on Twitter for more.
`;

describe('front matter', () => {
  it('overrides every guessed value and is kept out of the body', () => {
    const article = articleFrom('bridge.txt', STATED);
    expect(article.source).toMatchObject({
      title: 'Bridge reopens',
      url: 'https://news.example.com/bridge',
      published: '2024-03-18',
      outlet: 'The Daily Example',
    });
    expect(removedWith(article, 'front matter')).toEqual([STATED.slice(0, STATED.indexOf('date 2020'))]);
    expect(slices(article)).toEqual(['The Harbour Bridge reopened to traffic on Monday.']);
    expectWellFormed(article);
  });

  it('keeps offsets counting from the start of the file', () => {
    const article = articleFrom('bridge.txt', STATED);
    expect(article.text).toBe(STATED);
    const [first] = article.body;
    expect(first?.start).toBe(STATED.indexOf('The Harbour Bridge'));
  });

  it('applies to Markdown too, where the first heading is still a section heading', () => {
    const md = `---\ntitle: Install guide\n---\n# Installing\n\nRun the installer.\n`;
    const article = articleFrom('install.md', md);
    expect(article.source.title).toBe('Install guide');
    expect(article.headings.map((h) => h.title)).toEqual(['Installing']);
    expect(slices(article)).toEqual(['Run the installer.']);
  });

  it('warns about invalid keys, applies the valid ones, and still indexes the file', () => {
    const text = `---\ntitle: Bridge reopens\npublished: last Tuesday\nurl: not a url\n---\nThe bridge reopened on Monday.\n`;
    const bytes = new TextEncoder().encode(text);
    const result = readArticle('x.txt', 'seeds/x.txt', bytes, 'abc');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.source).toMatchObject({ title: 'Bridge reopens', published: null, url: null });
    expect(result.warnings).toHaveLength(2);
    expect(result.warnings.join('\n')).toMatch(/"published".*date/u);
    expect(result.warnings.join('\n')).toMatch(/"url"/u);
  });

  it('warns about front matter that is not valid YAML instead of failing', () => {
    const text = `---\ntitle: [unclosed\n---\nThe bridge reopened on Monday.\n`;
    const result = readArticle('x.txt', 'seeds/x.txt', new TextEncoder().encode(text), 'abc');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toEqual([expect.stringMatching(/^front matter is not valid YAML/u)]);
    expect(slices(result.article)).toEqual(['The bridge reopened on Monday.']);
  });

  it('treats an unclosed fence as ordinary text', () => {
    const article = articleFrom('x.txt', '---\nThe bridge reopened on Monday.\n');
    expect(article.removed.some((r) => r.reason === 'front matter')).toBe(false);
    expect(slices(article)).toContain('The bridge reopened on Monday.');
  });

  it('skips a file that holds nothing but front matter', () => {
    const result = readArticle('x.md', 'seeds/x.md', new TextEncoder().encode('---\ntitle: Empty\n---\n'), 'abc');
    expect(result).toEqual({ ok: false, skipped: { path: 'seeds/x.md', reason: 'no text besides front matter' } });
  });
});
