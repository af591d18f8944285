/** Messages between the bot's main thread and its answer thread (structured clone; both ends are this project). */
import type { AskOutcome } from '../service.js';

export type ToAnswerThread = { type: 'load'; indexDir: string } | { type: 'ask'; id: number; question: string };

export type FromAnswerThread =
  | { type: 'loaded'; builtAt: string }
  | { type: 'load-failed'; reason: string }
  | { type: 'answered'; id: number; outcome: AskOutcome };
