/**
 * Spelling correction of question words against the corpus's own vocabulary: a word no passage holds is read as
 * the closest indexed term (optimal string alignment distance, so a swap of two letters is one edit), the most
 * frequent one among equally close terms. Short words are left alone: one edit turns them into other words; so are
 * real English words (an-array-of-english-words, ~275,000 words and their inflections): "mayor" in a corpus that
 * never names one is an unknown word, not a typo of "major".
 */
import { createRequire } from 'node:module';
import type { Corpus } from '../search/corpus.js';
import { documentFrequency } from '../search/impacts.js';
import { SPELLING_OPTIONS } from '../search/options.js';
import type { Question } from './question.js';

const MIN_LENGTH = 4;
/** Terms this long may be two edits away; shorter ones one. */
const TWO_EDITS_FROM = 7;
/** MiniSearch's fuzzy search counts a swap as two edits: it is asked for one more than allowed, then filtered. */
/** Fuzzy matches looked at per word (MiniSearch returns them with their passages; the terms are what counts). */
const MAX_RESULTS = 50;

export interface Correction {
  /** The word as the question wrote it. */
  written: string;
  /** The indexed term it is read as. */
  term: string;
}

let englishWords: ReadonlySet<string> | null = null;

/** Loaded on the first word that needs correcting, not at start-up. */
function isEnglishWord(word: string): boolean {
  englishWords ??= new Set(createRequire(import.meta.url)('an-array-of-english-words') as string[]);
  return englishWords.has(word.toLowerCase());
}

export function correctSpelling(corpus: Corpus, question: Question): { question: Question; corrections: Correction[] } {
  const corrections: Correction[] = [];
  const terms = question.terms.map((term) => {
    if (term.forms.some((form) => documentFrequency(corpus.impacts, form) > 0)) return term;
    const form = term.forms[0]!;
    if (form.length < MIN_LENGTH || /\d/u.test(form) || isEnglishWord(term.raw)) return term;
    const allowed = form.length >= TWO_EDITS_FROM ? 2 : 1;
    let best: { term: string; distance: number; frequency: number } | null = null;
    const seen = new Set<string>();
    for (const result of corpus.search.search(form, { ...SPELLING_OPTIONS, fuzzy: allowed + 1, maxFuzzy: allowed + 1 }).slice(0, MAX_RESULTS)) {
      for (const match of result.terms) {
        if (match === form || seen.has(match)) continue;
        seen.add(match);
        const distance = editDistance(form, match);
        if (distance > allowed) continue;
        const frequency = documentFrequency(corpus.impacts, match);
        if (best === null || distance < best.distance || (distance === best.distance && frequency > best.frequency)) best = { term: match, distance, frequency };
      }
    }
    if (best === null) return term;
    corrections.push({ written: term.raw, term: best.term });
    return { ...term, forms: [...term.forms, best.term] };
  });
  return { question: corrections.length > 0 ? { ...question, terms } : question, corrections };
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost one. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = value;
    }
  }
  return d[rows * cols - 1]!;
}
