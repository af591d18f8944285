/**
 * Function words that name a thing where a determiner stands straight before them and a content word straight after:
 * "the with statement", "the if clause", "an in operator", "the why command". Documentation names keywords, operators
 * and commands so. A preposition, conjunction, question word, copula, modal, negation or verb form does not otherwise
 * stand between "the" and a content word; a determiner, adjective, adverb or pronoun does ("the same file", "the most
 * recent", "the only port") and names nothing. Word classes from compromise's English lexicon.
 */
import { lexiconTags } from './lexicon.js';

const NAMING_CLASSES = new Set(['Preposition', 'Conjunction', 'QuestionWord', 'Copula', 'Negative', 'Modal', 'Infinitive', 'PresentTense', 'PastTense', 'Verb']);

/** The determiners as written: in small letters, capitalised or in capitals. */
const DETERMINERS = new Set(['the', 'a', 'an'].flatMap((word) => [word, word.charAt(0).toUpperCase() + word.slice(1), word.toUpperCase()]));

const naming = new Map<string, boolean>();

/** A determiner ("the", "a", "an") as written: in small letters, capitalised or in capitals. */
export function isDeterminer(word: string): boolean {
  return DETERMINERS.has(word);
}

/** The function word (in small letters) is one that names a thing when a determiner stands before it. */
export function namesWhenDetermined(lowerWord: string): boolean {
  let names = naming.get(lowerWord);
  if (names === undefined) {
    names = lexiconTags(lowerWord).some((tag) => NAMING_CLASSES.has(tag));
    naming.set(lowerWord, names);
  }
  return names;
}
