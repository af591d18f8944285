/**
 * Part-of-speech reading of a question, from compromise's tagger: only for the short questions that need it (a
 * few milliseconds each), never for corpus text.
 */
import { createRequire } from 'node:module';
import { mayBeNoun, mayBeThirdPersonVerb } from './wordnet.js';

interface TaggedTerm {
  text: string;
  tags: Set<string>;
}

type Compromise = (text: string) => { document: TaggedTerm[][] };

let tagger: Compromise | undefined;

function tag(text: string): TaggedTerm[] {
  tagger ??= createRequire(import.meta.url)('compromise/two') as Compromise;
  return tagger(text).document.flat();
}

/** A phrase's words as the tagger reads them, a hyphenated word as one ("built-in" is one modifier, not "built" and "in": its text is "built_in"). */
function tagPhrase(phrase: string): TaggedTerm[] {
  return tag(phrase.replace(/(\p{L})-(?=\p{L})/gu, '$1_'));
}

/** Words a noun may stand after in "which … noun" ("which built-in module"); the tagger may read them as anything. */
const MAX_MODIFIERS = 1;

/**
 * "Which" or "what" and the words after it that can hold the asked noun phrase (a modifier and a few nouns) with the
 * word that follows it, for the tagger to read the phrase in its context ("which git command tells me").
 */
const ASKED_PHRASE = /\b(?:which|what)\b(?:\s+\S+){0,6}/iu;

/**
 * The nouns of the noun phrase after a which/what question's word, its head last (["git", "command"] in "which git
 * command tells me …", ["module"] in "which built-in module do I use …"). Empty when the tagger finds none.
 */
export function askedNouns(question: string): string[] {
  const asked = ASKED_PHRASE.exec(question);
  if (asked === null) return [];
  // Only the words after "which" are tagged, which costs a third of tagging a long question.
  const terms = tagPhrase(asked[0]);
  const at = terms.findIndex((term) => /^(which|what)$/i.test(term.text));
  if (at === -1) return [];
  const nouns: string[] = [];
  let modifiers = 0;
  for (const [index, term] of terms.entries()) {
    if (index <= at) continue;
    // The word before the verb ends the phrase; when the tagger did not read it as a noun, it is the phrase alone.
    if (index > at + 1 && isVerbAfterNoun(term.text, terms[index - 1]!.text, terms[index + 1]?.text)) {
      if (standsInForNoun(terms[index - 1]!)) return nouns;
      return nouns.at(-1) === terms[index - 1]!.text ? nouns : [terms[index - 1]!.text];
    }
    if (standsInForNoun(term)) continue;
    if (term.tags.has('Noun') && !term.tags.has('Pronoun')) nouns.push(term.text);
    else if (nouns.length > 0 || (modifiers += 1) > MAX_MODIFIERS) break;
  }
  return nouns;
}

/** "which one does …", "which ones are …", "which two …": a number or the pro-form "one" names no kind of thing. */
function standsInForNoun(term: TaggedTerm): boolean {
  return term.tags.has('Value') || /^ones$/iu.test(term.text);
}

/** "How many" and the words after it that can hold the counted noun phrase. */
const COUNTED_PHRASE = /\bhow\s+many\s+(?:\S+\s+){0,5}\S+/iu;

/**
 * The head of the noun phrase a "how many" question counts, as the tagger reads it: "formats" in "how many password
 * formats does Apache understand", "objects" in "how many loose objects can pile up". A compound's head is its last
 * noun when that one is plural ("file system accesses"); otherwise the first noun ("how many dirs pushd keeps"). Null
 * when the tagger finds no noun there.
 */
export function countedNoun(question: string): string | null {
  const phrase = COUNTED_PHRASE.exec(question);
  if (phrase === null) return null;
  const terms = tagPhrase(phrase[0]).slice(2);
  const nouns: TaggedTerm[] = [];
  for (const term of terms) {
    if (term.tags.has('Noun') && !term.tags.has('Pronoun')) nouns.push(term);
    else if (nouns.length > 0 || !term.tags.has('Adjective')) break;
  }
  const head = nouns.findLast((noun) => noun.tags.has('Plural')) ?? nouns[0];
  return head === undefined ? null : head.text.replace(/_/gu, '-');
}

/** The question word and the few words after it, enough for the tagger to read the first of them in context. */
const QUESTION_OPENING = /^\s*(?:what|which|who|whom|where|when)(?:['’]?s)?(?:\s+\S+){1,3}/iu;

/**
 * The word after the question word is an adverb where it stands: "what even is muttlisp?" (not "which part does mutt
 * show?", though WordNet knows "part" as an adverb too).
 */
export function adverbAfterQuestionWord(asked: string): boolean {
  const opening = QUESTION_OPENING.exec(asked);
  if (opening === null) return false;
  return tag(opening[0])[1]?.tags.has('Adverb') === true;
}

/**
 * "which module parses command line arguments?", "which tool compresses files?": the tagger may read a verb's -s form
 * after the noun as a plural noun ("module parses"). It is the verb when the word before may be a noun and the word
 * after is no auxiliary ("which user accounts does apache …" keeps "accounts").
 */
function isVerbAfterNoun(word: string, before: string, after: string | undefined): boolean {
  if (after === undefined || AUXILIARIES.has(after.toLowerCase())) return false;
  return mayBeThirdPersonVerb(word) && mayBeNoun(before.replace(/_/gu, '-'));
}

const AUXILIARIES = new Set(['do', 'does', 'did', 'is', 'are', 'was', 'were', 'has', 'have', 'had', 'can', 'could', 'will', 'would', 'should', 'may', 'might', 'must', 'shall']);

/**
 * The word is a verb's particle where it stands in the phrase ("out" of "the test timed out while …", "up" of "we
 * never set up a prefix"), not a preposition or a determiner ("glob all my files", "size of").
 */
export function isParticleIn(phrase: string, word: string): boolean {
  const terms = tag(phrase);
  return terms.some((term) => term.text.toLowerCase() === word.toLowerCase() && term.tags.has('Particle'));
}
