import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer/answer.js';
import { analyzeQuestion } from '../../src/answer/question.js';
import { corpusOf } from '../helpers.js';
import { articleFrom } from '../ingest/helpers.js';

const glossary = [
  '# Glossary',
  '',
  '## widget',
  '',
  '[from the old gadget trade.] A small part that does one job. Widgets appear in every build, and a widget never holds state.',
  '',
  '## gadget',
  '',
  'A larger device made of widgets. Every gadget is tested before it ships.',
  '',
  '## widget factory',
  '',
  'Where widgets are made. A widget factory can run for years.',
  '',
].join('\n');

describe('definitions: the entry whose heading names what is asked', async () => {
  const corpus = await corpusOf([articleFrom('glossary.md', glossary)]);

  it('finds the subject of a definition question', () => {
    const subject = (text: string): string[] => {
      const question = analyzeQuestion(text);
      return question.topic.map((index) => question.terms[index]!.raw);
    };
    expect(subject('What does util.promisify actually do?')).toEqual(['util', 'promisify']);
    expect(subject('ok so what is a widget factory?')).toEqual(['widget', 'factory']);
    expect(subject('what does PEBKAC stand for? saw it on a ticket')).toEqual(['PEBKAC']);
    expect(subject('How many widgets are there?')).toEqual([]);
  });

  it('quotes the opening of the entry, with the bracketed aside that introduces it, not a later mention', () => {
    expect(answerQuestion(corpus, 'What does widget mean?').quotes[0]?.text).toBe('[from the old gadget trade.] A small part that does one job.');
    expect(answerQuestion(corpus, "what's a gadget?").quotes[0]?.text).toBe('A larger device made of widgets.');
    expect(answerQuestion(corpus, 'What is a widget factory?').quotes[0]?.text).toBe('Where widgets are made.');
  });

  it('quotes the sentence that spells out an asked abbreviation, wherever it is', async () => {
    const manual = [
      '# Transport',
      '',
      '## Sending frames',
      '',
      'Frames are sent with the AWP client. Each frame carries a header.',
      '',
      '## Background',
      '',
      'Gadgets talk to each other over the Acme Widget Protocol (AWP), which was first drafted in 1998.',
      '',
      '## AWP limits',
      '',
      'An AWP frame holds at most 64 widgets. Larger frames are split.',
      '',
    ].join('\n');
    const docs = await corpusOf([articleFrom('manual.md', manual)]);
    expect(answerQuestion(docs, 'what does AWP stand for in the frame docs?').quotes[0]?.text).toContain('Acme Widget Protocol (AWP)');
    expect(answerQuestion(docs, 'whats awp short for').quotes[0]?.text).toContain('Acme Widget Protocol (AWP)');
  });
});
