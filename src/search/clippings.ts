/**
 * Clipped words mined from the corpus: "repo" for repository, "dirs" for directories, "args" for arguments. A word is
 * read as a clipping of an English word that starts with its letters (and whose term starts with its term), is three letters longer or more and that the
 * corpus writes more often (the clipping is the less used variant), when the two share passages far more often than
 * chance allows (a Poisson test of their co-occurrences against independence). Of several such words, the one they
 * share most passages with. A compound identifier ("renameLimit") is no English word, so it is never a full form.
 */
import { englishWordsStartingWith } from '../text/english.js';
import { computeTerm } from '../text/terms.js';
import { documentFrequency, postingIds, type ImpactIndex } from './impacts.js';

/** A clipping drops at least this many letters of the term ("repo" ← "repositori"); fewer is an inflection. */
const MIN_LETTERS_DROPPED = 3;
/** A clipping keeps at least this many letters: "o" or "id" could start anything. */
const MIN_CLIPPING_LETTERS = 3;
const LETTERS = /^\p{L}+$/u;
/** Co-occurrences this unlikely under independence (one in ten thousand) are evidence that one word stands for the other. */
const SIGNIFICANCE = 1e-4;

const clippings = new WeakMap<ImpactIndex, Map<string, string | null>>();

/**
 * The term the word `written` (lower case, as the question writes it) is a clipping of in this corpus, or null:
 * "repo" → "repositori", "dirs" → "directori".
 */
export function clippedFrom(index: ImpactIndex, written: string): string | null {
  let known = clippings.get(index);
  if (known === undefined) clippings.set(index, (known = new Map()));
  let full = known.get(written);
  if (full === undefined) {
    full = findFullForm(index, written);
    known.set(written, full);
  }
  return full;
}

function findFullForm(index: ImpactIndex, written: string): string | null {
  const term = computeTerm(written);
  if (!LETTERS.test(written) || written.length < MIN_CLIPPING_LETTERS) return null;
  const clippedFrequency = documentFrequency(index, term);
  if (clippedFrequency === 0) return null;
  // A plural clipping ("dirs", "args") clips the plural: "dir…" starts the full word.
  const singular = written.endsWith('s') && computeTerm(written.slice(0, -1)) === term ? written.slice(0, -1) : written;
  const candidates = new Set<string>();
  for (const word of englishWordsStartingWith(singular)) {
    const candidate = computeTerm(word);
    if (candidate.startsWith(term) && candidate.length >= term.length + MIN_LETTERS_DROPPED && documentFrequency(index, candidate) > clippedFrequency) {
      candidates.add(candidate);
    }
  }
  let best: { full: string; shared: number } | null = null;
  for (const candidate of candidates) {
    const shared = sharedPassages(index, term, candidate);
    if (best === null || shared > best.shared) best = { full: candidate, shared };
  }
  if (best === null) return null;
  const expected = (clippedFrequency * documentFrequency(index, best.full)) / index.size;
  return poissonTail(best.shared, expected) < SIGNIFICANCE ? best.full : null;
}

function sharedPassages(index: ImpactIndex, left: string, right: string): number {
  const [smaller, larger] = [postingIds(index, left), postingIds(index, right)].sort((a, b) => a.length - b.length) as [Int32Array, Int32Array];
  const inSmaller = new Set(smaller);
  let shared = 0;
  for (const id of larger) if (inSmaller.has(id)) shared += 1;
  return shared;
}

/** P(X ≥ observed) for X ~ Poisson(expected); 1 when no more than expected were observed (only an excess is tested). */
export function poissonTail(observed: number, expected: number): number {
  if (observed <= expected) return 1;
  if (expected <= 0) return 0;
  // Summed from the observed count upwards in log space, so large counts neither overflow nor lose the tail.
  let logTerm = -expected + observed * Math.log(expected) - logFactorial(observed);
  let tail = 0;
  for (let count = observed; count < observed + 1000; count++) {
    const term = Math.exp(logTerm);
    tail += term;
    if (term < tail * 1e-12) break;
    logTerm += Math.log(expected) - Math.log(count + 1);
  }
  return Math.min(1, tail);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let k = 2; k <= n; k++) sum += Math.log(k);
  return sum;
}
