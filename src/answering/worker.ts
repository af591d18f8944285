/**
 * The answer thread: loads the saved index when told, and answers questions from it one after another, so the bot's
 * main thread (the gateway, acknowledgements, replies) is never held by answering.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { parentPort } from 'node:worker_threads';
import { ask } from '../answer/answer.js';
import type { Corpus } from '../search/corpus.js';
import { loadSavedCorpus } from '../search/store.js';
import { prepareNameLexicon } from '../text/names.js';
import type { FromAnswerThread, ToAnswerThread } from './protocol.js';

const port = parentPort;
if (!port) throw new Error('Quoth: src/answering/worker runs only as a worker thread');
let corpus: Corpus | null = null;

const reply = (message: FromAnswerThread): void => port.postMessage(message);

/** Messages are handled one after another: a question that comes after a 'load' is answered from the loaded index. */
let queue: Promise<void> = Promise.resolve();
port.on('message', (message: ToAnswerThread) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ToAnswerThread): Promise<void> {
  if (message.type === 'ask') {
    reply({
      type: 'answered',
      id: message.id,
      outcome: corpus ? ask(corpus, message.question) : { ok: false, error: { code: 'internal', message: 'Quoth: the answer thread has no index yet.' } },
    });
    return;
  }
  const saved = await loadSavedCorpus(message.indexDir);
  if (!saved.ok) {
    reply({ type: 'load-failed', reason: saved.reason });
    return;
  }
  // Every question reads its words against the name lexicon: load it before the first one, not during it.
  prepareNameLexicon();
  corpus = saved.corpus;
  reply({ type: 'loaded', builtAt: saved.corpus.builtAt });
  // The spelling index, between questions, so the first misspelt one does not pay for it.
  saved.corpus.prepareSearch(() => nextTurn()).catch(() => undefined);
}
