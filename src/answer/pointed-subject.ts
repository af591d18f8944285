/**
 * A definition question whose subject points back at a word its preamble wrote without quoting it ("everyone keeps
 * calling that game vaporware. what does the term actually mean?"): the subject is the preamble's last word, or its
 * last two, when they head an entry of the corpus, read as the question's own words rather than its context.
 */
import type { Corpus } from '../search/corpus.js';
import { headsSection } from './entries.js';
import type { Question } from './question.js';

export function withPointedSubject(corpus: Corpus, question: Question): Question {
  if (!question.pointsBack) return question;
  const { terms } = question;
  // The word pointed at is the one the preamble ends on: a word further back ("The index file starts with the
  // signature DIRC. What does that stand for?") is not what "that" stands for.
  const last = terms.findLastIndex((term) => term.isContext);
  if (last === -1) return question;
  const spans = last > 0 && terms[last - 1]!.isContext ? [[last - 1, last], [last]] : [[last]];
  const subject = spans.find((span) => headsSection(corpus, span.map((termIndex) => terms[termIndex]!.forms)));
  if (subject === undefined) return question;
  return { ...question, topic: subject, terms: terms.map((term, termIndex) => (subject.includes(termIndex) ? { ...term, isContext: false } : term)) };
}
