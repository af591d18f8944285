/** Properties that hold for any input: the reader never throws and its ranges always add up. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readArticle } from '../../src/ingest/index.js';
import { expectWellFormed } from './helpers.js';

const LINES = [
  'The council approved the budget on Tuesday.',
  'Harbour bridge reopens after eight months of repairs',
  'Connect with us',
  'World',
  'Published',
  'May 27, 2025',
  'More on Example News',
  'Related stories',
  'Caption of a photo. (Photo by Jane Doe/AFP via Getty Images)',
  'Leave a Reply',
  '“It’s a relief,” she said.',
  'date 2024-01-02 Headline after a marker',
  '# Heading',
  '## Sub heading',
  '```',
  '---',
  'title: x',
  '- a list item',
  '<p>Para <b>bold</b> &amp; more.</p>',
  '<h2>Section</h2>',
  '<pre>code\n  indented</pre>',
  '<nav>Menu</nav>',
  '',
  '   ',
];

const documentText = fc.array(
  fc.oneof(fc.constantFrom(...LINES), fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 30 })),
  { maxLength: 30 },
);
const lineBreak = fc.constantFrom('\n', '\r\n', '\n\n');

describe('any input', () => {
  it.each(['txt', 'md', 'html'])('a .%s file is read or skipped, never thrown on, and its ranges are well formed', (ext) => {
    fc.assert(
      fc.property(documentText, lineBreak, (lines, nl) => {
        const text = lines.join(nl);
        const bytes = new TextEncoder().encode(text);
        const result = readArticle(`doc.${ext}`, `seeds/doc.${ext}`, bytes, 'hash');
        if (!result.ok) {
          expect(result.skipped.path).toBe(`seeds/doc.${ext}`);
          expect(result.skipped.reason).not.toBe('');
          return;
        }
        if (ext !== 'html') expect(result.article.text).toBe(text.replace(/^\uFEFF/u, ''));
        expect(result.article.body.length).toBeGreaterThan(0);
        expectWellFormed(result.article);
      }),
      { numRuns: 300 },
    );
  });

  it('random bytes are read or skipped, never thrown on', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.constantFrom('txt', 'md', 'html'), (bytes, ext) => {
        const result = readArticle(`x.${ext}`, `seeds/x.${ext}`, bytes, 'hash');
        if (result.ok) expectWellFormed(result.article);
        else expect(result.skipped.reason).toMatch(/empty|binary|UTF-8|no text|boilerplate/u);
      }),
      { numRuns: 300 },
    );
  });
});
