import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../src/model.js';
import { toPassages } from '../src/passages.js';
import { plainArticle } from './helpers.js';
import { articleFrom } from './ingest/helpers.js';

describe('toPassages', () => {
  it('keeps exact offsets: every passage and sentence is a slice of the article text', () => {
    fc.assert(
      fc.property(fc.array(fc.lorem({ maxCount: 12, mode: 'sentences' }), { maxLength: 20 }), (paragraphs) => {
        const article = plainArticle('a', paragraphs.join('\n\n'));
        for (const passage of toPassages(article, 0)) {
          expect(article.text.slice(passage.start, passage.end)).toBe(passage.text);
          for (const sentence of passage.sentences) {
            expect(sentence.start).toBeGreaterThanOrEqual(passage.start);
            expect(sentence.end).toBeLessThanOrEqual(passage.end);
          }
        }
      }),
    );
  });

  it('never spans removed boilerplate between two body ranges', () => {
    const text = 'First fact here. Second fact here.\nShare this on Facebook\nThird fact here.';
    const shareAt = text.indexOf('Share');
    const article: Article = {
      ...plainArticle('a', text),
      body: [
        { start: 0, end: shareAt - 1 },
        { start: text.indexOf('Third'), end: text.length },
      ],
    };
    const passages = toPassages(article, 10);
    expect(passages.map((passage) => passage.text)).toEqual(['First fact here. Second fact here.', 'Third fact here.']);
    expect(passages.map((passage) => passage.id)).toEqual([10, 11]);
  });

  it('closes a passage at the size limit and at a heading change', () => {
    const text = 'One. Two. Three. Four. Five.\nSix under a heading.';
    const headingStart = text.indexOf('Six');
    const article: Article = {
      ...plainArticle('a', text),
      headings: [{ title: 'Later', range: { start: headingStart, end: text.length } }],
    };
    const passages = toPassages(article, 0, { maxChars: 1000, maxSentences: 2 });
    expect(passages.map((passage) => [passage.text, passage.heading])).toEqual([
      ['One. Two.', ''],
      ['Three. Four.', ''],
      ['Five.', ''],
      ['Six under a heading.', 'Later'],
    ]);
  });
});

describe('section headings', () => {
  it('name a heading the page gives several sections with its parent, in HTML and Markdown', () => {
    const markdown = articleFrom(
      'configuring.md',
      '# Configuration\n\n## TIMEOUT\n\nThe longest a query may run.\n\n### Default\n\n500\n\n## MAXEXPANSIONS\n\nHow far a prefix expands.\n\n### Default\n\n200\n\n## SAFEMODE\n\n### Notes\n\nSlower.\n',
    );
    const html = articleFrom(
      'configuring.html',
      '<html><head><title>Configuration</title></head><body><main><h1>Configuration</h1><h2>TIMEOUT</h2><p>The longest a query may run.</p><h3>Default</h3><p>500</p>' +
        '<h2>MAXEXPANSIONS</h2><p>How far a prefix expands.</p><h3>Default</h3><p>200</p><h2>SAFEMODE</h2><h3>Notes</h3><p>Slower.</p></main></body></html>',
    );
    for (const article of [markdown, html]) {
      expect(toPassages(article, 0).map((passage) => [passage.text, passage.heading])).toEqual([
        ['The longest a query may run.', 'TIMEOUT'],
        ['500', 'TIMEOUT › Default'],
        ['How far a prefix expands.', 'MAXEXPANSIONS'],
        ['200', 'MAXEXPANSIONS › Default'],
        ['Slower.', 'Notes'],
      ]);
    }
  });
});

describe('section headings of a book of manual pages', () => {
  it('name a heading with as many ancestors as make it one when its parent repeats too ("dig › Options › -p port")', () => {
    const page = (name: string): string => `<h2>${name}</h2><p>The ${name} tool.</p><h3>Options</h3><dl><dt>-p port</dt><dd>Sends queries to this port of ${name}.</dd></dl>`;
    const html = articleFrom('manpages.html', `<html><head><title>Manual Pages</title></head><body><main><h1>Manual Pages</h1>${page('dig')}${page('delv')}</main></body></html>`);
    const headings = toPassages(html, 0).map((passage) => passage.heading);
    expect(headings).toContain('dig › Options › -p port');
    expect(headings).toContain('delv › Options › -p port');
  });
});

describe('a change note at the head of a section', () => {
  it('is quoted with the heading it dates, when it says nothing but its version, in HTML and Markdown', () => {
    const markdown = articleFrom(
      'fetch.md',
      '# FetchContent\n\n## FetchContent_MakeAvailable\n\nNew in version 3.14.\n\nMakes each named dependency available.\n\n## FetchContent_Populate\n\nNew in version 3.24: the QUIET option is the default.\n',
    );
    const html = articleFrom(
      'fetch.html',
      '<html><head><title>FetchContent</title></head><body><main><h1>FetchContent</h1><h2>FetchContent_MakeAvailable</h2><p>New in version 3.14.</p><p>Makes each named dependency available.</p>' +
        '<h2>FetchContent_Populate</h2><p>New in version 3.24: the QUIET option is the default.</p></main></body></html>',
    );
    for (const article of [markdown, html]) {
      const sentences = toPassages(article, 0).flatMap((passage) => passage.sentences.map((range) => article.text.slice(range.start, range.end).replace(/\s+/gu, ' ')));
      expect(sentences).toEqual([
        'FetchContent_MakeAvailable New in version 3.14.',
        'Makes each named dependency available.',
        // A note of a later change says more than a version: it dates that change, not the entry.
        'New in version 3.24: the QUIET option is the default.',
      ]);
    }
  });

  it('is not joined to a heading the page shows with a permalink between them: the quote would not be what the reader sees', () => {
    const html = articleFrom(
      'fetch.html',
      '<html><head><title>FetchContent</title></head><body><main><h1>FetchContent</h1>' +
        '<h2>FetchContent_MakeAvailable<a class="headerlink" href="#makeavailable">¶</a></h2><p>New in version 3.14.</p><p>Makes each named dependency available.</p></main></body></html>',
    );
    const [first] = toPassages(html, 0);
    expect(first?.text.startsWith('New in version 3.14.')).toBe(true);
  });
});

describe('code blocks', () => {
  it('are cut apart from the prose around them and marked as code, in HTML and Markdown', () => {
    const html = articleFrom(
      'events.html',
      '<html><head><title>Events</title></head><body><main><h1>Events</h1><p>By default, a maximum of 10 listeners can be registered for any single event.</p>' +
        '<pre>(node:1234) MaxListenersExceededWarning: Possible memory leak detected. 2 foo listeners added.</pre><p>The limit can be changed for each emitter.</p></main></body></html>',
    );
    const markdown = articleFrom('events.md', '# Events\n\nBy default, ten listeners may be added.\n\n```\n2 foo listeners added.\n```\n\nThe limit can be changed.\n');
    for (const article of [html, markdown]) {
      const passages = toPassages(article, 0);
      const code = passages.filter((passage) => passage.code === true).map((passage) => passage.text);
      expect(code).toHaveLength(1);
      expect(code[0]).toMatch(/2 foo listeners added\./);
      expect(passages.filter((passage) => passage.code !== true).map((passage) => passage.text).join(' ')).not.toMatch(/foo listeners/);
    }
  });
});
