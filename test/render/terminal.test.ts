import { describe, expect, it } from 'vitest';
import type { Answer, SourceRef } from '../../src/model.js';
import { renderAnswer } from '../../src/render/terminal.js';

const manual: SourceRef = { id: 'bashref', title: 'Bash Reference Manual', path: 'docs/bashref.html', published: null, outlet: null, url: null };

function answerQuoting(section: string | null, text = 'The default value is 500.'): Answer {
  return {
    question: 'what is the default value of keyseq-timeout?',
    status: 'answered',
    answer: '500',
    quotes: [{ text, source: manual, alsoIn: [], corroboration: 1, supportedBy: ['bashref'], start: 0, end: text.length, section }],
    conflicts: [],
    related: [],
    sourceCount: 1,
    didYouMean: null,
  };
}

describe('renderAnswer for a terminal', () => {
  it('names the section a quote stands under after its source, when there is one', () => {
    expect(renderAnswer(answerQuoting('keyseq-timeout')).split('\n')).toContain('     — Bash Reference Manual › keyseq-timeout (docs/bashref.html)');
    expect(renderAnswer(answerQuoting(null)).split('\n')).toContain('     — Bash Reference Manual (docs/bashref.html)');
  });

  it('shows a quote from hard-wrapped text on one line, so that it wraps under its own indent', () => {
    const rendered = renderAnswer(answerQuoting(null, 'The default value\n  is 500, the delay\nin milliseconds.'));
    expect(rendered.split('\n')).toContain('  [1] “The default value is 500, the delay in milliseconds.”');
  });

  it('names a copy of the quoted page under another file name by its id, not by the title they share', () => {
    const copy: SourceRef = { ...manual, id: 'ch44', path: 'docs/ch44.html' };
    const answer = answerQuoting(null);
    answer.quotes[0] = { ...answer.quotes[0]!, alsoIn: [copy], supportedBy: ['bashref', 'ch44'] };
    answer.sourceCount = 2;
    expect(renderAnswer(answer)).toContain('also reported by ch44');
  });

  it("names by title the disagreeing pages of one site, which share its outlet, and by outlet a source alone", () => {
    const page = (id: string, title: string): SourceRef => ({ ...manual, id, title, path: `docs/${id}.html`, outlet: 'GNU Project' });
    const answer = answerQuoting(null);
    answer.conflicts = [
      {
        about: 'timeout',
        values: [
          { value: '500', sources: ['bashref', 'readline'], refs: [page('bashref', 'Bash Reference Manual'), page('readline', 'GNU Readline Library')], quote: { text: 'The default value is 500.', sourceId: 'bashref' } },
          { value: '100', sources: ['faq'], refs: [page('faq', 'Bash FAQ')], quote: { text: 'It waits 100 ms.', sourceId: 'faq' } },
        ],
      },
    ];
    const lines = renderAnswer(answer).split('\n');
    expect(lines).toContain('  • 500 — Bash Reference Manual; GNU Readline Library');
    expect(lines).toContain('  • 100 — GNU Project');
  });
});
