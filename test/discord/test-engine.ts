/**
 * A small hand-written Quoth over real seed files, for bot tests that must not depend on the core engine's ranking:
 * sentences are scored by shared words with the question. Quotes are verbatim slices of the files.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Answer, Quote, SourceRef } from '../../src/model.js';
import { MAX_QUESTION_LENGTH, type AskOutcome, type IndexInfo, type Quoth, type ReindexReport } from '../../src/service.js';

interface Sentence {
  source: SourceRef;
  text: string;
  start: number;
  words: Set<string>;
}

const STOP = new Set('the a an of to in on at and or is was were did does do how many what who which where when why by for with from that this it its as be had has have'.split(' '));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((word) => !STOP.has(word)));
}

export class TestEngine implements Quoth {
  private sentences: Sentence[] = [];
  private sources: SourceRef[] = [];
  private builtAt = new Date().toISOString();
  /** Calls to `reindex` so far. */
  reindexCalls = 0;

  constructor(private readonly seedsDir: string) {
    this.load();
  }

  private load(): void {
    const files = readdirSync(this.seedsDir).filter((name) => name.endsWith('.txt')).sort();
    this.sources = [];
    this.sentences = [];
    for (const file of files) {
      const text = readFileSync(join(this.seedsDir, file), 'utf8');
      const id = file.replace(/\.txt$/, '');
      const source: SourceRef = {
        id,
        title: text.split('\n').find((line) => line.trim().length > 0)?.trim().slice(0, 120) ?? null,
        path: `seeds/${file}`,
        published: /\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? null,
        outlet: null,
        url: null,
      };
      this.sources.push(source);
      for (const match of text.matchAll(/[^.!?\n]+[.!?]/g)) {
        const sentence = match[0].trim();
        const start = match.index + match[0].indexOf(sentence);
        if (sentence.length > 20) this.sentences.push({ source, text: sentence, start, words: words(sentence) });
      }
    }
    this.builtAt = new Date().toISOString();
  }

  ask(question: string): AskOutcome {
    const trimmed = question.trim();
    if (trimmed === '') return { ok: false, error: { code: 'empty', message: 'Please ask a question.' } };
    if (trimmed.length > MAX_QUESTION_LENGTH) {
      return { ok: false, error: { code: 'too_long', message: `Questions are limited to ${MAX_QUESTION_LENGTH} characters (this one has ${trimmed.length}).` } };
    }
    const wanted = words(trimmed);
    const scored = this.sentences
      .map((sentence) => ({ sentence, score: [...wanted].filter((word) => sentence.words.has(word)).length }))
      .filter((entry) => entry.score > 0)
      .sort((a, b) => b.score - a.score);
    const best = scored[0];
    const quoteOf = (sentence: Sentence): Quote => {
      const copies = this.sentences.filter((other) => other.source.id !== sentence.source.id && other.text === sentence.text);
      return {
        text: sentence.text,
        source: sentence.source,
        alsoIn: copies.map((copy) => copy.source),
        corroboration: 1 + copies.length,
        supportedBy: [sentence.source.id, ...copies.map((copy) => copy.source.id)],
        start: sentence.start,
        end: sentence.start + sentence.text.length,
      };
    };
    const base = { question: trimmed, conflicts: [], sourceCount: this.sources.length };
    if (!best || best.score < Math.min(2, wanted.size)) {
      const answer: Answer = { ...base, status: 'no_answer', answer: null, quotes: [], related: scored.slice(0, 2).map((entry) => quoteOf(entry.sentence)) };
      return { ok: true, answer };
    }
    const quotes = scored.slice(0, 3).map((entry) => quoteOf(entry.sentence));
    const figures = [...(quotes[0]?.text ?? '').matchAll(/\b\d[\d,]*\s+([\p{L}]+)/gu)];
    const figure = (figures.find((match) => wanted.has((match[1] ?? '').toLowerCase())) ?? figures[0])?.[0] ?? null;
    return { ok: true, answer: { ...base, status: 'answered', answer: figure, quotes, related: [] } };
  }

  info(): IndexInfo {
    const counts = new Map<string, number>();
    for (const sentence of this.sentences) counts.set(sentence.source.id, (counts.get(sentence.source.id) ?? 0) + 1);
    return {
      builtAt: this.builtAt,
      sources: this.sources.map((source) => ({ source, passages: counts.get(source.id) ?? 0 })),
      passages: this.sentences.length,
      skipped: [],
    };
  }

  async reindex(): Promise<ReindexReport> {
    this.reindexCalls += 1;
    const started = Date.now();
    const before = new Set(this.sources.map((source) => source.id));
    this.load();
    const after = new Set(this.sources.map((source) => source.id));
    return {
      added: [...after].filter((id) => !before.has(id)),
      changed: [],
      removed: [...before].filter((id) => !after.has(id)),
      unchanged: [...after].filter((id) => before.has(id)).length,
      skipped: [],
      passages: this.sentences.length,
      durationMs: Date.now() - started,
      builtAt: this.builtAt,
    };
  }
}
