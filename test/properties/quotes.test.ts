/** Whatever the corpus and the question, every quote Quoth shows is a slice of its source's text. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { readArticle } from '../../src/ingest/index.js';
import type { Article } from '../../src/model.js';
import { buildCorpus } from '../../src/search/corpus.js';

const NAMES = ['Vitali Klitschko', 'Maria Lopez', 'the Kyiv council', 'Ukrenergo', 'NATO'];
const NOUNS = ['drones', 'missiles', 'people', 'trains', 'bridges', 'schools', 'ferries', 'passengers'];
const VERBS = ['launched', 'injured', 'repaired', 'closed', 'carried', 'reported', 'fired'];
const PLACES = ['Kyiv', 'Lviv', 'the harbour', 'the region', 'Odesa'];

const sentence = fc
  .tuple(fc.constantFrom(...NAMES), fc.constantFrom(...VERBS), fc.nat(999), fc.constantFrom(...NOUNS), fc.constantFrom(...PLACES), fc.constantFrom('.', '!', '?', '…'))
  .map(([who, verb, count, noun, place, end]) => `${who} ${verb} ${count} ${noun} in ${place}${end}`);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((sentences) => sentences.join(' '));
const format = fc.constantFrom('txt', 'md', 'html');
const file = fc.tuple(format, fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'));

function render(kind: string, paragraphs: string[], lineEnd: string): string {
  if (kind === 'md') return [`# Report`, ...paragraphs].join(`${lineEnd}${lineEnd}`);
  if (kind === 'html') return `<html><head><title>Report</title></head><body><h1>Report</h1>${paragraphs.map((p) => `<p>${p}</p>`).join(lineEnd)}</body></html>`;
  return paragraphs.join(`${lineEnd}${lineEnd}`);
}

const question = fc.oneof(
  fc.tuple(fc.constantFrom(...NOUNS), fc.constantFrom(...VERBS), fc.constantFrom(...PLACES)).map(([noun, verb, place]) => `How many ${noun} were ${verb} in ${place}?`),
  fc.tuple(fc.constantFrom(...VERBS), fc.constantFrom(...NOUNS)).map(([verb, noun]) => `Who ${verb} the ${noun}?`),
  fc.constantFrom(...PLACES).map((place) => `What happened in ${place}?`),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
);

describe('every quote', () => {
  it('is a slice of its article, at the offsets it names, and (for .txt and .md) text of the file itself', async () => {
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(file, { minLength: 1, maxLength: 4 }), fc.array(question, { minLength: 1, maxLength: 5 }), async (files, questions) => {
        const articles: Article[] = [];
        const raw = new Map<string, string>();
        files.forEach(([kind, paragraphs, lineEnd], i) => {
          const content = render(kind, paragraphs, lineEnd);
          const bytes = new TextEncoder().encode(content);
          const read = readArticle(`a${i}.${kind}`, `seeds/a${i}.${kind}`, bytes, createHash('sha256').update(bytes).digest('hex'));
          if (!read.ok) return;
          articles.push(read.article);
          if (kind !== 'html') raw.set(read.article.source.id, content);
        });
        if (articles.length === 0) return;
        const corpus = await buildCorpus(articles, [], '2026-01-01T00:00:00.000Z');
        const byId = new Map(articles.map((article) => [article.source.id, article]));
        for (const text of questions) {
          const answer = answerQuestion(corpus, text);
          for (const quote of [...answer.quotes, ...answer.related]) {
            const article = byId.get(quote.source.id);
            expect(article, `quote from unknown source ${quote.source.id}`).toBeDefined();
            expect(quote.text).toBe(article!.text.slice(quote.start, quote.end));
            checked += 1;
            const content = raw.get(quote.source.id);
            if (content !== undefined) expect(content).toContain(quote.text);
          }
          for (const conflict of answer.conflicts) {
            for (const value of conflict.values) expect(byId.get(value.quote.sourceId)?.text).toContain(value.quote.text);
          }
        }
      }),
      { numRuns: 25 },
    );
    expect(checked).toBeGreaterThan(25);
  }, 60_000);
});
