/**
 * question → Answer. Retrieves passages from the impact index, then ranks the sentences inside them by how much
 * of the question they cover (rarer words weigh more), how close together those words stand, and whether
 * they hold the kind of answer asked for. Below the coverage bar the answer is "no answer", with the
 * closest passages offered as related reading.
 */
import type { Answer, Passage, Quote } from '../model.js';
import type { Corpus } from '../search/corpus.js';
import { documentFrequency, topPassages, type Hit } from '../search/impacts.js';
import { MAX_QUESTION_LENGTH, type AskOutcome } from '../service.js';
import { findConflicts } from './conflicts.js';
import { sourceRef, type RankedSentence } from './ranked.js';
import { scorer, type Features, type RankingModel } from './features.js';
import { RANKING } from './ranking-weights.js';
import { withCompounds } from './compounds.js';
import { withPointedSubject } from './pointed-subject.js';
import { contentSet, sameStatement, sharedNumbering } from './duplicates.js';
import { addressesReader, crossReferenceTarget, entryPageOpenings, headingKey, introducesTopic, namesOnly, ownHeading, sectionTitled, titlesTerm, withoutSectionNumber } from './entries.js';
import { extractAnswer, statesDefault } from './extract.js';
import { definedNameOfFocus, extractEntryNameOfFocus, optionOfTerm } from './name-answers.js';
import { withNamesOfCorpus } from './corpus-names.js';
import { identifiersOfQuestion, neverWritten, passagesHoldingName, termsOfName, writes, writtenWhole } from './identifiers.js';
import { isFigure, type ShortAnswer } from './short-answer.js';
import { versionsIn } from './spans.js';
import { analyzeQuestion, type AnswerKind, asksDefault, DEFAULT_TERM, questionForms, type Question, type QuestionTerm } from './question.js';
import { correctQuestionWords, correctSpelling, type Correction, editDistance } from './spelling.js';
import { englishWordsStartingWith, isEnglishWord } from '../text/english.js';
import { unlikeProse } from '../text/prose.js';
import { mayBeNoun } from '../text/wordnet.js';
import { isBareChangeNote, isChangeNote } from '../text/change-notes.js';
import { viewSentences, type SentenceView } from './sentence.js';
import { longFormOf, writesInParentheses } from '../text/abbreviations.js';
import { computeTerm, contentTerms, tokenize } from '../text/terms.js';
import { LONG_SENTENCE_WORDS } from '../text/sentences.js';

/** Passages retrieved per question before sentence ranking. */
export const RETRIEVED_PASSAGES = 20;
/** Passages retrieved by a definition's subject alone, besides those the whole question retrieves. */
const SUBJECT_PASSAGES = 10;
/** Passages holding an asked abbreviation that are searched for its long form. */
const ABBREVIATION_PASSAGES = 100;
/** …and how far past them, only among those that write it in parentheses, keeping at most this many. */
const FAR_ABBREVIATION_PASSAGES = 2_000;
const ABBREVIATION_PASSAGES_KEPT = 5;
const WRITTEN_IN_CAPITALS = /^\p{Lu}[\p{Lu}\p{N}]+$/u;
/** Share of the question's (weighted) terms a sentence must hold to count as answering it. */
const MIN_COVERAGE = 0.5;
/** Further quotes must score at least this share of the best one, and cover this share of what it covers. */
const QUOTE_SCORE_SHARE = 0.6;
const QUOTE_COVERAGE_SHARE = 0.75;
const MAX_QUOTES = 3;
/** The kinds of question only a value answers: a figure, a duration, a frequency, a person's name. */
const VALUE_REQUIRED: ReadonlySet<AnswerKind> = new Set(['count', 'amount', 'duration', 'frequency', 'person', 'value']);
/** A year ("1993") or a release number ("3.7", "7.0.0"): what a "when" may be answered by besides a date. */
const YEAR_OR_RELEASE = /\b(?:1[6-9]|20)\d\d\b|\b\d+\.\d+/u;
/** A one-word name in more than this share of passages (and at least this many) is too common to be an answer. */
const COMMON_NAME_SHARE = 0.05;
const COMMON_NAME_PASSAGES = 10;
const RELATED_PASSAGES = 3;
/** Past this many prose sentences into a section, a sentence is no longer near the entry's opening. */
const MAX_PROSE_COUNTED = 8;
/** An entry's text may be short ("Where widgets are made."); a line with two marks of non-prose is a label or a signature. */
const ENTRY_PROSE = 0.5;


export function ask(corpus: Corpus, rawQuestion: string): AskOutcome {
  const text = rawQuestion.replace(/\s+/g, ' ').trim();
  if (text === '') return { ok: false, error: { code: 'empty', message: 'Please ask a question: the text is empty.' } };
  if (text.length > MAX_QUESTION_LENGTH) {
    return {
      ok: false,
      error: {
        code: 'too_long',
        message: `Questions are limited to ${MAX_QUESTION_LENGTH} characters (this one has ${text.length}). Please shorten it.`,
      },
    };
  }
  return { ok: true, answer: answerQuestion(corpus, text) };
}

/** Every candidate sentence for a question with its features and score, best first: what `npm run fit` learns from. */
export function candidateSentences(corpus: Corpus, text: string): RankedSentence[] {
  const { question } = readQuestion(corpus, text);
  return rankSentences(corpus, question, termWeights(corpus, question), RANKING);
}

/** @param model the ranking weights and threshold; the fitted ones unless `npm run fit` is trying others. */
export function answerQuestion(corpus: Corpus, text: string, model: RankingModel = RANKING): Answer {
  const { question, corrections } = readQuestion(corpus, text);
  const weights = termWeights(corpus, question);
  const ranked = rankSentences(corpus, question, weights, model);
  const best = ranked[0];
  const base = { question: text, conflicts: [], sourceCount: corpus.sources.length, didYouMean: readAs(text, corrections, ranked) };

  // A "how many", "how much", "how long" or "how often" that no answering sentence puts a figure to is not answered by
  // the corpus, nor is a "who" that no answering sentence names someone for, nor a "when did …" that none dates: a
  // date, a year or a release ("… deprecated in Node.js 7.0.0", or the page's title: "What's New In Python 3.7").
  // "When does X happen?" may ask for a condition, which no date states.
  const answers = (sentence: RankedSentence): boolean => sentence.score >= model.threshold && (sentence === best || sentence.coverage >= Math.min(MIN_COVERAGE, best?.coverage ?? 1));
  const needsFigure = question.kind === 'count' || question.kind === 'amount' || question.kind === 'value' || question.kind === 'quantity';
  const dated = (sentence: RankedSentence): boolean =>
    sentence.short !== null ||
    (!question.asksDay && (YEAR_OR_RELEASE.test(sentence.view.text) || YEAR_OR_RELEASE.test(corpus.sourceById.get(sentence.view.passage.sourceId)?.source.title ?? '')));
  const valueMissing =
    (VALUE_REQUIRED.has(question.kind) && !ranked.some((sentence) => answers(sentence) && sentence.short !== null)) ||
    (question.asksDate && !ranked.some((sentence) => answers(sentence) && dated(sentence)));
  if (best === undefined || best.score < model.threshold || valueMissing || !doesAskedAction(corpus, best, question) || subjectNeverWritten(corpus, question)) {
    return { ...base, status: 'no_answer', answer: null, quotes: [], related: relatedReading(corpus, ranked) };
  }

  // Quotes close enough to the best; for a figure, those stating one lead, and a sentence without it is
  // context rather than evidence, so it is quoted only when nothing states the figure.
  const statements = groupStatements(ranked.filter(answers));
  const closeToBest = model.threshold + QUOTE_SCORE_SHARE * (best.score - model.threshold);
  // A name the question writes as one ("message_size_limit") and the best sentence's passage writes too: a passage that
  // does not write it speaks of another setting ("bounce_size_limit (default: 50000)"), however close its score.
  const named = identifiersOfQuestion(question)
    .map(writtenWhole)
    .filter((written) => writes(best.view.passage, written));
  // Only a value answers a "how often", "how long" or "who": when the best sentence gives none, the best one that does
  // leads, however much less of the question it holds.
  const valueLead = VALUE_REQUIRED.has(question.kind) && best.short === null ? statements.find((group) => group[0]!.short !== null) : undefined;
  const eligible = statements.filter(
    (group, index) =>
      index === 0 ||
      group === valueLead ||
      (group[0]!.score >= closeToBest &&
        group[0]!.coverage >= best.coverage * QUOTE_COVERAGE_SHARE &&
        named.every((written) => writes(group[0]!.view.passage, written))),
  );
  const figuresFirst = needsFigure || valueLead !== undefined;
  const ordered = figuresFirst
    ? [...eligible.filter((group) => group[0]!.short !== null), ...eligible.filter((group) => group[0]!.short === null)]
    : eligible;
  const chosen = ordered.filter((group, index) => index === 0 || !figuresFirst || group[0]!.short !== null).slice(0, MAX_QUOTES);
  // Where a word comes from is a story its quote tells: the phrase after "from" only marks the sentence that tells it.
  const shortAnswer = question.kind === 'origin' ? null : (chosen.map((group) => group[0]!.short).find((short) => short !== null) ?? null);
  const saysWhatItIs = question.asksDefinition ? sentenceSayingWhatItIs(chosen[0]![0]!, ranked, question) : undefined;
  const quoted = saysWhatItIs === undefined ? chosen : [chosen[0]!, [saysWhatItIs], ...chosen.slice(1)];
  const quotes = joinNeighbours(
    quoted.map((group) => ({ quote: toQuote(corpus, group, ranked, model.threshold), passage: group[0]!.view.passage })),
  );
  return {
    ...base,
    status: 'answered',
    // The sentence's words as one line: a line break in the source ("68\nbillion dlr") is no part of the answer.
    answer: shortAnswer === null ? null : shortAnswer.text.replace(/\s+/gu, ' '),
    quotes,
    conflicts: findConflicts(corpus, question, weights, ranked, best, model.threshold).map((conflict) => ({ ...conflict, about: readWords(conflict.about, corrections, ranked) })),
    related: [],
  };
}

/** The passages retrieval finds for a question, best first, before sentence ranking: for the evaluation's retrieval rank. */
export function retrieve(corpus: Corpus, text: string, limit: number): Passage[] {
  return retrieveHits(corpus, readQuestion(corpus, text).question, limit)
    .slice(0, limit)
    .flatMap((result) => corpus.passages[result.id] ?? []);
}

/** The question as Quoth reads it: its kind and terms, misspelt words read as the corpus writes them. */
function readQuestion(corpus: Corpus, text: string): { question: Question; corrections: Correction[] } {
  const asked = correctQuestionWords(text, (word) => documentFrequency(corpus.impacts, computeTerm(word)) > 0);
  const read = correctSpelling(corpus, analyzeQuestion(asked.text));
  return { question: withPointedSubject(corpus, withCompounds(corpus, withNamesOfCorpus(corpus, read.question))), corrections: [...asked.corrections, ...read.corrections] };
}

function retrieveHits(corpus: Corpus, question: Question, limit: number): Hit[] {
  if (question.terms.length === 0) return [];
  const hits = topPassages(corpus.impacts, question.terms.map(searchedForms), limit);
  if (question.kind === 'version') return [...hits, ...versionNotesOfNamedEntries(corpus, question, new Set(hits.map((hit) => hit.id)))];
  if (question.topic.length === 0) return hits;
  const subject = question.topic.map((termIndex) => searchedForms(question.terms[termIndex]!));
  const seen = new Set(hits.map((hit) => hit.id));
  // An entry is found by its subject alone too: the question's other words ("… in the Intl docs") need not be in it.
  const bySubject = question.topic.length === question.terms.length ? [] : topPassages(corpus.impacts, subject, SUBJECT_PASSAGES);
  // The opening of a page titled with the subject may name it too seldom to be retrieved by it.
  const entryOpenings = entryPageOpenings(corpus, subject).map((id) => ({ id, score: 0 }));
  const found = [...bySubject, ...entryOpenings, ...entriesOfNamedSubject(corpus, question)].filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
  // An abbreviation is spelled out once, often in a passage about something else: look further for that passage, and in
  // a corpus that uses it all over (Exim's "ACL"), further still for one that writes it in parentheses.
  const spelledOut = question.abbreviations.flatMap((abbreviation) => {
    const searched = [tokenize(abbreviation).map((token) => token.term)];
    const spells = (hit: Hit, quick: boolean): boolean => {
      if (seen.has(hit.id)) return false;
      const passage = corpus.passages[hit.id];
      if (passage === undefined || (quick && !writesInParentheses(abbreviation, passage.text)) || longFormOf(abbreviation, passage.text) === null) return false;
      seen.add(hit.id);
      return true;
    };
    const near = topPassages(corpus.impacts, searched, ABBREVIATION_PASSAGES).filter((hit) => spells(hit, false));
    // Only a short form written in capitals is looked for that far: a definition's subject ("what is a decorator?") is
    // asked whether or not it abbreviates anything.
    if (near.length > 0 || !WRITTEN_IN_CAPITALS.test(abbreviation)) return near;
    const far: Hit[] = [];
    for (const hit of topPassages(corpus.impacts, searched, FAR_ABBREVIATION_PASSAGES).slice(ABBREVIATION_PASSAGES)) {
      if (far.length === ABBREVIATION_PASSAGES_KEPT) break;
      if (spells(hit, true)) far.push(hit);
    }
    return far;
  });
  return [...hits, ...found, ...spelledOut];
}

/**
 * A definition question's subject is a name written as code ("what does g_string_reverse_words do?") that no passage
 * writes: the corpus does not define it, whatever sentences share its words.
 */
function subjectNeverWritten(corpus: Corpus, question: Question): boolean {
  if (!question.asksDefinition) return false;
  const unwritten = unwrittenNames(corpus, question);
  return namesOfSubject(question).some(({ name }) => unwritten.has(name));
}

const unwrittenNameSets = new WeakMap<Question, ReadonlySet<string>>();

/**
 * The names the question writes as the documentation would (identifiers) that no passage writes, read once per question
 * (ranking and the decline both ask). A word read through a spelling correction ("lru_cahce") leaves its name unknown.
 */
function unwrittenNames(corpus: Corpus, question: Question): ReadonlySet<string> {
  let unwritten = unwrittenNameSets.get(question);
  if (unwritten === undefined) {
    const misspelt = misspeltForms(corpus, question);
    unwritten = new Set(identifiersOfQuestion(question).filter((identifier) => neverWritten(corpus, identifier, misspelt)));
    unwrittenNameSets.set(question, unwritten);
  }
  return unwritten;
}

/** The names written as code that a definition question's subject is made of, each with its terms. */
function namesOfSubject(question: Question): { name: string; terms: string[] }[] {
  const subject = new Set(question.topic.flatMap((termIndex) => question.terms[termIndex]!.forms));
  return identifiersOfQuestion(question).flatMap((name) => {
    const terms = termsOfName(name);
    return terms.length > 0 && terms.every((term) => subject.has(term)) ? [{ name, terms }] : [];
  });
}

/** The term was read through a spelling correction: the corpus holds the form it was read as, not the one written. */
function isCorrected(corpus: Corpus, term: QuestionTerm): boolean {
  return documentFrequency(corpus.impacts, term.forms[0]!) === 0 && term.forms.some((form) => documentFrequency(corpus.impacts, form) > 0);
}

/** The question's words as written, where the corpus holds them only as corrected ("lru_cahce" read as "lru_cache"). */
function misspeltForms(corpus: Corpus, question: Question): ReadonlySet<string> {
  return new Set(question.terms.filter((term) => isCorrected(corpus, term)).map((term) => term.forms[0]!));
}

/**
 * The entry of the subject a definition question names as code, in several words ("what does g_free do?"): the
 * passages whose heading writes the name whole. Its words are all over an API's reference ("g" and "free" are in most
 * of GLib's entries), so the entry is looked for among the passages holding every word of it.
 */
function entriesOfNamedSubject(corpus: Corpus, question: Question): Hit[] {
  const found: Hit[] = [];
  for (const { name, terms } of namesOfSubject(question)) {
    if (terms.length < 2) continue;
    found.push(...entryOfName(corpus, name, terms).slice(0, SUBJECT_PASSAGES).map((passage) => ({ id: passage.id, score: 0 })));
  }
  return found;
}

/** The passages of the entry whose heading writes `name` whole, among those holding its words; none for a common name. */
function entryOfName(corpus: Corpus, name: string, terms: readonly string[]): Passage[] {
  const written = writtenWhole(name);
  const holding = passagesHoldingName(corpus, terms) ?? [];
  return holding.flatMap((id) => corpus.passages[id] ?? []).filter((passage) => written.test(passage.heading));
}

/**
 * "Since which version is FetchContent_MakeAvailable available?": the entries whose heading writes a name the question
 * writes as code may open with a note that says nothing but their version ("New in version 3.14."), too short to be
 * retrieved by the question's words. Those notes, of passages not found already.
 */
function versionNotesOfNamedEntries(corpus: Corpus, question: Question, seen: ReadonlySet<number>): Hit[] {
  const found: Hit[] = [];
  for (const name of identifiersOfQuestion(question)) {
    const terms = termsOfName(name);
    if (terms.length === 0) continue;
    for (const passage of entryOfName(corpus, name, terms)) {
      if (seen.has(passage.id) || !isBareChangeNote(openingLine(passage))) continue;
      found.push({ id: passage.id, score: 0 });
      if (found.length === SUBJECT_PASSAGES) return found;
    }
  }
  return found;
}

/** The passage's first line of text past the term line its heading's name may open it with. */
function openingLine(passage: Passage): string {
  const lines = passage.text.split('\n', 4).filter((line) => line.trim() !== '');
  return (lines[0]?.trim() === passage.heading.trim() ? lines[1] : lines[0]) ?? '';
}

function searchedForms(term: QuestionTerm): string[] {
  return term.unsearched === undefined ? term.forms : term.forms.filter((form) => !term.unsearched!.includes(form));
}

/**
 * The question with its corrected words written out, for "Did you mean …": each as the English word it was matched
 * to, or as the corpus writes it in a retrieved sentence. Null when nothing was corrected.
 */
function readAs(text: string, corrections: Correction[], ranked: RankedSentence[]): string | null {
  const shown = readWords(text, corrections, ranked);
  return shown === text ? null : shown;
}

/** A text with the question's corrected words written as they were read ("ppl hurt" → "people hurt"). */
function readWords(text: string, corrections: Correction[], ranked: RankedSentence[]): string {
  let shown = text;
  for (const correction of corrections) {
    const word = correction.word ?? writtenInCorpus(correction.term, correction.written, ranked);
    if (word === undefined) continue;
    const cased = /^\p{Lu}/u.test(correction.written) && !/^\p{Lu}/u.test(word) ? word.charAt(0).toUpperCase() + word.slice(1) : word;
    shown = shown.replace(new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(correction.written)}(?![\\p{L}\\p{N}])`, 'iu'), cased);
  }
  return shown;
}

/**
 * The word a retrieved sentence writes for a term that is closest to what the asker typed ("delte" → "delete", not
 * "deleted"). An English word capitalised only because it opens its sentence is written small: "Delete" is "delete",
 * "Klitschko" stays a name.
 */
function writtenInCorpus(term: string, typed: string, ranked: RankedSentence[]): string | undefined {
  let best: { raw: string; distance: number } | undefined;
  for (const { view } of ranked) {
    view.tokens.forEach((token, index) => {
      if (token.term !== term) return;
      const raw = index === 0 && /^\p{Lu}\p{Ll}*$/u.test(token.raw) && isEnglishWord(token.raw.toLowerCase()) ? token.raw.toLowerCase() : token.raw;
      const distance = editDistance(raw.toLowerCase(), typed.toLowerCase());
      if (best === undefined || distance < best.distance) best = { raw, distance };
    });
  }
  return best?.raw;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/**
 * Rarity of each question term: ln(1 + N / (df + 0.5)); a term the corpus never uses weighs most. A word of the
 * preamble is context for the question, not what it asks: half evidence. So is a word the question implies but does
 * not write ("default" of "… out of the box?").
 */
export function termWeights(corpus: Corpus, question: Question): number[] {
  const total = corpus.passages.length;
  return question.terms.map((term) => {
    const frequency = Math.max(0, ...term.forms.map((form) => documentFrequency(corpus.impacts, form)));
    return Math.log(1 + total / (frequency + 0.5)) * (term.isContext || term.implied ? 0.5 : 1);
  });
}

/** Every sentence of the retrieved passages, with its features and fitted score, best first. */
function rankSentences(corpus: Corpus, question: Question, weights: number[], model: RankingModel): RankedSentence[] {
  if (question.terms.length === 0) return [];
  const results = retrieveHits(corpus, question, RETRIEVED_PASSAGES);
  const retrieved = results.flatMap((result) => {
    const passage = corpus.passages[result.id];
    return passage === undefined ? [] : [candidatePassage(corpus, question, passage, result)];
  });
  // An entry that only says "See X" sends the reader to X's entry: that entry is the subject's too.
  if (question.topic.length > 0) {
    const referred = new Map<number, number>();
    for (const { passage, views } of retrieved) {
      const match = topicMatch(question, weights, contentSetOf(headingKey(passage.heading)));
      if (match === 0) continue;
      for (const view of views) {
        const target = crossReferenceTarget(view.text);
        const id = target === null ? undefined : sectionTitled(corpus, target);
        if (id !== undefined && id !== passage.id) referred.set(id, Math.max(match, referred.get(id) ?? 0));
      }
    }
    for (const entry of retrieved) entry.referredBy = referred.get(entry.passage.id) ?? 0;
    const seen = new Set(retrieved.map(({ passage }) => passage.id));
    for (const [id, referredBy] of referred) {
      const passage = corpus.passages[id];
      if (passage === undefined || seen.has(id)) continue;
      retrieved.push({ ...candidatePassage(corpus, question, passage, { id, score: 0 }), referredBy });
    }
  }
  const known = question.terms.map((term) => term.forms.some((form) => documentFrequency(corpus.impacts, form) > 0));
  // A word no passage holds does not count against coverage; `unknownTerms` carries that evidence on its own.
  const knownWeight = weights.reduce((sum, weight, termIndex) => sum + (known[termIndex] ? weight : 0), 0) || 1;
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  // A word no retrieved passage holds (in its text, heading or title) tells no retrieved sentence from another: it is
  // off the topic found, or said in other words. `reachableCoverage` leaves it out; `unretrievedTerms` carries it.
  const reachable = question.terms.map(
    (term, termIndex) =>
      known[termIndex]! &&
      retrieved.some(({ views, headingTerms, titleTerms }) => views.some((view) => view.hits[termIndex]!.length > 0) || term.forms.some((form) => headingTerms.has(form) || titleTerms.has(form))),
  );
  const reachableWeight = weights.reduce((sum, weight, termIndex) => sum + (reachable[termIndex] ? weight : 0), 0) || 1;
  const unretrievedTerms = weights.reduce((sum, weight, termIndex) => sum + (known[termIndex] && !reachable[termIndex] ? weight : 0), 0) / totalWeight;
  // A word read through a spelling correction counts a little as unknown: the correction may be wrong.
  const corrected = question.terms.map((term, termIndex) => known[termIndex] && isCorrected(corpus, term));
  // A name the question writes as the documentation would, that the corpus never writes, is missing from every passage.
  const unwrittenIdentifier = unwrittenNames(corpus, question).size > 0 || namesUnknownWord(question, known) || asksUnknownThing(question, known);
  const unknownTerms = (known.filter((isKnown) => !isKnown).length + CORRECTION_DOUBT * corrected.filter(Boolean).length) / known.length;
  const isCommon = (term: string): boolean => {
    const frequency = documentFrequency(corpus.impacts, term);
    return frequency >= COMMON_NAME_PASSAGES && frequency > corpus.passages.length * COMMON_NAME_SHARE;
  };
  const forms = questionForms(question);
  const writtenForms = question.terms.some((term) => term.implied) ? new Set(question.terms.flatMap((term) => (term.implied ? [] : term.forms))) : forms;
  const defaultAsked = asksDefault(question);
  const namedSettings = namedSettingsOf(question);
  const settingOwners = ownersOfNamedSettings(corpus, question);
  const topicForms = new Set(question.topic.flatMap((termIndex) => question.terms[termIndex]!.forms));
  const bestRetrieval = results[0]?.score ?? 1;
  const scoreSentence = scorer(model);
  const ranked: RankedSentence[] = [];

  retrieved.forEach(({ result, passage, views, headingTerms, title, titleTerms, referredBy }, rank) => {
    // Another's page states another's setting: its value or name is not the one asked.
    const othersSetting = settingOwners.some((term) => !titleTerms.has(term) && !headingTerms.has(term));
    const missingName = unwrittenIdentifier || namesMissingFrom(question, views, headingTerms, titleTerms) || namedSettings.some((written) => !writes(passage, written)) || othersSetting ? 1 : 0;
    const headingIsTopic = headingTerms.size === 0 ? 0 : [...headingTerms].filter((term) => writtenForms.has(term)).length / headingTerms.size;
    const previous = corpus.passages[passage.id - 1];
    const firstUnderHeading = passage.heading !== '' && (previous === undefined || previous.sourceId !== passage.sourceId || previous.heading !== passage.heading);
    const headingMatch =
      question.terms.reduce((sum, term, termIndex) => sum + (known[termIndex] && term.forms.some((form) => headingTerms.has(form)) ? weights[termIndex]! : 0), 0) / knownWeight;
    // An entry is a section whose heading names the subject, or a page whose title does ("VACUUM" › "2. Description").
    const entryMatch = question.topic.length === 0 ? 0 : Math.max(referredBy, topicMatch(question, weights, contentSetOf(headingKey(passage.heading))));
    // A title is an entry's name only when all of it names the subject (a headline that mentions it is no entry).
    const pageKey = question.topic.length === 0 ? EMPTY_SET : contentSetOf(headingKey(title));
    const pageMatch = question.topic.length === 0 || !namesOnly(pageKey, topicForms) ? 0 : topicMatch(question, weights, pageKey);
    const earlier = entryMatch > 0 || pageMatch > 0 ? proseEarlier(corpus, passage, pageMatch > 0) : { section: 0, page: 0 };
    let contextVersionRead: ShortAnswer | null | undefined;
    // Read once per passage, and only when a sentence of it states no version itself.
    const contextVersion = (): ShortAnswer | null => {
      if (contextVersionRead === undefined) contextVersionRead = versionInContext(corpus, passage, title, question, weights);
      return contextVersionRead;
    };
    // The name the page's title gives its subject, for "which module …" answered by "This module …".
    const entryName = question.kind === 'entity' && question.focus !== null ? headingKey(title) : null;
    // The name its heading defines, for "which function …" answered by the first words of a function's entry.
    // …or of the first prose under it, when the entry opens with its signature in a code block ("xmlDocPtr
    // xsltApplyStylesheet (…)" over "Apply the stylesheet to the document").
    const definedName =
      question.kind === 'entity' && opensEntryProse(corpus, passage, firstUnderHeading) ? definedNameOfFocus(passage.heading, question, () => sectionOverTerms(corpus, passage)) : null;
    const ownTitle = ownHeading(passage.heading);
    const shortAnswerOf = (view: SentenceView, defined: ShortAnswer | null): ShortAnswer | null =>
      defined ?? (entryName === null ? null : extractEntryNameOfFocus(view, question, entryName)) ?? extractAnswer(view, question, weights, isCommon) ?? contextVersion();
    let proseBefore = entryMatch > 0 ? earlier.section : 0;
    let proseBeforeInPage = earlier.page;
    views.forEach((view, position) => {
      const notProse = view.unlikeProse;
      // Only an entry's sentences can open it. "See X" opens no definition: it says where one is. An aside in brackets
      // may tell where the word comes from.
      const isProse =
        (entryMatch > 0 || pageMatch > 0) && crossReferenceTarget(view.text) === null && isEntryProse(view.text, notProse, question.kind === 'origin');
      // An entry's definition comes early: in its first prose sentence, or after a few lines of history or signature.
      const entryOpening = isProse ? Math.max(entryMatch / (1 + proseBefore), pageMatch / (1 + proseBeforeInPage)) : 0;
      // The first prose of a page titled with the subject alone ("imfile: Text File Input Module") is about it, named or
      // not ("This module provides …"): the title's words count as its heading's.
      const opensEntryPage = isProse && pageMatch > 0 && proseBeforeInPage === 0;
      // Past the opening of the subject's own entry, the word in quotation marks is talk about the word ("… calls them ‘Bogons’").
      const quotedIntroduces = entryMatch === 0 || (isProse && proseBefore === 0);
      if (isProse) {
        proseBefore += 1;
        proseBeforeInPage += 1;
      }
      const short = othersSetting ? null : shortAnswerOf(view, position === 0 ? definedName : null);
      // A sentence of an entry that gives a default ("The default is one minute.") gives it for the entry's subject,
      // which the passage's other sentences name: it covers their words. Not when the question names what no passage does.
      const givesEntryDefault =
        defaultAsked && missingName === 0 && passage.heading !== '' && short !== null && view.tokens.some((token) => token.term === DEFAULT_TERM) &&
        // …a figure or a path ("… is four megabytes", "… is 20 seconds.", "… should be /usr/local."), or a name it states the
        // default is ("The default level is WARNING"), not one it happens to write ("the default configuration … “Release” files").
        (isFigure(short) || FIGURE_OR_PATH.test(short.text) || statesDefault(view, question));
      let covered = 0;
      let inHeading = 0;
      let nearby = 0;
      let pointed = 0;
      const pointsBack = position > 0 && IT_OPENS_MAIN_CLAUSE.test(view.text);
      question.terms.forEach((term, termIndex) => {
        if (!known[termIndex]) return;
        const weight = weights[termIndex]!;
        if (view.hits[termIndex]!.length > 0 || (givesEntryDefault && views.some((other) => holdsTerm(other, termIndex)))) covered += weight;
        // The section heading names what its sentences are about ("os.path.join(path, *paths)" → "Join one or more …").
        else if (term.forms.some((form) => headingTerms.has(form) || (opensEntryPage && titleTerms.has(form)))) inHeading += weight;
        else if (pointsBack && holdsTerm(views[position - 1], termIndex)) pointed += weight;
        else if (holdsTerm(views[position - 1], termIndex) || holdsTerm(views[position + 1], termIndex)) nearby += weight;
      });
      const asksForType = question.kind !== 'other';
      const features: Features = {
        coverage: covered / knownWeight,
        reachableCoverage: covered / reachableWeight,
        strictCoverage: (covered + inHeading) / totalWeight,
        headingCoverage: inHeading / knownWeight,
        neighbourCoverage: nearby / knownWeight,
        pointedCoverage: covered > 0 ? pointed / knownWeight : 0,
        unknownTerms,
        unretrievedTerms,
        retrieval: result.score / bestRetrieval,
        retrievalRank: 1 / (rank + 1),
        headingIsTopic,
        firstInPassage: position === 0 ? 1 : 0,
        opensSection: firstUnderHeading && position === 0 ? 1 : 0,
        opensTopicSection: firstUnderHeading && position === 0 ? headingIsTopic : 0,
        headingMatch,
        // An origin is told at an entry's opening too, but only by a sentence that says where the word comes from.
        // A sentence that names the subject as a text names a term it defines ("also known as a changeset") defines it too.
        definitionEntry:
          question.kind === 'origin' && short === null ? 0 : question.asksDefinition && introducesTopic(view, question.topic, quotedIntroduces) ? 1 : entryOpening,
        spellsOut: question.abbreviations.some((abbreviation) => longFormOf(abbreviation, view.text) !== null) ? 1 : 0,
        answerType: asksForType && short !== null ? 1 : 0,
        answerTypeMissing: asksForType && short === null ? 1 : 0,
        tiedToVerb: short !== null && isFigure(short) && short.tiedToQuestionVerb ? 1 : 0,
        compactness: compactness(view),
        leadsWithTopic: asksForType ? 0 : leadsWithTopic(view),
        unlikeProse: notProse,
        longText: Math.max(0, 1 - LONG_SENTENCE_WORDS / Math.max(1, view.tokens.length)),
        inCodeBlock: passage.code === true ? 1 : 0,
        missingName,
        changeNote: readsAsChangeNote(view.text, ownTitle, question.kind) ? 1 : 0,
      };
      const coverage = missingName ? Math.min(features.coverage + features.headingCoverage, MIN_COVERAGE / 2) : features.coverage + features.headingCoverage + 0.2 * features.neighbourCoverage;
      ranked.push({ view, coverage, features, score: scoreSentence(features), short });
    });
  });
  ranked.sort((a, b) => b.score - a.score || a.view.passage.id - b.view.passage.id || a.view.range.start - b.view.range.start);
  return ranked;
}

/**
 * The heading of the section a run of term entries stands in ("Configure Options" over "--enable-usb", "--enable-net"
 * …): the nearest heading before the run, in the passage's source, that is not an option itself;
 * else the one after it, when the section holds no prose before its options.
 */
function sectionOverTerms(corpus: Corpus, passage: Passage): string {
  for (const step of [-1, 1]) {
    for (let id = passage.id + step; Math.abs(id - passage.id) <= MAX_ENTRIES_AROUND; id += step) {
      const other = corpus.passages[id];
      if (other === undefined || other.sourceId !== passage.sourceId) break;
      if (other.heading !== '' && optionOfTerm(other.heading) === undefined) return other.heading;
    }
  }
  return '';
}

/** How many passages before and after a run of option entries its section's heading is looked for. */
const MAX_ENTRIES_AROUND = 200;

/** The passage is the first under its heading, or the first that is not code: only a signature stands before it. */
function opensEntryProse(corpus: Corpus, passage: Passage, firstUnderHeading: boolean): boolean {
  if (firstUnderHeading) return true;
  if (passage.code === true || passage.heading === '') return false;
  for (let id = passage.id - 1; ; id--) {
    const before = corpus.passages[id];
    if (before === undefined || before.sourceId !== passage.sourceId || before.heading !== passage.heading) return true;
    if (before.code !== true) return false;
  }
}

/** A passage whose sentences are ranked: its sentences seen against the question, its heading's and title's terms. */
function candidatePassage(corpus: Corpus, question: Question, passage: Passage, result: Hit) {
  const title = corpus.sourceById.get(passage.sourceId)?.source.title ?? '';
  const views = viewSentences(passage, question);
  // referredBy: how well the entry of a "See X" that sends the reader here names the subject (0 when none does).
  return { result, passage, views, headingTerms: contentSetOf(passage.heading), title, titleTerms: contentSetOf(title), referredBy: 0 };
}

/**
 * A version a sentence does not state may be its section's or page's: "Structural pattern matching has been added …"
 * under "What's New In Python 3.10". A version in several pages' titles ("… | Node.js v18.20.4 Documentation") is the
 * documentation's own, not an answer.
 */
function versionInContext(corpus: Corpus, passage: Passage, title: string, question: Question, weights: number[]): ShortAnswer | null {
  if (question.kind !== 'version') return null;
  // "6.7 Arrays", "4.6. match Statements": a section number is no version.
  const titleContext = withoutSectionNumber(title);
  for (const context of [withoutSectionNumber(passage.heading), titleContext]) {
    const view: SentenceView = {
      passage,
      range: { start: 0, end: context.length },
      text: context,
      tokens: tokenize(context),
      hits: question.terms.map(() => []),
      unlikeProse: unlikeProse(context),
    };
    const short = extractAnswer(view, question, weights);
    if (short !== null && (context !== titleContext || (titleVersions(corpus).get(short.value) ?? 0) <= 1)) return short;
  }
  return null;
}

const titleVersionCounts = new WeakMap<Corpus, Map<string, number>>();

/** How many sources' titles state each version. */
function titleVersions(corpus: Corpus): Map<string, number> {
  let counts = titleVersionCounts.get(corpus);
  if (counts !== undefined) return counts;
  counts = new Map();
  for (const { source } of corpus.sources) {
    for (const version of new Set(versionsIn(source.title ?? ''))) counts.set(version, (counts.get(version) ?? 0) + 1);
  }
  titleVersionCounts.set(corpus, counts);
  return counts;
}

/**
 * How well a heading names what a definition question asks about: the share of the subject's weight the heading's
 * key holds, times the share of the key's terms that belong to the subject (1 when they name the same thing).
 */
function topicMatch(question: Question, weights: number[], key: ReadonlySet<string>): number {
  if (key.size === 0) return 0;
  let subjectWeight = 0;
  let matchedWeight = 0;
  const subjectForms = new Set<string>();
  for (const termIndex of question.topic) {
    const forms = question.terms[termIndex]!.forms;
    for (const form of forms) subjectForms.add(form);
    subjectWeight += weights[termIndex]!;
    if (forms.some((form) => key.has(form))) matchedWeight += weights[termIndex]!;
  }
  const keyShare = [...key].filter((term) => subjectForms.has(term)).length / key.size;
  return subjectWeight === 0 ? 0 : (matchedWeight / subjectWeight) * keyShare;
}

/**
 * How many prose sentences the passages before this one hold in its section and, with `acrossPage`, in its page
 * (each counted up to a few), in one walk back.
 */
function proseEarlier(corpus: Corpus, passage: Passage, acrossPage: boolean): { section: number; page: number } {
  let section = 0;
  let page = 0;
  let inSection = true;
  for (let id = passage.id - 1; id >= 0 && page < MAX_PROSE_COUNTED; id--) {
    const earlier = corpus.passages[id];
    if (earlier === undefined || earlier.sourceId !== passage.sourceId) break;
    inSection &&= earlier.heading === passage.heading;
    if (!inSection && !acrossPage) break;
    const prose = proseSentences(earlier);
    page += prose;
    if (inSection) section += prose;
  }
  return { section: Math.min(section, MAX_PROSE_COUNTED), page: acrossPage ? Math.min(page, MAX_PROSE_COUNTED) : 0 };
}

/**
 * A sentence that may be an entry's definition: prose not addressed to the reader, with two words at least (not a
 * sense's number, "1. n."), and not an aside wholly in square brackets ("[originally, someone who makes furniture with
 * an axe]"), unless asides count.
 */
function isEntryProse(text: string, unlikeProseScore: number, asidesCount = false): boolean {
  return unlikeProseScore <= ENTRY_PROSE && !addressesReader(text) && (asidesCount || !ASIDE.test(text)) && (text.match(WORDS_OF_PROSE)?.length ?? 0) >= 2;
}

const ASIDE = /^\s*\[[^\]]*\]\s*$/u;
const WORDS_OF_PROSE = /\p{L}{2,}/gu;

/**
 * How many of a passage's sentences are prose: the same whatever the question, so counted once per passage. A code
 * block holds none: an entry's signature ("gchar * g_strdup (const gchar *str);") comes before its definition.
 */
const proseCounts = new WeakMap<Passage, number>();

function proseSentences(passage: Passage): number {
  let count = proseCounts.get(passage);
  if (count === undefined) {
    count = passage.code === true ? 0 : passage.sentences.filter((range) => {
      const text = passage.text.slice(range.start - passage.start, range.end - passage.start);
      return isEntryProse(text, unlikeProse(text));
    }).length;
    proseCounts.set(passage, count);
  }
  return count;
}

function namesMissingFrom(question: Question, views: SentenceView[], heading: ReadonlySet<string>, title: ReadonlySet<string>): boolean {
  return question.terms.some(
    (term, termIndex) =>
      term.isName &&
      !views.some((view) => view.hits[termIndex]!.length > 0) &&
      !term.forms.some((form) => heading.has(form) || title.has(form)),
  );
}

/**
 * The names the question writes as code ("mail_check", "--prefix", "createServer"), each as a pattern for the name
 * written whole: a passage that never writes it so, only its words apart or inside a longer name
 * ("$mail_check_stats_interval"), speaks of another setting. An option or a variable is matched without its dashes or
 * sigil, as prose names it ("the default value of prefix …"). Not a dotted name: a file the question names as its
 * context ("the exports field in package.json") or a qualified name the pages write otherwise ("path.join").
 */
function namedSettingsOf(question: Question): RegExp[] {
  return identifiersOfQuestion(question)
    .filter((identifier) => !identifier.includes('.'))
    .map((identifier) => writtenWhole(identifier.replace(/^[-$]+/u, '')));
}

/**
 * The owner a question names a setting by ("git daemon's --timeout"), when a page of the corpus is titled with it
 * (git-daemon(1)): the setting is that page's, and a page or section of another ("git-credential-cache(1)", whose
 * --timeout defaults to 900) speaks of another's. Its terms.
 */
function ownersOfNamedSettings(corpus: Corpus, question: Question): string[] {
  return identifiersOfQuestion(question).flatMap((identifier) => {
    const owner = new RegExp(`(\\p{L}[\\p{L}\\p{N}_-]*)['’]s\\s+(?:the\\s+)?[\`'"]?${escapeRegExp(identifier)}`, 'iu').exec(question.text)?.[1];
    // A noun or a name owns; "someone else's add_subdirectory" names no owner.
    if (owner === undefined || (isEnglishWord(owner) && !mayBeNoun(owner))) return [];
    return tokenize(owner)
      .map((token) => token.term)
      .filter((term) => term !== '' && titlesTerm(corpus, term));
  });
}

/**
 * The question proper writes a word that is no English word nor the start of one (a clipping: "auth", "repo"), and that
 * no passage holds, even read as a typo of one of the corpus's words ("what uid does the nginx user get?"): it names
 * something the corpus does not speak of.
 */
function namesUnknownWord(question: Question, known: readonly boolean[]): boolean {
  return question.terms.some(
    (term, termIndex) =>
      !known[termIndex] && !term.isContext && UNKNOWN_NAME.test(term.raw) && !isEnglishWord(term.raw) && englishWordsStartingWith(term.raw.toLowerCase()).length === 0,
  );
}

/**
 * How much of an unknown word a corrected one counts as. Chosen among 0, 0.25 and 0.5 on the twenty-five question sets
 * as written and again with one letter swapped or dropped in each question's longest word, left out one set at a time
 * (0.25 in every fold).
 */
const CORRECTION_DOUBT = 0.25;

const UNKNOWN_NAME = /^\p{L}[\p{L}\p{N}_-]{2,}$/u;

/**
 * "What's the weather in Kyiv?" over a corpus that never writes "weather" (nor a word WordNet relates to it): no
 * sentence says what is asked, however many of the question's other words it holds.
 */
function asksUnknownThing(question: Question, known: readonly boolean[]): boolean {
  const thing = question.terms[question.askedThing];
  return thing !== undefined && !known[question.askedThing] && !thing.isContext && isEnglishWord(thing.raw);
}

/** Headings and titles recur across passages and questions: their term sets are computed once (bounded). */
const termSets = new Map<string, Set<string>>();
const MAX_CACHED_TERM_SETS = 20_000;

function contentSetOf(text: string): ReadonlySet<string> {
  if (text === '') return EMPTY_SET;
  let terms = termSets.get(text);
  if (terms === undefined) {
    terms = contentSet(tokenize(text));
    if (termSets.size < MAX_CACHED_TERM_SETS) termSets.set(text, terms);
  }
  return terms;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * A change note, read past the term or heading it is quoted with ("GLOB⏎⏎New in version 3.6."). One that says nothing
 * but its version dates its entry: the answer to a version question, and no answer to any other.
 */
function readsAsChangeNote(text: string, own: string, kind: AnswerKind): boolean {
  const note = own !== '' && text.startsWith(own) ? text.slice(own.length).trimStart() : text;
  if (!isChangeNote(note)) return false;
  return kind !== 'version' || !isBareChangeNote(note);
}

function holdsTerm(view: SentenceView | undefined, termIndex: number): boolean {
  return view !== undefined && view.hits[termIndex]!.length > 0;
}

/**
 * A "how do I rename a database?" is answered by a sentence that renames something, or under a heading that does
 * ("ALTER DATABASE … RENAME TO"), in the verb asked or one of its sense: one that only shares the question's nouns
 * ("The .pyc file includes the timestamp …" for "how do i copy a file but keep its timestamps?") tells something else.
 */
function doesAskedAction(corpus: Corpus, sentence: RankedSentence, question: Question): boolean {
  const { action } = question;
  if (action === null) return true;
  const { view } = sentence;
  const headingTerms = contentTerms(view.passage.heading);
  if (!view.tokens.some((token) => action.includes(token.term)) && !headingTerms.some((term) => action.includes(term))) return false;
  // …and to the thing asked: "The RENAME form changes the name of the index." renames no database.
  const object = objectForms(question);
  if (object === null) return true;
  const title = corpus.sourceById.get(view.passage.sourceId)?.source.title ?? '';
  return view.tokens.some((token) => object.includes(token.term)) || headingTerms.some((term) => object.includes(term)) || contentTerms(title).some((term) => object.includes(term));
}

/** The forms of the term a how-to's action is done to, as the question was read (a misspelt word with its correction). */
function objectForms(question: Question): string[] | null {
  const written = question.actionObject?.toLowerCase();
  return written === undefined ? null : (question.terms.find((term) => term.raw.toLowerCase() === written)?.forms ?? null);
}

/** 1 when the question's words open the sentence ("The break statement, like in C, breaks out …"): a definition, for "what is / what does" questions. */
function leadsWithTopic(view: SentenceView): number {
  const first = Math.min(...view.hits.map((positions) => positions[0] ?? Infinity));
  return first <= 2 ? 1 : 0;
}

/** How tightly the question's words cluster: matched terms over the token span holding them (0–1). */
function compactness(view: SentenceView): number {
  const positions = view.hits.filter((hit) => hit.length > 0).map((hit) => hit[0]!);
  if (positions.length < 2) return positions.length === 1 ? 0.5 : 0;
  const span = Math.max(...positions) - Math.min(...positions) + 1;
  return positions.length / span;
}

/** Sentences grouped as they come, so that each group holds one statement and its near-copies in other sources. */
class StatementGroups {
  readonly groups: RankedSentence[][] = [];
  private readonly terms: Int32Array[] = [];
  private readonly numbering = sharedNumbering();

  /** Adds a sentence to the group of its statement, or opens a new group for it; true when it opened one. */
  add(sentence: RankedSentence): boolean {
    const terms = this.numbering.idsOf(sentence.view.tokens);
    const at = this.terms.findIndex((existing) => sameStatement(existing, terms));
    if (at === -1) {
      this.terms.push(terms);
      this.groups.push([sentence]);
      return true;
    }
    const members = this.groups[at]!;
    if (!members.some((member) => member.view.passage.sourceId === sentence.view.passage.sourceId)) members.push(sentence);
    return false;
  }
}

/** Ranked sentences grouped so that each group holds one statement and its near-copies in other sources. */
function groupStatements(ranked: RankedSentence[]): RankedSentence[][] {
  const statements = new StatementGroups();
  for (const sentence of ranked) statements.add(sentence);
  return statements.groups;
}

function toQuote(corpus: Corpus, group: RankedSentence[], ranked: RankedSentence[], threshold: number): Quote {
  const lead = group[0]!;
  const supporting = new Set(group.map((member) => member.view.passage.sourceId));
  if (lead.short !== null) {
    // Sources that give the same short answer in other words also support this quote.
    for (const sentence of ranked) {
      if (sentence.short?.value === lead.short.value && sentence.coverage >= MIN_COVERAGE && sentence.score >= threshold) {
        supporting.add(sentence.view.passage.sourceId);
      }
    }
  }
  const stories = new Set([...supporting].map((id) => corpus.sourceById.get(id)?.story ?? id));
  return {
    text: lead.view.text,
    source: sourceRef(corpus, lead.view.passage.sourceId),
    alsoIn: group.slice(1).map((member) => sourceRef(corpus, member.view.passage.sourceId)),
    corroboration: stories.size,
    supportedBy: [...supporting],
    start: lead.view.range.start,
    end: lead.view.range.end,
    section: sectionOf(corpus, lead.view),
  };
}

/**
 * A quote and the next sentence of its paragraph, quoted too, are read as the paragraph writes them: one quote, where
 * the better stood. So is a sentence before one that points back at it ("When a spammer … forges sender addresses,
 * innocent sites are flooded … This is called backscatter mail.").
 */
function joinNeighbours(quoted: { quote: Quote; passage: Passage }[]): Quote[] {
  const kept: { quote: Quote; passage: Passage }[] = [];
  for (const next of quoted) {
    const neighbour = kept.find(
      ({ quote, passage }) =>
        passage.id === next.passage.id &&
        adjacentIn(passage, quote, next.quote) &&
        (next.quote.start > quote.start || POINTS_BACK_AT_OPENING.test(quote.text)),
    );
    if (neighbour === undefined) {
      kept.push(next);
      continue;
    }
    const [first, second] = inTextOrder(neighbour.quote, next.quote);
    neighbour.quote = {
      ...neighbour.quote,
      text: neighbour.passage.text.slice(first.start - neighbour.passage.start, second.end - neighbour.passage.start),
      start: first.start,
      end: second.end,
      supportedBy: [...new Set([...neighbour.quote.supportedBy, ...next.quote.supportedBy])],
      corroboration: Math.max(neighbour.quote.corroboration, next.quote.corroboration),
      section: first.section,
    };
  }
  return kept.map(({ quote }) => quote);
}

/** Two quotes of the passage, each its verbatim text, with nothing but white space between them. */
function adjacentIn(passage: Passage, one: Quote, other: Quote): boolean {
  const [first, second] = inTextOrder(one, other);
  const text = (quote: Quote): string => passage.text.slice(quote.start - passage.start, quote.end - passage.start);
  if (first.start < passage.start || second.end > passage.end || text(first) !== first.text || text(second) !== second.text) return false;
  return first.end <= second.start && NEIGHBOUR_GAP.test(passage.text.slice(first.end - passage.start, second.start - passage.start));
}

/** What may stand between two sentences quoted as one: spaces and at most one line break, no paragraph break. */
const NEIGHBOUR_GAP = /^[^\S\n]*\n?[^\S\n]*$/u;

function inTextOrder(one: Quote, other: Quote): [Quote, Quote] {
  return one.start < other.start ? [one, other] : [other, one];
}

/** A value written with a digit or a slash: a figure, a span of time, a path. */
const FIGURE_OR_PATH = /[\p{N}/]/u;

/**
 * The definition quoted is a sentence that only names the subject, at its end ("Cargo also provides a command called
 * cargo check."): the sentence right after it, when it opens by pointing back ("This command quickly checks your code
 * …"), says what the subject is, and is quoted with it (joined as neighbours are, so not across a paragraph break).
 */
function sentenceSayingWhatItIs(lead: RankedSentence, ranked: RankedSentence[], question: Question): RankedSentence | undefined {
  const { view } = lead;
  const last = view.tokens.findLastIndex((token) => token.term !== '');
  if (last === -1 || !question.topic.some((termIndex) => view.hits[termIndex]!.includes(last))) return undefined;
  return ranked.find(
    (other) =>
      other.view.passage.id === view.passage.id &&
      other.view.range.start >= view.range.end &&
      NEIGHBOUR_GAP.test(view.passage.text.slice(view.range.end - view.passage.start, other.view.range.start - view.passage.start)) &&
      POINTS_BACK_AT_OPENING.test(other.view.text),
  );
}

/** A sentence that opens by pointing back at what the one before it said: "This is called …", "It was …", "Such …". */
const POINTS_BACK_AT_OPENING = /^(?:This|That|These|Those|It|Its|Such|They|Their|Both)\b/u;

/**
 * "It" in a sentence's main clause, among its first words, names what the sentence before named: "Info was designed by
 * Stallman. It is …". Not in a clause that opens the sentence ("Readers said that it …", "When it …").
 */
const IT_OPENS_MAIN_CLAUSE = /^(?:(?!(?:that|which|who|if|when|whether|because|although|while|since|as)\b)\S+\s+){0,3}it\b/iu;

/** The closest passages, one sentence each; a sentence another source prints alike is offered once, naming that source. */
function relatedReading(corpus: Corpus, ranked: RankedSentence[]): Quote[] {
  const seen = new Set<number>();
  const statements = new StatementGroups();
  for (const sentence of ranked) {
    if (statements.groups.length >= RELATED_PASSAGES || sentence.coverage === 0) break;
    if (seen.has(sentence.view.passage.id)) continue;
    seen.add(sentence.view.passage.id);
    statements.add(sentence);
  }
  return statements.groups.map((group) => {
    const lead = group[0]!;
    return {
      text: lead.view.text,
      source: sourceRef(corpus, lead.view.passage.sourceId),
      alsoIn: group.slice(1).map((member) => sourceRef(corpus, member.view.passage.sourceId)),
      corroboration: 1,
      supportedBy: group.map((member) => member.view.passage.sourceId),
      start: lead.view.range.start,
      end: lead.view.range.end,
      section: sectionOf(corpus, lead.view),
    };
  });
}

/**
 * The heading a quoted sentence stands under, white space collapsed ("The default value is 500." under
 * "keyseq-timeout"); null without one, when it is the page's title (the citation names that already), or when the
 * sentence opens with it (a term quoted with its definition).
 */
function sectionOf(corpus: Corpus, view: SentenceView): string | null {
  const heading = view.passage.heading.replace(/\s+/gu, ' ').trim();
  const title = corpus.sourceById.get(view.passage.sourceId)?.source.title?.replace(/\s+/gu, ' ').trim();
  if (heading === '' || heading === title) return null;
  return view.text.replace(/\s+/gu, ' ').trim().toLowerCase().startsWith(heading.toLowerCase()) ? null : heading;
}
