/**
 * Two question words the corpus writes as one ("timed out" → "timeout", "set up" → "setup", "file system" →
 * "filesystem", "re-run" → "rerun"): the joined word is read as a further form of each word's term, so a sentence
 * that writes it covers them both. It finds no passages of its own: those the words find are read with it.
 */
import type { Corpus } from '../search/corpus.js';
import { documentFrequency } from '../search/impacts.js';
import { isParticleIn } from '../text/tagger.js';
import { computeTerm, tokenize, type Token } from '../text/terms.js';
import type { Question } from './question.js';
import { topPassagesWrite } from './spelling.js';

const LETTERS_ONLY = /^\p{L}{2,}$/u;
/** Two words of one compound: apart by spaces or one hyphen, nothing else. */
const JOINABLE_GAP = /^(?:\s+|-)$/u;
/** Words either side of a particle the tagger reads it with. */
const PARTICLE_CONTEXT = 2;
/** Passages of the joined term looked at for the joined word written as a word. */
const WRITTEN_EVIDENCE_PASSAGES = 20;

export function withCompounds(corpus: Corpus, question: Question): Question {
  const tokens = tokenize(question.text);
  const joinedOf = new Map<string, Set<string>>();
  tokens.forEach((left, index) => {
    const right = tokens[index + 1];
    if (right === undefined || left.term === '' || !LETTERS_ONLY.test(left.raw) || !LETTERS_ONLY.test(right.raw)) return;
    if (!JOINABLE_GAP.test(question.text.slice(left.end, right.start))) return;
    const joined = joinedTerm(corpus, left, right);
    if (joined === null) return;
    // A stopword joins only as a verb's particle ("timed out"); a preposition or determiner starts another phrase.
    if (right.term === '' && !isParticleIn(phraseAround(question.text, tokens, index), right.raw)) return;
    for (const token of [left, right]) {
      if (token.term === '') continue;
      const key = token.raw.toLowerCase();
      joinedOf.set(key, (joinedOf.get(key) ?? new Set()).add(joined));
    }
  });
  if (joinedOf.size === 0) return question;
  const terms = question.terms.map((term) => {
    const joined = [...(joinedOf.get(term.raw.toLowerCase()) ?? [])].filter((form) => !term.forms.includes(form));
    return joined.length === 0 ? term : { ...term, forms: [...term.forms, ...joined], unsearched: [...(term.unsearched ?? []), ...joined] };
  });
  return { ...question, terms };
}

/**
 * The term of the two words written as one, the first as written or as its term ("timed" → "time"), when some passage
 * writes that one word as a word (lower-case, or capitalised to open a sentence): an identifier that runs them
 * together ("VirtualHost", "FILE_SYSTEM") is a name, not the compound. Null when none is.
 */
function joinedTerm(corpus: Corpus, left: Token, right: Token): string | null {
  const rightWord = right.raw.toLowerCase();
  for (const leftWord of new Set([left.raw.toLowerCase(), left.term])) {
    const word = leftWord + rightWord;
    const term = computeTerm(word);
    if (term === '' || documentFrequency(corpus.impacts, term) === 0) continue;
    if (writesAsWord(corpus, term, word)) return term;
  }
  return null;
}

function writesAsWord(corpus: Corpus, term: string, word: string): boolean {
  const capitalised = word.charAt(0).toUpperCase() + word.slice(1);
  const written = new RegExp(`(?<![\\p{L}\\p{N}_.])(?:${word}|${capitalised})s?(?![\\p{L}\\p{N}_])`, 'u');
  return topPassagesWrite(corpus, [[term]], written, WRITTEN_EVIDENCE_PASSAGES);
}

function phraseAround(text: string, tokens: Token[], index: number): string {
  const first = tokens[Math.max(0, index - PARTICLE_CONTEXT)]!;
  const last = tokens[Math.min(tokens.length - 1, index + 1 + PARTICLE_CONTEXT)]!;
  return text.slice(first.start, last.end);
}
