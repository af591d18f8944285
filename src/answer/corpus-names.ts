/**
 * A word a question types in small letters that the corpus writes as a name ("teco" for TECO, "pennzoil" for
 * Pennzoil): read as the name it is, as if typed so. Chat questions are often typed in small letters throughout.
 */
import type { Corpus } from '../search/corpus.js';
import { documentFrequency, postingIds } from '../search/impacts.js';
import { isEnglishWord } from '../text/english.js';
import type { Question } from './question.js';

/** Words in more passages than this are not read for their capitals: a name is rare, and reading costs. */
const MAX_PASSAGES_READ = 200;
/** Fewer mentions than this say nothing of how the corpus writes a word. */
const MIN_MENTIONS = 3;
/** The share of a word's mentions a corpus may write in small letters and still write it as a name. */
const MAX_SMALL_SHARE = 0.1;

const SMALL_WORD = /^\p{Ll}{3,}$/u;

export function withNamesOfCorpus(corpus: Corpus, question: Question): Question {
  let changed = false;
  const terms = question.terms.map((term) => {
    if (term.isName || !SMALL_WORD.test(term.raw) || isEnglishWord(term.raw) || !writtenAsName(corpus, term.raw, term.forms[0]!)) return term;
    changed = true;
    return { ...term, isName: true };
  });
  return changed ? { ...question, terms } : question;
}

const readNames = new WeakMap<Corpus, Map<string, boolean>>();
const MAX_REMEMBERED = 10_000;

function writtenAsName(corpus: Corpus, word: string, term: string): boolean {
  let known = readNames.get(corpus);
  if (known === undefined) readNames.set(corpus, (known = new Map()));
  const remembered = known.get(word);
  if (remembered !== undefined) return remembered;
  const frequency = documentFrequency(corpus.impacts, term);
  let capital = 0;
  let small = 0;
  if (frequency > 0 && frequency <= MAX_PASSAGES_READ) {
    const mention = new RegExp(`(?<![\\p{L}\\p{N}_])${word}(?![\\p{L}\\p{N}_])`, 'giu');
    for (const id of postingIds(corpus.impacts, term)) {
      for (const match of corpus.passages[id]?.text.matchAll(mention) ?? []) {
        if (/^\p{Lu}/u.test(match[0])) capital += 1;
        else small += 1;
      }
    }
  }
  const isName = capital + small >= MIN_MENTIONS && small <= MAX_SMALL_SHARE * (capital + small);
  if (known.size < MAX_REMEMBERED) known.set(word, isName);
  return isName;
}
