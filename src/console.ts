/** The local console: ask questions in a terminal, no Discord needed. */
import { createInterface } from 'node:readline/promises';
import { ansiStyle, plainStyle, renderAnswer, renderSources } from './render/terminal.js';
import { SecretScreen } from './secrets.js';
import type { Quoth } from './service.js';

export interface ConsoleIo {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream & { isTTY?: boolean };
}

const HELP = 'Type a question and press Enter. Commands: /sources, /reindex, /help, /quit (or Ctrl+D).';

export async function runConsole(
  quoth: Quoth,
  io: ConsoleIo = { input: process.stdin, output: process.stdout },
  screen: SecretScreen = new SecretScreen([]),
): Promise<void> {
  const style = io.output.isTTY === true && process.env.NO_COLOR === undefined ? ansiStyle : plainStyle;
  const write = (text: string): void => {
    io.output.write(`${screen.text(text).text}\n`);
  };
  const info = quoth.info();
  write(`Quoth — ${info.sources.length} sources, ${info.passages} passages. No DISCORD_TOKEN set, so this is the local console.`);
  write(HELP);
  const lines = createInterface({ input: io.input, output: io.output, terminal: io.output.isTTY === true });
  lines.setPrompt('\n? ');
  lines.prompt();
  for await (const line of lines) {
    const command = line.trim();
    if (command === '/quit' || command === '/exit') break;
    if (command === '/help') write(HELP);
    else if (command === '/sources') write(renderSources(quoth.info()));
    else if (command === '/reindex') {
      try {
        const report = await quoth.reindex();
        write(`Reindexed in ${Math.round(report.durationMs)} ms: ${report.added.length} added, ${report.changed.length} changed, ${report.removed.length} removed, ${report.passages} passages.`);
      } catch (error) {
        write(`Reindex failed, the previous index is still answering: ${(error as Error).message}`);
      }
    } else if (command !== '') {
      const outcome = quoth.ask(command);
      write(outcome.ok ? renderAnswer(outcome.answer, style) : outcome.error.message);
    }
    lines.prompt();
  }
  lines.close();
}
