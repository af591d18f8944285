/**
 * Identifiers a question writes as the documentation would ("query_cache_size", "os.path.join", "createServer",
 * "--leak-check"): a name made of words, which the index holds only as its separate words. A question about a setting
 * the corpus never writes ("the default query_cache_size", a setting of another program) is not answered by sentences
 * that hold its words apart ("no cache", "the default size").
 */
import type { Passage } from '../model.js';
import type { Question } from './question.js';
import type { Corpus } from '../search/corpus.js';
import { documentFrequency, passagesHoldingAll } from '../search/impacts.js';
import { tokenize } from '../text/terms.js';
import { identifiersIn } from './code-names.js';

/** Passages holding every word of the name read at most: a name whose words meet that often is taken as written. */
const MAX_PASSAGES_READ = 5_000;

/** A name as a whole word, in any case: not inside a longer word or identifier ("re" is not written by "regular"). */
export function writtenWhole(name: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\p{N}_])`, 'iu');
}

/** The passage writes the name (`writtenWhole`) in its text or its heading. */
export function writes(passage: Passage, written: RegExp): boolean {
  return written.test(passage.text) || written.test(passage.heading);
}

const questionIdentifiers = new WeakMap<Question, readonly string[]>();

/** The identifiers the question writes, read once per question (each candidate sentence asks for them). */
export function identifiersOfQuestion(question: Question): readonly string[] {
  let found = questionIdentifiers.get(question);
  if (found === undefined) {
    found = identifiersIn(question.text);
    questionIdentifiers.set(question, found);
  }
  return found;
}

/**
 * No passage of the corpus (text or heading) writes `identifier` as one name, in any case: a word of it the corpus
 * never uses ("innodb"), or its words only apart. Unknown when a word was corrected as misspelt (`misspelt`, the
 * question's "lru_cahce" read as "lru_cache"): false then. Only the passages holding all its words are read.
 */
export function neverWritten(corpus: Corpus, identifier: string, misspelt: ReadonlySet<string>): boolean {
  const terms = termsOfName(identifier);
  if (terms.length === 0 || terms.some((term) => misspelt.has(term))) return false;
  if (terms.some((term) => documentFrequency(corpus.impacts, term) === 0)) return true;
  // Only a passage holding every word of the name can write it.
  const holding = passagesHoldingName(corpus, terms);
  if (holding === null) return false;
  const written = writtenWhole(identifier);
  return !holding.some((id) => {
    const passage = corpus.passages[id];
    return passage !== undefined && writes(passage, written);
  });
}

/** The words a name is made of, as the index holds them ("g_hash_table_new": g, hash, table, new). */
export function termsOfName(name: string): string[] {
  return tokenize(name)
    .map((token) => token.term)
    .filter((term) => term !== '');
}

/**
 * The ids of the passages holding every one of a name's words (`termsOfName`), ascending: the only ones that can
 * write it. Null when more than MAX_PASSAGES_READ do: the name is no rare one, and reading them all costs.
 */
export function passagesHoldingName(corpus: Corpus, terms: readonly string[]): number[] | null {
  const holding = passagesHoldingAll(corpus.impacts, terms);
  return holding.length > MAX_PASSAGES_READ ? null : holding;
}
