import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readConsoleInput, runConsole } from '../src/console.js';
import type { Answer, SourceRef } from '../src/model.js';
import type { AskOutcome, IndexInfo, Quoth, ReindexReport } from '../src/service.js';
import { wrapToWidth } from '../src/render/terminal.js';

const kyiv: SourceRef = { id: 'kyiv', title: 'Kyiv hit by the largest drone attack of the war so far', path: 'seeds/kyiv.txt', published: '2025-07-04', outlet: 'Capital News', url: null };

class FakeQuoth implements Quoth {
  readonly asked: string[] = [];
  reindexed = 0;
  ask(question: string): AskOutcome {
    this.asked.push(question);
    const answer: Answer = {
      question,
      status: 'answered',
      answer: '23 people',
      quotes: [
        {
          text: 'At least 23 people were wounded in the attacks on Kyiv, according to Ukrainian authorities, who said the toll could rise.',
          source: kyiv,
          alsoIn: [],
          corroboration: 1,
          supportedBy: ['kyiv'],
          start: 0,
          end: 10,
          section: null,
        },
      ],
      conflicts: [],
      related: [],
      sourceCount: 1,
      didYouMean: null,
    };
    return { ok: true, answer };
  }
  info(): IndexInfo {
    return { builtAt: '2026-01-01T00:00:00.000Z', sources: [{ source: kyiv, passages: 3 }], passages: 3, skipped: [] };
  }
  saved(): Promise<void> {
    return Promise.resolve();
  }

  async reindex(): Promise<ReindexReport> {
    this.reindexed += 1;
    return { added: [], changed: [], removed: [], unchanged: 1, skipped: [], passages: 3, durationMs: 12, builtAt: '2026-01-01T00:00:00.000Z' };
  }
}

async function session(lines: string[], output: { isTTY?: boolean; columns?: number } = {}): Promise<{ text: string; quoth: FakeQuoth }> {
  const quoth = new FakeQuoth();
  const input = new PassThrough();
  const sink = Object.assign(new PassThrough(), output);
  const chunks: string[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const done = runConsole(quoth, { input, output: sink });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await done;
  return { text: chunks.join(''), quoth };
}

describe('console input', () => {
  it('recognises help, the slash commands and unknown slash commands; everything else is a question', () => {
    expect(readConsoleInput('help')).toEqual({ kind: 'help' });
    expect(readConsoleInput(' /HELP ')).toEqual({ kind: 'help' });
    expect(readConsoleInput('/sources')).toEqual({ kind: 'sources' });
    expect(readConsoleInput('/reindex')).toEqual({ kind: 'reindex' });
    expect(readConsoleInput('/quit')).toEqual({ kind: 'quit' });
    expect(readConsoleInput('exit')).toEqual({ kind: 'quit' });
    expect(readConsoleInput('/ask who is the mayor')).toEqual({ kind: 'unknown', command: '/ask' });
    expect(readConsoleInput('   ')).toEqual({ kind: 'empty' });
    expect(readConsoleInput('How many were injured?')).toEqual({ kind: 'question', text: 'How many were injured?' });
  });
});

describe('console session', () => {
  it('answers questions and runs commands without sending them as questions', async () => {
    const { text, quoth } = await session(['help', '/sources', '/reindex', '/frobnicate', 'How many were injured?', '/quit', 'never asked']);
    expect(quoth.asked).toEqual(['How many were injured?']);
    expect(quoth.reindexed).toBe(1);
    expect(text).toContain('/sources   list the indexed articles');
    expect(text).toContain('1 sources, 3 passages');
    expect(text).toContain('Reindexed in 12 ms: 0 added, 0 changed, 0 removed, 3 passages.');
    expect(text).toContain('Unknown command /frobnicate. Commands: /sources, /reindex, /help, /quit.');
    expect(text).toContain('Answer: 23 people');
  });

  it('prints plain text, unwrapped, when the output is not a terminal', async () => {
    const { text } = await session(['How many were injured?']);
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('  [1] “At least 23 people were wounded in the attacks on Kyiv, according to Ukrainian authorities, who said the toll could rise.”');
  });

  it('wraps to the terminal width with colour on a TTY', async () => {
    const { text } = await session(['How many were injured?'], { isTTY: true, columns: 40 });
    expect(text).toContain('\u001b[1mAnswer: 23 people\u001b[22m');
    const visible = stripVTControlCharacters(text);
    for (const line of visible.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(visible).toContain('  [1] “At least 23 people were wounded\n      in the attacks on Kyiv, according\n      to Ukrainian authorities');
  });
});

describe('wrapToWidth', () => {
  it('keeps a hanging indent under numbered and bulleted lines and cuts words longer than the width', () => {
    expect(wrapToWidth('  [1] one two three four five six', 16)).toBe('  [1] one two\n      three four\n      five six');
    expect(wrapToWidth('  • alpha beta gamma delta', 14)).toBe('  • alpha beta\n    gamma\n    delta');
    expect(wrapToWidth('x'.repeat(25), 10)).toBe(`${'x'.repeat(10)}\n${'x'.repeat(10)}\n${'x'.repeat(5)}`);
  });
});
