import { describe, expect, it } from 'vitest';
import type { Answer, SourceRef } from '../../src/model.js';
import { answerToJson } from '../../src/render/json.js';

const from: SourceRef = { id: 'jargon', title: null, path: 'seeds/jargon.txt', published: null, outlet: null, url: null };
const wrapped = 'the probability of a\n   comparison involving Nazis\r\n\tapproaches one.';

describe('the JSON contract', () => {
  it('gives each quote as a reader sees it, white space collapsed, with the offsets of its slice', () => {
    const answer: Answer = {
      question: 'what is godwin’s law?',
      status: 'answered',
      answer: null,
      quotes: [{ text: wrapped, source: from, alsoIn: [], corroboration: 1, supportedBy: ['jargon'], start: 100, end: 100 + wrapped.length, section: null }],
      conflicts: [{ about: 'x', values: [{ value: 'one', sources: ['jargon'], refs: [from], quote: { text: wrapped, sourceId: 'jargon' } }] }],
      related: [],
      sourceCount: 1,
      didYouMean: null,
    };
    const json = answerToJson(answer);
    expect(json.quotes[0]).toMatchObject({ text: 'the probability of a comparison involving Nazis approaches one.', offsets: { start: 100, end: 100 + wrapped.length } });
    expect(json.conflicts[0]!.values[0]!.quote.text).toBe('the probability of a comparison involving Nazis approaches one.');
    expect(json.quotes[0]!.section).toBeNull();
    expect(answerToJson({ ...answer, quotes: [{ ...answer.quotes[0]!, section: 'Godwin’s Law' }] }).quotes[0]!.section).toBe('Godwin’s Law');
  });
});
