/** The local console: ask questions in a terminal, no Discord needed. */
import { createInterface } from 'node:readline/promises';
import { ansiStyle, plainStyle, renderAnswer, renderSources, wrapToWidth } from './render/terminal.js';
import { SecretScreen } from './secrets.js';
import type { Quoth } from './service.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
}

export const CONSOLE_COMMANDS = ['/sources', '/reindex', '/help', '/quit'] as const;

const HELP = [
  'Type a question and press Enter. Commands:',
  '  /sources   list the indexed articles',
  '  /reindex   rebuild the index from the seeds folder',
  '  /help      this help (or: help)',
  '  /quit      leave (or: /exit, Ctrl+D)',
].join('\n');

export type ConsoleInput =
  | { kind: 'empty' }
  | { kind: 'quit' | 'help' | 'sources' | 'reindex' }
  | { kind: 'unknown'; command: string }
  | { kind: 'question'; text: string };

/** What a console line asks for. Pure. A line starting with "/" is always a command, never a question. */
export function readConsoleInput(line: string): ConsoleInput {
  const text = line.trim();
  if (text === '') return { kind: 'empty' };
  const word = text.toLowerCase();
  if (word === 'help' || word === '?' || word === '/help' || word === '/?') return { kind: 'help' };
  if (word === 'quit' || word === 'exit' || word === '/quit' || word === '/exit') return { kind: 'quit' };
  if (word === '/sources') return { kind: 'sources' };
  if (word === '/reindex') return { kind: 'reindex' };
  if (text.startsWith('/')) return { kind: 'unknown', command: text.split(/\s+/, 1)[0] ?? text };
  return { kind: 'question', text };
}

export async function runConsole(
  quoth: Quoth,
  io: ConsoleIo = { input: process.stdin, output: process.stdout },
  screen: SecretScreen = new SecretScreen([]),
): Promise<void> {
  const tty = io.output.isTTY === true;
  const style = tty && process.env.NO_COLOR === undefined ? ansiStyle : plainStyle;
  const write = (text: string): void => {
    const screened = screen.text(text).text;
    // Wrapped to the terminal's width, read at each reply so a resized window is followed; piped output is left whole.
    const width = tty ? io.output.columns : undefined;
    io.output.write(`${width ? wrapToWidth(screened, width) : screened}\n`);
  };
  const info = quoth.info();
  write(`Quoth — ${info.sources.length} sources, ${info.passages} passages. No DISCORD_TOKEN set, so this is the local console.`);
  write(HELP);
  const lines = createInterface({ input: io.input, output: io.output, terminal: tty });
  lines.setPrompt('\n? ');
  lines.prompt();
  for await (const line of lines) {
    const input = readConsoleInput(line);
    if (input.kind === 'quit') break;
    switch (input.kind) {
      case 'help':
        write(HELP);
        break;
      case 'sources':
        write(renderSources(quoth.info()));
        break;
      case 'reindex':
        try {
          const report = await quoth.reindex();
          const read = report.filesRead === undefined ? '' : ` (${report.filesRead} file${report.filesRead === 1 ? '' : 's'} read)`;
          write(`Reindexed in ${Math.round(report.durationMs)} ms${read}: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.passages} passages.`);
        } catch (error) {
          write(`Reindex failed, the previous index is still answering: ${(error as Error).message}`);
        }
        break;
      case 'unknown':
        write(`Unknown command ${input.command}. Commands: ${CONSOLE_COMMANDS.join(', ')}. To ask a question, type it without a leading "/".`);
        break;
      case 'question': {
        const outcome = quoth.ask(input.text);
        write(outcome.ok ? renderAnswer(outcome.answer, style) : outcome.error.message);
        break;
      }
      case 'empty':
        break;
    }
    lines.prompt();
  }
  lines.close();
}
